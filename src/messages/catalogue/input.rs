//! What staff write: front matter, names of files, tags and attachments, and what an item holds.

use crate::messages::{Group, Message};

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
    LINK_REFUSED,
    "link-refused",
    Input,
    "เป็นลิงก์สัญลักษณ์ (symbolic link) ซึ่ง khaosan ไม่อ่านตาม เพราะอาจพาไปถึงไฟล์นอกเว็บไซต์",
    "แทนที่ลิงก์ด้วยไฟล์หรือโฟลเดอร์จริง แล้ว commit ตัวไฟล์นั้น",
    "is a symbolic link, which khaosan never follows: it could reach files outside the site",
    "replace the link with the real file or folder, and commit that"
);
message!(
    SUBMODULE_REFUSED,
    "submodule-refused",
    Input,
    "เป็น git submodule แต่ khaosan เผยแพร่เฉพาะไฟล์ที่ commit ในที่เก็บนี้",
    "commit ตัวไฟล์ลงในที่เก็บนี้แทน submodule",
    "is a git submodule; khaosan publishes only files committed in this repository",
    "commit the files themselves instead of a submodule"
);
message!(
    NAME_NOT_UTF8,
    "name-not-utf8",
    Input,
    "ชื่อไฟล์ไม่ใช่ UTF-8",
    "ตั้งชื่อไฟล์ใหม่ด้วยอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-)",
    "the file name is not valid UTF-8",
    "rename it with lower-case ASCII letters, digits and hyphens"
);
message!(
    LFS_POINTER,
    "lfs-pointer",
    Input,
    "เป็นตัวชี้ของ Git LFS ไม่ใช่ตัวไฟล์ และ khaosan อ่านเฉพาะสิ่งที่อยู่ในที่เก็บ",
    "commit ตัวไฟล์โดยไม่ใช้ LFS (ลบรูปแบบของไฟล์นั้นออกจาก .gitattributes)",
    "is a Git LFS pointer, not the file itself; khaosan reads only the repository",
    "commit the file without LFS (remove its pattern from .gitattributes)"
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
