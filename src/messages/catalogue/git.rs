//! Why history does not count a change as approved, and why a build stops before anything is written.

use crate::messages::{Group, Message};

// ---- Git: why history does not count a change as approved ----

message!(
    GIT_UNREGISTERED,
    "unregistered-author",
    Git,
    "ผู้ทำไม่อยู่ในทะเบียน: อีเมล {email} ไม่อยู่ใน approvals/approvers.toml",
    "คืนไฟล์เป็นฉบับที่อนุมัติ แล้วเสนอใหม่ (`khaosan restore {path}`) ให้ผู้อนุมัติรวมด้วยอีเมลที่ลงทะเบียน",
    "author not registered: {email} is not in approvals/approvers.toml",
    "restore the approved version, then propose again; the approver merges with a registered e-mail"
);
message!(
    GIT_UNREGISTERED_THEN,
    "unregistered-at-the-time",
    Git,
    "รวมด้วยอีเมล {email} ซึ่งตอนนั้นยังไม่อยู่ในทะเบียน (ภายหลังลงทะเบียนเป็นของ `{id}` แล้ว แต่การอนุมัตินับตามทะเบียนในขณะที่รวม)",
    "การเพิ่มอีเมลภายหลังไม่ทำให้การรวมครั้งนั้นนับเป็นการอนุมัติ: คืนไฟล์ด้วย `khaosan restore {path}` แล้วเปิด pull request ใหม่ ให้ `{id}` รวมอีกครั้ง",
    "merged as {email}, which was not in the registry then (it is registered to `{id}` now, but an approval counts under the registry in effect when it was made)",
    "adding the e-mail later does not make that merge an approval: `khaosan restore {path}`, then open a new pull request and have `{id}` merge it"
);
message!(
    GIT_NOT_AN_APPROVER,
    "git-not-an-approver",
    Git,
    "ผู้ทำ `{id}` ไม่ใช่ผู้อนุมัติในทะเบียนขณะนั้น",
    "เสนอใหม่เป็น pull request ให้ผู้อนุมัติรวม",
    "not made by an approver: `{id}` was not an approver in the registry in effect",
    "propose it as a pull request an approver merges"
);
message!(
    GIT_OCTOPUS,
    "octopus-merge",
    Git,
    "รวมหลายกิ่งพร้อมกัน (octopus merge) ซึ่งไม่นับเป็นการอนุมัติ",
    "รวม pull request ทีละรายการ",
    "octopus merge: one merge of three or more branches approves nothing",
    "merge each pull request on its own"
);
message!(
    GIT_HIDDEN_EDIT,
    "hidden-edit",
    Git,
    "มีการแก้ไขที่ยังไม่อนุมัติซ่อนอยู่ ซึ่งผู้อนุมัติไม่ได้เห็น",
    "คืนไฟล์เป็นฉบับที่อนุมัติ (`khaosan restore {path}`) แล้วเสนอใหม่จาก main (บน GitHub: \"Update branch\" แล้วรวม)",
    "an unapproved edit the approver did not see",
    "restore the approved version, then propose the change again from main"
);
message!(
    GIT_UNAPPROVED_BASE,
    "unapproved-merge-base",
    Git,
    "แตกกิ่งจากฉบับที่ยังไม่อนุมัติ",
    "คืนไฟล์เป็นฉบับที่อนุมัติ แล้วเสนอใหม่เป็น pull request ที่แตกกิ่งจาก main",
    "branched from an unapproved version",
    "restore the approved version, then propose again from main"
);
message!(
    GIT_NAMES_OTHER,
    "front-matter-names-another",
    Git,
    "ผู้อนุมัติในข้อมูลส่วนหัวไม่ตรงกับผู้รวม",
    "ให้ผู้อนุมัติที่ระบุใน `approver` เป็นผู้รวม หรือแก้ `approver` ให้ตรงกับผู้รวม (รายการที่ระบุผู้อนุมัติต่างกันต้องแยก pull request)",
    "the front matter names another approver than the one who merged",
    "the approver named in `approver` must merge it (items naming different approvers go in separate pull requests)"
);
message!(
    GIT_NAMES_NOBODY,
    "front-matter-names-nobody",
    Git,
    "ข้อมูลส่วนหัวไม่ระบุผู้อนุมัติ",
    "เพิ่ม `approver = \"<รหัสผู้รวม>\"`",
    "the front matter names no approver",
    "add approver = \"<id of the one who merges>\""
);
message!(
    GIT_UNREADABLE,
    "front-matter-unreadable",
    Git,
    "อ่านข้อมูลส่วนหัวไม่ได้ จึงไม่รู้ว่าระบุผู้อนุมัติคนใด",
    "แก้ข้อมูลส่วนหัวระหว่างบรรทัด `+++` ให้ถูกต้อง",
    "the front matter cannot be read, so it names no approver",
    "fix the front matter between the +++ lines"
);
message!(
    GIT_NOT_TEXT,
    "not-text",
    Git,
    "ไฟล์ไม่ใช่ข้อความ UTF-8",
    "บันทึกเป็น UTF-8",
    "not UTF-8 text",
    "save it as UTF-8"
);
message!(
    GIT_SIGNATURE,
    "signature",
    Git,
    "ลายมือชื่อดิจิทัลไม่ผ่านการตรวจ",
    "ผู้อนุมัติลงลายมือชื่อด้วยกุญแจที่ลงทะเบียน หรือรวมในหน้าเว็บ GitHub ด้วยอีเมล no-reply ที่ลงทะเบียน",
    "the approval's signature does not verify",
    "the approver signs with a registered key, or merges in GitHub's web interface with a registered no-reply address"
);
message!(
    NOTICE_IGNORED,
    "notice-ignored",
    Git,
    "มีการเปลี่ยนแปลงที่ไม่ได้รับอนุมัติ เว็บไซต์ยังใช้ฉบับที่อนุมัติแล้ว",
    "",
    "a change was not approved; the site keeps the approved version",
    ""
);
message!(
    NOTICE_DELETED,
    "notice-deleted",
    Git,
    "ลบไฟล์แล้ว ถอนออกจากเว็บไซต์ทันที",
    "",
    "a file was deleted and withdrawn from the site at once",
    ""
);
message!(
    NOTICE_OUTSIDE,
    "notice-outside",
    Git,
    "ไฟล์ที่กำหนดวิธีสร้างเว็บไซต์ (src/, .github/) เปลี่ยนโดยไม่มีผู้อนุมัติ",
    "ให้ผู้อนุมัติตรวจการเปลี่ยนแปลงนั้น",
    "files that change how the site is built changed without an approver",
    "have an approver review them"
);
message!(
    NOTICE_REGISTRY,
    "notice-registry",
    Git,
    "อ่านทะเบียนที่อนุมัติแล้วไม่ได้ ทะเบียนฉบับก่อนหน้ายังใช้ตัดสิน",
    "แก้ approvals/approvers.toml แล้วเสนอใหม่",
    "the approved registry cannot be read; the one before it still decides",
    "fix approvals/approvers.toml and propose it again"
);
message!(
    NOTICE_FOXTROT,
    "notice-foxtrot",
    Git,
    "พบการรวมแบบ foxtrot (`git pull` แล้ว `git push`)",
    "ใช้ `git pull --rebase` และสร้างเว็บด้วย --previous",
    "a foxtrot merge (`git pull` then `git push`)",
    "pull with `git pull --rebase`; build with --previous"
);

// ---- Git: why a build stops before anything is written ----

message!(
    STOP_NEEDS_GENESIS,
    "stop-needs-genesis",
    Git,
    "--require-verify ต้องมี --genesis <commit> คือ commit ที่เริ่มนับการอนุมัติ",
    "ผู้ดูแลระบบตั้งตัวแปร KHAOSAN_GENESIS ของ repository (Settings → Secrets and variables → Actions → Variables)",
    "--require-verify needs --genesis <commit>: the commit where trust starts, set by an administrator",
    "in the publish workflow: the repository variable KHAOSAN_GENESIS, Settings → Secrets and variables → Actions → Variables"
);
message!(
    STOP_NO_HISTORY,
    "stop-no-history",
    Git,
    "{registry} กำหนด verify_git = true แต่ {where} จึงตรวจการอนุมัติไม่ได้",
    "สร้างจาก git clone ที่มีประวัติครบ (GitHub Actions: actions/checkout กับ fetch-depth: 0) หรือใช้ --trust-front-matter สำหรับดูตัวอย่างที่จะไม่เผยแพร่",
    "verify_git = true in {registry}, but {where_en}, so approvals cannot be checked",
    "build from a git clone with full history (in GitHub Actions: actions/checkout with fetch-depth: 0), or pass --trust-front-matter for a preview that must not be published"
);
message!(
    STOP_NO_START,
    "stop-no-start",
    Git,
    "{registry} กำหนด verify_git = true แต่ยังไม่มี commit ใดของ {branch} ที่กำหนดไว้ จึงไม่มีจุดเริ่มที่อนุมัติแล้ว",
    "commit การแก้ {registry} ก่อน (หรือระบุ commit เริ่มต้นด้วย --genesis)",
    "verify_git = true in {registry}, but no commit of {branch} says so yet, so there is no approved starting point",
    "commit the change to {registry} (or name the starting commit with --genesis)"
);
message!(
    STOP_SWITCHED_TWICE,
    "stop-switched-twice",
    Git,
    "เปิด verify_git มากกว่าหนึ่งครั้งในประวัติของ {branch} จึงบอกไม่ได้ว่าเริ่มนับการอนุมัติที่ commit ใด (อาจมีผู้ฝังจุดเริ่มไว้) ไม่ได้สร้างอะไร",
    "เลือก commit ที่หน่วยงานเปิดการตรวจจริง แล้วระบุด้วย --genesis (ใน workflow: ตัวแปร KHAOSAN_GENESIS) รายการที่เป็นไปได้:\n{candidates}",
    "verify_git was switched on more than once in the history of {branch}, so the commit where trust starts cannot be told from the history alone (someone may have planted one). Nothing was built",
    "choose the commit where the office really turned verification on and pass it as --genesis (in the publish workflow: the repository variable KHAOSAN_GENESIS). Candidates:\n{candidates}"
);
message!(
    STOP_SHALLOW,
    "stop-shallow",
    Git,
    "เป็น shallow clone ไม่มีประวัติที่พิสูจน์การอนุมัติ ไม่ได้สร้างอะไร",
    "clone พร้อมประวัติครบ (GitHub Actions: actions/checkout กับ fetch-depth: 0 หรือ `git fetch --unshallow`)",
    "this is a shallow clone: the history that proves approvals is missing; nothing was built",
    "clone with full history (in GitHub Actions: actions/checkout with fetch-depth: 0, or run `git fetch --unshallow`)"
);
message!(
    STOP_PARTIAL,
    "stop-partial",
    Git,
    "เป็น partial clone (ดึง object เมื่อใช้) จึงพิสูจน์ไม่ได้ว่าประวัติครบ ไม่ได้สร้างอะไร",
    "clone โดยไม่ใช้ --filter",
    "--require-verify: this is a partial clone (objects are fetched on demand), so history cannot be proven complete; nothing was built",
    "clone without --filter"
);
message!(
    STOP_VERIFY_OFF,
    "stop-verify-off",
    Git,
    "--require-verify: ทะเบียนตามที่ประวัติอนุมัติ ({registry} ที่ปลาย {branch}) ไม่ได้กำหนด verify_git = true ไม่ได้สร้างอะไร",
    "ผู้อนุมัติต้องรวมการแก้ที่กำหนด verify_git = true",
    "--require-verify: the registry as history approved it ({registry} at the tip of {branch}, counting only approved changes) does not say verify_git = true, so nothing was built",
    "an approver must merge a change that sets verify_git = true"
);
message!(
    STOP_GENESIS_UNKNOWN,
    "stop-genesis-unknown",
    Git,
    "--genesis {genesis}: ไม่มี commit นี้ใน repository",
    "ระบุรหัส commit ของ {branch}",
    "--genesis {genesis}: no such commit in this repository",
    "give a commit id of {branch}"
);
message!(
    STOP_GENESIS_OFF,
    "stop-genesis-off",
    Git,
    "--genesis {genesis} ไม่อยู่บนประวัติสายหลัก (first-parent) ของ {branch}: ประวัติอาจถูกเขียนใหม่ (force-push) ไม่ได้สร้างอะไร",
    "ตรวจด้วย `git log --first-parent {branch}` แล้วระบุ commit ที่อยู่บนสายนั้น",
    "--genesis {genesis} is not on the first-parent history of {branch}: the history may have been rewritten (a force-push). Nothing was built",
    "check the history with `git log --first-parent {branch}` and name a commit on it"
);
