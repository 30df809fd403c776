//! Approval proven by git history (`verify_git = true`): real repositories built
//! with the `git` command, one scenario per test.
#![allow(clippy::unwrap_used)]

use crate::common::{APPROVERS_TOML, Fixture, INCHAI, WASANA, Who, item};
use khaosan::build::{BuildOutcome, build};
use khaosan::decide::Decision;

const NOW: &str = "2026-06-01T12:00:00+07:00";
const DUSIT: Who = Who {
    name: "Dusit",
    email: "dusit@office.example",
};

/// The registry with verification on; `extra` adds people.
fn registry(verify: bool, extra: &str) -> String {
    let verify = if verify { "verify_git = true\n" } else { "" };
    format!("{verify}{APPROVERS_TOML}{extra}")
}

/// Dusit, registered with the given roles.
fn dusit(roles: &str) -> String {
    format!(
        "\n[[person]]\nid = \"dusit\"\nname = \"นายดุสิต วงศ์ต่อม\"\nroles = [{roles}]\nemails = [\"dusit@office.example\"]\n"
    )
}

/// A news item naming `approver`, live at NOW; `text` is its title and body.
fn news(text: &str, approver: &str) -> String {
    item(
        text,
        &format!("approver = \"{approver}\"\npublish = 2026-05-01\nexpires = 2026-12-31"),
        text,
    )
}

/// The `n`th minute of the history's day.
fn at(n: u32) -> String {
    format!(
        "2026-05-0{}T{:02}:{:02}:00+07:00",
        1 + n / 600,
        9 + (n / 60) % 10,
        n % 60
    )
}

/// A site whose first commit (by inchai) turns verification on.
fn verified_site(extra_people: &str) -> Fixture {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}",
        registry(true, extra_people)
    ));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &INCHAI, 1, "Start the site");
    site
}

fn commit_all(site: &Fixture, who: &Who, minute: u32, message: &str) {
    site.git(who, &at(minute), &["add", "-A"]);
    site.git(
        who,
        &at(minute),
        &["commit", "-q", "--allow-empty", "-m", message],
    );
}

/// A pull request: `author` commits `files` on a branch, `merger` merges it into
/// main with a merge commit (as the web UI does).
fn pull_request(
    site: &Fixture,
    author: &Who,
    merger: &Who,
    minute: u32,
    branch: &str,
    files: &[(&str, &str)],
) {
    site.git(author, &at(minute), &["checkout", "-q", "-b", branch]);
    for (path, text) in files {
        site.write(path, text);
    }
    commit_all(site, author, minute, &format!("Propose {branch}"));
    site.git(merger, &at(minute + 1), &["checkout", "-q", "main"]);
    site.git(
        merger,
        &at(minute + 2),
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            &format!("Merge pull request {branch}"),
            branch,
        ],
    );
}

fn decision<'a>(outcome: &'a BuildOutcome, path: &str) -> &'a Decision {
    outcome
        .report
        .decisions
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no decision for {path}"))
}

/// Why `path` is withheld, as the report explains it.
fn why(outcome: &BuildOutcome, path: &str) -> String {
    let d = decision(outcome, path);
    assert!(!d.is_live(), "{path} should be withheld");
    d.reason().unwrap().explain()
}

fn notices(outcome: &BuildOutcome) -> String {
    outcome
        .report
        .notices
        .iter()
        .map(|n| n.message.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

const A: &str = "content/news/a.md";

#[test]
fn approved_merge_is_published_with_its_approval() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    let outcome = site.build(NOW);
    assert_eq!(outcome.report.trust, khaosan::source::Trust::Git);
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("APPROVED-A")
    );
    let approval = decision(&outcome, A).approval.clone().unwrap();
    assert_eq!(approval.approver, "inchai");
    assert_eq!(approval.approved_at.to_rfc3339(), at(12));
    assert_eq!(approval.proposed_at.unwrap().to_rfc3339(), at(10));
    assert_eq!(
        serde_json::to_value(&approval).unwrap()["latency_minutes"],
        2
    );
    assert!(approval.later_unapproved.is_empty());
}

#[test]
fn forged_approver_in_front_matter_is_withheld() {
    let site = verified_site("");
    site.write(A, &news("CANARY-FORGED", "inchai"));
    commit_all(&site, &WASANA, 10, "Add a");
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("committed by wasana, who is not an approver (commit "));
    site.assert_nowhere("CANARY-FORGED");
}

#[test]
fn merge_by_a_non_approver_is_withheld() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &WASANA,
        10,
        "a",
        &[(A, &news("CANARY-SELF", "inchai"))],
    );
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("merged by wasana, who is not an approver"));
    site.assert_nowhere("CANARY-SELF");
}

#[test]
fn direct_edit_by_staff_after_approval_keeps_the_approved_version() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    site.write(A, &news("CANARY-EDIT", "inchai"));
    commit_all(&site, &WASANA, 20, "Fix a typo");
    let outcome = site.build(NOW);
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("APPROVED-A")
    );
    site.assert_nowhere("CANARY-EDIT");
    let approval = decision(&outcome, A).approval.clone().unwrap();
    assert_eq!(approval.later_unapproved.len(), 1);
    assert!(
        approval.later_unapproved[0]
            .message
            .contains("is ignored: committed by wasana, who is not an approver"),
        "{}",
        approval.later_unapproved[0].message
    );
    assert!(notices(&outcome).contains("The site keeps the version approved by inchai"));
}

#[test]
fn approval_by_another_approver_than_the_one_named_is_withheld() {
    let site = verified_site(&dusit("\"approver\""));
    pull_request(
        &site,
        &WASANA,
        &DUSIT,
        10,
        "a",
        &[(A, &news("CANARY-OTHER", "inchai"))],
    );
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("front matter names inchai, but dusit merged it"));
    site.assert_nowhere("CANARY-OTHER");
}

#[test]
fn registry_change_adding_oneself_as_approver_does_not_take_effect() {
    let site = verified_site(&dusit("\"author\""));
    let promoted = registry(true, &dusit("\"approver\""));
    pull_request(
        &site,
        &DUSIT,
        &DUSIT,
        10,
        "promote",
        &[("approvals/approvers.toml", &promoted)],
    );
    pull_request(
        &site,
        &DUSIT,
        &DUSIT,
        20,
        "a",
        &[(A, &news("CANARY-PROMOTED", "dusit"))],
    );
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("merged by dusit, who is not an approver"));
    site.assert_nowhere("CANARY-PROMOTED");
    assert!(notices(&outcome).contains("approvals/approvers.toml: the change in commit"));
}

#[test]
fn registry_change_by_an_approver_takes_effect_from_the_next_commit() {
    let site = verified_site(&dusit("\"author\""));
    let promoted = registry(true, &dusit("\"approver\""));
    pull_request(
        &site,
        &DUSIT,
        &INCHAI,
        10,
        "promote",
        &[("approvals/approvers.toml", &promoted)],
    );
    pull_request(
        &site,
        &WASANA,
        &DUSIT,
        20,
        "a",
        &[(A, &news("BY-DUSIT", "dusit"))],
    );
    let outcome = site.build(NOW);
    assert!(
        decision(&outcome, A).is_live(),
        "{:?}",
        decision(&outcome, A).reason()
    );
    assert_eq!(
        decision(&outcome, A).approval.as_ref().unwrap().approver,
        "dusit"
    );
}

#[test]
fn turning_verification_on_midway_trusts_that_tree_and_checks_what_follows() {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}\n-- {A} --\n{}",
        registry(false, ""),
        news("BEFORE-VERIFY", "inchai")
    ));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &WASANA, 1, "Site without verification");
    site.write("approvals/approvers.toml", &registry(true, ""));
    commit_all(&site, &INCHAI, 5, "Turn on verify_git");
    site.write(A, &news("CANARY-AFTER", "inchai"));
    commit_all(&site, &WASANA, 10, "Edit a");
    // A staff member turns verification off again: the door stays shut.
    site.write("approvals/approvers.toml", &registry(false, ""));
    site.write("content/news/b.md", &news("CANARY-B", "inchai"));
    commit_all(&site, &WASANA, 20, "Turn off verify_git");
    let outcome = site.build(NOW);
    assert_eq!(outcome.report.trust, khaosan::source::Trust::Git);
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("BEFORE-VERIFY")
    );
    assert!(decision(&outcome, "content/news/b.md").reason().is_some());
    site.assert_nowhere("CANARY-");
    // An uncommitted change to the working tree does not turn it off either.
    assert!(
        khaosan::source::git::verification_required(&site.root(), &Default::default()).unwrap()
    );
}

#[test]
fn fast_forward_of_a_staff_branch_is_not_an_approval() {
    let site = verified_site("");
    site.git(&WASANA, &at(10), &["checkout", "-q", "-b", "staff"]);
    site.write(A, &news("CANARY-FF", "inchai"));
    commit_all(&site, &WASANA, 11, "Add a");
    site.git(&INCHAI, &at(12), &["checkout", "-q", "main"]);
    site.git(&INCHAI, &at(13), &["merge", "-q", "--ff-only", "staff"]);
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("committed by wasana, who is not an approver"));
    site.assert_nowhere("CANARY-FF");
}

#[test]
fn rename_by_staff_withdraws_the_old_page_and_withholds_the_new() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    site.git(&WASANA, &at(20), &["mv", A, "content/news/renamed.md"]);
    commit_all(&site, &WASANA, 20, "Rename a");
    let outcome = site.build(NOW);
    assert!(site.output("news/a/index.html").is_none());
    assert!(site.output("news/renamed/index.html").is_none());
    assert!(why(&outcome, "content/news/renamed.md").contains("not an approver"));
    assert!(notices(&outcome).contains("content/news/a.md: deleted in commit"));
}

#[test]
fn deletion_takes_effect_at_once_and_is_reported() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    site.remove(A);
    commit_all(&site, &WASANA, 20, "Withdraw a");
    let outcome = site.build(NOW);
    assert!(site.output("news/a/index.html").is_none());
    assert!(outcome.report.decisions.iter().all(|d| d.path != A));
    let notes = notices(&outcome);
    assert!(
        notes.contains("deleted in commit") && notes.contains("by wasana; withdrawn"),
        "{notes}"
    );
    // The deletion carries its time, so the monitoring report counts it as taken down.
    let deleted = outcome
        .report
        .notices
        .iter()
        .find(|n| n.kind == khaosan::source::NoticeKind::Deleted)
        .unwrap();
    assert_eq!(deleted.at.unwrap().to_rfc3339(), at(20));
    let loaded = khaosan::inputs::Inputs::load(&site.root(), &Default::default()).unwrap();
    let decisions = loaded.decide(khaosan::dates::parse_now(NOW).unwrap());
    let checklist = khaosan::checklist::Checklist::from_snapshot(&loaded.snapshot).unwrap();
    let tz = chrono_tz::Asia::Bangkok;
    let round = khaosan::monitoring::Round::between(
        khaosan::monitoring::parse_day("2026-05-01").unwrap(),
        khaosan::monitoring::parse_day("2026-05-31").unwrap(),
        tz,
    )
    .unwrap();
    let report = khaosan::monitoring::monitor(&loaded, &decisions, &checklist, round, tz);
    let taken_down: Vec<&str> = report.taken_down.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(taken_down, [A]);
}

#[test]
fn second_parent_history_does_not_count() {
    let site = verified_site("");
    // inchai's own commit on a side branch, merged into main by a staff member:
    // the approver's commit is not on the first-parent history.
    site.git(&INCHAI, &at(10), &["checkout", "-q", "-b", "side"]);
    site.write(A, &news("CANARY-SIDE", "inchai"));
    commit_all(&site, &INCHAI, 11, "Add a on a side branch");
    site.git(&WASANA, &at(12), &["checkout", "-q", "main"]);
    site.git(
        &WASANA,
        &at(13),
        &["merge", "-q", "--no-ff", "-m", "Merge side", "side"],
    );
    // main merged into a pull-request branch, then the pull request merged by inchai.
    site.git(&WASANA, &at(20), &["checkout", "-q", "-b", "pr"]);
    site.write("content/news/b.md", &news("APPROVED-B", "inchai"));
    commit_all(&site, &WASANA, 21, "Add b");
    site.git(
        &WASANA,
        &at(22),
        &["merge", "-q", "--no-ff", "-m", "Merge main into pr", "main"],
    );
    site.git(&INCHAI, &at(23), &["checkout", "-q", "main"]);
    site.git(
        &INCHAI,
        &at(24),
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge pull request pr",
            "pr",
        ],
    );
    let outcome = site.build(NOW);
    assert!(why(&outcome, A).starts_with("merged by wasana, who is not an approver"));
    site.assert_nowhere("CANARY-SIDE");
    assert!(
        site.output("news/b/index.html")
            .unwrap()
            .contains("APPROVED-B")
    );
}

#[test]
fn theme_template_changed_by_staff_keeps_the_approved_template() {
    let site = verified_site("");
    let template = |mark: &str| {
        format!(
            "{{% extends \"base.html\" %}}{{% block main %}}<p>{mark}</p>{{{{ content | safe }}}}{{% endblock main %}}"
        )
    };
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[
            (A, &news("APPROVED-A", "inchai")),
            ("templates/item.html", &template("APPROVED-TEMPLATE")),
        ],
    );
    site.write("templates/item.html", &template("CANARY-TEMPLATE"));
    commit_all(&site, &WASANA, 20, "Restyle items");
    site.build(NOW);
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("APPROVED-TEMPLATE")
    );
    site.assert_nowhere("CANARY-TEMPLATE");
}

#[cfg(unix)]
#[test]
fn symlink_in_a_gated_path_is_refused_even_when_approved() {
    let site = verified_site("");
    std::fs::create_dir_all(site.root().join("content/news")).unwrap();
    std::os::unix::fs::symlink("../../secret.txt", site.root().join(A)).unwrap();
    site.write("secret.txt", "CANARY-SECRET");
    commit_all(&site, &INCHAI, 10, "Add a link");
    let outcome = site.build(NOW);
    assert!(
        outcome
            .report
            .problems
            .iter()
            .any(|p| p.file == A && p.message.contains("symbolic link"))
    );
    site.assert_nowhere("CANARY-SECRET");
}

#[test]
fn working_tree_edits_are_never_read() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    site.write(A, &news("CANARY-UNCOMMITTED", "inchai"));
    site.build(NOW);
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("APPROVED-A")
    );
    site.assert_nowhere("CANARY-UNCOMMITTED");
}

/// The build fails with `needle` in its message and writes nothing.
fn assert_refused(site: &Fixture, options: &khaosan::build::BuildOptions, needle: &str) {
    let err = build(options)
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(
        err.contains(needle),
        "expected a refusal mentioning {needle:?}, got {err:?}"
    );
    assert!(
        !site.out().exists(),
        "a refused build wrote {}",
        site.out().display()
    );
}

#[test]
fn shallow_clone_is_refused() {
    let site = verified_site("");
    pull_request(
        &site,
        &WASANA,
        &INCHAI,
        10,
        "a",
        &[(A, &news("APPROVED-A", "inchai"))],
    );
    let clone = site.dir.path().join("clone");
    let url = format!("file://{}", site.root().display());
    crate::common::git_in(
        site.dir.path(),
        &INCHAI,
        &at(30),
        &["clone", "-q", "--depth", "1", &url, "clone"],
    );
    let mut options = site.options(NOW);
    options.root = clone;
    assert_refused(&site, &options, "fetch-depth: 0");
}

#[test]
fn genesis_off_the_first_parent_history_is_refused() {
    let site = verified_site("");
    site.git(&WASANA, &at(10), &["checkout", "-q", "-b", "elsewhere"]);
    commit_all(&site, &WASANA, 11, "Not on main");
    let elsewhere = site.git(&WASANA, &at(12), &["rev-parse", "HEAD"]);
    site.git(&WASANA, &at(12), &["checkout", "-q", "main"]);
    let mut options = site.options(NOW);
    options.load.genesis = Some(elsewhere);
    assert_refused(
        &site,
        &options,
        "is not on the first-parent history of main",
    );
}

#[test]
fn genesis_on_history_starts_trust_there() {
    let site = verified_site("");
    site.write(A, &news("TRUSTED-AT-GENESIS", "inchai"));
    commit_all(&site, &WASANA, 10, "Add a before the pinned start");
    let genesis = site.git(&WASANA, &at(10), &["rev-parse", "HEAD"]);
    let mut options = site.options(NOW);
    options.load.genesis = Some(genesis.clone());
    let outcome = build(&options).unwrap();
    let approval = decision(&outcome, A).approval.clone().unwrap();
    assert_eq!(approval.commit, genesis);
    assert_eq!(approval.approver, "inchai");
}

#[test]
fn verification_outside_a_git_repository_is_refused_unless_overridden() {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}\n-- {A} --\n{}",
        registry(true, ""),
        news("PREVIEW-A", "inchai")
    ));
    assert_refused(&site, &site.options(NOW), "is not a git repository");
    let mut options = site.options(NOW);
    options.load.trust_front_matter = true;
    let outcome = build(&options).unwrap();
    assert_eq!(
        outcome.report.trust,
        khaosan::source::Trust::FrontMatterOverride
    );
    assert!(outcome.report.trust_note.contains("NOT checked"));
}
