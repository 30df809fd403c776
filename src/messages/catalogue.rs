//! The catalogue: every message, grouped as the guides show them.
//! Thai uses one word for each idea, as the command line does: ผู้อนุมัติ (approver),
//! ข้อมูลส่วนหัว (front matter), ทะเบียน (the registry, approvals/approvers.toml).

use super::{Group, Message};

macro_rules! message {
    ($name:ident, $code:literal, $group:ident, $th:literal, $fix_th:literal, $en:literal, $fix_en:literal) => {
        pub const $name: Message = Message {
            code: $code,
            group: Group::$group,
            th: $th,
            en: $en,
            fix_th: $fix_th,
            fix_en: $fix_en,
        };
    };
}

// ---- Input: what staff write ----

message!(
    DATE_FORMAT,
    "date-format",
    Input,
    "เขียนวันที่ `{value}` ในรูปแบบที่อ่านไม่ได้",
    "เขียนวันที่แบบ ปี ค.ศ.-เดือน-วัน เช่น `{key} = 2026-12-01` หรือมีเวลา `{key} = 2026-12-01T08:30:00+07:00` (ไม่ใส่เครื่องหมายคำพูด ไม่ใช้ พ.ศ.)",
    "the date `{value}` cannot be read",
    "write dates as 2026-12-01 (year-month-day, Common Era), or with a time as 2026-12-01T08:30:00+07:00, without quotes"
);
message!(
    EXPECTED_LIST,
    "expected-list",
    Input,
    "`{key}` ต้องเป็นรายการ แต่เขียนเป็นข้อความเดียว",
    "ใส่วงเล็บเหลี่ยม: `{key} = [{value}]` (หลายค่าคั่นด้วยจุลภาค เช่น `{key} = [\"ก\", \"ข\"]`)",
    "`{key}` must be a list, but a single text was written",
    "write {key} = [{value}] (square brackets, texts separated by commas)"
);
message!(
    EXPECTED_TEXT,
    "expected-text",
    Input,
    "`{key}` ต้องเป็นข้อความในเครื่องหมายคำพูด",
    "เขียน `{key} = \"...\"`",
    "`{key}` must be a text in quotes",
    "write {key} = \"...\""
);
message!(
    UNKNOWN_KEY,
    "unknown-key",
    Input,
    "ไม่รู้จักหัวข้อ `{key}`",
    "{suggestion}",
    "unknown key `{key}`",
    "{suggestion_en}"
);
message!(
    TOML_SYNTAX,
    "toml-syntax",
    Input,
    "อ่านข้อมูลส่วนหัวไม่ได้: {detail}",
    "ตรวจบรรทัดที่แจ้ง: ข้อความต้องอยู่ในเครื่องหมายคำพูด \"...\" และแต่ละบรรทัดเป็น `ชื่อ = ค่า`",
    "the front matter cannot be read: {detail}",
    "check the line named: texts go in quotes \"...\", each line is `key = value`"
);
message!(
    BAD_FILE_NAME,
    "bad-file-name",
    Input,
    "ชื่อไฟล์ `{name}` ใช้เป็นที่อยู่เว็บไม่ได้",
    "เปลี่ยนชื่อไฟล์ให้มีแต่ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-) เช่น `2026-12-01-job.md` (ชื่อไฟล์ไม่ใช่ข้อมูลส่วนหัว ไม่ต้องแก้ในไฟล์)",
    "the file name `{name}` cannot be part of a web address",
    "rename the file with lower-case letters, digits and hyphens, such as 2026-12-01-job.md (this is the file name, not the front matter)"
);
message!(
    NOT_UTF8,
    "not-utf8",
    Input,
    "ไฟล์ไม่ได้บันทึกเป็น UTF-8",
    "บันทึกไฟล์ใหม่เป็น UTF-8 (ใน Notepad: บันทึกเป็น → การเข้ารหัส UTF-8)",
    "the file is not saved as UTF-8",
    "save the file again as UTF-8"
);

message!(
    NO_FRONT_MATTER,
    "no-front-matter",
    Input,
    "ไฟล์ไม่มีข้อมูลส่วนหัว",
    "ขึ้นต้นไฟล์ด้วยบรรทัด `+++` ตามด้วยข้อมูลส่วนหัว (title, publish, ...) แล้วปิดด้วย `+++`",
    "the file has no front matter",
    "start the file with a line `+++`, the TOML fields, and another `+++`"
);
message!(
    FRONT_NOT_CLOSED,
    "front-matter-not-closed",
    Input,
    "ข้อมูลส่วนหัวไม่ได้ปิด",
    "เพิ่มบรรทัด `+++` หลังรายการสุดท้ายของข้อมูลส่วนหัว",
    "the front matter is not closed",
    "add a line `+++` after the last field"
);
message!(
    MISSING_FIELD,
    "missing-field",
    Input,
    "ข้อมูลส่วนหัวไม่มี `{key}`",
    "เพิ่มบรรทัด เช่น `{key} = \"...\"`",
    "missing `{key}`",
    "add a line such as `{key} = \"...\"`"
);
message!(
    NO_PUBLISH,
    "no-publish",
    Input,
    "ไม่ระบุวันเผยแพร่",
    "เพิ่ม `publish = 2026-12-01` (หรือมีเวลา `publish = 2026-12-01T08:30:00+07:00`)",
    "no publish date",
    "add `publish = 2026-12-01` (or a time such as 2026-12-01T08:30:00+07:00)"
);
message!(
    EMPTY_TITLE,
    "empty-title",
    Input,
    "ชื่อเรื่องว่าง",
    "เขียนชื่อเรื่องใน `title = \"...\"`",
    "title is empty",
    "write the title in `title = \"...\"`"
);
message!(
    EXPIRES_NOT_AFTER_PUBLISH,
    "expires-not-after-publish",
    Input,
    "วันสิ้นสุด (expires) ไม่อยู่หลังวันเผยแพร่ (publish) รายการจะไม่ปรากฏเลย",
    "ให้ `expires` อยู่หลัง `publish`",
    "expires is not after publish; the item would never be shown",
    "make `expires` later than `publish`"
);
message!(
    UPDATED_BEFORE_PUBLISH,
    "updated-before-publish",
    Input,
    "วันปรับปรุง (updated) อยู่ก่อนวันเผยแพร่",
    "เขียนวันที่แก้ไขล่าสุด ตั้งแต่วันเผยแพร่เป็นต้นไป",
    "updated is before publish",
    "write the date of the item's last change, on or after publish"
);
message!(
    KIND_OUTSIDE_NEWS,
    "kind-outside-news",
    Input,
    "`kind` ใช้ได้เฉพาะรายการใน content/news/",
    "ลบบรรทัด `kind`",
    "`kind` is only for items in content/news/",
    "remove it"
);
message!(
    SOURCE_NOT_URL,
    "source-not-url",
    Input,
    "`source` ไม่ใช่ที่อยู่เว็บ",
    "เขียนที่อยู่ที่ขึ้นต้นด้วย https://",
    "source must be a web address",
    "write an address starting with https://"
);

// ---- Withheld: why the build does not publish an item ----

message!(
    INVALID,
    "invalid",
    Withheld,
    "ข้อมูลในไฟล์ไม่ถูกต้อง",
    "",
    "invalid item",
    ""
);
message!(
    REFUSED,
    "refused",
    Withheld,
    "ไฟล์ใหญ่เกินหรือไฟล์แนบไม่ปลอดภัย",
    "",
    "refused: size or attachment",
    ""
);
message!(
    UNKNOWN_SECTION,
    "unknown-section",
    Withheld,
    "ไม่มีหมวด `{section}` ใน site.toml",
    "เพิ่ม [[section]] ที่มี id = \"{section}\" ใน site.toml หรือย้ายไฟล์ไปไว้ในหมวดที่มีอยู่",
    "unknown section: folder content/{section}/ is not a [[section]] in site.toml",
    "add it there or move the item"
);
message!(
    NO_APPROVER,
    "no-approver",
    Withheld,
    "ไม่ระบุผู้อนุมัติ",
    "เพิ่ม `approver = \"<รหัสผู้อนุมัติ>\"` ในข้อมูลส่วนหัว",
    "no approver: the front matter has no `approver`",
    "add the approving director's id, approver = \"<id>\""
);
message!(
    UNKNOWN_APPROVER,
    "unknown-approver",
    Withheld,
    "ไม่พบผู้อนุมัติ `{id}` ในทะเบียน",
    "แก้รหัสใน `approver` หรือเพิ่มบุคคลนั้นในทะเบียน approvals/approvers.toml",
    "unknown approver: `{id}` is not in approvals/approvers.toml",
    "fix the id or add the person"
);
message!(
    NOT_AN_APPROVER,
    "not-an-approver",
    Withheld,
    "`{id}` ไม่ใช่ผู้อนุมัติ",
    "ระบุผู้อนุมัติในทะเบียน หรือให้ผู้อนุมัติเพิ่มบทบาท \"approver\" ให้ `{id}` ในทะเบียนก่อน",
    "not an approver: `{id}` does not have the role \"approver\" in approvals/approvers.toml",
    "name an approver of the registry"
);
message!(
    UNKNOWN_AUTHOR,
    "unknown-author",
    Withheld,
    "ไม่พบผู้เขียน `{id}` ในทะเบียน จึงไม่มีชื่อผู้เสนอบนบันทึกการเผยแพร่",
    "แก้ `author` เป็นรหัสของผู้เขียนในทะเบียน approvals/approvers.toml หรือเพิ่มบุคคลนั้นในทะเบียน",
    "author not in the registry: `{id}` is not in approvals/approvers.toml, so the public record would name nobody",
    "fix `author` to a registered person's id, or add the person to the registry"
);
message!(
    NO_EXPIRY,
    "no-expiry",
    Withheld,
    "ไม่ระบุวันสิ้นสุดการเผยแพร่ (หมวด {section} ต้องมี)",
    "เพิ่ม เช่น `expires = 2027-09-30` (เฉพาะหมวดถาวรที่ไม่ต้องมี)",
    "no expiry: items in {section} need `expires` (only permanent sections may omit it)",
    "add e.g. expires = 2027-09-30"
);
message!(
    DUPLICATE_URL,
    "duplicate-url",
    Withheld,
    "ที่อยู่เว็บ {url} ซ้ำกับ {others}",
    "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง",
    "duplicate URL: {url} is also claimed by {others}",
    "rename one of them"
);
message!(
    NOT_YET_PUBLISHED,
    "not-yet-published",
    Withheld,
    "ตั้งเวลาเผยแพร่ไว้ เริ่ม {publish}",
    "",
    "scheduled: goes live at {publish}",
    ""
);
message!(
    EXPIRED,
    "expired",
    Withheld,
    "หมดระยะเวลาเผยแพร่เมื่อ {expires}",
    "",
    "expired at {expires}",
    ""
);
message!(
    NOT_APPROVED_IN_GIT,
    "not-approved-in-git",
    Withheld,
    "ยังไม่ได้รับอนุมัติใน git: {why}",
    "เสนอเป็น pull request ให้ผู้อนุมัติที่ระบุในข้อมูลส่วนหัวรวม (merge)",
    "not approved in git: {why}",
    "propose it as a pull request the approver it names merges"
);

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

// ---- Check: what `khaosan check` says about a change ----

message!(
    NOT_IN_CHANGE,
    "not-in-change",
    Check,
    "ไฟล์นี้ไม่ได้เปลี่ยนเมื่อเทียบกับ {rev} จึงเป็นเพียงคำเตือน",
    "",
    "not changed since {rev}, so only a warning",
    ""
);
message!(
    FILE_PROBLEM,
    "file-problem",
    Check,
    "ไฟล์มีปัญหา",
    "",
    "file problem",
    ""
);
message!(
    GIT_NOT_JUDGED,
    "git-not-judged",
    Check,
    "ตรวจการอนุมัติจากประวัติ git ไม่ได้ จึงตรวจจากข้อมูลส่วนหัวแทน: {why}",
    "ตรวจใน git clone ที่มีประวัติครบ (fetch-depth: 0)",
    "approvals could not be judged from git history, so front matter was used: {why}",
    "check in a clone with full history (fetch-depth: 0)"
);
message!(
    PROPOSAL_WITHHELD,
    "proposal-withheld",
    Check,
    "จะถูกระงับแม้ `{merger}` รวมแล้ว",
    "",
    "would stay withheld after `{merger}` merges it",
    ""
);
message!(
    PROPOSAL_IGNORED,
    "proposal-ignored",
    Check,
    "การเปลี่ยนแปลงนี้จะถูกละเลยแม้ `{merger}` รวมแล้ว เว็บไซต์ยังแสดงฉบับที่อนุมัติเดิม",
    "",
    "this change would be ignored after `{merger}` merges it; the site keeps the approved version",
    ""
);
message!(
    SELF_PROMOTION,
    "self-promotion",
    Check,
    "`{merger}` เป็นผู้อนุมัติเฉพาะในทะเบียนที่คำขอนี้เสนอ แต่ผู้อนุมัติต้องอยู่ในทะเบียนที่อนุมัติแล้วก่อนการรวม",
    "แยกการแก้ approvals/approvers.toml เป็น pull request ของตัวเอง ให้ผู้อนุมัติปัจจุบัน ({approvers}) รวมก่อน แล้วจึงรวมคำขอนี้",
    "`{merger}` is an approver only in the registry this change proposes; the approver must be one in the approved registry before the merge",
    "propose the change to approvals/approvers.toml in its own pull request, have a current approver ({approvers}) merge it first, then this one"
);
message!(
    MERGER_NOT_APPROVER,
    "merger-not-approver",
    Check,
    "`{merger}` ไม่ใช่ผู้อนุมัติในทะเบียนที่อนุมัติแล้ว",
    "ระบุผู้อนุมัติในทะเบียน ({approvers}) ใน `approver` และให้ผู้นั้นรวม",
    "`{merger}` is not an approver in the approved registry",
    "name a registered approver ({approvers}) in `approver`, and have them merge it"
);
message!(
    TEMPLATES_FAIL,
    "templates-fail",
    Check,
    "แม่แบบแสดงผลไม่ได้",
    "แก้แม่แบบในโฟลเดอร์ themes/ หรือ templates/ ตามชื่อไฟล์และบรรทัดที่แจ้ง",
    "the templates do not render",
    "fix the template in themes/ or templates/ at the file and line named"
);
message!(
    NO_SOURCE,
    "no-source",
    Check,
    "ไม่ได้ระบุแหล่งที่มา",
    "รายการในหมวด {section} ต้องแสดงแหล่งที่มา: เพิ่ม `source = \"https://...\"`",
    "no source",
    "items in {section} must show where they come from; add `source = \"https://...\"`"
);
message!(
    PLACEHOLDER,
    "placeholder",
    Check,
    "ข้อความที่ต้องแทนที่ ซึ่ง khaosan init ใส่ไว้",
    "เขียนข้อความของหน่วยงานแทน {marker}",
    "placeholder left by khaosan init",
    "write the office's own text here"
);
message!(
    LINK_MISSING_PAGE,
    "link-missing-page",
    Check,
    "ลิงก์ไปยังหน้าที่ไม่มี",
    "ตรวจที่อยู่ของลิงก์ {link}",
    "link to a page that does not exist",
    "{link} matches no item; check the address"
);
message!(
    LINK_NOT_YET_LIVE,
    "link-not-yet-live",
    Check,
    "ลิงก์ไปยังหน้าที่ยังไม่เผยแพร่",
    "เลื่อนเวลาเผยแพร่ของหน้านี้ให้ไม่ก่อนหน้าปลายทาง หรือลบลิงก์",
    "link to a page not yet live",
    "publish this page no earlier than the target, or remove the link"
);
message!(
    LINK_WITHHELD,
    "link-withheld",
    Check,
    "ลิงก์ไปยังหน้าที่ถูกระงับ",
    "แก้หน้าปลายทางให้เผยแพร่ได้ หรือลบลิงก์",
    "link to a withheld page",
    "make the target publishable, or remove the link"
);
message!(
    LINK_EXPIRES_FIRST,
    "link-expires-first",
    Check,
    "ลิงก์ไปยังหน้าที่หมดอายุก่อน",
    "ให้หน้านี้หมดอายุไม่ช้ากว่าหน้าปลายทาง หรือลบลิงก์",
    "link to a page that expires first",
    "let this page expire no later than the target, or remove the link"
);
message!(
    LINK_MISSING_ATTACHMENT,
    "link-missing-attachment",
    Check,
    "ลิงก์ไปยังไฟล์แนบที่ไม่มี",
    "แก้ชื่อไฟล์ในลิงก์ให้ตรงกับไฟล์ที่อยู่ข้างรายการ หรือเพิ่มไฟล์นั้น",
    "link to a missing attachment",
    "make the link name a file beside the item, or add the file"
);

/// Every message, in the order the guides list them.
pub static CATALOGUE: &[&Message] = &[
    &DATE_FORMAT,
    &EXPECTED_LIST,
    &EXPECTED_TEXT,
    &UNKNOWN_KEY,
    &TOML_SYNTAX,
    &BAD_FILE_NAME,
    &NOT_UTF8,
    &NO_FRONT_MATTER,
    &FRONT_NOT_CLOSED,
    &MISSING_FIELD,
    &NO_PUBLISH,
    &EMPTY_TITLE,
    &EXPIRES_NOT_AFTER_PUBLISH,
    &UPDATED_BEFORE_PUBLISH,
    &KIND_OUTSIDE_NEWS,
    &SOURCE_NOT_URL,
    &INVALID,
    &REFUSED,
    &UNKNOWN_SECTION,
    &NO_APPROVER,
    &UNKNOWN_APPROVER,
    &NOT_AN_APPROVER,
    &UNKNOWN_AUTHOR,
    &NO_EXPIRY,
    &DUPLICATE_URL,
    &NOT_YET_PUBLISHED,
    &EXPIRED,
    &NOT_APPROVED_IN_GIT,
    &GIT_UNREGISTERED,
    &GIT_UNREGISTERED_THEN,
    &GIT_NOT_AN_APPROVER,
    &GIT_OCTOPUS,
    &GIT_HIDDEN_EDIT,
    &GIT_UNAPPROVED_BASE,
    &GIT_NAMES_OTHER,
    &GIT_NAMES_NOBODY,
    &GIT_UNREADABLE,
    &GIT_NOT_TEXT,
    &GIT_SIGNATURE,
    &NOTICE_IGNORED,
    &NOTICE_DELETED,
    &NOTICE_OUTSIDE,
    &NOTICE_REGISTRY,
    &NOTICE_FOXTROT,
    &NOT_IN_CHANGE,
    &FILE_PROBLEM,
    &GIT_NOT_JUDGED,
    &PROPOSAL_WITHHELD,
    &PROPOSAL_IGNORED,
    &SELF_PROMOTION,
    &MERGER_NOT_APPROVER,
    &TEMPLATES_FAIL,
    &NO_SOURCE,
    &PLACEHOLDER,
    &LINK_MISSING_PAGE,
    &LINK_NOT_YET_LIVE,
    &LINK_WITHHELD,
    &LINK_EXPIRES_FIRST,
    &LINK_MISSING_ATTACHMENT,
];

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
    "verify_git = true in {registry}, but {where}, so approvals cannot be checked",
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

/// Why a build stops, in the order the guides list them.
pub static STOPS: &[&Message] = &[
    &STOP_NEEDS_GENESIS,
    &STOP_NO_HISTORY,
    &STOP_NO_START,
    &STOP_SWITCHED_TWICE,
    &STOP_SHALLOW,
    &STOP_PARTIAL,
    &STOP_VERIFY_OFF,
    &STOP_GENESIS_UNKNOWN,
    &STOP_GENESIS_OFF,
];
