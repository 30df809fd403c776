//! Every message khaosan says to people, in one catalogue: each with a stable
//! code, the problem and its fix in Thai, and the same in English.
//!
//! Code that reports a problem names a [`Message`] from [`catalogue`] and fills
//! its `{placeholders}`; the guides `docs/errors.th.md` and `docs/errors.en.md`
//! are generated from the same list ([`docs`]), so they never drift from what the
//! program says. Regenerate them with `cargo run --example errors_docs`.

mod catalogue;
mod explain;

pub use catalogue::*;
pub use explain::{explain, os_reason};

/// Where a message is heard, for the sections of the guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Front matter, file names and attachments: what staff write.
    Input,
    /// The settings files: `site.toml`, `approvals/approvers.toml`, `checklist.toml`.
    Settings,
    /// Why the build withholds an item.
    Withheld,
    /// Why history does not count a change as approved.
    Git,
    /// What `khaosan check` says about a change.
    Check,
    /// What the web master meets running build, serve, new, restore, stats or survey.
    Command,
    /// Files, folders, the theme and the git repository: what stops a command
    /// before it can judge anything.
    System,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Input,
        Group::Settings,
        Group::Withheld,
        Group::Git,
        Group::Check,
        Group::Command,
        Group::System,
    ];

    /// What the guides say before the group's messages, when it needs saying.
    fn intro(self, lang: Lang) -> Option<&'static str> {
        match (self, lang) {
            (Group::System, Lang::Th) => Some(
                "เมื่อระบบปฏิบัติการไม่ยอมให้อ่านหรือเขียน ข้อความบอกก่อนว่า khaosan กำลังทำอะไรกับไฟล์หรือโฟลเดอร์ใด \
                 (รหัส `cannot-…` แสดงที่อยู่ตามที่ระบุ) ตามด้วยสาเหตุและวิธีแก้ (รหัส `os-…`) \
                 และคำของระบบปฏิบัติการเอง เช่น `Permission denied (os error 13)` \
                 คำสั่งที่หยุดกลางทางไม่แตะเว็บไซต์เดิม",
            ),
            (Group::System, Lang::En) => Some(
                "When the operating system refuses a read or a write, the message first says what \
                 khaosan was doing to which file or folder (the `cannot-…` codes, with the path as \
                 given), then the reason and its fix (the `os-…` codes) and the system's own words, \
                 such as `Permission denied (os error 13)`. A command that stops leaves the previous \
                 site as it was.",
            ),
            _ => None,
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Group::Input, Lang::Th) => "ข้อมูลส่วนหัว ชื่อไฟล์ และไฟล์แนบ",
            (Group::Input, Lang::En) => "Front matter, file names and attachments",
            (Group::Settings, Lang::Th) => {
                "ไฟล์ตั้งค่า site.toml, approvals/approvers.toml และ checklist.toml"
            }
            (Group::Settings, Lang::En) => {
                "Settings files: site.toml, approvals/approvers.toml and checklist.toml"
            }
            (Group::Withheld, Lang::Th) => "เหตุที่รายการถูกระงับ",
            (Group::Withheld, Lang::En) => "Why an item is withheld",
            (Group::Git, Lang::Th) => "การอนุมัติใน git",
            (Group::Git, Lang::En) => "Approval in git",
            (Group::Check, Lang::Th) => "ผลของ khaosan check",
            (Group::Check, Lang::En) => "What khaosan check reports",
            (Group::Command, Lang::Th) => "คำสั่งของผู้ดูแลเว็บไซต์",
            (Group::Command, Lang::En) => "The web master's commands",
            (Group::System, Lang::Th) => "ไฟล์ โฟลเดอร์ ธีม และที่เก็บ git",
            (Group::System, Lang::En) => "Files, folders, the theme and the git repository",
        }
    }
}

/// The language of a guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Th,
    En,
}

/// One message: what is wrong and how to fix it, Thai first, English beside.
/// `{name}` marks text filled in when the message is said (the user's own words,
/// shown as written).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub code: &'static str,
    pub group: Group,
    pub th: &'static str,
    pub en: &'static str,
    pub fix_th: &'static str,
    pub fix_en: &'static str,
}

impl Message {
    /// The whole message: "ปัญหา: วิธีแก้ / problem; fix", placeholders filled.
    pub fn say(&self, args: &[(&str, &str)]) -> String {
        let th = join(self.th, self.fix_th, ": ");
        let en = join(self.en, self.fix_en, "; ");
        fill(&format!("{th} / {en}"), args)
    }

    /// The problem alone, Thai then English in brackets: for labels and prefixes.
    pub fn label(&self, args: &[(&str, &str)]) -> String {
        fill(&format!("{} ({})", self.th, self.en), args)
    }

    /// The label followed by ": ", to put before a more precise message.
    pub fn prefix(&self) -> String {
        format!("{}: ", self.label(&[]))
    }

    /// The label, a precise detail (the user's text, where and when), then the fix:
    /// "ปัญหา (problem): detail; วิธีแก้ / fix".
    pub fn detail(&self, detail: &str, args: &[(&str, &str)]) -> String {
        let mut out = format!("{}: {detail}", self.label(args));
        if !self.fix_th.is_empty() {
            out.push_str("; ");
            out.push_str(&self.fix(args));
        }
        out
    }

    /// The message said of one file or folder: `{path}` filled with it as given.
    pub fn at(&self, path: impl AsRef<std::path::Path>) -> String {
        self.say(&[("path", &path.as_ref().display().to_string())])
    }

    /// The fix alone, Thai then English.
    pub fn fix(&self, args: &[(&str, &str)]) -> String {
        fill(&format!("{} / {}", self.fix_th, self.fix_en), args)
    }
}

fn join(problem: &str, fix: &str, sep: &str) -> String {
    if fix.is_empty() {
        problem.to_string()
    } else {
        format!("{problem}{sep}{fix}")
    }
}

/// Replaces each `{name}` with its value, once, left to right: a value is never
/// read for placeholders itself, so text a person wrote is shown exactly as written.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The guide to every message, in one language, as Markdown.
pub fn docs(lang: Lang) -> String {
    let mut md = String::new();
    match lang {
        Lang::Th => md.push_str(
            "# ข้อความแจ้งปัญหาและวิธีแก้\n\n\
             [English](errors.en.md)\n\n\
             ทุกข้อความที่ khaosan แจ้ง (`check`, `build`, `status` และรายงาน) มีรหัสคงที่ \
             บอกปัญหาและวิธีแก้เป็นภาษาไทยก่อน ตามด้วยภาษาอังกฤษ \
             หน้านี้สร้างจากรายการข้อความในโปรแกรม (`src/messages/`) \
             ด้วยคำสั่ง `cargo run --example errors_docs` อย่าแก้ด้วยมือ\n\n\
             ข้อความในวงเล็บปีกกา เช่น `{id}` คือข้อความจากไฟล์ของท่าน แสดงตามที่เขียนไว้\n",
        ),
        Lang::En => md.push_str(
            "# Messages, problems and fixes\n\n\
             [ภาษาไทย](errors.th.md)\n\n\
             Every message khaosan gives (`check`, `build`, `status` and the report) has a \
             stable code and says the problem and the fix in Thai first, English beside. \
             This page is generated from the program's catalogue (`src/messages/`) by \
             `cargo run --example errors_docs`; do not edit it by hand.\n\n\
             Text in braces, such as `{id}`, is your own text from the file, shown as written.\n",
        ),
    }
    for group in Group::ALL {
        md.push_str(&format!("\n## {}\n", group.title(lang)));
        if let Some(intro) = group.intro(lang) {
            md.push_str(&format!("\n{intro}\n"));
        }
        for message in all().filter(|m| m.group == group) {
            let (problem, fix, problem_word, fix_word) = match lang {
                Lang::Th => (message.th, message.fix_th, "ปัญหา", "วิธีแก้"),
                Lang::En => (message.en, message.fix_en, "Problem", "Fix"),
            };
            md.push_str(&format!(
                "\n### `{}`\n\n- **{problem_word}:** {}\n",
                message.code,
                problem.replace('\n', " ")
            ));
            if !fix.is_empty() {
                md.push_str(&format!("- **{fix_word}:** {}\n", fix.replace('\n', " ")));
            } else if group == Group::System {
                let follows = match lang {
                    Lang::Th => "ตามสาเหตุที่แจ้งต่อท้าย (รหัส `os-…` ด้านล่าง)",
                    Lang::En => "as the reason that follows says (the `os-…` codes below)",
                };
                md.push_str(&format!("- **{fix_word}:** {follows}\n"));
            }
        }
    }
    md
}

/// Every message of the catalogue.
pub fn all() -> impl Iterator<Item = &'static Message> {
    CATALOGUE.iter().chain(STOPS.iter()).copied()
}

/// A message by its code.
pub fn by_code(code: &str) -> Option<&'static Message> {
    all().find(|m| m.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_message_speaks_both_languages() {
        let mut codes = std::collections::BTreeSet::new();
        for m in all() {
            assert!(codes.insert(m.code), "code {} twice", m.code);
            assert!(!m.th.is_empty() && !m.en.is_empty(), "{}", m.code);
            assert!(
                m.th.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
                "{} has no Thai",
                m.code
            );
            assert_eq!(m.fix_th.is_empty(), m.fix_en.is_empty(), "{}", m.code);
        }
    }

    #[test]
    fn the_users_text_is_shown_as_written() {
        let said = UNKNOWN_AUTHOR.say(&[("id", "รับสมัครงาน {id}")]);
        assert!(said.contains("`รับสมัครงาน {id}`"), "{said}");
        assert!(!said.contains("\\u{"), "{said}");
    }

    #[test]
    fn one_word_for_each_idea() {
        for m in all() {
            for (wrong, right) in [("ส่วนหัว", "ข้อมูลส่วนหัว"), ("ผู้มีสิทธิ์อนุมัติ", "ผู้อนุมัติ")]
            {
                let text = format!("{} {}", m.th, m.fix_th);
                let bare = text.replace(right, "");
                assert!(
                    !bare.contains(wrong),
                    "{}: write {right}, not {wrong}",
                    m.code
                );
            }
        }
    }
}
