//! Files, folders, the theme and the git repository: what the operating system,
//! the templates or a damaged clone stop a command with.

use crate::messages::{Group, Message};

// ---- What khaosan was doing when the operating system said no ----
// Each names the file or folder as it was given; the reason and its fix follow
// from the operating system's error (see the `os-` messages below).

message!(
    CANNOT_READ,
    "cannot-read",
    System,
    "อ่าน {path} ไม่ได้",
    "",
    "cannot read {path}",
    ""
);
message!(
    CANNOT_CREATE,
    "cannot-create",
    System,
    "สร้างโฟลเดอร์ {path} ไม่ได้",
    "",
    "cannot create {path}",
    ""
);
message!(
    CANNOT_WRITE,
    "cannot-write",
    System,
    "เขียน {path} ไม่ได้",
    "",
    "cannot write {path}",
    ""
);
message!(
    CANNOT_COPY,
    "cannot-copy",
    System,
    "คัดลอก {from} ไปที่ {path} ไม่ได้",
    "",
    "cannot copy {from} to {path}",
    ""
);
message!(
    CANNOT_MOVE_INTO_PLACE,
    "cannot-move-into-place",
    System,
    "ย้ายเว็บไซต์ใหม่ไปแทนที่ {path} ไม่ได้ เว็บไซต์เดิมยังอยู่",
    "",
    "cannot move the new site to {path}; the previous site stays",
    ""
);
message!(
    CANNOT_MOVE_ASIDE,
    "cannot-move-aside",
    System,
    "ย้ายเว็บไซต์เดิม {path} ออกไปก่อนไม่ได้ เว็บไซต์เดิมยังอยู่",
    "",
    "cannot move the old site {path} aside; it stays as it was",
    ""
);
message!(
    CANNOT_REMOVE,
    "cannot-remove",
    System,
    "ลบ {path} ไม่ได้",
    "",
    "cannot remove {path}",
    ""
);
message!(
    OLD_SITE_LEFT,
    "old-site-left",
    System,
    "เว็บไซต์ใหม่อยู่ในที่แล้ว แต่ลบเว็บไซต์เดิมออกจาก {path} ไม่ได้",
    "ลบโฟลเดอร์นั้นเอง การสร้างครั้งถัดไปจะลองลบอีกครั้ง",
    "the new site is in place, but the old one could not be removed from {path}",
    "remove that folder yourself; the next build tries again"
);
message!(
    CANNOT_WATCH,
    "cannot-watch",
    System,
    "เฝ้าดูการแก้ไขไฟล์ใน {path} ไม่ได้",
    "",
    "cannot watch the files in {path}",
    ""
);
message!(
    OUTPUT_NEEDS_NAME,
    "output-needs-name",
    System,
    "โฟลเดอร์ผลลัพธ์ {path} ต้องมีชื่อและโฟลเดอร์แม่",
    "ระบุ --out เป็นโฟลเดอร์ เช่น public",
    "the output folder {path} needs a name and a parent folder",
    "give --out a folder such as public"
);

// ---- Why the operating system said no: the reason behind the messages above ----

message!(
    OS_PERMISSION_DENIED,
    "os-permission-denied",
    System,
    "ไม่มีสิทธิ์เข้าถึงไฟล์หรือโฟลเดอร์นี้",
    "ตรวจสิทธิ์ของโฟลเดอร์ (ls -ld) ให้ผู้ใช้ที่เรียก khaosan อ่านและเขียนได้ หรือเลือก --out อื่น",
    "permission denied",
    "check the folder's permissions (ls -ld) so the user running khaosan may read and write it, or choose another --out"
);
message!(
    OS_NOT_FOUND,
    "os-not-found",
    System,
    "ไม่มีไฟล์หรือโฟลเดอร์นี้",
    "ตรวจชื่อและที่อยู่ (นับจากโฟลเดอร์ที่เรียกคำสั่ง)",
    "no such file or folder",
    "check the name and the path (relative to the folder you run the command in)"
);
message!(
    OS_ALREADY_EXISTS,
    "os-already-exists",
    System,
    "มีไฟล์ชื่อนี้อยู่แล้ว (อาจเป็นไฟล์ในที่ที่ต้องเป็นโฟลเดอร์)",
    "ย้ายหรือลบไฟล์เดิมออก หรือเลือกชื่ออื่น",
    "a file of that name already exists (perhaps a file where a folder must be)",
    "move or remove it, or choose another name"
);
message!(
    OS_NOT_A_FOLDER,
    "os-not-a-folder",
    System,
    "ส่วนหนึ่งของที่อยู่นี้เป็นไฟล์ ไม่ใช่โฟลเดอร์",
    "ตรวจที่อยู่: ทุกชื่อก่อนหน้าต้องเป็นโฟลเดอร์ หรือเลือก --out อื่น",
    "part of the path is a file, not a folder",
    "check the path: every name before the last must be a folder; or choose another --out"
);
message!(
    OS_IS_A_FOLDER,
    "os-is-a-folder",
    System,
    "ที่อยู่นี้เป็นโฟลเดอร์ แต่ต้องเป็นไฟล์",
    "ระบุไฟล์ ไม่ใช่โฟลเดอร์",
    "the path is a folder where a file is needed",
    "name a file, not a folder"
);
message!(
    OS_FOLDER_NOT_EMPTY,
    "os-folder-not-empty",
    System,
    "โฟลเดอร์ยังมีไฟล์อยู่",
    "ย้ายไฟล์ออกก่อน หรือเลือกโฟลเดอร์อื่น",
    "the folder is not empty",
    "move its files away first, or choose another folder"
);
message!(
    OS_DISK_FULL,
    "os-disk-full",
    System,
    "ดิสก์เต็ม หรือใช้พื้นที่เกินโควตาของผู้ใช้",
    "ลบไฟล์ที่ไม่ใช้ให้มีที่ว่าง (df -h) แล้วลองใหม่ เว็บไซต์เดิมยังอยู่ครบ",
    "the disk is full or the user's quota is used up",
    "free some space (df -h) and try again; the previous site is untouched"
);
message!(
    OS_READ_ONLY,
    "os-read-only",
    System,
    "ระบบไฟล์นี้อ่านได้อย่างเดียว เขียนไม่ได้",
    "เลือก --out บนดิสก์ที่เขียนได้",
    "the file system is read-only",
    "choose an --out on a disk that can be written"
);
message!(
    OS_CROSSES_DEVICES,
    "os-crosses-devices",
    System,
    "ย้ายข้ามดิสก์ไม่ได้ (โฟลเดอร์ผลลัพธ์เป็นจุดเชื่อมต่อดิสก์)",
    "ให้ --out เป็นโฟลเดอร์ข้างในจุดเชื่อมต่อ (mount point) ไม่ใช่ตัวจุดเชื่อมต่อเอง",
    "cannot move across disks (the output folder is a mount point)",
    "make --out a folder inside the mount point, not the mount point itself"
);
message!(
    OS_FILE_TOO_LARGE,
    "os-file-too-large",
    System,
    "ไฟล์ใหญ่เกินกว่าที่ระบบไฟล์รับได้",
    "เลือก --out บนดิสก์อื่น หรือลดขนาดไฟล์แนบ",
    "the file is too large for the file system",
    "choose an --out on another disk, or make the attachment smaller"
);
message!(
    OS_BAD_NAME,
    "os-bad-name",
    System,
    "ระบบไฟล์ไม่รับชื่อนี้ (ยาวเกินหรือมีอักขระต้องห้าม)",
    "ใช้ชื่อที่สั้นลงและไม่มีอักขระพิเศษ",
    "the file system refuses this name (too long or a forbidden character)",
    "use a shorter name without special characters"
);
message!(
    OS_BUSY,
    "os-busy",
    System,
    "มีโปรแกรมอื่นใช้ไฟล์หรือโฟลเดอร์นี้อยู่",
    "ปิดโปรแกรมนั้น (เช่น เว็บเซิร์ฟเวอร์หรือโปรแกรมแก้ไข) แล้วลองใหม่",
    "another program is using the file or folder",
    "close that program (a web server or an editor) and try again"
);
message!(
    OS_BAD_DATA,
    "os-bad-data",
    System,
    "เนื้อไฟล์อ่านไม่ได้ (ไม่ใช่ข้อความ UTF-8 หรือไฟล์บีบอัดเสียหาย)",
    "บันทึกไฟล์ใหม่เป็น UTF-8 หรือคัดลอกไฟล์มาใหม่",
    "the file's content cannot be read (not UTF-8 text, or a damaged compressed file)",
    "save it again as UTF-8, or copy the file again"
);
message!(
    OS_OTHER,
    "os-other",
    System,
    "ระบบปฏิบัติการแจ้งข้อผิดพลาด (ข้อความของระบบอยู่ถัดไป)",
    "ตรวจที่อยู่และดิสก์ตามข้อความของระบบ แล้วลองใหม่",
    "the operating system reported an error (its words follow)",
    "check the path and the disk as it says, then try again"
);

// ---- The theme's templates ----

message!(
    TEMPLATE_DOES_NOT_COMPILE,
    "template-does-not-compile",
    System,
    "แม่แบบ templates/{name} แปลไม่ได้",
    "แก้แม่แบบ (ในธีม หรือใน templates/ ของเว็บไซต์) ที่บรรทัดนั้นตามไวยากรณ์ของ Tera หรือลบไฟล์ใน templates/ ของเว็บไซต์เพื่อใช้ของธีม",
    "the template templates/{name} does not compile",
    "fix the template (the theme's, or the site's templates/) at that line (Tera syntax), or remove the site's copy to use the theme's"
);
message!(
    TEMPLATE_FAILED,
    "template-failed",
    System,
    "แม่แบบ {name} ใช้สร้าง {page} ไม่ได้",
    "แก้แม่แบบตามเหตุที่แจ้ง (มักเป็นชื่อตัวแปรหรือตัวกรองที่ไม่มี)",
    "template {name} failed for {page}",
    "fix the template as the reason says (usually a variable or filter that does not exist)"
);
message!(
    TEMPLATE_MISSING,
    "template-missing",
    System,
    "ธีมไม่มีแม่แบบ `{name}`",
    "เพิ่ม templates/{name} ในธีมหรือในเว็บไซต์ (คัดลอกจาก themes/default/templates/{name})",
    "the theme has no template `{name}`",
    "add templates/{name} to the theme or the site (copy themes/default/templates/{name})"
);
message!(
    EVIDENCE_TEMPLATE_MISSING,
    "evidence-template-missing",
    System,
    "ธีมไม่มีแม่แบบ `{name}` ของหน้าหลักฐาน",
    "คัดลอก themes/default/templates/{name} ไปไว้ในธีม",
    "the theme has no template `{name}` for the evidence pages",
    "copy themes/default/templates/{name} into the theme"
);
message!(
    SEARCH_TEMPLATE_MISSING,
    "search-template-missing",
    System,
    "ธีมไม่มีแม่แบบ `{name}` ที่หน้าค้นหาต้องใช้",
    "เพิ่ม templates/{name} หรือเขียน `[search] enabled = false` ใน site.toml",
    "the theme has no template `{name}` for the search page",
    "add templates/{name} or set `[search] enabled = false` in site.toml"
);
message!(
    THEME_FILE_NOT_TEXT,
    "theme-file-not-text",
    System,
    "{path} ไม่ใช่ข้อความ UTF-8",
    "บันทึกไฟล์ใหม่เป็น UTF-8",
    "{path} is not UTF-8 text",
    "save it again as UTF-8"
);
message!(
    THEME_STRINGS_NOT_TOML,
    "theme-strings-not-toml",
    System,
    "{path} ไม่ใช่ TOML ที่ถูกต้อง",
    "แก้ตามบรรทัดที่แจ้ง: เขียนแบบ key = \"ข้อความ\"",
    "{path} is not valid TOML",
    "fix the line it names: write key = \"text\""
);
message!(
    DOCUMENT_FAILED,
    "document-failed",
    System,
    "สร้างเอกสาร {name} ไม่ได้",
    "แก้แม่แบบของเอกสารตามเหตุที่แจ้ง",
    "document {name} failed",
    "fix the document's template as the reason says"
);
message!(
    OUTPUT_PATH_OUTSIDE,
    "output-path-outside",
    System,
    "ไม่เขียน `{path}` เพราะอยู่นอกโฟลเดอร์{folder}",
    "ตรวจ url ของรายการและแม่แบบของธีม ถ้ายังเกิดอีก แจ้งเป็นข้อบกพร่องของ khaosan",
    "refusing to write `{path}`: output paths must stay inside the {folder_en} folder",
    "check the item's url and the theme; if it happens again, report it as a bug in khaosan"
);
message!(
    RENDERER_PANICKED,
    "renderer-panicked",
    System,
    "ส่วนสร้างหน้าเว็บหยุดทำงานกะทันหัน (ข้อบกพร่องของ khaosan) ไม่ได้เขียนอะไร",
    "เว็บไซต์เดิมยังอยู่ครบ แจ้งข้อบกพร่องพร้อมข้อความข้างบน",
    "a renderer panicked (a bug in khaosan); nothing was written",
    "the previous site is untouched; report the bug with the message above"
);

// ---- The git repository itself ----

message!(
    GIT_MISSING_OBJECT,
    "git-missing-object",
    System,
    "ที่เก็บ git ขาดวัตถุ {what} {id} โคลนมาไม่ครบหรือเสียหาย",
    "โคลนใหม่พร้อมประวัติทั้งหมด (fetch-depth: 0 หรือ git fetch --unshallow)",
    "the git repository is missing {what} {id}; the clone is incomplete or damaged",
    "clone again with full history (fetch-depth: 0, or git fetch --unshallow)"
);
message!(
    GIT_DAMAGED,
    "git-damaged",
    System,
    "วัตถุ {what} {id} ในที่เก็บ git เสียหาย",
    "ตรวจด้วย git fsck แล้วซ่อม หรือโคลนใหม่",
    "git {what} {id} is damaged",
    "run git fsck and repair the repository, or clone it again"
);
message!(
    GIT_NO_COMMITS,
    "git-no-commits",
    System,
    "ที่เก็บ git ยังไม่มีคอมมิต (HEAD ไม่ชี้ไปที่ใด)",
    "คอมมิตเว็บไซต์ก่อน: git add -A แล้ว git commit",
    "the git repository has no commits yet (HEAD points nowhere)",
    "commit the site first: git add -A, then git commit"
);
message!(
    GIT_HEAD_NOT_COMMIT,
    "git-head-not-commit",
    System,
    "HEAD ไม่ได้ชี้ไปที่คอมมิต",
    "สลับไปที่สาขาหลัก เช่น git switch main",
    "HEAD does not point to a commit",
    "switch to the main branch, e.g. git switch main"
);
message!(
    GIT_NO_BRANCH,
    "git-no-branch",
    System,
    "--branch {name}: ไม่มีสาขาหรือคอมมิตนี้ในที่เก็บ",
    "ตรวจชื่อด้วย git branch --all",
    "--branch {name}: no such branch or commit in this repository",
    "check the name with git branch --all"
);
message!(
    GIT_CANNOT_OPEN,
    "git-cannot-open",
    System,
    "เปิดที่เก็บ git ที่ {path} ไม่ได้",
    "ตรวจว่าโฟลเดอร์ .git ครบและอ่านได้ (git status)",
    "cannot read the git repository at {path}",
    "check that .git is complete and readable (git status)"
);
message!(
    GIT_CANNOT_READ,
    "git-cannot-read",
    System,
    "อ่าน {what} ของที่เก็บ git ไม่ได้",
    "ตรวจที่เก็บด้วย git status และ git fsck",
    "cannot read the git repository's {what}",
    "check the repository with git status and git fsck"
);
message!(
    GIT_INCOMPLETE_HISTORY,
    "git-incomplete-history",
    System,
    "อ่านคอมมิตก่อนหน้าของ {id} ไม่ได้ ประวัติไม่ครบ",
    "โคลนใหม่พร้อมประวัติทั้งหมด (fetch-depth: 0)",
    "cannot read a parent of commit {id}: the history is incomplete",
    "clone with full history (fetch-depth: 0)"
);
message!(
    GIT_COMMAND_FAILED,
    "git-command-failed",
    System,
    "คำสั่ง git {args} ใน {path} ไม่สำเร็จ",
    "แก้ตามข้อความของ git แล้วเรียกอีกครั้งในโฟลเดอร์ว่าง",
    "git {args} failed in {path}",
    "fix what git says, then run again into an empty folder"
);
message!(
    GIT_NOT_INSTALLED,
    "git-not-installed",
    System,
    "ไม่พบคำสั่ง git",
    "ติดตั้ง git หรือใช้ --no-git",
    "git is not installed",
    "install git, or use --no-git"
);
message!(
    INTERNAL_BUG,
    "internal-bug",
    System,
    "{what} (ข้อบกพร่องของ khaosan)",
    "แจ้งข้อบกพร่องพร้อมคำสั่งที่เรียกและข้อความนี้",
    "{what} (a bug in khaosan)",
    "report the bug with the command you ran and this message"
);
