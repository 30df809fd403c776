//! `khaosan init`: a new office's repository, built with approval checking on, carries
//! nothing of the demo office, and `check` passes it without a warning.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::run_khaosan;

/// Every answer, by flag.
const ANSWERS: &[&str] = &[
    "--name-th",
    "สำนักงานสาธารณสุขอำเภอตัวอย่าง",
    "--name-en",
    "Example District Public Health Office",
    "--address",
    "123 ถนนตัวอย่าง อำเภอตัวอย่าง จังหวัดตัวอย่าง 10000",
    "--address-en",
    "123 Example Road, Example District 10000",
    "--phone",
    "0 2000 0000",
    "--email",
    "saraban@example-health.go.th",
    "--domain",
    "www.example-health.go.th",
    "--director-name",
    "นายสมชาย ใจดี",
    "--director-email",
    "somchai@example-health.go.th",
    "--director-id",
    "somchai",
    "--director-title",
    "สาธารณสุขอำเภอตัวอย่าง",
    "--director-github",
    "somchai-health",
    "--webmaster-name",
    "นางสาวสมศรี รักงาน",
    "--webmaster-email",
    "somsri@example-health.go.th",
    "--webmaster-id",
    "somsri",
    "--tool-repo",
    "example-org/khaosan",
    "--tool-ref",
    "0123456789abcdef0123456789abcdef01234567",
    "--tool-tag",
    "v0.2.0",
];

/// What the demo office leaves behind when a new site is made by hand from a fork.
const DEMO: &[&str] = &[
    "พาน",
    "phan",
    "inchai",
    "อินชัย",
    "wasana",
    "วาสนา",
    "sajja",
    "dusit",
    "kannika",
    "anucha",
    "เชียงราย",
    "chiang rai",
    "phan-health",
];

/// The ten groups of the guideline: nine sections and the generated statistics page.
const SECTIONS: &[&str] = &[
    "about",
    "laws",
    "knowledge",
    "links",
    "oia",
    "manuals",
    "services",
    "news",
    "eservice",
    "statistics",
];

fn khaosan(dir: &Path, args: &[&str]) -> Output {
    run_khaosan(dir, args)
}

fn text(output: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn files_below(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

fn init_site(dir: &Path, answers: &[&str]) -> (PathBuf, Output) {
    let site = dir.join("office-site");
    let mut args = vec!["init", "office-site"];
    args.extend_from_slice(answers);
    let output = khaosan(dir, &args);
    assert!(output.status.success(), "{}", text(&output));
    (site, output)
}

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_new_office_builds_with_verification_and_nothing_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let (site, output) = init_site(dir.path(), ANSWERS);

    // The files it writes, listed on standard output.
    let listed: BTreeSet<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    for expected in [
        "site.toml",
        "approvals/approvers.toml",
        "checklist.toml",
        "content/_index.md",
        "content/_index.en.md",
        ".github/workflows/check.yml",
        ".github/workflows/publish.yml",
        ".github/dependabot.yml",
        ".github/CODEOWNERS",
        "README.md",
        "docs/staff.th.md",
        "docs/director.th.md",
        ".gitignore",
    ] {
        assert!(
            listed.contains(expected),
            "{expected} not written: {listed:?}"
        );
    }
    for section in &SECTIONS[..9] {
        assert!(listed.contains(&format!("content/{section}/_index.md")));
        assert!(listed.contains(&format!("content/{section}/_index.en.md")));
    }
    let on_disk: BTreeSet<String> = files_below(&site)
        .iter()
        .map(|p| {
            p.strip_prefix(&site)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(on_disk, listed, "stdout lists exactly the files written");

    // One commit, by the web master: the trust root.
    assert_eq!(git(&site, &["rev-list", "--count", "HEAD"]), "1");
    assert_eq!(
        git(&site, &["log", "-1", "--format=%ae"]),
        "somsri@example-health.go.th"
    );
    assert_eq!(git(&site, &["status", "--porcelain"]), "");
    assert_eq!(git(&site, &["symbolic-ref", "--short", "HEAD"]), "main");
    let genesis = git(&site, &["rev-parse", "HEAD"]);
    assert!(
        text(&output).contains(&genesis),
        "init names the trust root"
    );
    let registry = std::fs::read_to_string(site.join("approvals/approvers.toml")).unwrap();
    assert!(registry.contains("verify_git = true"), "{registry}");
    assert!(registry.contains("id = \"somchai\""));
    let codeowners = std::fs::read_to_string(site.join(".github/CODEOWNERS")).unwrap();
    assert!(
        codeowners.contains("/content/       @somchai-health"),
        "{codeowners}"
    );

    // The workflows install the pinned khaosan and never build the office's copy.
    for workflow in ["check.yml", "publish.yml"] {
        let yml = std::fs::read_to_string(site.join(".github/workflows").join(workflow)).unwrap();
        assert!(
            yml.contains(
                "uses: example-org/khaosan/.github/actions/khaosan@0123456789abcdef0123456789abcdef01234567 # v0.2.0"
            ),
            "{yml}"
        );
        assert!(!yml.contains("cargo"), "{workflow} builds something: {yml}");
        assert!(yml.contains("fetch-depth: 0"));
    }
    let publish = std::fs::read_to_string(site.join(".github/workflows/publish.yml")).unwrap();
    assert!(publish.contains("GENESIS: ${{ vars.KHAOSAN_GENESIS }}"));
    let dependabot = std::fs::read_to_string(site.join(".github/dependabot.yml")).unwrap();
    assert!(dependabot.contains("package-ecosystem: github-actions"));

    // Built with approval checking on, from the trust root.
    let out = dir.path().join("public");
    let build = khaosan(
        &site,
        &[
            "build",
            "--genesis",
            &genesis,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let summary = text(&build);
    assert!(build.status.success(), "{summary}");
    assert!(
        summary.contains("approvals are proven by git history"),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("khaosan:               {}", khaosan::VERSION)),
        "the summary names the khaosan that built the site: {summary}"
    );
    let info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("build-info.json")).unwrap())
            .unwrap();
    assert_eq!(info["trust"], "git");
    assert_eq!(info["commit"], genesis.as_str());
    assert_eq!(info["khaosan_version"], khaosan::VERSION);

    for section in SECTIONS {
        let page = out.join(section).join("index.html");
        assert!(page.is_file(), "section {section} is missing");
        assert!(out.join("en").join(section).join("index.html").is_file());
    }
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("สำนักงานสาธารณสุขอำเภอตัวอย่าง"));

    // Nothing of the demo office, in the new repository or in its site.
    let mut all = files_below(&site);
    all.extend(files_below(&out));
    for file in &all {
        let Ok(content) = std::fs::read_to_string(file) else {
            continue;
        };
        let lower = content.to_lowercase();
        for needle in DEMO {
            assert!(
                !lower.contains(needle),
                "{} contains `{needle}`",
                file.display()
            );
        }
        assert!(
            !content.contains("[[ใส่"),
            "{} has a placeholder",
            file.display()
        );
    }

    assert_internal_links_resolve(&out, "https://www.example-health.go.th/");

    // check passes with no warning.
    let check = khaosan(&site, &["check"]);
    let report = text(&check);
    assert!(check.status.success(), "{report}");
    assert!(
        report.contains("คำเตือน 0 รายการ (0 warning(s))"),
        "{report}"
    );

    // compliance lists what the office still has to write.
    let compliance = khaosan(&site, &["compliance", "--format", "json"]);
    assert!(compliance.status.success(), "{}", text(&compliance));
    let result: serde_json::Value = serde_json::from_slice(&compliance.stdout).unwrap();
    let listed = serde_json::to_string(&result).unwrap();
    for id in ["gws2-1.1", "gws2-1.10", "gws2-2.1"] {
        assert!(listed.contains(id), "compliance does not list {id}");
    }
    let table = text(&khaosan(&site, &["compliance"]));
    assert!(table.contains("ขาด (missing)"), "{table}");
    assert!(table.contains("ไม่มีรายการที่เผยแพร่อยู่ (no live item provides it)"));

    // Builds into the default output leave nothing for git to list: the output,
    // its lock and the site it replaced (kept for the next build) are ignored.
    for _ in 0..2 {
        let again = khaosan(&site, &["build", "--genesis", &genesis]);
        assert!(again.status.success(), "{}", text(&again));
    }
    assert!(site.join(".public.khaosan-spare").is_dir());
    assert_eq!(git(&site, &["status", "--porcelain"]), "");
}

/// Every `href` and `src` in the output that stays on the site names a written file.
fn assert_internal_links_resolve(out: &Path, base: &str) {
    let mut checked = 0;
    for file in files_below(out) {
        if file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&file).unwrap();
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let Some(link) = part.split('"').next() else {
                    continue;
                };
                let link = link.replace("&#x2F;", "/").replace("&amp;", "&");
                let path = if let Some(rest) = link.strip_prefix(base) {
                    format!("/{rest}")
                } else if link.starts_with('/') && !link.starts_with("//") {
                    link.clone()
                } else {
                    continue;
                };
                let path = path.split(['#', '?']).next().unwrap_or("");
                let mut target = out.join(path.trim_start_matches('/'));
                if path.ends_with('/') {
                    target = target.join("index.html");
                }
                assert!(
                    target.is_file(),
                    "{} links to {link}, which is not in the output",
                    file.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn without_a_terminal_or_flags_it_writes_placeholders_that_check_warns_about() {
    let dir = tempfile::tempdir().unwrap();
    let (site, output) = init_site(
        dir.path(),
        &[
            "--tool-ref",
            "0123456789abcdef0123456789abcdef01234567",
            "--tool-tag",
            "v0.2.0",
        ],
    );
    assert!(text(&output).contains("ยังต้องเติม (still to fill in"));
    let site_toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        site_toml.contains("title = \"[[ใส่ชื่อหน่วยงาน]]\""),
        "{site_toml}"
    );
    assert_eq!(git(&site, &["rev-list", "--count", "HEAD"]), "1");

    let check = khaosan(&site, &["check"]);
    let report = text(&check);
    assert!(
        check.status.success(),
        "placeholders are no error: {report}"
    );
    assert!(report.contains("ไม่มีข้อผิดพลาด (no errors)"), "{report}");
    for place in [
        "site.toml:4",
        "approvals/approvers.toml",
        "content/_index.md",
        ".github/CODEOWNERS",
    ] {
        assert!(
            report.contains(&format!("คำเตือน (warning): {place}")),
            "no warning at {place}: {report}"
        );
    }
    assert!(report.contains("[[ใส่ชื่อหน่วยงาน]]"));
    let strict = khaosan(&site, &["check", "--strict"]);
    assert!(!strict.status.success(), "--strict refuses placeholders");

    // It still builds, with verification on.
    let genesis = git(&site, &["rev-parse", "HEAD"]);
    let build = khaosan(&site, &["build", "--genesis", &genesis]);
    assert!(build.status.success(), "{}", text(&build));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("office-site")).unwrap();
    std::fs::write(dir.path().join("office-site/notes.txt"), "x").unwrap();
    let output = khaosan(
        dir.path(),
        &[
            "init",
            "office-site",
            "--tool-ref",
            "0123456789abcdef0123456789abcdef01234567",
        ],
    );
    assert!(!output.status.success());
    assert!(text(&output).contains("is not empty"), "{}", text(&output));
    assert_eq!(
        std::fs::read_dir(dir.path().join("office-site"))
            .unwrap()
            .count(),
        1,
        "nothing was written"
    );
}

#[test]
fn version_names_the_commit() {
    let output = khaosan(Path::new("."), &["--version"]);
    let version = String::from_utf8_lossy(&output.stdout);
    assert_eq!(version.trim(), format!("khaosan {}", khaosan::VERSION));
    assert!(version.starts_with(&format!("khaosan {} (", env!("CARGO_PKG_VERSION"))));
}
