//! The introductions `khaosan init` writes: the home page and every section's
//! `_index.md`, in Thai and English, neutral words true of any office.

use super::{Office, toml_str};

/// `content/_index.md` and every section's `_index.md`, in Thai and English.
pub(super) fn intros(office: &Office) -> Vec<(String, String)> {
    let intro = |path: &str, title: &str, title_en: Option<&str>, summary: &str, body: &str| {
        let mut front = format!("+++\ntitle = {}\n", toml_str(title));
        if let Some(en) = title_en {
            front.push_str(&format!("title_en = {}\n", toml_str(en)));
        }
        front.push_str(&format!("summary = {}\n+++\n\n{body}\n", toml_str(summary)));
        (path.to_string(), front)
    };
    let contact_th = format!(
        "- ที่อยู่: {}\n- โทรศัพท์: {}\n- อีเมล: {}",
        office.address, office.phone, office.email
    );
    let contact_en = format!(
        "- Address: {}\n- Phone: {}\n- E-mail: {}",
        if office.address_en.is_empty() {
            &office.address
        } else {
            &office.address_en
        },
        office.phone,
        office.email
    );
    let mut files = vec![
        intro(
            "content/_index.md",
            &office.name_th,
            Some(&office.name_en),
            &format!("ข่าวสารและข้อมูลของ{}", office.name_th),
            &format!(
                "ยินดีต้อนรับสู่เว็บไซต์ของ**{}**\n\n\
                 ข้อมูลทุกรายการบนเว็บไซต์นี้ได้รับอนุญาตจากผู้บริหารของหน่วยงานก่อนเผยแพร่\n\
                 และข่าวหรือประกาศที่ครบระยะเวลาการเผยแพร่จะถูกนำลงจากเว็บไซต์โดยอัตโนมัติ\n\n\
                 ติดต่อหน่วยงานในวันและเวลาราชการ\n\n{contact_th}",
                office.name_th
            ),
        ),
        intro(
            "content/_index.en.md",
            &office.name_en,
            None,
            &format!("News and information of the {}", office.name_en),
            &format!(
                "Welcome to the website of the **{}**.\n\n\
                 Every item on this website is approved by the office's director before it is\n\
                 published, and news and announcements leave the site when their time is over.\n\n\
                 Contact the office during office hours:\n\n{contact_en}",
                office.name_en
            ),
        ),
    ];
    for section in INTROS {
        files.push(intro(
            &format!("content/{}/_index.md", section.id),
            section.title,
            Some(section.title_en),
            section.summary,
            section.body,
        ));
        files.push(intro(
            &format!("content/{}/_index.en.md", section.id),
            section.title_en,
            None,
            section.summary_en,
            section.body_en,
        ));
    }
    files
}

/// A section's neutral introduction, true of any office.
struct Intro {
    id: &'static str,
    title: &'static str,
    title_en: &'static str,
    summary: &'static str,
    body: &'static str,
    summary_en: &'static str,
    body_en: &'static str,
}

/// The nine content sections of `init/sections.toml`, in menu order.
const INTROS: &[Intro] = &[
    Intro {
        id: "about",
        title: "ข้อมูลหน่วยงาน",
        title_en: "About the office",
        summary: "ประวัติ วิสัยทัศน์ โครงสร้าง ผู้บริหาร อำนาจหน้าที่ แผนงาน และช่องทางการติดต่อ",
        body: "ข้อมูลพื้นฐานของหน่วยงาน ได้แก่ ประวัติความเป็นมา วิสัยทัศน์ พันธกิจ โครงสร้างหน่วยงาน\n\
               ผู้บริหาร อำนาจหน้าที่ ยุทธศาสตร์ แผนปฏิบัติราชการ รายงานผลการดำเนินงาน และช่องทางการติดต่อ",
        summary_en: "History, vision, structure, executives, duties, plans and contact details",
        body_en: "Basic information about the office: its history, vision and mission, structure,\n\
                  executives, duties, strategy, action plans, performance reports and contact details.",
    },
    Intro {
        id: "laws",
        title: "กฎหมาย ระเบียบ ข้อบังคับ",
        title_en: "Laws and regulations",
        summary: "กฎหมาย ระเบียบ และข้อบังคับที่เกี่ยวข้องกับการปฏิบัติงานของหน่วยงาน พร้อมแหล่งที่มา",
        body: "กฎหมาย ระเบียบ และข้อบังคับที่เกี่ยวข้องกับภารกิจของหน่วยงาน\n\
               ทุกรายการแสดงแหล่งที่มา ฉบับที่มีผลทางกฎหมายคือฉบับที่ประกาศในราชกิจจานุเบกษา",
        summary_en: "Laws, regulations and rules that govern the office's work, with their sources",
        body_en: "Laws, regulations and rules related to the office's duties. Every item shows its\n\
                  source; the legally binding text is the one published in the Royal Gazette.",
    },
    Intro {
        id: "knowledge",
        title: "คลังความรู้",
        title_en: "Knowledge",
        summary: "บทความ อินโฟกราฟิก และข้อมูลสถิติ พร้อมแหล่งที่มาและวันที่",
        body: "ความรู้สำหรับประชาชน ทั้งบทความ อินโฟกราฟิก และข้อมูลสถิติ\n\
               ทุกเรื่องระบุแหล่งที่มาและวันที่เผยแพร่",
        summary_en: "Articles, infographics and statistics, with their sources and dates",
        body_en: "Knowledge for the public: articles, infographics and statistics.\n\
                  Every item gives its source and the date it was published.",
    },
    Intro {
        id: "links",
        title: "เว็บไซต์หน่วยงานที่เกี่ยวข้อง",
        title_en: "Related websites",
        summary: "เว็บไซต์ของหน่วยงานต้นสังกัดและหน่วยงานที่เกี่ยวข้อง",
        body: "รายชื่อเว็บไซต์ของหน่วยงานต้นสังกัดและหน่วยงานที่เกี่ยวข้อง\n\
               ลิงก์ทุกรายการเปิดไปยังเว็บไซต์ของหน่วยงานนั้นโดยตรง",
        summary_en: "Websites of the parent agency and of related offices",
        body_en: "Websites of the parent agency and of related offices.\n\
                  Every link opens that office's own website.",
    },
    Intro {
        id: "oia",
        title: "ข้อมูลข่าวสารตาม พ.ร.บ. ข้อมูลข่าวสารของราชการ",
        title_en: "Official information (OIA)",
        summary: "ข้อมูลข่าวสารที่จัดไว้ให้ประชาชนตรวจดูได้ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐",
        body: "ข้อมูลข่าวสารของราชการที่หน่วยงานจัดไว้ให้ประชาชนเข้าตรวจดูได้\n\
               ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ มาตรา ๗ และมาตรา ๙",
        summary_en: "Information open to the public under the Official Information Act B.E. 2540",
        body_en: "Official information the office makes available for public inspection under\n\
                  sections 7 and 9 of the Official Information Act B.E. 2540 (1997).",
    },
    Intro {
        id: "manuals",
        title: "คู่มือการปฏิบัติงาน",
        title_en: "Operating manuals",
        summary: "คู่มือมาตรฐานการปฏิบัติงานตามภารกิจของหน่วยงาน แสดงขั้นตอนและระยะเวลา",
        body: "คู่มือมาตรฐานการปฏิบัติงานของหน่วยงาน แสดงขั้นตอน คำอธิบาย\n\
               และระยะเวลาในแต่ละขั้นตอน",
        summary_en: "Standard operating manuals of the office, with steps and times",
        body_en: "The office's standard operating manuals: each step, what it involves\n\
                  and how long it takes.",
    },
    Intro {
        id: "services",
        title: "คู่มือสำหรับประชาชนและแบบฟอร์ม",
        title_en: "Citizen's manuals and forms",
        summary: "ขั้นตอนการรับบริการ ระยะเวลา เอกสารที่ใช้ และแบบฟอร์มสำหรับดาวน์โหลด",
        body: "คู่มือสำหรับประชาชน อธิบายขั้นตอนการรับบริการ ระยะเวลา และเอกสารที่ต้องใช้\n\
               พร้อมแบบฟอร์มสำหรับดาวน์โหลด",
        summary_en: "How to obtain each service, how long it takes, the documents, and forms",
        body_en: "Manuals for citizens: the steps of each service, how long it takes and the\n\
                  documents it needs, with forms to download.",
    },
    Intro {
        id: "news",
        title: "ข่าวประชาสัมพันธ์",
        title_en: "News and announcements",
        summary: "ข่าวสารทั่วไป ภาพกิจกรรม เรื่องแจ้งเตือน ประกาศรับสมัครงาน และประกาศจัดซื้อจัดจ้าง",
        body: "ข่าวประชาสัมพันธ์ของหน่วยงาน ได้แก่ ข่าวสารทั่วไป ภาพข่าวกิจกรรม เรื่องแจ้งเตือน\n\
               ประกาศรับสมัครงาน ประกาศจัดซื้อจัดจ้าง และผลการจัดซื้อจัดจ้าง\n\
               ประกาศแต่ละเรื่องมีวันสิ้นสุดการเผยแพร่ และจะถูกนำลงจากเว็บไซต์เมื่อครบกำหนด",
        summary_en: "General news, activities, alerts, job and procurement announcements",
        body_en: "The office's news: general news, activities, alerts, job announcements,\n\
                  procurement announcements and their results. Each announcement has an end\n\
                  date and leaves the site when it comes.",
    },
    Intro {
        id: "eservice",
        title: "บริการอิเล็กทรอนิกส์ (e-Service)",
        title_en: "e-Services",
        summary: "บริการที่ประชาชนใช้ผ่านเว็บไซต์หรือแอปพลิเคชันได้ โดยไม่ต้องเดินทางมาที่หน่วยงาน",
        body: "บริการในรูปแบบอิเล็กทรอนิกส์ที่ประชาชนใช้ได้ผ่านเว็บไซต์หรือแอปพลิเคชัน\n\
               โดยไม่ต้องเดินทางมาที่หน่วยงาน",
        summary_en: "Services the public can use online, without coming to the office",
        body_en: "Services the public can use through a website or an application,\n\
                  without coming to the office.",
    },
];
