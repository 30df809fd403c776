//! What the web master meets running build, serve, new, restore, stats, survey.

use crate::messages::{Group, Message};

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
    WAITING_FOR_BUILD,
    "waiting-for-build",
    Command,
    "มีการสร้างเว็บไซต์อีกงานหนึ่งกำลังเขียนลง {out} อยู่ จะรอจนงานนั้นเสร็จ",
    "ไม่ต้องทำอะไร หากรอนานผิดปกติ ตรวจว่ายังมีคำสั่ง khaosan build ค้างอยู่หรือไม่",
    "another build is writing into {out}; waiting until it finishes",
    "nothing to do; if the wait is unusually long, look for a khaosan build still running"
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

// ---- khaosan init ----

message!(
    INIT_NOT_EMPTY,
    "init-not-empty",
    Command,
    "{dir} ไม่ว่าง khaosan init เขียนเว็บไซต์ใหม่ลงโฟลเดอร์ว่างหรือโฟลเดอร์ใหม่เท่านั้น",
    "ระบุโฟลเดอร์ใหม่ เช่น `khaosan init phan-health` หรือย้ายไฟล์เดิมออกก่อน",
    "{dir} is not empty: khaosan init writes a new site into an empty or new folder only",
    "name a new folder, e.g. khaosan init phan-health, or move the files away first"
);
message!(
    INIT_SAME_PERSON,
    "init-same-person",
    Command,
    "--director-id และ --webmaster-id เป็นรหัสเดียวกัน (`{id}`) แต่ผู้อนุมัติกับผู้ดูแลเว็บไซต์เป็นคนละคน",
    "ตั้งรหัสให้ต่างกัน เช่น --director-id somchai --webmaster-id malee",
    "--director-id and --webmaster-id are both `{id}`: they must differ, the approver and the web master are two people",
    "give two ids, e.g. --director-id somchai --webmaster-id malee"
);
message!(
    INIT_BAD_ID,
    "init-bad-id",
    Command,
    "{flag} `{id}` ใช้เป็นรหัสบุคคลไม่ได้",
    "ใช้ตัวอักษรอังกฤษพิมพ์เล็ก ตัวเลข และขีด (-) เช่น somchai",
    "{flag} `{id}` must be lowercase ASCII letters, digits and hyphens",
    "write it like somchai"
);
message!(
    INIT_BAD_DOMAIN,
    "init-bad-domain",
    Command,
    "--domain `{domain}` ไม่ใช่ที่อยู่เว็บ",
    "เขียนชื่อโดเมน เช่น www.office.go.th",
    "--domain `{domain}` is not a web address",
    "give e.g. www.office.go.th"
);
message!(
    INIT_TOOL_REPO,
    "init-tool-repo",
    Command,
    "--tool-repo `{repo}` ไม่ใช่ OWNER/NAME ของที่เก็บ khaosan บน GitHub",
    "เขียนแบบ เจ้าของ/ชื่อ เช่น phan-health/khaosan",
    "--tool-repo `{repo}` must be OWNER/NAME of the khaosan repository on GitHub",
    "write it as owner/name, e.g. phan-health/khaosan"
);
message!(
    INIT_TOOL_REF,
    "init-tool-ref",
    Command,
    "--tool-ref `{commit}` ไม่ใช่รหัสคอมมิตเต็ม 40 ตัวอักษรของรุ่นของ khaosan",
    "ระบุคอมมิตของแท็กรุ่น (git rev-parse v0.2.0^{commit}) เพราะ khaosan ตัวนี้สร้างนอก git",
    "--tool-ref `{commit}` must be the full 40-character commit of a khaosan release",
    "give the commit of the release tag (git rev-parse v0.2.0^{commit}); this khaosan was built outside git"
);
message!(
    INIT_TOOL_TAG,
    "init-tool-tag",
    Command,
    "--tool-tag `{tag}` ไม่ใช่ชื่อแท็ก",
    "เขียนชื่อแท็ก เช่น v0.2.0",
    "--tool-tag `{tag}` must be a tag name",
    "write a tag name such as v0.2.0"
);

// ---- Reports, summaries and counts ----

message!(
    REPORT_HTML_NEEDS_OUTPUT,
    "report-html-needs-output",
    Command,
    "--format html เขียนไฟล์สำหรับพิมพ์ จึงต้องระบุไฟล์ผลลัพธ์",
    "เพิ่ม --output report.html",
    "--format html writes a printable file",
    "add --output report.html"
);
message!(
    CANNOT_WRITE_SUMMARY,
    "cannot-write-summary",
    System,
    "เขียนสรุปผลลงใน {path} ไม่ได้",
    "",
    "cannot write the summary to {path}",
    ""
);
message!(
    SURVEY_NOT_XLSX,
    "survey-not-xlsx",
    Command,
    "{file} อ่านเป็น XLSX ไม่ได้",
    "ส่งออกผลแบบสำรวจจากแบบฟอร์มใหม่",
    "{file} is not a readable XLSX workbook",
    "export it again from the form"
);
message!(
    NEW_DAYS_TOO_LARGE,
    "new-days-too-large",
    Command,
    "--days มากเกินไป",
    "ระบุจำนวนวันที่น้อยลง เช่น --days 365 หรือระบุ --expires",
    "--days is too large",
    "give fewer days, e.g. --days 365, or pass --expires"
);
message!(
    NEW_CANNOT_CREATE,
    "new-cannot-create",
    Command,
    "สร้าง {path} ไม่ได้ (อาจมีอยู่แล้ว)",
    "ตั้งชื่ออื่นด้วย --slug",
    "cannot create {path} (it may already exist)",
    "choose another name with --slug"
);
message!(
    RESTORE_NOT_UTF8,
    "restore-not-utf8",
    Command,
    "{path}: ชื่อไฟล์ไม่ใช่ UTF-8",
    "เปลี่ยนชื่อไฟล์เป็นตัวอักษรอังกฤษพิมพ์เล็ก",
    "{path}: the name is not UTF-8",
    "rename the file with lowercase ASCII letters"
);
