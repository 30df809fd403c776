//! Why the build does not publish an item.

use crate::messages::{Group, Message};

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
