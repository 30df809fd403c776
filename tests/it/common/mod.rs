//! Test helpers: a site made from a one-screen text fixture, and real git
//! repositories driven through the `git` command.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use khaosan::build::{BuildOptions, BuildOutcome, build};

/// A site in a temporary folder, written from a fixture such as
///
/// ```text
/// -- site.toml --
/// title = "t"
/// -- content/news/a.md --
/// +++
/// ...
/// ```
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

/// The smallest valid site settings with two sections: `news` (expiring) and `laws` (permanent).
pub const SITE_TOML: &str = r#"title = "สำนักงานทดสอบ"
title_en = "Test Office"
base_url = "https://office.example/"
[[section]]
id = "news"
title = "ข่าว"
title_en = "News"
[[section]]
id = "laws"
title = "กฎหมาย"
permanent = true
"#;

/// A registry with one approver (inchai) and one author (wasana).
pub const APPROVERS_TOML: &str = r#"[[person]]
id = "inchai"
name = "นายอินชัย อุ่นน้อย"
title = "สาธารณสุขอำเภอพาน"
roles = ["approver"]
emails = ["inchai@office.example"]

[[person]]
id = "wasana"
name = "นางสาววาสนา ป็อกบุญเรือง"
title = "นักวิชาการสาธารณสุข"
roles = ["webmaster", "author"]
emails = ["wasana@office.example"]
"#;

impl Fixture {
    /// A site from `-- path --` sections; `site.toml` and the registry are added
    /// when the fixture does not give its own.
    pub fn new(text: &str) -> Fixture {
        let fixture = Fixture {
            dir: tempfile::tempdir().unwrap(),
        };
        let files = parse_fixture(text);
        if !files.iter().any(|(p, _)| p == "site.toml") {
            fixture.write("site.toml", SITE_TOML);
        }
        if !files.iter().any(|(p, _)| p == "approvals/approvers.toml") {
            fixture.write("approvals/approvers.toml", APPROVERS_TOML);
        }
        for (path, content) in files {
            fixture.write(&path, &content);
        }
        fixture
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, path: &str, content: &str) {
        self.write_bytes(path, content.as_bytes());
    }

    pub fn write_bytes(&self, path: &str, content: &[u8]) {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }

    pub fn remove(&self, path: &str) {
        std::fs::remove_file(self.root().join(path)).unwrap();
    }

    pub fn options(&self, now: &str) -> BuildOptions {
        let mut options = BuildOptions::new(self.root(), self.out());
        options.now = Some(khaosan::dates::parse_now(now).unwrap());
        options.report = Some(self.dir.path().join("report.json"));
        options
    }

    /// Builds at `now` (RFC 3339) and panics with the error if the build fails.
    pub fn build(&self, now: &str) -> BuildOutcome {
        build(&self.options(now)).unwrap_or_else(|e| panic!("build failed: {e:#}"))
    }

    /// The text of an output file, if it was written.
    pub fn output(&self, path: &str) -> Option<String> {
        std::fs::read_to_string(self.out().join(path)).ok()
    }

    /// Every output file's path and content (text files only), for leak checks.
    pub fn all_output(&self) -> Vec<(String, String)> {
        walk(&self.out())
            .into_iter()
            .map(|p| {
                let rel = p
                    .strip_prefix(self.out())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap()).into_owned();
                (rel, text)
            })
            .collect()
    }

    /// Panics if `needle` appears in any output file or file name.
    pub fn assert_nowhere(&self, needle: &str) {
        for (path, text) in self.all_output() {
            assert!(
                !path.contains(needle),
                "{needle} leaked into the file name {path}"
            );
            assert!(!text.contains(needle), "{needle} leaked into {path}");
        }
    }

    /// Runs git in the site folder, as the given person at the given time.
    pub fn git(&self, who: &Who, when: &str, args: &[&str]) -> String {
        git_in(&self.root(), who, when, args)
    }
}

/// A git identity: name and e-mail.
pub struct Who {
    pub name: &'static str,
    pub email: &'static str,
}

pub const INCHAI: Who = Who {
    name: "Inchai",
    email: "inchai@office.example",
};
pub const WASANA: Who = Who {
    name: "Wasana",
    email: "wasana@office.example",
};
pub const WEB_FLOW: Who = Who {
    name: "GitHub",
    email: "noreply@github.com",
};

/// Runs `git args` in `dir` with author and committer `who` at `when` (RFC 3339).
pub fn git_in(dir: &Path, who: &Who, when: &str, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", who.name)
        .env("GIT_AUTHOR_EMAIL", who.email)
        .env("GIT_COMMITTER_NAME", who.name)
        .env("GIT_COMMITTER_EMAIL", who.email)
        .env("GIT_AUTHOR_DATE", when)
        .env("GIT_COMMITTER_DATE", when)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// Splits `-- path --` sections.
pub fn parse_fixture(text: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(path) = trimmed
            .strip_prefix("-- ")
            .and_then(|r| r.strip_suffix(" --"))
        {
            files.push((path.to_string(), String::new()));
        } else if let Some((_, content)) = files.last_mut() {
            content.push_str(line);
        }
    }
    files
}

/// Front matter and body of an item, for short fixtures.
pub fn item(title: &str, front: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nauthor = \"wasana\"\n{front}\n+++\n\n{body}\n")
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Path of the built `khaosan` binary, for tests of the command line.
pub fn khaosan_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_khaosan"))
}

/// Runs `khaosan args…` in `dir`, with no input and no system or user git config.
pub fn run_khaosan(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(khaosan_bin())
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap()
}

/// A site made by the corpus generator, with what it expects of a build.
pub struct Corpus {
    pub dir: tempfile::TempDir,
    pub expected: serde_json::Value,
}

impl Corpus {
    /// Generates `n` items (with git history when `git`) for a build at `now`.
    pub fn generate(n: usize, git: bool, now: &str) -> Corpus {
        let script = corpus_generator();
        let dir = tempfile::tempdir().unwrap();
        let mut command = Command::new("python3");
        command
            .arg(&script)
            .arg("--out")
            .arg(dir.path().join("site"));
        command.args(["--n", &n.to_string(), "--now", now]);
        if git {
            command.arg("--git");
        }
        let made = command.output().expect("python3 runs");
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        let expected = std::fs::read_to_string(dir.path().join("site/expected.json")).unwrap();
        Corpus {
            expected: serde_json::from_str(&expected).unwrap(),
            dir,
        }
    }

    pub fn site(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Pages (`news/x`) that `expected.json` says a build publishes.
    pub fn published(&self) -> std::collections::BTreeSet<String> {
        self.expected["published"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| page_of(p.as_str().unwrap()))
            .collect()
    }

    /// Content files that must be withheld, with the generator's state for each.
    pub fn withheld(&self) -> Vec<(String, String)> {
        self.expected["withheld"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(path, state)| (path.clone(), state.as_str().unwrap().to_string()))
            .collect()
    }

    /// Panics unless `outcome` published exactly the expected pages, wrote each of
    /// them, and wrote nothing of a withheld item.
    pub fn assert_published_exactly(&self, outcome: &BuildOutcome) {
        let want = self.published();
        let got: std::collections::BTreeSet<String> = outcome
            .report
            .live()
            .map(|item| format!("{}/{}", item.section, item.slug))
            .collect();
        assert_eq!(want, got);
        for page in &want {
            assert!(
                self.out().join(page).join("index.html").exists(),
                "{page} was not written"
            );
        }
        for (path, state) in self.withheld() {
            assert!(
                !self.out().join(page_of(&path)).exists(),
                "{path} ({state}) was written"
            );
        }
        self.assert_no_canary();
    }

    /// Panics if a withheld item's canary is in any output file or file name.
    pub fn assert_no_canary(&self) {
        let canary = self.expected["canary_prefix"].as_str().unwrap();
        for entry in walk(&self.out()) {
            assert!(
                !entry.to_string_lossy().contains(canary),
                "{canary} in the name {}",
                entry.display()
            );
            let bytes = std::fs::read(&entry).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(canary),
                "{canary} leaked into {}",
                entry.display()
            );
        }
    }
}

/// The corpus generator this repository ships in `bench/`.
pub fn corpus_generator() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py")
}

/// `content/news/x.md` or `content/news/x/index.md` → `news/x`.
pub fn page_of(path: &str) -> String {
    let rest = path.trim_start_matches("content/");
    rest.trim_end_matches("/index.md")
        .trim_end_matches(".md")
        .to_string()
}
