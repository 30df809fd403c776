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

// ---- Input: names of files, tags and attachments, and what an item holds ----

message!(
    NAME_EMPTY,
    "name-empty",
    Input,
    "ชื่อว่าง",
    "ตั้งชื่อ",
    "the name is empty",
    "give it a name"
);
message!(
    NAME_CONTROL,
    "name-control-character",
    Input,
    "มีอักขระควบคุมที่มองไม่เห็น ({code})",
    "ลบออก",
    "contains the invisible control character {code}",
    "delete it"
);
message!(
    NAME_TOO_LONG,
    "name-too-long",
    Input,
    "ยาวเกินไป ({bytes} ไบต์ เกิน 255; อักษรไทยใช้ 3 ไบต์ต่อตัว)",
    "ตั้งให้สั้นลง",
    "is too long for a file name ({bytes} bytes, at most 255; a Thai letter takes 3)",
    "shorten it"
);
message!(
    NAME_REFUSED_CHARACTER,
    "name-refused-character",
    Input,
    "มีอักขระ `{char}` ที่ระบบไฟล์ไม่รับ",
    "ลบหรือใช้ - แทน",
    "contains `{char}`, which file systems refuse",
    "remove it or use -"
);
message!(
    NAME_DOTS,
    "name-dots",
    Input,
    "`.` และ `..` ไม่ใช่ชื่อ",
    "ตั้งชื่อที่มีตัวอักษร",
    "`.` and `..` are not names",
    "choose a name with letters"
);
message!(
    NAME_TRAILING_DOT,
    "name-trailing-dot",
    Input,
    "ลงท้ายด้วยจุดหรือช่องว่าง ซึ่ง Windows ตัดทิ้ง",
    "ลบออก",
    "ends with a dot or a space, which Windows drops",
    "remove it"
);
message!(
    NAME_RESERVED_BY_WINDOWS,
    "name-reserved-by-windows",
    Input,
    "`{name}` เป็นชื่อที่ Windows สงวนไว้",
    "เปลี่ยนชื่อ",
    "`{name}` is reserved by Windows",
    "choose another name"
);
message!(
    TAG_NAME,
    "tag-name",
    Input,
    "แท็ก (tag) \"{tag}\" ใช้เป็นชื่อหน้าไม่ได้",
    "แก้แท็กใน `tags` ตามที่แจ้ง",
    "the tag \"{tag}\" cannot name a page",
    "change the tag in `tags` as described"
);
message!(
    ATTACHMENT_NAME,
    "attachment-name",
    Input,
    "ชื่อไฟล์แนบ `{name}` ใช้ไม่ได้",
    "เปลี่ยนชื่อไฟล์แนบตามที่แจ้ง",
    "the attachment name `{name}` cannot be used",
    "rename the attachment as described"
);
message!(
    CONTROL_CHARACTER,
    "control-character",
    Input,
    "มีอักขระควบคุมที่มองไม่เห็น {code} (มักติดมาจากการคัดลอกจาก Word)",
    "ลบออกแล้วพิมพ์ใหม่",
    "contains the invisible control character {code} (often pasted from Word), which would break the feed",
    "delete it"
);
message!(
    ITEM_TOO_LARGE,
    "item-too-large",
    Input,
    "ไฟล์ใหญ่เกิน {limit} MB ({size} MB)",
    "แบ่งเป็นหลายรายการ หรือย้ายข้อมูลไปเป็นไฟล์แนบ (หรือเพิ่ม [limits] item_size_mb ใน site.toml ได้ไม่เกิน 64)",
    "is larger than the {limit} MB an item may be ({size} MB)",
    "split it, move data into an attachment, or raise [limits] item_size_mb in site.toml (at most 64)"
);
message!(
    TOO_DEEP,
    "nested-too-deep",
    Input,
    "ซ้อนกันลึกเกิน 100 ชั้น ({what_th})",
    "ลดการซ้อน",
    "nests {what} more than 100 deep; no page needs that many levels",
    "flatten it"
);
message!(
    ATTACHMENT_SAME_NAME,
    "attachment-same-name",
    Input,
    "ชื่อซ้ำกับ {first} เมื่อไม่สนใจตัวพิมพ์เล็กใหญ่ (บน Windows และ macOS เป็นไฟล์เดียวกัน)",
    "เปลี่ยนชื่อไฟล์ใดไฟล์หนึ่ง",
    "has the same name as {first} apart from letter case or Unicode form (one file on Windows and macOS)",
    "rename one"
);
message!(
    ATTACHMENT_RUNS_SCRIPT,
    "attachment-runs-script",
    Input,
    "ไฟล์ `{name}` เป็นชนิดที่รันสคริปต์บนเว็บไซต์ได้หรือทับหน้าเว็บ จึงแนบไม่ได้",
    "แปลงเป็น PDF",
    "`{name}` could run script on the office's site or replace a generated page, so it is never published",
    "convert it to PDF"
);
message!(
    ATTACHMENT_NO_EXTENSION,
    "attachment-no-extension",
    Input,
    "ไฟล์แนบไม่มีนามสกุล",
    "เพิ่มนามสกุล เช่น .pdf (ชนิดที่อนุญาต: {types})",
    "the attachment has no extension such as .pdf",
    "add one; allowed types: {types}"
);
message!(
    ATTACHMENT_TYPE_NOT_ALLOWED,
    "attachment-type-not-allowed",
    Input,
    "ไม่อนุญาตไฟล์แนบชนิด .{ext} (อนุญาต: {types})",
    "แปลงเป็น PDF หรือเพิ่มใน [attachments] types ของ site.toml",
    ".{ext} is not an allowed attachment type ({types})",
    "convert it, or add it to [attachments] types in site.toml"
);
message!(
    ATTACHMENT_UNREADABLE,
    "attachment-unreadable",
    Input,
    "อ่านไฟล์แนบไม่ได้",
    "ตรวจว่าไฟล์ยังอยู่และเปิดได้",
    "cannot read the attachment",
    "check that the file is there and opens"
);
message!(
    ATTACHMENT_CONTENT_MISMATCH,
    "attachment-content-mismatch",
    Input,
    "เนื้อไฟล์ไม่ตรงกับนามสกุล .{ext} (พบ {found})",
    "บันทึกไฟล์ใหม่ให้ถูกชนิด",
    "the content is not a .{ext} file (it looks like {found})",
    "save it again in the right format"
);
message!(
    DATE_WITHOUT_DAY,
    "date-without-day",
    Input,
    "`{value}` ไม่มีวันที่",
    "เขียนวันที่ เช่น 2026-12-31 หรือ 2026-12-31T08:30:00+07:00",
    "`{value}` has no date",
    "write a date like 2026-12-31 or 2026-12-31T08:30:00+07:00"
);
message!(
    DATE_NOT_REAL,
    "date-not-real",
    Input,
    "`{value}` ไม่ใช่วันที่ที่มีจริง",
    "ตรวจเดือนและวัน (ปี ค.ศ.-เดือน-วัน เช่น 2026-02-28)",
    "`{value}` is not a real date",
    "check the month and day (year-month-day, such as 2026-02-28)"
);
message!(
    TIME_NOT_REAL,
    "time-not-real",
    Input,
    "`{value}` ไม่ใช่เวลาที่มีจริง",
    "เขียนเวลาแบบ 24 ชั่วโมง เช่น 08:30:00",
    "`{value}` is not a real time",
    "write a 24-hour time such as 08:30:00"
);
message!(
    BUDDHIST_YEAR,
    "buddhist-year",
    Input,
    "ปี {year} เป็นปี พ.ศ.",
    "ให้เขียนปี ค.ศ. คือ {ce} (ถ้าไม่มีวันหมดอายุ เขียน 9999-12-31)",
    "year {year} looks like the Buddhist Era; front matter uses the Common Era",
    "write {ce} (for \"never expires\" write 9999-12-31)"
);

message!(
    STRAY_OUTSIDE_CONTENT,
    "stray-outside-content",
    Input,
    "อยู่นอกโฟลเดอร์ content/",
    "ย้ายไฟล์ไปไว้ในหมวดใน content/ เช่น content/news/",
    "is outside content/",
    "move it into a section folder such as content/news/"
);
message!(
    STRAY_IN_CONTENT,
    "stray-in-content",
    Input,
    "อยู่ใน content/ โดยตรง ไม่อยู่ในหมวดใด",
    "ย้ายรายการไปไว้ในโฟลเดอร์ของหมวด เช่น content/news/",
    "sits directly in content/",
    "put items in a section folder such as content/news/"
);
message!(
    STRAY_ATTACHMENT,
    "stray-attachment",
    Input,
    "เป็นไฟล์แนบที่ไม่อยู่ในโฟลเดอร์ของรายการ",
    "ย้ายไปไว้ใน content/<หมวด>/<ชื่อรายการ>/ คู่กับ index.md",
    "is an attachment outside a bundle",
    "move it into content/<section>/<slug>/ beside index.md"
);
message!(
    STRAY_MARKDOWN_IN_BUNDLE,
    "stray-markdown-in-bundle",
    Input,
    "เป็นไฟล์ Markdown อีกไฟล์ในโฟลเดอร์ของรายการ",
    "โฟลเดอร์ของรายการมี index.md (และ index.en.md) เท่านั้น: รวมเนื้อหาเข้า index.md หรือแยกเป็นรายการใหม่",
    "is a Markdown file inside a bundle; a bundle has one index.md (and index.en.md)",
    "merge it into index.md or make it an item of its own"
);
message!(
    STRAY_NOT_A_FILE,
    "stray-not-a-file",
    Input,
    "ไม่ใช่ไฟล์",
    "ลบออก หรือใส่ไฟล์ของรายการแทน",
    "is not a file",
    "remove it or put the item's file there"
);
message!(
    STRAY_NO_INDEX,
    "stray-no-index",
    Input,
    "อยู่ในโฟลเดอร์ที่ไม่มี index.md จึงไม่เป็นของรายการใด",
    "เพิ่ม index.md หรือย้ายไฟล์",
    "is in a folder without index.md, so it belongs to no item",
    "add index.md or move the file"
);

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

// ---- Commands: what the web master meets running build, serve, new, restore, stats, survey ----

message!(
    NOT_A_SITE,
    "not-a-site",
    Command,
    "{root} ไม่มี site.toml หรือ content/",
    "เรียก khaosan ในโฟลเดอร์ของเว็บไซต์ หรือระบุ --root",
    "{root} has no site.toml or content/",
    "run khaosan in the site's folder or pass --root"
);
message!(
    STRICT_PROBLEMS,
    "strict-problems",
    Command,
    "--strict: มีปัญหา {count} รายการที่ต้องแก้ก่อน ไม่ได้เขียนอะไร (รายละเอียด: {report})",
    "แก้ตามรายงาน แล้วสร้างใหม่",
    "--strict: {count} problem(s) must be fixed first; nothing was written (details: {report})",
    "fix them as the report says, then build again"
);
message!(
    REPORT_IN_OUTPUT,
    "report-in-output",
    Command,
    "--report {report} อยู่ในโฟลเดอร์ผลลัพธ์ {out} ซึ่งจะเผยแพร่ชื่อรายการที่ถูกระงับ",
    "เก็บไว้ที่อื่น เช่น .khaosan/report.json",
    "--report {report} is inside the output folder {out}, which would publish the names of withheld items",
    "write it elsewhere, e.g. .khaosan/report.json"
);
message!(
    OUTPUT_HOLDS_SITE,
    "output-holds-site",
    Command,
    "โฟลเดอร์ผลลัพธ์ {out} มีเว็บไซต์ต้นฉบับอยู่ข้างใน",
    "เลือก --out อื่น เช่น public",
    "the output folder {out} contains the site itself",
    "choose another --out such as public"
);
message!(
    OUTPUT_IN_SOURCE,
    "output-in-source",
    Command,
    "โฟลเดอร์ผลลัพธ์ {out} อยู่ใน {source}/",
    "เลือก --out อื่น เช่น public",
    "the output folder {out} is inside {source}/",
    "choose another --out such as public"
);
message!(
    OUTPUT_NOT_KHAOSANS,
    "output-not-khaosans",
    Command,
    "{out} มีไฟล์อื่นอยู่ และไม่ได้สร้างโดย khaosan (ไม่มี {info})",
    "ย้ายออกไป หรือเลือก --out อื่น",
    "{out} exists, is not empty and was not written by khaosan (no {info})",
    "move it away or choose another --out"
);
message!(
    OUTPUT_NOT_A_FOLDER,
    "output-not-a-folder",
    Command,
    "{out} มีอยู่แล้วและไม่ใช่โฟลเดอร์",
    "เลือก --out อื่น",
    "{out} exists and is not a folder",
    "choose another --out"
);
message!(
    PREVIEW_INTO_OUTPUT,
    "preview-into-output",
    Command,
    "{dir} คือโฟลเดอร์เว็บไซต์จริง ตัวอย่างเขียนลงที่นั่นไม่ได้",
    "เขียนตัวอย่างลงโฟลเดอร์ของตัวเอง เช่น preview/",
    "{dir} is a public output folder",
    "write the preview to a folder of its own, e.g. preview/"
);
message!(
    PREVIEW_NOT_EMPTY,
    "preview-not-empty",
    Command,
    "{dir} มีไฟล์อื่นอยู่แล้ว และไม่ใช่ตัวอย่างครั้งก่อน",
    "เลือกโฟลเดอร์ว่าง",
    "{dir} is not empty and holds no earlier preview",
    "choose an empty folder"
);
message!(
    CANNOT_LISTEN,
    "cannot-listen",
    Command,
    "เปิดเซิร์ฟเวอร์ที่ {addr} ไม่ได้",
    "เลือกพอร์ตอื่นด้วย --port หรือปิดโปรแกรมที่ใช้พอร์ตนั้นอยู่",
    "cannot listen on {addr}",
    "choose another port with --port, or stop the program that uses it"
);
message!(
    RESTORE_NOTHING,
    "restore-nothing",
    Command,
    "ไม่ได้ระบุไฟล์ที่จะคืน",
    "ระบุไฟล์ เช่น `khaosan restore content/news/a.md`",
    "no file to restore was named",
    "name the files to restore, e.g. khaosan restore content/news/a.md"
);
message!(
    RESTORE_NO_SUCH_FILE,
    "restore-no-such-file",
    Command,
    "{path}: ไม่มีไฟล์นี้ทั้งในเว็บไซต์ที่อนุมัติแล้วและในโฟลเดอร์งาน",
    "ตรวจชื่อไฟล์ (นับจากโฟลเดอร์เว็บไซต์ เช่น content/news/a.md)",
    "{path}: no such file in the approved site or the working tree",
    "check the path (relative to the site folder, e.g. content/news/a.md)"
);
message!(
    RESTORE_OUTSIDE,
    "restore-outside-site",
    Command,
    "{path}: อยู่นอกโฟลเดอร์เว็บไซต์ {root}",
    "khaosan restore เขียนเฉพาะในโฟลเดอร์เว็บไซต์: ระบุไฟล์ข้างใน เช่น content/news/a.md",
    "{path}: outside the site folder {root}",
    "khaosan restore writes only inside it; name a file inside it, e.g. content/news/a.md"
);
message!(
    RESTORE_LEAVES_SITE,
    "restore-leaves-site",
    Command,
    "{path}: ชี้ออกนอกโฟลเดอร์เว็บไซต์ (`..` หรือไดรฟ์)",
    "ระบุไฟล์ในโฟลเดอร์เว็บไซต์ เช่น content/news/a.md",
    "{path}: goes outside the site folder (`..` or a drive)",
    "name a file inside it, e.g. content/news/a.md"
);
message!(
    RESTORE_NOT_SITE_FILE,
    "restore-not-site-file",
    Command,
    "{path}: ไม่ใช่ไฟล์ที่ใช้สร้างเว็บไซต์ ({gated})",
    "khaosan restore คืนได้เฉพาะไฟล์เหล่านั้น",
    "{path}: not one of the files the site is made from ({gated})",
    "khaosan restores only those"
);
message!(
    RESTORE_SYMLINK,
    "restore-symlink",
    Command,
    "{path}: {full} เป็นลิงก์สัญลักษณ์ (symbolic link) khaosan ไม่เขียนผ่านลิงก์",
    "ลบลิงก์ก่อน",
    "{path}: {full} is a symbolic link; khaosan never writes through links",
    "remove the link first"
);
message!(
    STATS_NO_LOG,
    "stats-no-log",
    Command,
    "ไม่ได้ระบุไฟล์บันทึกการเข้าชม (access log)",
    "ระบุอย่างน้อยหนึ่งไฟล์ เช่น `khaosan stats /var/log/nginx/access.log*`",
    "no access log was given",
    "give at least one access log, e.g. khaosan stats /var/log/nginx/access.log*"
);
message!(
    STATS_LOG_FORMAT,
    "stats-log-format",
    Command,
    "ไม่มีบรรทัดใดเป็นรูปแบบ common/combined: {examples}",
    "ตั้ง log_format ของเว็บเซิร์ฟเวอร์เป็น combined",
    "no line is in common or combined log format: {examples}",
    "set the web server's log_format to combined"
);
message!(
    SURVEY_NO_WORKSHEET,
    "survey-no-worksheet",
    Command,
    "ไฟล์ไม่มีแผ่นงาน (worksheet)",
    "ส่งออกผลแบบสำรวจใหม่เป็น .xlsx หรือ .csv",
    "the workbook has no worksheet",
    "export the survey answers again as .xlsx or .csv"
);
message!(
    SURVEY_NO_TIME_COLUMN,
    "survey-no-time-column",
    Command,
    "ไม่พบคอลัมน์เวลาที่ตอบ (เช่น ประทับเวลา, Timestamp หรือ Start time)",
    "ระบุปีงบประมาณด้วย --fiscal-year 2569",
    "no time column such as ประทับเวลา, Timestamp or Start time",
    "give the year with --fiscal-year 2569"
);
message!(
    SURVEY_NO_RATING,
    "survey-no-rating",
    Command,
    "ไม่พบคำถามแบบให้คะแนน 1–5",
    "ต้องมีคอลัมน์ที่คำตอบทุกแถวเป็น 1–5 หรือ มากที่สุด…น้อยที่สุด",
    "no rating question",
    "the export needs a column whose answers are all 1–5 or มากที่สุด…น้อยที่สุด"
);
message!(
    SURVEY_NO_READABLE_TIME,
    "survey-no-readable-time",
    Command,
    "อ่านเวลาที่ตอบไม่ได้ทั้ง {rows} แถว",
    "ระบุปีงบประมาณด้วย --fiscal-year 2569",
    "no answer has a readable time ({rows} rows)",
    "give the year with --fiscal-year 2569"
);
message!(
    NEW_UNKNOWN_SECTION,
    "new-unknown-section",
    Command,
    "ไม่มีหมวด `{section}` ใน site.toml",
    "เลือกหมวดใดหมวดหนึ่ง: {known}",
    "section `{section}` is not in site.toml",
    "choose one of: {known}"
);
message!(
    NEW_EMPTY_TITLE,
    "new-empty-title",
    Command,
    "ไม่ได้ระบุชื่อเรื่อง",
    "เขียนชื่อเรื่องในเครื่องหมายคำพูด: khaosan new news \"ประกาศ ...\"",
    "the title is empty",
    "write it in quotes: khaosan new news \"ประกาศ ...\""
);
message!(
    NEW_BAD_SLUG,
    "new-bad-slug",
    Command,
    "--slug `{slug}` ใช้เป็นที่อยู่เว็บไม่ได้",
    "ใช้ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-) เช่น flu-vaccine-2026",
    "--slug `{slug}` cannot be a web address",
    "use lowercase ASCII letters, digits and hyphens, e.g. flu-vaccine-2026"
);
message!(
    NEW_EXISTS,
    "new-exists",
    Command,
    "{dir}/{slug}.md (หรือโฟลเดอร์ {dir}/{slug}/) มีอยู่แล้ว ไม่ได้เขียนอะไร",
    "ตั้งชื่ออื่นด้วย --slug",
    "{dir}/{slug}.md (or the bundle {dir}/{slug}/) already exists; nothing was written",
    "choose another name with --slug"
);
message!(
    NEW_UNKNOWN_AUTHOR,
    "new-unknown-author",
    Command,
    "--author `{id}` ไม่อยู่ในทะเบียน approvals/approvers.toml",
    "ใช้รหัสใดรหัสหนึ่ง: {ids}",
    "--author `{id}` is not in approvals/approvers.toml",
    "use one of: {ids}"
);
message!(
    NEW_WHO_PROPOSES,
    "new-who-proposes",
    Command,
    "ไม่ทราบว่าใครเสนอรายการนี้: {why_th}",
    "ระบุ --author ด้วยรหัสบุคคลของท่าน ({ids})",
    "who is proposing this item? {why}",
    "pass --author with your person id ({ids})"
);
message!(
    NEW_NO_APPROVER,
    "new-no-approver",
    Command,
    "ทะเบียน approvals/approvers.toml ไม่มีผู้อนุมัติ (บทบาท \"approver\")",
    "เพิ่มผู้อำนวยการในทะเบียนก่อน",
    "approvals/approvers.toml has no person with the role \"approver\"",
    "add the director there first"
);
message!(
    NEW_BAD_DATE,
    "new-bad-date",
    Command,
    "{flag} `{text}` ไม่ใช่วันที่",
    "เขียน 2026-12-01 หรือมีเวลา 2026-12-01T08:30:00+07:00",
    "{flag} `{text}` is not a date",
    "write 2026-12-01, or a time such as 2026-12-01T08:30:00+07:00"
);
message!(
    NEW_EXPIRES_FIRST,
    "new-expires-first",
    Command,
    "--expires {expires} ไม่อยู่หลังเวลาเผยแพร่ {publish} รายการจะไม่ปรากฏเลย",
    "ระบุวันที่หลังวันเผยแพร่",
    "--expires {expires} is not after the publish time {publish}; the item would never be shown",
    "give a later date"
);
message!(
    NEW_DAYS_ZERO,
    "new-days-zero",
    Command,
    "--days ต้องมีค่าอย่างน้อย 1",
    "ระบุจำนวนวัน เช่น --days 30",
    "--days must be at least 1",
    "give a number of days such as --days 30"
);
message!(
    NEW_NO_LIFETIME,
    "new-no-lifetime",
    Command,
    "หมวด `{section}` ไม่มี lifetime_days ใน site.toml",
    "ระบุ --days N หรือ --expires วันที่",
    "section `{section}` has no lifetime_days in site.toml",
    "pass --days N or --expires DATE"
);

message!(
    VERIFY_AND_TRUST,
    "verify-and-trust",
    Command,
    "ใช้ --require-verify กับ --trust-front-matter พร้อมกันไม่ได้ เพราะขัดกัน",
    "การสร้างเพื่อเผยแพร่ใช้เฉพาะ --require-verify",
    "--require-verify and --trust-front-matter contradict each other",
    "a build to publish passes only --require-verify"
);
message!(
    THEME_MISSING,
    "theme-missing",
    Command,
    "ไม่มีธีม `{name}` (`theme` ใน site.toml): ไม่มีไฟล์ใน themes/{name}/",
    "เพิ่มธีมนั้น หรือเขียน `theme = \"default\"`",
    "theme `{name}` (site.toml `theme`) has no files under themes/{name}/",
    "add the theme or write theme = \"default\""
);
message!(
    REPORT_DAYS_REVERSED,
    "report-days-reversed",
    Command,
    "--to {last} อยู่ก่อน --from {first}",
    "ระบุวันแรกใน --from แล้ววันสุดท้ายใน --to",
    "--to {last} is before --from {first}",
    "give the first day, then the last"
);
message!(
    REPORT_NO_CUTOFF,
    "report-no-cutoff",
    Command,
    "checklist.toml ไม่มีวันตัดรอบที่ใช้ได้",
    "เขียน เช่น `cutoffs = [\"02-28\", \"07-31\"]`",
    "checklist.toml has no valid cut-off days",
    "write cutoffs = [\"02-28\", \"07-31\"]"
);
message!(
    REPORT_NO_ROUND,
    "report-no-round",
    Command,
    "ยังไม่มีรอบการกำกับติดตามที่สิ้นสุดก่อน {now}",
    "ระบุช่วงวันด้วย --from และ --to",
    "no completed round before {now}",
    "give --from and --to"
);
message!(
    SURVEY_NOT_CSV,
    "survey-not-csv",
    Command,
    "{file} อ่านเป็น CSV ไม่ได้",
    "ส่งออกผลแบบสำรวจใหม่เป็น .csv (UTF-8) หรือ .xlsx",
    "{file} is not CSV",
    "export the survey answers again as .csv (UTF-8) or .xlsx"
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
    &NAME_EMPTY,
    &NAME_CONTROL,
    &NAME_TOO_LONG,
    &NAME_REFUSED_CHARACTER,
    &NAME_DOTS,
    &NAME_TRAILING_DOT,
    &NAME_RESERVED_BY_WINDOWS,
    &TAG_NAME,
    &ATTACHMENT_NAME,
    &CONTROL_CHARACTER,
    &ITEM_TOO_LARGE,
    &TOO_DEEP,
    &ATTACHMENT_SAME_NAME,
    &ATTACHMENT_RUNS_SCRIPT,
    &ATTACHMENT_NO_EXTENSION,
    &ATTACHMENT_TYPE_NOT_ALLOWED,
    &ATTACHMENT_UNREADABLE,
    &ATTACHMENT_CONTENT_MISMATCH,
    &DATE_WITHOUT_DAY,
    &DATE_NOT_REAL,
    &TIME_NOT_REAL,
    &BUDDHIST_YEAR,
    &STRAY_OUTSIDE_CONTENT,
    &STRAY_IN_CONTENT,
    &STRAY_ATTACHMENT,
    &STRAY_MARKDOWN_IN_BUNDLE,
    &STRAY_NOT_A_FILE,
    &STRAY_NO_INDEX,
    &PAGINATE_BY,
    &SECTION_ID,
    &SECTION_RESERVED,
    &SECTION_TWICE,
    &UNKNOWN_TIME_ZONE,
    &MOURNING_DATE,
    &MOURNING_END,
    &BASE_URL,
    &ITEM_SIZE_MB,
    &ATTACHMENT_TYPE_REFUSED,
    &ATTACHMENT_TYPE_UNKNOWN,
    &SETTING_CONTROL,
    &SETTING_LEFT_EMPTY,
    &LINK_CONTROL,
    &LINK_SCHEME,
    &LINK_OTHER_HOST,
    &PERSON_TWICE,
    &SIGNING_KEY_UNREADABLE,
    &MERGE_SERVICE_KEY_UNREADABLE,
    &CHECKLIST_EMPTY_ID,
    &CHECKLIST_ID_TWICE,
    &CUTOFFS_EMPTY,
    &CUTOFF_NOT_A_DAY,
    &LATENCY_LIMIT,
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
    &NOT_A_SITE,
    &STRICT_PROBLEMS,
    &REPORT_IN_OUTPUT,
    &OUTPUT_HOLDS_SITE,
    &OUTPUT_IN_SOURCE,
    &OUTPUT_NOT_KHAOSANS,
    &OUTPUT_NOT_A_FOLDER,
    &PREVIEW_INTO_OUTPUT,
    &PREVIEW_NOT_EMPTY,
    &CANNOT_LISTEN,
    &RESTORE_NOTHING,
    &RESTORE_NO_SUCH_FILE,
    &RESTORE_OUTSIDE,
    &RESTORE_LEAVES_SITE,
    &RESTORE_NOT_SITE_FILE,
    &RESTORE_SYMLINK,
    &STATS_NO_LOG,
    &STATS_LOG_FORMAT,
    &SURVEY_NO_WORKSHEET,
    &SURVEY_NO_TIME_COLUMN,
    &SURVEY_NO_RATING,
    &SURVEY_NO_READABLE_TIME,
    &NEW_UNKNOWN_SECTION,
    &NEW_EMPTY_TITLE,
    &NEW_BAD_SLUG,
    &NEW_EXISTS,
    &NEW_UNKNOWN_AUTHOR,
    &NEW_WHO_PROPOSES,
    &NEW_NO_APPROVER,
    &NEW_BAD_DATE,
    &NEW_EXPIRES_FIRST,
    &NEW_DAYS_ZERO,
    &NEW_NO_LIFETIME,
    &VERIFY_AND_TRUST,
    &THEME_MISSING,
    &REPORT_DAYS_REVERSED,
    &REPORT_NO_CUTOFF,
    &REPORT_NO_ROUND,
    &SURVEY_NOT_CSV,
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
