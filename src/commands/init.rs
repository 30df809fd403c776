//! `khaosan init DIR`: a new office's own site repository.
//!
//! The office's repository holds only its own files (`site.toml`, `content/`,
//! `approvals/`, `checklist.toml`, `.github/`, its guides); the tool is installed by
//! the workflows from a pinned release, and the default theme comes with the tool.
//!
//! Every answer comes from a flag, else from a question on a terminal, else (a script
//! with no flags) from a clearly marked placeholder such as `[[ใส่ชื่อหน่วยงาน]]`, which
//! `khaosan check` warns about until someone replaces it. The files are committed as
//! the repository's first commit: the trust root the office records as
//! `KHAOSAN_GENESIS`.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

/// How a placeholder begins: `[[ใส่ชื่อหน่วยงาน]]`. `khaosan check` looks for it.
pub const PLACEHOLDER_OPEN: &str = "[[ใส่";

/// The repository whose composite action installs khaosan, unless `--tool-repo` says.
pub const DEFAULT_TOOL_REPO: &str = "khaosan/khaosan";

/// The ten groups of the guideline: nine content sections, and the statistics page
/// (group 10) that khaosan generates.
mod intros;

const SECTIONS: &str = include_str!("init/sections.toml");
const CHECK_YML: &str = include_str!("init/check.yml");
const PUBLISH_YML: &str = include_str!("init/publish.yml");
const DEPENDABOT_YML: &str = include_str!("init/dependabot.yml");
const README: &str = include_str!("init/README.md");
const GITIGNORE: &str = include_str!("init/gitignore");
/// The project's guides, with the demo office's names replaced by the new office's.
const GUIDES: &[(&str, &str)] = &[
    ("docs/staff.th.md", include_str!("../../docs/staff.th.md")),
    ("docs/staff.en.md", include_str!("../../docs/staff.en.md")),
    (
        "docs/director.th.md",
        include_str!("../../docs/director.th.md"),
    ),
    (
        "docs/director.en.md",
        include_str!("../../docs/director.en.md"),
    ),
];

/// One answer `init` needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    NameTh,
    NameEn,
    Address,
    Phone,
    Email,
    Domain,
    DirectorName,
    DirectorEmail,
    DirectorGithub,
    WebmasterName,
    WebmasterEmail,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::NameTh,
        Field::NameEn,
        Field::Address,
        Field::Phone,
        Field::Email,
        Field::Domain,
        Field::DirectorName,
        Field::DirectorEmail,
        Field::DirectorGithub,
        Field::WebmasterName,
        Field::WebmasterEmail,
    ];

    /// The question, Thai first.
    pub fn question(self) -> &'static str {
        match self {
            Field::NameTh => "ชื่อหน่วยงานภาษาไทย (office name in Thai)",
            Field::NameEn => "ชื่อหน่วยงานภาษาอังกฤษ (office name in English)",
            Field::Address => "ที่อยู่ (address)",
            Field::Phone => "โทรศัพท์ (phone)",
            Field::Email => "อีเมลของหน่วยงาน (office e-mail)",
            Field::Domain => "ที่อยู่เว็บไซต์ (domain or base URL, e.g. https://www.office.go.th/)",
            Field::DirectorName => "ชื่อผู้อนุมัติ/หัวหน้าหน่วยงาน (the director's name)",
            Field::DirectorEmail => "อีเมลที่ผู้อนุมัติใช้ใน GitHub (the director's GitHub commit e-mail)",
            Field::DirectorGithub => "ชื่อบัญชี GitHub ของผู้อนุมัติ (the director's GitHub user name)",
            Field::WebmasterName => "ชื่อ Web Master (the web master's name)",
            Field::WebmasterEmail => {
                "อีเมลที่ Web Master ใช้ใน GitHub (the web master's GitHub commit e-mail)"
            }
        }
    }

    /// What is written when nobody answered.
    pub fn placeholder(self) -> &'static str {
        match self {
            Field::NameTh => "[[ใส่ชื่อหน่วยงาน]]",
            Field::NameEn => "[[ใส่ชื่อหน่วยงานภาษาอังกฤษ]]",
            Field::Address => "[[ใส่ที่อยู่หน่วยงาน]]",
            Field::Phone => "[[ใส่หมายเลขโทรศัพท์]]",
            Field::Email => "[[ใส่อีเมลหน่วยงาน]]",
            // base_url must be a URL: the marker goes in a comment above it.
            Field::Domain => "https://www.example.go.th/",
            Field::DirectorName => "[[ใส่ชื่อผู้อนุมัติ]]",
            Field::DirectorEmail => "[[ใส่อีเมล GitHub ของผู้อนุมัติ]]",
            Field::DirectorGithub => "[[ใส่ชื่อบัญชี GitHub ของผู้อนุมัติ]]",
            Field::WebmasterName => "[[ใส่ชื่อ Web Master]]",
            Field::WebmasterEmail => "[[ใส่อีเมล GitHub ของ Web Master]]",
        }
    }
}

/// The office's answers; `None` is not given (asked on a terminal, else a placeholder).
#[derive(Debug, Clone, Default)]
pub struct Answers {
    pub name_th: Option<String>,
    pub name_en: Option<String>,
    pub address: Option<String>,
    pub address_en: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// `www.office.go.th` or `https://www.office.go.th/`.
    pub domain: Option<String>,
    pub director_name: Option<String>,
    pub director_email: Option<String>,
    pub director_id: Option<String>,
    pub director_title: Option<String>,
    pub director_github: Option<String>,
    pub webmaster_name: Option<String>,
    pub webmaster_email: Option<String>,
    pub webmaster_id: Option<String>,
}

impl Answers {
    fn slot(&mut self, field: Field) -> &mut Option<String> {
        match field {
            Field::NameTh => &mut self.name_th,
            Field::NameEn => &mut self.name_en,
            Field::Address => &mut self.address,
            Field::Phone => &mut self.phone,
            Field::Email => &mut self.email,
            Field::Domain => &mut self.domain,
            Field::DirectorName => &mut self.director_name,
            Field::DirectorEmail => &mut self.director_email,
            Field::DirectorGithub => &mut self.director_github,
            Field::WebmasterName => &mut self.webmaster_name,
            Field::WebmasterEmail => &mut self.webmaster_email,
        }
    }

    /// Asks for every answer not given, one line each; an empty line leaves the
    /// placeholder.
    pub fn ask(&mut self, input: &mut dyn BufRead, prompt: &mut dyn std::io::Write) {
        for field in Field::ALL {
            let slot = self.slot(field);
            if slot.as_deref().is_some_and(|v| !v.trim().is_empty()) {
                continue;
            }
            // A domain that is not a web address is asked again (three times at most).
            for _ in 0..3 {
                let _ = write!(prompt, "{}: ", field.question());
                let _ = prompt.flush();
                let mut line = String::new();
                if input.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim();
                if line.is_empty() {
                    break;
                }
                if field == Field::Domain
                    && let Err(err) = base_url(line)
                {
                    let _ = writeln!(prompt, "{err}");
                    continue;
                }
                *slot = Some(line.to_string());
                break;
            }
        }
    }
}

/// Which khaosan the office's workflows install: the composite action of `repo` at
/// `commit`, with its release `tag` in a comment (Dependabot updates both).
#[derive(Debug, Clone)]
pub struct ToolPin {
    pub repo: String,
    pub commit: String,
    pub tag: String,
}

impl Default for ToolPin {
    /// This binary's own release: the commit it was built from, its version as tag.
    fn default() -> ToolPin {
        ToolPin {
            repo: DEFAULT_TOOL_REPO.into(),
            commit: crate::COMMIT.into(),
            tag: format!("v{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

impl ToolPin {
    fn check(&self) -> anyhow::Result<()> {
        let name_ok = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        match self.repo.split_once('/') {
            Some((owner, name)) if name_ok(owner) && name_ok(name) => {}
            _ => bail!(crate::messages::INIT_TOOL_REPO.say(&[("repo", &self.repo)])),
        }
        if self.commit.len() != 40 || !self.commit.chars().all(|c| c.is_ascii_hexdigit()) {
            bail!(crate::messages::INIT_TOOL_REF.say(&[("commit", &self.commit)]));
        }
        if !name_ok(&self.tag) {
            bail!(crate::messages::INIT_TOOL_TAG.say(&[("tag", &self.tag)]));
        }
        Ok(())
    }

    /// `owner/khaosan/.github/actions/khaosan@<commit> # v0.2.0`
    pub fn uses(&self) -> String {
        format!(
            "{}/.github/actions/khaosan@{} # {}",
            self.repo, self.commit, self.tag
        )
    }
}

/// What `khaosan init` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct InitOptions {
    pub dir: PathBuf,
    pub answers: Answers,
    pub tool: ToolPin,
    /// Skip `git init` and the first commit (the files only).
    pub no_git: bool,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Initialised {
    /// Relative paths, sorted.
    pub files: Vec<String>,
    /// The first commit: the trust root (`KHAOSAN_GENESIS`).
    pub commit: Option<String>,
    /// Answers left as placeholders, to be filled in.
    pub placeholders: Vec<Field>,
}

/// Answers with defaults and placeholders resolved, escaped where they are written.
struct Office {
    name_th: String,
    name_en: String,
    address: String,
    address_en: String,
    phone: String,
    email: String,
    base_url: String,
    domain_given: bool,
    director_name: String,
    director_email: String,
    director_id: String,
    director_title: String,
    director_github: Option<String>,
    webmaster_name: String,
    webmaster_email: String,
    webmaster_id: String,
    /// Git identity of the first commit, when the web master was named.
    author: Option<(String, String)>,
}

impl Office {
    fn resolve(answers: &Answers, missing: &mut Vec<Field>) -> anyhow::Result<Office> {
        let mut get = |field: Field, value: &Option<String>| -> String {
            match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                Some(v) => v.to_string(),
                None => {
                    missing.push(field);
                    field.placeholder().to_string()
                }
            }
        };
        let name_th = get(Field::NameTh, &answers.name_th);
        let name_en = get(Field::NameEn, &answers.name_en);
        let address = get(Field::Address, &answers.address);
        let phone = get(Field::Phone, &answers.phone);
        let email = get(Field::Email, &answers.email);
        let domain_given = answers
            .domain
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty());
        let base_url = base_url(&get(Field::Domain, &answers.domain))?;
        let director_name = get(Field::DirectorName, &answers.director_name);
        let director_email = get(Field::DirectorEmail, &answers.director_email);
        let director_github = answers
            .director_github
            .as_deref()
            .map(|g| g.trim().trim_start_matches('@').to_string())
            .filter(|g| !g.is_empty());
        let webmaster_name = get(Field::WebmasterName, &answers.webmaster_name);
        let webmaster_email = get(Field::WebmasterEmail, &answers.webmaster_email);
        if director_github.is_none() {
            missing.push(Field::DirectorGithub);
        }
        let id = |value: &Option<String>, default: &str, flag: &str| -> anyhow::Result<String> {
            let id = value.as_deref().unwrap_or(default).trim().to_string();
            if !crate::slug::is_slug(&id) {
                bail!(crate::messages::INIT_BAD_ID.say(&[("flag", flag), ("id", &id)]));
            }
            Ok(id)
        };
        let director_id = id(&answers.director_id, "director", "--director-id")?;
        let webmaster_id = id(&answers.webmaster_id, "webmaster", "--webmaster-id")?;
        if director_id == webmaster_id {
            bail!(crate::messages::INIT_SAME_PERSON.say(&[("id", &director_id)]));
        }
        let author = answers
            .webmaster_email
            .as_deref()
            .map(str::trim)
            .filter(|e| e.contains('@'))
            .map(|e| (webmaster_name.clone(), e.to_string()));
        Ok(Office {
            address_en: answers.address_en.clone().unwrap_or_default(),
            director_title: answers
                .director_title
                .clone()
                .filter(|t| !t.trim().is_empty())
                .unwrap_or_else(|| format!("หัวหน้า{name_th}")),
            name_th,
            name_en,
            address,
            phone,
            email,
            base_url,
            domain_given,
            director_name,
            director_email,
            director_id,
            director_github,
            webmaster_name,
            webmaster_email,
            webmaster_id,
            author,
        })
    }
}

/// `www.office.go.th` → `https://www.office.go.th/`.
fn base_url(domain: &str) -> anyhow::Result<String> {
    let domain = domain.trim();
    let mut url = if domain.starts_with("https://") || domain.starts_with("http://") {
        domain.to_string()
    } else {
        format!("https://{domain}")
    };
    if !url.ends_with('/') {
        url.push('/');
    }
    let host = url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or("");
    if host.is_empty()
        || !host.contains('.')
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
    {
        bail!(crate::messages::INIT_BAD_DOMAIN.say(&[("domain", domain)]));
    }
    Ok(url)
}

/// A TOML basic string: `"..."` with quotes and backslashes escaped.
fn toml_str(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Writes the new site into `options.dir` (which must be empty or absent), then
/// `git init` and the first commit.
pub fn init(options: &InitOptions) -> anyhow::Result<Initialised> {
    let dir = &options.dir;
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| crate::messages::CANNOT_READ.at(dir))?;
        if entries.next().is_some() {
            bail!(crate::messages::INIT_NOT_EMPTY.say(&[("dir", &dir.display().to_string())]));
        }
    }
    options.tool.check()?;
    let mut placeholders = Vec::new();
    let office = Office::resolve(&options.answers, &mut placeholders)?;
    let files = files(&office, &options.tool);
    for (path, text) in &files {
        let file = dir.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
        }
        std::fs::write(&file, text).with_context(|| crate::messages::CANNOT_WRITE.at(&file))?;
    }
    let commit = if options.no_git {
        None
    } else {
        Some(first_commit(dir, office.author.as_ref())?)
    };
    let mut paths: Vec<String> = files.into_iter().map(|(p, _)| p).collect();
    paths.sort();
    Ok(Initialised {
        files: paths,
        commit,
        placeholders,
    })
}

/// Every file of the new site, by relative path.
fn files(office: &Office, tool: &ToolPin) -> Vec<(String, String)> {
    let mut files = vec![
        ("site.toml".to_string(), site_toml(office)),
        (
            "approvals/approvers.toml".to_string(),
            approvers_toml(office),
        ),
        (
            "checklist.toml".to_string(),
            crate::checklist::BUILTIN.to_string(),
        ),
        (".gitignore".to_string(), GITIGNORE.to_string()),
        (".github/CODEOWNERS".to_string(), codeowners(office)),
        (
            ".github/dependabot.yml".to_string(),
            DEPENDABOT_YML.to_string(),
        ),
        (
            ".github/workflows/check.yml".to_string(),
            CHECK_YML.replace("{{KHAOSAN_ACTION}}", &tool.uses()),
        ),
        (
            ".github/workflows/publish.yml".to_string(),
            PUBLISH_YML.replace("{{KHAOSAN_ACTION}}", &tool.uses()),
        ),
        ("README.md".to_string(), readme(office, tool)),
    ];
    for (path, text) in GUIDES {
        files.push((path.to_string(), guide(text, office)));
    }
    files.extend(intros::intros(office));
    files
}

fn site_toml(office: &Office) -> String {
    let domain_note = if office.domain_given {
        String::new()
    } else {
        format!(
            "# {} {}\n",
            "[[ใส่ที่อยู่เว็บไซต์ของหน่วยงานแทน https://www.example.go.th/]]",
            "(put the office's own address here)"
        )
    };
    format!(
        "# Site settings for khaosan. Changes to this file shape the public site,\n\
         # so they need the director's merge like any item.\n\n\
         title = {}\n\
         title_en = {}\n\
         description = {}\n\
         description_en = {}\n\
         {domain_note}base_url = {}\n\
         language = \"th\"\n\
         timezone = \"Asia/Bangkok\"\n\
         theme = \"default\"\n\
         thai_digits = false\n\
         paginate_by = 10\n\
         feed_limit = 20\n\n\
         [contact]\n\
         address = {}\n\
         address_en = {}\n\
         phone = {}\n\
         email = {}\n\n\
         {SECTIONS}",
        toml_str(&office.name_th),
        toml_str(&office.name_en),
        toml_str(&format!("เว็บไซต์{}", office.name_th)),
        toml_str(&format!("Website of the {}", office.name_en)),
        toml_str(&office.base_url),
        toml_str(&office.address),
        toml_str(&office.address_en),
        toml_str(&office.phone),
        toml_str(&office.email),
    )
}

fn approvers_toml(office: &Office) -> String {
    format!(
        "# Who may approve items for the website of {name}.\n\
         #\n\
         # Roles: approver (approves: merges pull requests), reviewer (the information-centre\n\
         #        chair), webmaster (puts items on the site, takes them down), author (proposes).\n\
         # Only a person with the role \"approver\" can be named as `approver` in an item.\n\
         # emails: every address the person's commits and merges carry on GitHub (see\n\
         #         https://github.com/settings/emails; list the noreply address too).\n\
         #\n\
         # verify_git is on from the first commit: every change to content/, approvals/,\n\
         # site.toml and checklist.toml must be merged by an approver to reach the site.\n\n\
         verify_git = true\n\n\
         [[person]]\n\
         id = {did}\n\
         name = {dname}\n\
         title = {dtitle}\n\
         roles = [\"approver\"]\n\
         emails = [{demail}]\n\n\
         [[person]]\n\
         id = {wid}\n\
         name = {wname}\n\
         title = \"Web Master\"\n\
         roles = [\"webmaster\", \"author\"]\n\
         emails = [{wemail}]\n",
        name = office.name_th.replace('\n', " "),
        did = toml_str(&office.director_id),
        dname = toml_str(&office.director_name),
        dtitle = toml_str(&office.director_title),
        demail = toml_str(&office.director_email),
        wid = toml_str(&office.webmaster_id),
        wname = toml_str(&office.webmaster_name),
        wemail = toml_str(&office.webmaster_email),
    )
}

fn codeowners(office: &Office) -> String {
    let (owner, note) = match &office.director_github {
        Some(handle) => (format!("@{handle}"), String::new()),
        None => (
            "@DIRECTOR".to_string(),
            format!(
                "# {} (replace @DIRECTOR with the director's GitHub user name)\n",
                Field::DirectorGithub.placeholder()
            ),
        ),
    };
    let mut text = format!(
        "# Who must review a change before it can be merged into main: the director\n\
         # ({}). The account must have write access to the repository.\n{note}\n",
        office.director_name.replace('\n', " ")
    );
    for path in [
        "/content/",
        "/approvals/",
        "/themes/",
        "/templates/",
        "/static/",
        "/data/",
        "/site.toml",
        "/checklist.toml",
        "/.github/",
    ] {
        text.push_str(&format!("{path:<16}{owner}\n"));
    }
    text
}

fn readme(office: &Office, tool: &ToolPin) -> String {
    README
        .replace("{{OFFICE_TH}}", &office.name_th)
        .replace("{{OFFICE_EN}}", &office.name_en)
        .replace("{{DOMAIN}}", &office.base_url)
        .replace("{{TOOL_REPO}}", &tool.repo)
        .replace("{{TOOL_TAG}}", &tool.tag)
        .replace("{{WEBMASTER_ID}}", &office.webmaster_id)
}

/// A project guide with the demo office's names replaced by this office's.
fn guide(text: &str, office: &Office) -> String {
    text.replace("สำนักงานสาธารณสุขอำเภอพาน", &office.name_th)
        .replace("สาธารณสุขอำเภอพาน", &office.director_title)
        .replace("inchai", &office.director_id)
        .replace("wasana", &office.webmaster_id)
        .replace("@phanhealth", "@line-id")
}

/// `git init` on `main` and the first commit of every file; returns its id.
fn first_commit(dir: &Path, author: Option<&(String, String)>) -> anyhow::Result<String> {
    let git = |args: &[&str]| -> anyhow::Result<String> {
        let mut command = Command::new("git");
        command.args(args).current_dir(dir);
        if let Some((name, email)) = author {
            for (key, value) in [
                ("GIT_AUTHOR_NAME", name),
                ("GIT_AUTHOR_EMAIL", email),
                ("GIT_COMMITTER_NAME", name),
                ("GIT_COMMITTER_EMAIL", email),
            ] {
                command.env(key, value);
            }
        }
        let output = command
            .output()
            .with_context(|| crate::messages::GIT_NOT_INSTALLED.say(&[]))?;
        if !output.status.success() {
            bail!(crate::messages::GIT_COMMAND_FAILED.detail(
                String::from_utf8_lossy(&output.stderr).trim(),
                &[
                    ("args", &args.join(" ")),
                    ("path", &dir.display().to_string())
                ],
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    git(&["init", "-q"])?;
    git(&["symbolic-ref", "HEAD", "refs/heads/main"])?;
    git(&["add", "-A"])?;
    if author.is_none() && git(&["config", "user.email"]).is_err() {
        // No web master named and no git identity: commit as the tool, so a script
        // still gets a repository; the office's later commits carry real names.
        git(&["config", "user.name", "khaosan init"])?;
        git(&["config", "user.email", "khaosan-init@localhost"])?;
    }
    git(&[
        "commit",
        "-q",
        "-m",
        "เริ่มเว็บไซต์ด้วย khaosan init (new site: the trust root, KHAOSAN_GENESIS)",
    ])?;
    git(&["rev-parse", "HEAD"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_domain_becomes_a_base_url() {
        assert_eq!(
            base_url("www.office.go.th").ok().as_deref(),
            Some("https://www.office.go.th/")
        );
        assert_eq!(
            base_url("https://a.example/site").ok().as_deref(),
            Some("https://a.example/site/")
        );
        assert!(base_url("not a domain").is_err());
        assert!(base_url("[[ใส่]]").is_err());
    }

    #[test]
    fn toml_strings_are_escaped() {
        for text in ["a\"b\\c", "it's", "two\nlines", "สำนักงาน \"ทดสอบ\""]
        {
            let line = format!("x = {}", toml_str(text));
            let table: toml::Table = toml::from_str(&line).unwrap_or_default();
            assert_eq!(
                table.get("x").and_then(|v| v.as_str()),
                Some(text),
                "{line}"
            );
        }
    }

    #[test]
    fn the_pin_is_checked() {
        let pin = ToolPin {
            repo: "owner/khaosan".into(),
            commit: "0".repeat(40),
            tag: "v0.2.0".into(),
        };
        assert!(pin.check().is_ok());
        assert_eq!(
            pin.uses(),
            format!(
                "owner/khaosan/.github/actions/khaosan@{} # v0.2.0",
                "0".repeat(40)
            )
        );
        let bad = ToolPin {
            commit: "main".into(),
            ..pin.clone()
        };
        assert!(bad.check().is_err());
        let bad = ToolPin {
            repo: "khaosan".into(),
            ..pin
        };
        assert!(bad.check().is_err());
    }

    #[test]
    fn questions_fill_only_what_is_missing() {
        let mut answers = Answers {
            name_th: Some("สำนักงานทดสอบ".into()),
            ..Answers::default()
        };
        let mut input = "Test Office\n\n\n\nnot a domain\nwww.test.go.th\n".as_bytes();
        let mut prompts = Vec::new();
        answers.ask(&mut input, &mut prompts);
        assert_eq!(answers.name_th.as_deref(), Some("สำนักงานทดสอบ"));
        assert_eq!(answers.name_en.as_deref(), Some("Test Office"));
        assert_eq!(answers.address, None, "an empty line keeps the placeholder");
        assert_eq!(
            answers.domain.as_deref(),
            Some("www.test.go.th"),
            "asked again"
        );
        assert_eq!(answers.director_name, None, "input ended");
        let prompts = String::from_utf8(prompts).unwrap_or_default();
        assert!(!prompts.contains("office name in Thai"));
        assert!(prompts.contains("office name in English"));
    }
}
