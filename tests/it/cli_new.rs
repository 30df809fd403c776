//! `khaosan new` run as a program, and what `check` then says of the file it wrote.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use crate::common::{APPROVERS_TOML, Fixture, WASANA, git_in, khaosan_bin};

const NOW: &str = "2026-11-26T10:00:00+07:00";

const SITE: &str = r#"title = "t"
base_url = "https://office.example/"
[[section]]
id = "news"
title = "ข่าว"
lifetime_days = 90
[[section]]
id = "laws"
title = "กฎหมาย"
permanent = true
[[section]]
id = "oia"
title = "ข้อมูลข่าวสาร"
"#;

fn site() -> Fixture {
    Fixture::new(&format!("-- site.toml --\n{SITE}"))
}

fn new(site: &Fixture, args: &[&str]) -> Output {
    Command::new(khaosan_bin())
        .arg("new")
        .args(args)
        .arg("--root")
        .arg(site.root())
        .args(["--now", NOW])
        .output()
        .unwrap()
}

/// Runs `new`, expects success, and returns the path it printed, relative to the root.
fn created(site: &Fixture, args: &[&str]) -> String {
    let output = new(site, args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8(output.stdout).unwrap();
    let printed = printed.trim_end_matches('\n');
    assert_eq!(
        printed.lines().count(),
        1,
        "only the path on stdout: {printed}"
    );
    let root = format!("{}/", site.root().display());
    printed
        .strip_prefix(&root)
        .unwrap_or_else(|| panic!("{printed} is not under {root}"))
        .to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn check(site: &Fixture) -> Output {
    Command::new(khaosan_bin())
        .args(["check", "--now", NOW, "--root"])
        .arg(site.root())
        .output()
        .unwrap()
}

#[test]
fn news_item_gets_a_dated_slug_and_the_sections_lifetime() {
    let site = site();
    let path = created(&site, &["news", "Flu Vaccine Drive!", "--author", "wasana"]);
    assert_eq!(path, "content/news/2026-11-26-flu-vaccine-drive.md");
    let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
    assert!(
        text.starts_with(
            "+++\ntitle = \"Flu Vaccine Drive!\"\nauthor = \"wasana\"\napprover = \"inchai\"\npublish = 2026-11-26\nexpires = 2027-02-24\n"
        ),
        "{text}"
    );
    assert!(text.contains("# kind = \"general\""), "{text}");
    let output = check(&site);
    assert_eq!(
        output.status.code(),
        Some(0),
        "new then check passes: {}",
        stderr(&output)
    );
}

#[test]
fn thai_title_gets_a_dated_slug_and_never_overwrites() {
    let site = site();
    let title = "ประกาศรับสมัครพนักงานขับรถยนต์";
    let first = created(
        &site,
        &["news", title, "--author", "wasana", "--days", "30"],
    );
    assert_eq!(
        first,
        "content/news/2026-11-26-prakatrapsamakphanakngankhaprotyon.md"
    );
    let text = std::fs::read_to_string(site.root().join(&first)).unwrap();
    assert!(text.contains(&format!("title = \"{title}\"\n")), "{text}");
    assert!(text.contains("expires = 2026-12-26\n"), "{text}");
    let second = created(
        &site,
        &["news", title, "--author", "wasana", "--days", "30"],
    );
    assert_eq!(
        second,
        "content/news/2026-11-26-prakatrapsamakphanakngankhaprotyon-2.md"
    );

    std::fs::write(site.root().join(&first), "keep me").unwrap();
    let output = new(
        &site,
        &[
            "news",
            "x",
            "--author",
            "wasana",
            "--slug",
            "2026-11-26-prakatrapsamakphanakngankhaprotyon",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("content/news/2026-11-26-prakatrapsamakphanakngankhaprotyon.md (or the bundle content/news/2026-11-26-prakatrapsamakphanakngankhaprotyon/) already exists; nothing was written"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join(&first)).unwrap(),
        "keep me"
    );
}

#[test]
fn permanent_section_has_no_expiry_and_explicit_times_are_kept() {
    let site = site();
    let law = created(
        &site,
        &[
            "laws",
            "Official Information Act 2540",
            "--author",
            "wasana",
        ],
    );
    assert_eq!(law, "content/laws/official-information-act-2540.md");
    let text = std::fs::read_to_string(site.root().join(&law)).unwrap();
    assert!(!text.contains("expires"), "{text}");
    assert!(text.contains("# source = \"https://...\""), "{text}");

    let timed = created(
        &site,
        &[
            "news",
            "Clinic closed",
            "--author",
            "wasana",
            "--publish",
            "2026-12-01T08:30:00+07:00",
            "--expires",
            "2026-12-05",
        ],
    );
    assert_eq!(timed, "content/news/2026-12-01-clinic-closed.md");
    let text = std::fs::read_to_string(site.root().join(&timed)).unwrap();
    assert!(
        text.contains("publish = 2026-12-01T08:30:00+07:00\nexpires = 2026-12-05\n"),
        "{text}"
    );
    let output = check(&site);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn the_author_defaults_to_the_person_with_gits_email() {
    let site = site();
    git_in(&site.root(), &WASANA, NOW, &["init", "-q"]);
    git_in(
        &site.root(),
        &WASANA,
        NOW,
        &["config", "user.email", "Wasana@Office.example"],
    );
    let path = created(&site, &["news", "Meeting", "--slug", "meeting"]);
    // A news slug keeps the date prefix even when given.
    assert_eq!(path, "content/news/2026-11-26-meeting.md");
    let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
    assert!(text.contains("author = \"wasana\"\n"), "{text}");
}

#[test]
fn mistakes_are_explained_and_nothing_is_written() {
    let site = site();
    let cases: &[(&[&str], &str)] = &[
        (
            &["events", "x", "--author", "wasana"],
            "section `events` is not in site.toml; choose one of: news, laws, oia",
        ),
        (
            &["news", "x", "--author", "somchai"],
            "--author `somchai` is not in approvals/approvers.toml; use one of: inchai, wasana",
        ),
        (
            &["oia", "x", "--author", "wasana"],
            "section `oia` has no lifetime_days in site.toml; pass --days N or --expires DATE",
        ),
        (
            &["news", "x", "--author", "wasana", "--publish", "2569-12-01"],
            "year 2569 looks like the Buddhist Era; front matter uses the Common Era: write 2026",
        ),
        (
            &["news", "x", "--author", "wasana", "--publish", "1/12/2026"],
            "--publish `1/12/2026` is not a date; write 2026-12-01",
        ),
        (
            &["news", "x", "--author", "wasana", "--expires", "2026-11-01"],
            "--expires 2026-11-01 is not after the publish time 2026-11-26T00:00:00+07:00",
        ),
        (
            &["news", "x", "--author", "wasana", "--slug", "ข่าว"],
            "--slug `ข่าว` cannot be a web address",
        ),
        (&["news", "  ", "--author", "wasana"], "the title is empty"),
    ];
    for (args, want) in cases {
        let output = new(&site, args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let err = stderr(&output);
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    assert!(!site.root().join("content").exists(), "nothing was written");

    let output = new(
        &site,
        &["news", "x", "--days", "3", "--expires", "2027-01-01"],
    );
    assert_eq!(output.status.code(), Some(2), "clap refuses both");
    assert!(
        stderr(&output).contains("cannot be used with"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn without_an_approver_in_the_registry_new_refuses() {
    let authors_only = APPROVERS_TOML.replace("roles = [\"approver\"]", "roles = [\"reviewer\"]");
    let site = Fixture::new(&format!(
        "-- site.toml --\n{SITE}\n-- approvals/approvers.toml --\n{authors_only}"
    ));
    let output = new(&site, &["news", "x", "--author", "wasana"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("has no person with the role \"approver\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bundle_makes_a_folder_and_now_may_be_a_plain_day() {
    let site = site();
    let output = Command::new(khaosan_bin())
        .args(["new", "news", "วัคซีน", "--author", "wasana", "--bundle"])
        .arg("--root")
        .arg(site.root())
        .args(["--now", "2026-12-01"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    assert!(
        path.ends_with("content/news/2026-12-01-waksin/index.md"),
        "{path}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("publish = 2026-12-01\n"), "{text}");
}
