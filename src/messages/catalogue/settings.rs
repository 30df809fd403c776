//! The office's settings: site.toml, approvals/approvers.toml, checklist.toml.

use crate::messages::{Group, Message};

// ---- Settings: site.toml, approvals/approvers.toml, checklist.toml ----

message!(
    PAGINATE_BY,
    "paginate-by",
    Settings,
    "paginate_by ต้องมีค่าอย่างน้อย 1",
    "เขียนจำนวนรายการต่อหน้า เช่น `paginate_by = 10`",
    "paginate_by must be at least 1",
    "write the number of items per page, such as paginate_by = 10"
);
message!(
    SECTION_ID,
    "section-id",
    Settings,
    "รหัสหมวด `{id}` ต้องมีแต่ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-)",
    "เปลี่ยน id ของ [[section]] เช่น `id = \"news\"` และตั้งชื่อโฟลเดอร์ใน content/ ให้ตรงกัน",
    "section id `{id}` must be lowercase ASCII letters, digits and hyphens",
    "change the [[section]] id, such as id = \"news\", and name its folder in content/ the same"
);
message!(
    SECTION_RESERVED,
    "section-reserved",
    Settings,
    "รหัสหมวด `{id}` สงวนไว้สำหรับหน้าที่ khaosan สร้าง",
    "เลือกรหัสอื่น",
    "section id `{id}` is reserved for pages khaosan generates",
    "choose another"
);
message!(
    SECTION_TWICE,
    "section-twice",
    Settings,
    "หมวด `{id}` อยู่ใน site.toml สองครั้ง",
    "ลบ [[section]] ที่ซ้ำ หรือเปลี่ยน id",
    "section `{id}` is listed twice",
    "remove one of the [[section]] entries or change its id"
);
message!(
    UNKNOWN_TIME_ZONE,
    "unknown-time-zone",
    Settings,
    "ไม่รู้จักเขตเวลา `{tz}`",
    "เขียนชื่อเขตเวลาแบบ IANA เช่น `timezone = \"Asia/Bangkok\"`",
    "unknown time zone `{tz}`",
    "write an IANA name such as \"Asia/Bangkok\""
);
message!(
    MOURNING_DATE,
    "mourning-date",
    Settings,
    "อ่านวันไว้ทุกข์ `mourning.{field}` ไม่ได้",
    "เขียนวันที่แบบ ปี ค.ศ.-เดือน-วัน เช่น `{field} = 2026-10-13`",
    "the mourning date `mourning.{field}` cannot be read",
    "write it as year-month-day, such as {field} = 2026-10-13"
);
message!(
    MOURNING_END,
    "mourning-end",
    Settings,
    "วันสิ้นสุดการไว้ทุกข์ (end) ไม่อยู่หลังวันเริ่ม (start)",
    "ให้ `end` เป็นวันแรกที่เว็บไซต์กลับเป็นสีปกติ หลัง `start`",
    "mourning end is not after start",
    "end is the first day the site is in colour again, after start"
);
message!(
    BASE_URL,
    "base-url",
    Settings,
    "base_url ต้องขึ้นต้นด้วย https://",
    "เขียนที่อยู่ของเว็บไซต์ เช่น `base_url = \"https://www.example.go.th/\"`",
    "base_url must be the site's address starting with https://",
    "write it like base_url = \"https://www.example.go.th/\""
);
message!(
    ITEM_SIZE_MB,
    "item-size-mb",
    Settings,
    "item_size_mb ต้องอยู่ระหว่าง 1 ถึง 64: ใช้ค่าเริ่มต้น 2 MB แทน",
    "แก้ `[limits] item_size_mb` เป็นจำนวนเต็ม 1 ถึง 64",
    "item_size_mb must be from 1 to 64; the default 2 MB is used",
    "set [limits] item_size_mb to a whole number from 1 to 64"
);
message!(
    ATTACHMENT_TYPE_REFUSED,
    "attachment-type-refused",
    Settings,
    "ไม่อนุญาตไฟล์แนบชนิด `{type}` เพราะรันสคริปต์บนเว็บไซต์ได้หรือทับหน้าที่สร้างขึ้น",
    "ลบ `{type}` ออกจาก [attachments] types (ระหว่างนี้ใช้รายการเริ่มต้น)",
    "`{type}` cannot be allowed: it can run script on the site or replace a generated page",
    "remove it from [attachments] types; the default list is used instead"
);
message!(
    ATTACHMENT_TYPE_UNKNOWN,
    "attachment-type-unknown",
    Settings,
    "ไม่รู้จักชนิดไฟล์ `{type}` จึงตรวจเนื้อหาไม่ได้",
    "อนุญาตเฉพาะชนิด เช่น pdf, docx, xlsx, odt, jpg, png, zip หรือ csv (ระหว่างนี้ใช้รายการเริ่มต้น)",
    "`{type}` is a type khaosan cannot recognise by content",
    "allow only types such as pdf, docx, xlsx, odt, jpg, png, zip or csv; the default list is used instead"
);
message!(
    SETTING_CONTROL,
    "setting-control-character",
    Settings,
    "มีอักขระควบคุม {code} (ลบออกแล้ว)",
    "ลบอักขระนั้นใน site.toml",
    "contains the control character {code}; it was removed",
    "delete it in site.toml"
);
message!(
    SETTING_LEFT_EMPTY,
    "setting-left-empty",
    Settings,
    "ไม่ใช้ค่านี้",
    "",
    "the setting is left empty",
    ""
);
message!(
    LINK_CONTROL,
    "link-control-character",
    Settings,
    "มีอักขระควบคุม {code}",
    "ลบออก",
    "contains the control character {code}",
    "delete it"
);
message!(
    LINK_SCHEME,
    "link-scheme",
    Settings,
    "ใช้ `{scheme}:` ไม่ได้",
    "ใช้ https:, http:, mailto:, tel: หรือที่อยู่ในเว็บไซต์ เช่น /about/",
    "the scheme `{scheme}:` is not allowed",
    "use https:, http:, mailto:, tel: or a path on the site such as /about/"
);
message!(
    LINK_OTHER_HOST,
    "link-other-host",
    Settings,
    "ที่อยู่ที่ขึ้นต้นด้วย // ชี้ไปเว็บไซต์อื่น",
    "เขียน https:// ให้ครบ",
    "a link starting with // points to another host",
    "write it in full with https://"
);
message!(
    PERSON_TWICE,
    "person-twice",
    Settings,
    "รหัสบุคคล `{id}` อยู่ในทะเบียนสองครั้ง",
    "ให้แต่ละคนมี [[person]] เดียว",
    "person id `{id}` is listed twice",
    "each person needs one [[person]] entry"
);
message!(
    SIGNING_KEY_UNREADABLE,
    "signing-key-unreadable",
    Settings,
    "กุญแจลงนามที่ {n} ของ `{id}` ({key}) อ่านไม่ได้ การอนุมัติที่ลงนามด้วยกุญแจนี้จะไม่นับ",
    "คัดลอกกุญแจสาธารณะมาใหม่ทั้งบรรทัด หรือลบออกจาก signing_keys",
    "signing key {n} of person `{id}` ({key}) cannot be used, so approvals signed with it would not count",
    "paste the whole public key again, or remove it from signing_keys"
);
message!(
    MERGE_SERVICE_KEY_UNREADABLE,
    "merge-service-key-unreadable",
    Settings,
    "กุญแจที่ {n} ของบริการรวมงาน ({key}) อ่านไม่ได้",
    "คัดลอกกุญแจสาธารณะมาใหม่ทั้งบรรทัด หรือลบออกจาก [merge_service] keys",
    "merge-service key {n} ({key}) cannot be used",
    "paste the whole public key again, or remove it from [merge_service] keys"
);
message!(
    CHECKLIST_EMPTY_ID,
    "checklist-empty-id",
    Settings,
    "มี [[item]] ที่ id ว่าง",
    "ใส่ id ให้ทุก [[item]] เช่น `id = \"o1\"`",
    "an [[item]] has an empty id",
    "give every [[item]] an id, such as id = \"o1\""
);
message!(
    CHECKLIST_ID_TWICE,
    "checklist-id-twice",
    Settings,
    "id `{id}` อยู่ใน checklist.toml สองครั้ง",
    "ให้แต่ละ [[item]] มี id ของตัวเอง",
    "id `{id}` is listed twice",
    "give each [[item]] its own id"
);
message!(
    CUTOFFS_EMPTY,
    "cutoffs-empty",
    Settings,
    "ไม่มีวันตัดรอบ (cutoffs ว่าง)",
    "เขียน เช่น `cutoffs = [\"02-28\", \"07-31\"]`",
    "cutoffs is empty",
    "write e.g. cutoffs = [\"02-28\", \"07-31\"]"
);
message!(
    CUTOFF_NOT_A_DAY,
    "cutoff-not-a-day",
    Settings,
    "วันตัดรอบ `{cutoff}` ไม่ใช่วันของปี",
    "เขียนเป็น เดือน-วัน (MM-DD) เช่น \"02-28\"",
    "cut-off `{cutoff}` is not a day of the year",
    "write it as MM-DD, e.g. \"02-28\""
);
message!(
    LATENCY_LIMIT,
    "latency-limit",
    Settings,
    "latency_limit_hours ต้องมากกว่า 0",
    "แนวทางกำหนดไว้ 2 ชั่วโมง: เขียน `latency_limit_hours = 2`",
    "latency_limit_hours must be more than 0",
    "the guideline allows 2: write latency_limit_hours = 2"
);
