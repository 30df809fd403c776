//! What `khaosan check` says about a change.

use crate::messages::{Group, Message};

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
message!(
    BASE_NOT_A_REPOSITORY,
    "base-not-a-repository",
    Check,
    "--base ต้องใช้ที่เก็บ git แต่ {path} ไม่อยู่ในที่เก็บใด",
    "เรียกในโฟลเดอร์ที่โคลนมา หรือไม่ต้องระบุ --base",
    "--base needs a git repository, and {path} is not in one",
    "run it in a clone, or leave out --base"
);
message!(
    BASE_BARE,
    "base-bare",
    Check,
    "--base ต้องใช้โฟลเดอร์ที่มีไฟล์ (checkout) ไม่ใช่ที่เก็บแบบ bare",
    "เรียกในโฟลเดอร์ที่โคลนมาแบบปกติ",
    "--base needs a checkout with files, not a bare repository",
    "run it in an ordinary clone"
);
message!(
    BASE_UNKNOWN,
    "base-unknown",
    Check,
    "--base {rev}: ไม่มีคอมมิตหรือสาขานี้ในที่เก็บ",
    "ดึงมาก่อน (git fetch origin {rev}; ใน CI ใช้ fetch-depth: 0)",
    "--base {rev}: no such commit or branch here",
    "fetch it first (git fetch origin {rev}; in CI: fetch-depth: 0)"
);
