//! `check` tells the truth about approvals: a change is judged as if the approver
//! it names merged it, by the rule the build uses, and the build after that merge
//! agrees. Real repositories made with the `git` command; every withheld item
//! carries a canary that must appear nowhere in the public output.
#![allow(clippy::unwrap_used)]

use crate::common::{APPROVERS_TOML, Fixture, INCHAI, WASANA, Who, item};
use khaosan::build::BuildOutcome;
use khaosan::commands::check::{CheckOptions, CheckOutcome, check, markdown_summary};

const NOW: &str = "2026-06-01T12:00:00+07:00";

/// The `n`th minute of a day in May.
fn at(n: u32) -> String {
    format!("2026-05-02T{:02}:{:02}:00+07:00", 9 + n / 60, n % 60)
}

/// A site whose first commit (by inchai) turns verification on.
fn verified_site() -> Fixture {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\nverify_git = true\n{APPROVERS_TOML}"
    ));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &INCHAI, 1, "Start the site");
    site
}

fn commit_all(site: &Fixture, who: &Who, minute: u32, message: &str) {
    site.git(who, &at(minute), &["add", "-A"]);
    site.git(who, &at(minute), &["commit", "-q", "-m", message]);
}

/// A news item live at NOW, naming `approver` and `author`, its body a canary.
fn news(canary: &str, approver: &str, author: &str) -> String {
    format!(
        "+++\ntitle = \"{canary}\"\nauthor = \"{author}\"\napprover = \"{approver}\"\n\
         publish = 2026-05-01\nexpires = 2026-12-31\n+++\n\n{canary}\n"
    )
}

/// `author` proposes `files` on `branch` (left checked out, as a pull request's CI sees it).
fn propose(site: &Fixture, author: &Who, minute: u32, branch: &str, files: &[(&str, &str)]) {
    site.git(author, &at(minute), &["checkout", "-q", "-b", branch]);
    for (path, text) in files {
        site.write(path, text);
    }
    commit_all(site, author, minute, &format!("Propose {branch}"));
}

/// `merger` merges `branch` into main with a merge commit, as the web UI does.
fn merge(site: &Fixture, merger: &Who, minute: u32, branch: &str) {
    site.git(merger, &at(minute), &["checkout", "-q", "main"]);
    site.git(
        merger,
        &at(minute),
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            &format!("Merge {branch}"),
            branch,
        ],
    );
}

fn check_against_main(site: &Fixture) -> CheckOutcome {
    let options = CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        base: Some("main".into()),
        ..CheckOptions::new(site.root())
    };
    check(&options).unwrap()
}

fn errors(outcome: &CheckOutcome) -> String {
    outcome
        .errors()
        .map(|f| format!("{}: {}\n", f.location(), f.text()))
        .collect()
}

fn live(outcome: &BuildOutcome, path: &str) -> bool {
    outcome
        .report
        .decisions
        .iter()
        .any(|d| d.path == path && d.is_live())
}

/// What `check` says the item will be once merged.
fn state(outcome: &CheckOutcome, path: &str) -> String {
    outcome
        .changes
        .as_ref()
        .unwrap()
        .iter()
        .find(|c| c.path == path)
        .and_then(|c| c.item.as_ref())
        .map(|i| i.state.clone())
        .unwrap_or_else(|| panic!("no changed item {path}"))
}

#[test]
fn a_proper_pull_request_is_live_in_check_and_after_the_merge() {
    let site = verified_site();
    let path = "content/news/ok.md";
    propose(
        &site,
        &WASANA,
        10,
        "ok",
        &[(path, &news("ข่าวที่อนุมัติ", "inchai", "wasana"))],
    );
    let checked = check_against_main(&site);
    assert!(checked.passed(), "{}", errors(&checked));
    assert_eq!(checked.merged_by.as_deref(), Some("inchai"));
    assert!(
        state(&checked, path).contains("live once merged"),
        "{}",
        state(&checked, path)
    );
    assert!(markdown_summary(&checked).contains("judged as if `inchai` merged this change"));
    merge(&site, &INCHAI, 11, "ok");
    assert!(live(&site.build(NOW), path));
}

#[test]
fn self_promotion_in_the_same_pull_request_is_withheld_in_check_and_after_the_merge() {
    let site = verified_site();
    let path = "content/news/self.md";
    let promoted = APPROVERS_TOML.replace(
        "roles = [\"webmaster\", \"author\"]",
        "roles = [\"webmaster\", \"author\", \"approver\"]",
    );
    propose(
        &site,
        &WASANA,
        10,
        "promote",
        &[
            (
                "approvals/approvers.toml",
                &format!("verify_git = true\n{promoted}"),
            ),
            (path, &news("CANARY-SELF-PROMOTION", "wasana", "wasana")),
        ],
    );
    let checked = check_against_main(&site);
    assert!(!checked.passed(), "check must not pass a self-promotion");
    let errors = errors(&checked);
    assert!(errors.contains("content/news/self.md"), "{errors}");
    assert!(errors.contains("approvals/approvers.toml"), "{errors}");
    assert!(
        errors.contains("is an approver only in the registry this change proposes"),
        "{errors}"
    );
    assert!(
        errors.contains("`inchai`"),
        "names the approvers who can merge: {errors}"
    );
    assert!(
        state(&checked, path).contains("would be withheld"),
        "{}",
        state(&checked, path)
    );
    assert!(!markdown_summary(&checked).contains("live once merged"));

    // Wasana can push: she merges her own pull request. The build agrees with check.
    merge(&site, &WASANA, 11, "promote");
    let built = site.build(NOW);
    assert!(!live(&built, path));
    site.assert_nowhere("CANARY-SELF-PROMOTION");
}

#[test]
fn an_unknown_author_is_an_error_in_check_and_withheld_by_the_build() {
    let site = verified_site();
    let path = "content/news/ghost.md";
    propose(
        &site,
        &WASANA,
        10,
        "ghost",
        &[(path, &news("CANARY-GHOST", "inchai", "nobody-registered"))],
    );
    let checked = check_against_main(&site);
    let errors = errors(&checked);
    assert!(!checked.passed());
    assert!(
        errors.contains("content/news/ghost.md:3"),
        "on the author line: {errors}"
    );
    assert!(errors.contains("author not in the registry"), "{errors}");
    assert!(errors.contains("ไม่พบผู้เขียน `nobody-registered`"), "{errors}");
    merge(&site, &INCHAI, 11, "ghost");
    let built = site.build(NOW);
    let decision = built
        .report
        .decisions
        .iter()
        .find(|d| d.path == path)
        .unwrap();
    assert!(!decision.is_live());
    assert_eq!(decision.reason().unwrap().code(), "unknown-author");
    site.assert_nowhere("CANARY-GHOST");
    site.assert_nowhere("nobody-registered");
}

#[test]
fn an_unknown_author_is_withheld_without_git_too() {
    let site = Fixture::new(&format!(
        "-- content/news/ghost.md --\n{}",
        item(
            "CANARY-NOAUTHOR",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "x"
        )
        .replace("author = \"wasana\"", "author = \"ghost\"")
    ));
    let options = CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(site.root())
    };
    let checked = check(&options).unwrap();
    assert!(!checked.passed());
    assert!(
        errors(&checked).contains("`author`"),
        "{}",
        errors(&checked)
    );
    let built = site.build(NOW);
    assert!(!live(&built, "content/news/ghost.md"));
    site.assert_nowhere("CANARY-NOAUTHOR");
}

#[test]
fn items_naming_someone_else_than_the_merger_are_refused_in_check_as_in_the_build() {
    let site = verified_site();
    let path = "content/news/other.md";
    // Names wasana, who is not an approver: inchai's merge would not approve it.
    propose(
        &site,
        &WASANA,
        10,
        "other",
        &[(path, &news("CANARY-OTHER", "wasana", "wasana"))],
    );
    let checked = check_against_main(&site);
    assert!(!checked.passed());
    assert!(
        errors(&checked).contains("is not an approver in the approved registry"),
        "{}",
        errors(&checked)
    );
    merge(&site, &INCHAI, 11, "other");
    assert!(!live(&site.build(NOW), path));
    site.assert_nowhere("CANARY-OTHER");
}

#[test]
fn a_merge_by_an_unregistered_email_says_to_propose_again_once_the_email_is_added() {
    let site = verified_site();
    let path = "content/news/home.md";
    propose(
        &site,
        &WASANA,
        10,
        "home",
        &[(path, &news("CANARY-HOME-EMAIL", "inchai", "wasana"))],
    );
    let home = Who {
        name: "Inchai",
        email: "inchai@home.example",
    };
    merge(&site, &home, 11, "home");
    let built = site.build(NOW);
    assert!(!live(&built, path));
    site.assert_nowhere("CANARY-HOME-EMAIL");

    // The e-mail is registered afterwards, through an approved pull request.
    let registry = format!(
        "verify_git = true\n{}",
        APPROVERS_TOML.replace(
            "emails = [\"inchai@office.example\"]",
            "emails = [\"inchai@office.example\", \"inchai@home.example\"]"
        )
    );
    propose(
        &site,
        &WASANA,
        20,
        "email",
        &[("approvals/approvers.toml", &registry)],
    );
    merge(&site, &INCHAI, 21, "email");
    let built = site.build(NOW);
    assert!(
        !live(&built, path),
        "adding the e-mail later approves nothing"
    );
    let decision = built
        .report
        .decisions
        .iter()
        .find(|d| d.path == path)
        .unwrap();
    let why = decision.reason().unwrap().explain();
    assert!(
        !why.contains("whose e-mail is not in"),
        "no longer true: {why}"
    );
    assert!(why.contains("registered to inchai now"), "{why}");
    assert!(why.contains("open a new pull request"), "{why}");
    assert!(
        why.contains("khaosan restore content/news/home.md"),
        "{why}"
    );
    site.assert_nowhere("CANARY-HOME-EMAIL");

    // Restore (withdraw), then propose again: check says it goes live, and it does.
    site.git(&WASANA, &at(30), &["rm", "-q", path]);
    site.git(&WASANA, &at(30), &["commit", "-q", "-m", "Restore"]);
    propose(
        &site,
        &WASANA,
        31,
        "again",
        &[(path, &news("ข่าวเสนอใหม่", "inchai", "wasana"))],
    );
    let checked = check_against_main(&site);
    assert!(checked.passed(), "{}", errors(&checked));
    assert!(state(&checked, path).contains("live once merged"));
    merge(&site, &INCHAI, 32, "again");
    assert!(live(&site.build(NOW), path));
}

#[test]
fn check_writes_nothing_into_the_repository() {
    let site = verified_site();
    let objects = |site: &Fixture| site.git(&INCHAI, &at(50), &["count-objects", "-v"]);
    propose(
        &site,
        &WASANA,
        10,
        "ok",
        &[("content/news/a.md", &news("ก", "inchai", "wasana"))],
    );
    // An uncommitted edit too: it is part of what check judges.
    site.write("content/news/b.md", &news("ข", "inchai", "wasana"));
    let before = objects(&site);
    let status = site.git(&INCHAI, &at(50), &["status", "--porcelain"]);
    let checked = check_against_main(&site);
    assert!(checked.passed(), "{}", errors(&checked));
    assert!(
        checked
            .changes
            .as_ref()
            .unwrap()
            .iter()
            .any(|c| c.path == "content/news/b.md"),
        "the uncommitted file is judged"
    );
    assert_eq!(objects(&site), before, "no object written to .git");
    assert_eq!(
        site.git(&INCHAI, &at(50), &["status", "--porcelain"]),
        status
    );
}

#[test]
fn a_forged_author_email_pushed_to_main_is_withheld_and_check_agrees() {
    // Signatures required: writing the director's e-mail as the author proves nothing.
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\nverify_git = true\nrequire_signatures = true\n{APPROVERS_TOML}"
    ));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &INCHAI, 1, "Start the site");
    let path = "content/news/forged.md";
    site.write(path, &news("CANARY-FORGED", "inchai", "wasana"));
    let forged = Who {
        name: "Inchai",
        email: "inchai@office.example",
    };
    commit_all(&site, &forged, 10, "Pushed by wasana in inchai's name");
    let built = site.build(NOW);
    assert!(!live(&built, path));
    site.assert_nowhere("CANARY-FORGED");
    let options = CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(site.root())
    };
    let checked = check(&options).unwrap();
    assert_eq!(
        checked.live,
        built.report.live_count(),
        "check and build agree"
    );
    assert_eq!(
        checked.withheld,
        built.report.decisions.len() - built.report.live_count()
    );
}

#[test]
fn the_preview_on_a_branch_says_what_check_says() {
    // The preview judges the branch as merged into main by the approver it names:
    // a self-promotion is not shown as if it would go live, an honest item is.
    use khaosan::preview::{PreviewOptions, load_preview};
    let site = verified_site();
    let promoted = APPROVERS_TOML.replace(
        "roles = [\"webmaster\", \"author\"]",
        "roles = [\"webmaster\", \"author\", \"approver\"]",
    );
    propose(
        &site,
        &WASANA,
        10,
        "promote",
        &[
            (
                "approvals/approvers.toml",
                &format!("verify_git = true\n{promoted}"),
            ),
            (
                "content/news/self.md",
                &news("CANARY-SELF-PREVIEW", "wasana", "wasana"),
            ),
        ],
    );
    let options = PreviewOptions {
        now: khaosan::dates::parse_now(NOW).unwrap(),
        base_url: "/".into(),
        withheld: false,
    };
    let shown = load_preview(&site.root(), &options).unwrap();
    assert!(
        shown.get("news/self/index.html").is_none(),
        "a self-promotion is not previewed as live"
    );

    let honest = verified_site();
    propose(
        &honest,
        &WASANA,
        10,
        "post",
        &[("content/news/ok.md", &news("honest", "inchai", "wasana"))],
    );
    let shown = load_preview(&honest.root(), &options).unwrap();
    let page = String::from_utf8_lossy(shown.get("news/ok/index.html").expect("previewed"));
    assert!(page.contains("honest"));
}
