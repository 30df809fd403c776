//! `khaosan check` run as a program on sites made in temporary folders.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{Fixture, INCHAI, WASANA, git_in, item, khaosan_bin};

const NOW: &str = "2026-06-01T12:00:00+07:00";

fn check(root: &Path, args: &[&str]) -> Output {
    Command::new(khaosan_bin())
        .arg("check")
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn live(title: &str) -> String {
    item(
        title,
        "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
        "เนื้อหา",
    )
}

/// Line 5 of this file is the misspelt `expire`.
const BROKEN: &str = "+++\ntitle = \"ข่าวเสีย\"\napprover = \"inchai\"\npublish = 2026-05-01\nexpire = 2026-12-31\n+++\n\nbody\n";

#[test]
fn a_valid_site_passes_and_writes_nothing() {
    let site = Fixture::new(&format!("-- content/news/a.md --\n{}", live("ข่าวดี")));
    let output = check(&site.root(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("## khaosan check: ✅ ผ่าน (passed)"), "{out}");
    assert!(out.contains("เผยแพร่ (live): 1"), "{out}");
    assert!(
        stderr(&output).contains("ผ่าน (passed)"),
        "{}",
        stderr(&output)
    );
    assert!(!site.root().join("public").exists(), "check writes no site");
    assert!(
        !site.root().join(".khaosan").exists(),
        "check writes no report"
    );
    assert!(!site.out().exists());
}

#[test]
fn a_broken_item_fails_with_its_file_and_line() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/bad.md --\n{BROKEN}",
        live("ข่าวดี")
    ));
    let output = check(&site.root(), &["--annotations"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("ผิดพลาด (error): content/news/bad.md:5: `expire`:"),
        "{err}"
    );
    assert!(err.contains("did you mean `expires`?"), "{err}");
    let out = stdout(&output);
    let annotation = out
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("no annotation in {out}"));
    assert!(
        annotation.starts_with("::error file=content/news/bad.md,line=5,title=khaosan::`expire`: "),
        "{annotation}"
    );
    assert!(
        out.contains("❌ ต้องแก้ไข 1 รายการ (1 error(s) to fix)"),
        "{out}"
    );
    assert!(out.contains("| `content/news/bad.md:5` |"), "{out}");
}

#[test]
fn approver_problems_point_at_the_approver_line() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item(
            "t",
            "approver = \"wasana\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "x"
        )
    ));
    let output = check(&site.root(), &["--annotations"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    // item() writes title (2), author (3), then the front matter given (4).
    assert!(
        out.contains("::error file=content/news/a.md,line=4,title=khaosan::`approver`: ไม่มีสิทธิ์อนุมัติ (not an approver)"),
        "{out}"
    );
}

#[test]
fn without_annotations_no_workflow_commands_are_printed() {
    let site = Fixture::new(&format!("-- content/news/bad.md --\n{BROKEN}"));
    let output = check(&site.root(), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!stdout(&output).contains("::error"), "{}", stdout(&output));
}

#[test]
fn summary_file_is_appended_to() {
    let site = Fixture::new(&format!("-- content/news/a.md --\n{}", live("ข่าวดี")));
    let summary = site.dir.path().join("step-summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let output = check(&site.root(), &["--summary-file", summary.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("earlier step\n## khaosan check"), "{text}");
    assert!(
        !stdout(&output).contains("## khaosan check"),
        "the summary goes to the file, not stdout"
    );
}

#[test]
fn a_broken_site_toml_fails_with_its_line() {
    let site = Fixture::new(&format!(
        "-- site.toml --\ntitle = \"t\"\nbase_url = \"https://a.example/\"\ntimezon = \"Asia/Bangkok\"\n-- content/news/a.md --\n{}",
        live("x")
    ));
    let output = check(&site.root(), &["--annotations"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("::error file=site.toml,line=3,title=khaosan::`timezon`: ไม่รู้จักหัวข้อ `timezon`: ใช่ `timezone` หรือไม่ / unknown key `timezon`; did you mean `timezone`?"),
        "{out}"
    );
}

#[test]
fn a_broken_template_fails_the_check() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- templates/item.html --\n{{% if %}}broken\n",
        live("x")
    ));
    let output = check(&site.root(), &["--annotations"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.contains("::error title=khaosan::แม่แบบแสดงผลไม่ได้ (the templates do not render)"),
        "{out}"
    );
}

#[test]
fn links_to_withheld_or_shorter_lived_pages_are_warnings() {
    let site = Fixture::new(&format!(
        "-- content/laws/act.md --\n{}\n-- content/news/short.md --\n{}\n-- content/news/hidden.md --\n{}\n-- content/news/ok.md --\n{}",
        item(
            "กฎหมาย",
            "approver = \"inchai\"\npublish = 2026-01-01",
            "ดู [ข่าว](/news/short/)\n\nและ [ข่าวลับ](../../news/hidden/)\n\nและ [ไม่มี](/news/missing/)\n\nและ [ภายนอก](https://example.org/news/x/)"
        ),
        item(
            "สั้น",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-09-01",
            "x"
        ),
        item(
            "ลับ",
            "approver = \"somsak\"\npublish = 2026-01-01\nexpires = 2026-12-31",
            "x"
        ),
        item(
            "ดี",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-08-01",
            "ดู [สั้น](/news/short/#top)"
        ),
    ));
    let output = check(&site.root(), &["--annotations"]);
    let out = stdout(&output);
    let warnings: Vec<&str> = out.lines().filter(|l| l.starts_with("::warning")).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    // In content/laws/act.md the body's links are on lines 8, 10 and 12.
    assert!(
        warnings[0].starts_with("::warning file=content/laws/act.md,line=8,title=khaosan::ลิงก์ไปยังหน้าที่หมดอายุก่อน (link to a page that expires first): /news/short/"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].starts_with("::warning file=content/laws/act.md,line=10,title=khaosan::ลิงก์ไปยังหน้าที่ถูกระงับ (link to a withheld page): /news/hidden/"),
        "{}",
        warnings[1]
    );
    assert!(
        warnings[2].starts_with(
            "::warning file=content/laws/act.md,line=12,title=khaosan::ลิงก์ไปยังหน้าที่ไม่มี"
        ),
        "{}",
        warnings[2]
    );
    // The withheld item itself is an error; the links alone would not fail the check.
    assert_eq!(output.status.code(), Some(1));
    site.remove("content/news/hidden.md");
    let output = check(&site.root(), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = check(&site.root(), &["--strict"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "--strict fails on warnings: {}",
        stderr(&output)
    );
}

#[test]
fn a_link_to_a_page_that_goes_live_later_is_a_warning() {
    let site = Fixture::new(&format!(
        "-- content/news/now.md --\n{}\n-- content/news/later.md --\n{}",
        item(
            "now",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "[later](/news/later/)"
        ),
        item(
            "later",
            "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
            "x"
        ),
    ));
    let output = check(&site.root(), &[]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(
        err.contains("คำเตือน (warning): content/news/now.md:9: ลิงก์ไปยังหน้าที่ยังไม่เผยแพร่ (link to a page not yet live): /news/later/ (content/news/later.md) เริ่มเผยแพร่ 2026-07-01 00:00 หลังหน้านี้ / goes live at 2026-07-01 00:00"),
        "{err}"
    );
}

/// A repository with one live item on `main`, and a branch `proposal` checked out.
fn repo_with_proposal() -> Fixture {
    let site = Fixture::new(&format!("-- content/news/old.md --\n{}", live("ข่าวเดิม")));
    let root = site.root();
    git_in(
        &root,
        &INCHAI,
        "2026-05-01T09:00:00+07:00",
        &["init", "-q", "-b", "main"],
    );
    git_in(&root, &INCHAI, "2026-05-01T09:00:00+07:00", &["add", "-A"]);
    git_in(
        &root,
        &INCHAI,
        "2026-05-01T09:00:00+07:00",
        &["commit", "-qm", "site"],
    );
    git_in(
        &root,
        &WASANA,
        "2026-05-02T09:00:00+07:00",
        &["switch", "-qc", "proposal"],
    );
    site
}

#[test]
fn base_lists_what_the_change_would_publish_and_who_must_approve() {
    let site = repo_with_proposal();
    site.write(
        "content/news/job.md",
        &item(
            "รับสมัครพนักงานขับรถยนต์",
            "approver = \"inchai\"\npublish = 2026-06-05T08:30:00+07:00\nexpires = 2026-07-01",
            "x",
        ),
    );
    git_in(
        &site.root(),
        &WASANA,
        "2026-05-02T09:00:00+07:00",
        &["add", "-A"],
    );
    git_in(
        &site.root(),
        &WASANA,
        "2026-05-02T09:00:00+07:00",
        &["commit", "-qm", "job"],
    );
    // Also a change not yet committed: the working tree counts too.
    site.write(
        "site.toml",
        &format!("{}\n# tweak\n", crate::common::SITE_TOML),
    );

    let output = check(&site.root(), &["--base", "main"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("| รับสมัครพนักงานขับรถยนต์ | `/news/job/` | 2026-06-05 08:30 | 2026-07-01 00:00 | `inchai` นายอินชัย อุ่นน้อย (สาธารณสุขอำเภอพาน) | ตั้งเวลาไว้ เริ่ม 2026-06-05 08:30 (scheduled) |"),
        "{out}"
    );
    assert!(
        out.contains("- `content/news/job.md`: เพิ่ม (added)"),
        "{out}"
    );
    assert!(out.contains("- `site.toml`: แก้ไข (modified)"), "{out}");
    assert!(
        !out.contains("old.md"),
        "unchanged files are not listed: {out}"
    );
    assert!(out.contains("### ผู้ที่ต้องอนุมัติ (who must approve)"), "{out}");
}

#[test]
fn base_blames_only_the_files_the_change_touches() {
    let site = repo_with_proposal();
    // Broken on main already, and the proposal adds a good item.
    site.write("content/news/bad.md", BROKEN);
    git_in(
        &site.root(),
        &INCHAI,
        "2026-05-02T09:00:00+07:00",
        &["switch", "-q", "main"],
    );
    git_in(
        &site.root(),
        &INCHAI,
        "2026-05-02T09:00:00+07:00",
        &["add", "-A"],
    );
    git_in(
        &site.root(),
        &INCHAI,
        "2026-05-02T09:00:00+07:00",
        &["commit", "-qm", "bad"],
    );
    git_in(
        &site.root(),
        &WASANA,
        "2026-05-03T09:00:00+07:00",
        &["switch", "-qc", "good"],
    );
    site.write("content/news/good.md", &live("ข่าวใหม่"));

    let output = check(&site.root(), &["--base", "main", "--annotations"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let out = stdout(&output);
    assert!(
        out.contains("::warning file=content/news/bad.md,line=5,title=khaosan::`expire`:"),
        "{out}"
    );
    assert!(out.contains("not changed since main"), "{out}");

    let strict = check(&site.root(), &["--base", "main", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));

    // The same problem in a file the change touches fails it.
    site.write("content/news/good.md", BROKEN);
    let output = check(&site.root(), &["--base", "main", "--annotations"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("::error file=content/news/good.md,line=5,"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_unknown_base_is_explained() {
    let site = repo_with_proposal();
    let output = check(&site.root(), &["--base", "origin/nothing"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("--base origin/nothing: no such commit"),
        "{err}"
    );
}

#[test]
fn the_check_workflow_calls_flags_that_exist() {
    let workflow = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/check.yml"),
    )
    .unwrap();
    let command = workflow
        .split("target/release/khaosan check")
        .nth(1)
        .expect("check.yml runs khaosan check");
    let flags: Vec<&str> = command
        .lines()
        .skip(1)
        .map(str::trim)
        .take_while(|l| l.starts_with("--"))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(flags, ["--base", "--annotations", "--summary-file"]);
    // The same command on a pull-request-like checkout passes and fills the summary.
    let site = repo_with_proposal();
    site.write("content/news/new.md", &live("ข่าวใหม่"));
    let summary = site.dir.path().join("summary.md");
    let output = check(
        &site.root(),
        &[
            "--base",
            "main",
            "--annotations",
            "--summary-file",
            summary.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = std::fs::read_to_string(summary).unwrap();
    assert!(text.contains("| ข่าวใหม่ | `/news/new/` |"), "{text}");
}

#[test]
fn a_law_without_its_source_is_a_warning() {
    let site = Fixture::new(&format!(
        "-- content/laws/act.md --\n{}\n-- content/laws/cited.md --\n{}",
        item(
            "พระราชบัญญัติ",
            "approver = \"inchai\"\npublish = 2026-05-01",
            ""
        ),
        item(
            "ระเบียบ",
            "approver = \"inchai\"\npublish = 2026-05-01\nsource = \"https://www.ratchakitcha.soc.go.th/\"",
            ""
        ),
    ));
    site.write(
        "site.toml",
        &crate::common::SITE_TOML.replace(
            "permanent = true",
            "permanent = true\nrequires_source = true",
        ),
    );
    let output = check(&site.root(), &["--annotations"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "a warning does not fail: {}",
        stderr(&output)
    );
    let out = stdout(&output);
    assert!(out.contains("::warning file=content/laws/act.md"), "{out}");
    assert!(out.contains("no source"), "{out}");
    assert!(!out.contains("file=content/laws/cited.md"), "{out}");
    assert_eq!(check(&site.root(), &["--strict"]).status.code(), Some(1));
}
