//! Approval that cannot be laundered, planted or walked around: each attack on
//! git verification in a real repository (withheld or refused, its canary in no
//! output file), beside the honest way that must still publish.
#![allow(clippy::unwrap_used)]

use crate::common::{APPROVERS_TOML, Fixture, INCHAI, WASANA, Who, git_in, item};
use khaosan::build::{BuildOptions, BuildOutcome, build, summary};
use khaosan::commands::restore::{Action, RestoreOptions, restore};
use khaosan::commands::status::{State, StatusOptions, status, table};
use khaosan::source::LoadOptions;

const NOW: &str = "2026-06-01T12:00:00+07:00";
const A: &str = "content/news/a.md";
const REGISTRY: &str = "approvals/approvers.toml";

/// The `n`th minute of the history's day.
fn at(n: u32) -> String {
    format!(
        "2026-05-0{}T{:02}:{:02}:00+07:00",
        1 + n / 600,
        9 + (n / 60) % 10,
        n % 60
    )
}

fn registry(verify: bool, extra: &str) -> String {
    let verify = if verify { "verify_git = true\n" } else { "" };
    format!("{verify}{APPROVERS_TOML}{extra}")
}

/// wasana promoted to approver: what a staff member would like the registry to say.
fn promoted(verify: bool) -> String {
    registry(verify, "").replace(
        "roles = [\"webmaster\", \"author\"]",
        "roles = [\"webmaster\", \"author\", \"approver\"]",
    )
}

/// An item naming `approver`, live at NOW, with three paragraphs far enough
/// apart that git merges changes to different ones cleanly.
fn article(approver: &str, first: &str, middle: &str, last: &str) -> String {
    item(
        first,
        &format!("approver = \"{approver}\"\npublish = 2026-05-01\nexpires = 2026-12-31"),
        &format!("{first}\n\nunchanged line one\n\n{middle}\n\nunchanged line two\n\n{last}"),
    )
}

fn commit_all(site: &Fixture, who: &Who, minute: u32, message: &str) -> String {
    site.git(who, &at(minute), &["add", "-A"]);
    site.git(
        who,
        &at(minute),
        &["commit", "-q", "--allow-empty", "-m", message],
    );
    head(site)
}

fn head(site: &Fixture) -> String {
    site.git(&INCHAI, &at(0), &["rev-parse", "HEAD"])
}

fn checkout(site: &Fixture, args: &[&str]) {
    let mut all = vec!["checkout", "-q"];
    all.extend_from_slice(args);
    site.git(&INCHAI, &at(0), &all);
}

/// `merger` merges `branch` into main with a merge commit, as the web UI does.
fn merge(site: &Fixture, merger: &Who, minute: u32, branch: &str) -> String {
    checkout(site, &["main"]);
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
    head(site)
}

/// A pull request branched from main's tip: `files` committed by wasana, merged by `merger`.
fn pull_request(site: &Fixture, merger: &Who, minute: u32, branch: &str, files: &[(&str, &str)]) {
    checkout(site, &["-b", branch, "main"]);
    for (path, text) in files {
        site.write(path, text);
    }
    commit_all(site, &WASANA, minute, &format!("Propose {branch}"));
    merge(site, merger, minute + 1, branch);
}

/// A site whose first commit (by inchai) turns verification on and holds `files`.
fn verified_site(files: &[(&str, &str)]) -> Fixture {
    let site = Fixture::new(&format!("-- {REGISTRY} --\n{}", registry(true, "")));
    for (path, text) in files {
        site.write(path, text);
    }
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &INCHAI, 1, "Start the site");
    site
}

/// A verified site where pull request `a` (merged by inchai) approved A.
fn site_with_approved_a() -> Fixture {
    let site = verified_site(&[]);
    pull_request(
        &site,
        &INCHAI,
        10,
        "a",
        &[(A, &article("inchai", "APPROVED-A", "middle", "last"))],
    );
    site
}

fn page(site: &Fixture) -> String {
    site.output("news/a/index.html").unwrap_or_default()
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

fn load(site: &Fixture) -> LoadOptions {
    site.options(NOW).load
}

/// The build fails with `needle` in its message and writes nothing.
fn assert_refused(site: &Fixture, options: &BuildOptions, needle: &str) -> String {
    let err = build(options)
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(
        err.contains(needle),
        "expected a refusal mentioning {needle:?}, got {err:?}"
    );
    assert!(!site.out().exists(), "a refused build wrote output");
    err
}

// 1. Laundering through a later merge.

/// Staff push a hidden paragraph straight to main, then a one-word pull request
/// branched after it is merged by the director.
fn laundered() -> Fixture {
    let site = site_with_approved_a();
    site.write(A, &article("inchai", "APPROVED-A", "CANARY-HIDDEN", "last"));
    commit_all(&site, &WASANA, 20, "Tidy a");
    pull_request(
        &site,
        &INCHAI,
        30,
        "word",
        &[(
            A,
            &article("inchai", "APPROVED-A", "CANARY-HIDDEN", "one word"),
        )],
    );
    site
}

#[test]
fn a_merge_over_a_hidden_edit_keeps_the_approved_version_and_says_why() {
    let site = laundered();
    let outcome = site.build(NOW);
    assert!(page(&site).contains("APPROVED-A"));
    site.assert_nowhere("CANARY-HIDDEN");
    site.assert_nowhere("one word");
    let notes = notices(&outcome);
    assert!(
        notes
            .contains("merged by inchai, but the file already held an unapproved edit by wasana (")
            && notes.contains(") that the pull request did not show"),
        "{notes}"
    );
    let text = summary(&outcome);
    assert!(text.contains("khaosan restore content/news/a.md"), "{text}");
    // status names the state and the way out.
    let mut options = StatusOptions::new(site.root());
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    let report = status(&options).unwrap();
    let row = report.items.iter().find(|i| i.path == A).unwrap();
    assert_eq!(row.state, State::ChangedUnapproved);
    assert!(
        row.detail.contains("khaosan restore content/news/a.md"),
        "{}",
        row.detail
    );
    assert_eq!(report.pending[0].cause, "hidden-edit");
    assert!(table(&report).contains("trust root"));
}

#[test]
fn restore_then_propose_again_publishes_only_what_the_director_saw() {
    let site = laundered();
    let done = restore(&RestoreOptions {
        root: site.root(),
        paths: vec![A.into()],
        load: load(&site),
    })
    .unwrap();
    assert!(matches!(done[0].action, Action::Written { .. }), "{done:?}");
    let restored = std::fs::read_to_string(site.root().join(A)).unwrap();
    assert!(restored.contains("APPROVED-A") && !restored.contains("CANARY-HIDDEN"));
    // Anyone may commit the restore: it changes nothing public.
    commit_all(&site, &WASANA, 40, "Restore a");
    let outcome = site.build(NOW);
    assert!(outcome.report.git.as_ref().unwrap().pending.is_empty());
    pull_request(
        &site,
        &INCHAI,
        50,
        "word-again",
        &[(A, &article("inchai", "APPROVED-A", "middle", "one word"))],
    );
    site.build(NOW);
    assert!(page(&site).contains("one word"));
    site.assert_nowhere("CANARY-HIDDEN");
}

#[test]
fn restore_refuses_paths_outside_the_site_and_says_what_it_did() {
    let site = laundered();
    for bad in ["../outside.md", "/etc/passwd", "src/main.rs"] {
        let err = restore(&RestoreOptions {
            root: site.root(),
            paths: vec![bad.into()],
            load: load(&site),
        })
        .unwrap_err();
        let err = format!("{err:#}");
        assert!(err.contains(bad), "{err}");
    }
    assert!(!site.dir.path().join("outside.md").exists());
    // The command line prints what it did and what comes next.
    let out = std::process::Command::new(crate::common::khaosan_bin())
        .args(["restore", "--root"])
        .arg(site.root())
        .arg(A)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("restored") && text.contains("approved by inchai"),
        "{text}"
    );
}

#[test]
fn an_out_of_date_pull_request_merged_over_other_approved_changes_still_publishes() {
    let site = site_with_approved_a();
    let base = head(&site);
    checkout(&site, &["-b", "late", &base]);
    site.write(A, &article("inchai", "APPROVED-A", "middle", "LATE-CHANGE"));
    commit_all(&site, &WASANA, 20, "Change the last paragraph");
    checkout(&site, &["main"]);
    pull_request(
        &site,
        &INCHAI,
        30,
        "early",
        &[(A, &article("inchai", "EARLY-CHANGE", "middle", "last"))],
    );
    merge(&site, &INCHAI, 40, "late");
    let outcome = site.build(NOW);
    let text = page(&site);
    assert!(
        text.contains("EARLY-CHANGE") && text.contains("LATE-CHANGE"),
        "{}",
        notices(&outcome)
    );
}

#[test]
fn a_pull_request_branched_from_an_unapproved_version_is_refused() {
    let site = site_with_approved_a();
    site.write(A, &article("inchai", "APPROVED-A", "CANARY-BASE", "last"));
    commit_all(&site, &WASANA, 20, "Push to main");
    checkout(&site, &["-b", "pr"]);
    site.write(A, &article("inchai", "APPROVED-A", "CANARY-BASE", "word"));
    commit_all(&site, &WASANA, 21, "One word");
    checkout(&site, &["main"]);
    site.write(A, &article("inchai", "APPROVED-A", "middle", "last"));
    commit_all(&site, &WASANA, 22, "Put main back");
    // The director merges; the conflict is resolved keeping the pull request's text.
    site.git(
        &INCHAI,
        &at(30),
        &["merge", "-q", "--no-ff", "--no-commit", "pr"],
    );
    site.write(A, &article("inchai", "APPROVED-A", "CANARY-BASE", "word"));
    commit_all(&site, &INCHAI, 30, "Merge pr");
    let outcome = site.build(NOW);
    assert!(page(&site).contains("APPROVED-A"));
    site.assert_nowhere("CANARY-BASE");
    assert!(
        notices(&outcome).contains("branched from a version of the file that was never approved"),
        "{}",
        notices(&outcome)
    );
}

#[test]
fn a_direct_commit_by_the_director_approves_unless_it_sits_on_a_hidden_edit() {
    let site = site_with_approved_a();
    site.write(A, &article("inchai", "DIRECT-EDIT", "middle", "last"));
    commit_all(&site, &INCHAI, 20, "Director edits a");
    site.build(NOW);
    assert!(page(&site).contains("DIRECT-EDIT"));
    site.write(A, &article("inchai", "DIRECT-EDIT", "CANARY-UNDER", "last"));
    commit_all(&site, &WASANA, 30, "Staff edit");
    site.write(
        A,
        &article("inchai", "DIRECT-EDIT", "CANARY-UNDER", "director word"),
    );
    commit_all(&site, &INCHAI, 40, "Director edits a again");
    let outcome = site.build(NOW);
    assert!(page(&site).contains("DIRECT-EDIT"));
    site.assert_nowhere("CANARY-UNDER");
    assert!(notices(&outcome).contains("that the commit did not show"));
}

#[test]
fn a_self_promotion_pushed_to_main_is_not_laundered_by_a_later_registry_merge() {
    let site = verified_site(&[]);
    site.write(REGISTRY, &promoted(true));
    commit_all(&site, &WASANA, 10, "Promote myself");
    // The director merges an unrelated registry change branched after the push.
    let with_dusit = format!(
        "{}\n[[person]]\nid = \"dusit\"\nname = \"D\"\nroles = [\"author\"]\nemails = [\"dusit@office.example\"]\n",
        promoted(true)
    );
    pull_request(&site, &INCHAI, 20, "dusit", &[(REGISTRY, &with_dusit)]);
    pull_request(
        &site,
        &WASANA,
        30,
        "mine",
        &[(A, &article("wasana", "CANARY-SELF", "middle", "last"))],
    );
    let outcome = site.build(NOW);
    assert!(site.output("news/a/index.html").is_none());
    site.assert_nowhere("CANARY-SELF");
    assert!(notices(&outcome).contains("approvals/approvers.toml: the change in commit"));
    assert!(notices(&outcome).contains("that the pull request did not show"));
}

// 2. A planted trust root.

#[test]
fn a_planted_trust_root_is_refused_without_genesis_and_powerless_with_it() {
    let site = Fixture::new(&format!("-- {REGISTRY} --\n{}", registry(false, "")));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    commit_all(&site, &INCHAI, 1, "Site without verification");
    site.write(REGISTRY, &promoted(true));
    let planted = commit_all(&site, &WASANA, 2, "Plant");
    site.write(REGISTRY, &registry(false, ""));
    commit_all(&site, &WASANA, 3, "Revert");
    site.write(A, &article("wasana", "CANARY-PLANTED", "middle", "last"));
    commit_all(&site, &WASANA, 4, "My own item");
    site.write(REGISTRY, &registry(true, ""));
    let genesis = commit_all(&site, &INCHAI, 5, "The office turns verification on");
    let err = assert_refused(&site, &site.options(NOW), "switched on more than once");
    assert!(err.contains(&planted) && err.contains(&genesis), "{err}");
    let mut options = site.options(NOW);
    options.load.genesis = Some(genesis.clone());
    options.load.require_verify = true;
    let outcome = build(&options).unwrap();
    site.assert_nowhere("CANARY-PLANTED");
    // The trust root is named in the summary, build-info.json and status.
    assert!(
        summary(&outcome).contains(&genesis[..12]),
        "{}",
        summary(&outcome)
    );
    let info: serde_json::Value =
        serde_json::from_str(&site.output("build-info.json").unwrap()).unwrap();
    assert_eq!(info["trust_root"]["commit"], genesis.as_str());
    assert_eq!(info["trust_root"]["who"], "inchai");
    assert_eq!(info["trust_root"]["chosen_by"], "--genesis");
    let mut status_options = StatusOptions::new(site.root());
    status_options.now = options.now;
    status_options.load = options.load.clone();
    assert!(table(&status(&status_options).unwrap()).contains(&genesis[..12]));
}

// 3. The door: verification judged from approved history.

#[test]
fn an_unapproved_push_toggling_verify_git_changes_nothing() {
    let site = verified_site(&[]);
    let genesis = head(&site);
    site.write(REGISTRY, &registry(false, ""));
    site.write(A, &article("inchai", "CANARY-DOOR", "middle", "last"));
    commit_all(&site, &WASANA, 10, "Turn verification off");
    // Off: the approved registry still says on, so this is still verified.
    let outcome = site.build(NOW);
    assert_eq!(outcome.report.trust, khaosan::source::Trust::Git);
    site.assert_nowhere("CANARY-DOOR");
    // Off and on again: the daily build, which names the genesis, still runs.
    site.write(REGISTRY, &registry(true, ""));
    commit_all(&site, &WASANA, 20, "And on again");
    let mut options = site.options(NOW);
    options.load.genesis = Some(genesis);
    options.load.require_verify = true;
    build(&options).unwrap();
    site.assert_nowhere("CANARY-DOOR");
}

#[test]
fn require_verify_refuses_a_shallow_clone_and_a_history_that_never_verified() {
    let site = verified_site(&[]);
    let genesis = head(&site);
    site.write(REGISTRY, &registry(false, ""));
    site.write(A, &article("inchai", "CANARY-SHALLOW", "middle", "last"));
    commit_all(&site, &WASANA, 10, "Turn verification off");
    let url = format!("file://{}", site.root().display());
    git_in(
        site.dir.path(),
        &INCHAI,
        &at(30),
        &["clone", "-q", "--depth", "1", &url, "clone"],
    );
    let mut options = site.options(NOW);
    options.root = site.dir.path().join("clone");
    options.load.genesis = Some(genesis.clone());
    options.load.require_verify = true;
    assert_refused(&site, &options, "shallow clone");
    // --require-verify without --genesis is refused too.
    let mut options = site.options(NOW);
    options.load.require_verify = true;
    assert_refused(&site, &options, "--require-verify needs --genesis");
    // A history whose approved registry never said verify_git.
    let plain = Fixture::new(&format!("-- {REGISTRY} --\n{}", registry(false, "")));
    plain.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    let root = commit_all(&plain, &INCHAI, 1, "Start");
    let mut options = plain.options(NOW);
    options.load.genesis = Some(root);
    options.load.require_verify = true;
    assert_refused(&plain, &options, "does not say verify_git = true");
}

// 4. Deletions of the site's shape.

const TEMPLATE: &str = "templates/item.html";

fn template(mark: &str) -> String {
    format!(
        "{{% extends \"base.html\" %}}{{% block main %}}<p>{mark}</p>{{{{ content | safe }}}}{{% endblock main %}}"
    )
}

fn shaped_site() -> Fixture {
    let site = site_with_approved_a();
    let settings = crate::common::SITE_TOML.replace("สำนักงานทดสอบ", "APPROVED-TITLE");
    pull_request(
        &site,
        &INCHAI,
        20,
        "shape",
        &[
            ("site.toml", &settings),
            (TEMPLATE, &template("APPROVED-TEMPLATE")),
        ],
    );
    site
}

#[test]
fn unapproved_deletion_of_site_toml_or_a_template_changes_nothing() {
    let site = shaped_site();
    site.remove("site.toml");
    site.remove(TEMPLATE);
    site.write("templates/other.html", "CANARY-RENAMED");
    commit_all(&site, &WASANA, 30, "Remove settings and template");
    let outcome = site.build(NOW);
    let text = page(&site);
    assert!(
        text.contains("APPROVED-TEMPLATE") && text.contains("APPROVED-TITLE"),
        "{text}"
    );
    site.assert_nowhere("CANARY-RENAMED");
    let notes = notices(&outcome);
    assert!(
        notes.contains("site.toml: the deletion in commit"),
        "{notes}"
    );
}

#[test]
fn an_approved_deletion_of_a_template_takes_effect() {
    let site = shaped_site();
    checkout(&site, &["-b", "drop", "main"]);
    site.remove(TEMPLATE);
    commit_all(&site, &WASANA, 30, "Drop the template");
    merge(&site, &INCHAI, 31, "drop");
    site.build(NOW);
    assert!(!page(&site).contains("APPROVED-TEMPLATE"));
    assert!(page(&site).contains("APPROVED-A"));
}

// 6. Details.

#[test]
fn withdrawn_means_absent_so_committing_it_again_needs_approval() {
    let site = site_with_approved_a();
    let approved = std::fs::read_to_string(site.root().join(A)).unwrap();
    site.remove(A);
    commit_all(&site, &WASANA, 20, "Withdraw a");
    site.build(NOW);
    assert!(site.output("news/a/index.html").is_none());
    site.write(A, &approved);
    commit_all(&site, &WASANA, 30, "Put a back");
    let outcome = site.build(NOW);
    assert!(site.output("news/a/index.html").is_none());
    assert!(
        outcome
            .report
            .decisions
            .iter()
            .any(|d| d.path == A && !d.is_live())
    );
}

#[test]
fn criss_cross_merge_bases_must_each_hold_an_approved_version() {
    // Two lines p and q from the approved a; q's tip briefly held a hidden edit.
    let site = site_with_approved_a();
    let start = head(&site);
    checkout(&site, &["-b", "p", &start]);
    site.write("content/news/b.md", &article("inchai", "B", "m", "l"));
    let p1 = commit_all(&site, &WASANA, 20, "p1");
    checkout(&site, &["-b", "q", &start]);
    site.write(A, &article("inchai", "APPROVED-A", "CANARY-CROSS", "last"));
    let q1 = commit_all(&site, &WASANA, 21, "q1 hidden");
    site.write(A, &article("inchai", "APPROVED-A", "middle", "last"));
    site.write("content/news/c.md", &article("inchai", "C", "m", "l"));
    commit_all(&site, &WASANA, 22, "q2 undoes it");
    merge(&site, &INCHAI, 23, "p");
    merge(&site, &INCHAI, 24, "q");
    // A staff branch joining both lines at p1 and q1, where a held the hidden edit.
    checkout(&site, &["-b", "x", &p1]);
    site.git(
        &WASANA,
        &at(30),
        &["merge", "-q", "--no-ff", "-m", "join", &q1],
    );
    site.write(
        A,
        &article("inchai", "APPROVED-A", "CANARY-CROSS", "x word"),
    );
    commit_all(&site, &WASANA, 31, "x word");
    checkout(&site, &["main"]);
    site.git(
        &INCHAI,
        &at(40),
        &["merge", "-q", "--no-ff", "--no-commit", "x"],
    );
    site.write(
        A,
        &article("inchai", "APPROVED-A", "CANARY-CROSS", "x word"),
    );
    commit_all(&site, &INCHAI, 40, "Merge x");
    let bases = site.git(
        &INCHAI,
        &at(0),
        &["merge-base", "--all", "HEAD^1", "HEAD^2"],
    );
    assert_eq!(bases.lines().count(), 2, "{bases}");
    let outcome = site.build(NOW);
    site.assert_nowhere("CANARY-CROSS");
    assert!(page(&site).contains("APPROVED-A"));
    assert!(
        notices(&outcome).contains("never approved"),
        "{}",
        notices(&outcome)
    );
    assert!(site.output("news/b/index.html").is_some());
}

#[test]
fn an_octopus_merge_approves_nothing() {
    let site = site_with_approved_a();
    checkout(&site, &["-b", "o1", "main"]);
    site.write(
        "content/news/o1.md",
        &article("inchai", "CANARY-OCTO1", "m", "l"),
    );
    commit_all(&site, &WASANA, 20, "o1");
    checkout(&site, &["-b", "o2", "main"]);
    site.write(
        "content/news/o2.md",
        &article("inchai", "CANARY-OCTO2", "m", "l"),
    );
    commit_all(&site, &WASANA, 21, "o2");
    checkout(&site, &["main"]);
    site.git(
        &INCHAI,
        &at(30),
        &["merge", "-q", "--no-ff", "-m", "octopus", "o1", "o2"],
    );
    let outcome = site.build(NOW);
    site.assert_nowhere("CANARY-OCTO");
    assert!(notices(&outcome).contains("octopus merge"));
}

/// The director's merge of `fox` lands on main; meanwhile a web master's clone,
/// still at the commit before, commits and then `git pull`s and pushes.
fn foxtrot(web_master_edit: Option<&str>) -> (Fixture, String) {
    let site = verified_site(&[]);
    let before = head(&site);
    pull_request(
        &site,
        &INCHAI,
        10,
        "fox",
        &[(A, &article("inchai", "APPROVED-FOX", "middle", "last"))],
    );
    let live = head(&site);
    checkout(&site, &["-b", "local", &before]);
    match web_master_edit {
        Some(text) => site.write("content/news/w.md", text),
        None => site.write("README.md", "notes"),
    }
    commit_all(&site, &WASANA, 20, "Local work");
    // `git pull`: main merged into the local line, local first.
    site.git(
        &WASANA,
        &at(21),
        &[
            "merge",
            "-q",
            "--no-ff",
            "-m",
            "Merge branch 'main'",
            "main",
        ],
    );
    let pulled = head(&site);
    site.git(&WASANA, &at(22), &["branch", "-f", "main", &pulled]);
    checkout(&site, &["main"]);
    (site, live)
}

#[test]
fn a_foxtrot_merge_is_reported_and_followed_with_previous() {
    let (site, live) = foxtrot(None);
    // Without --previous the approval is not silently kept or granted: it is reported.
    let outcome = site.build(NOW);
    let text = summary(&outcome);
    assert!(text.contains("foxtrot"), "{text}");
    assert!(site.output("news/a/index.html").is_none());
    // With the live site's commit the walk follows the line main really was.
    let mut options = site.options(NOW);
    options.load.previous = Some(live.clone());
    let outcome = build(&options).unwrap();
    assert!(page(&site).contains("APPROVED-FOX"));
    let text = summary(&outcome);
    assert!(text.contains("foxtrot") && text.contains(&live), "{text}");
}

#[test]
fn a_foxtrot_merge_grants_nothing_to_the_web_masters_edit() {
    let edit = article("inchai", "CANARY-FOX", "middle", "last");
    let (site, live) = foxtrot(Some(&edit));
    let mut options = site.options(NOW);
    options.load.previous = Some(live);
    let outcome = build(&options).unwrap();
    site.assert_nowhere("CANARY-FOX");
    assert!(page(&site).contains("APPROVED-FOX"));
    let w = "content/news/w.md";
    assert!(
        outcome
            .report
            .decisions
            .iter()
            .any(|d| d.path == w && !d.is_live())
    );
}

#[test]
fn a_foxtrot_over_the_directors_own_commit_is_reported() {
    let site = verified_site(&[]);
    pull_request(
        &site,
        &INCHAI,
        10,
        "fox",
        &[(A, &article("inchai", "FIRST-TEXT", "middle", "last"))],
    );
    let stale = head(&site);
    // The director corrects the text in a commit of his own on main.
    site.write(A, &article("inchai", "CORRECTED-TEXT", "middle", "last"));
    commit_all(&site, &INCHAI, 12, "Correct the notice");
    // Staff merge main into the stale line keeping its tree, then push that.
    checkout(&site, &["-b", "local", &stale]);
    site.git(
        &WASANA,
        &at(21),
        &[
            "merge",
            "-q",
            "-s",
            "ours",
            "-m",
            "Merge branch 'main'",
            "main",
        ],
    );
    let pulled = head(&site);
    site.git(&WASANA, &at(22), &["branch", "-f", "main", &pulled]);
    checkout(&site, &["main"]);
    let outcome = site.build(NOW);
    let text = summary(&outcome);
    assert!(text.contains("foxtrot"), "{text}");
}

// 7. Records.

#[test]
fn the_record_shows_git_dates_and_says_so_when_verification_is_off() {
    let site = site_with_approved_a();
    site.build(NOW);
    let record = site.output("records/news/a/index.html").unwrap();
    assert!(record.contains("signature not checked"), "{record}");
    assert!(
        record.contains(&at(10)[..10]) || record.contains("datetime=\"2026-05-01T09:10:00+07:00\"")
    );
    let plain = Fixture::new(&format!(
        "-- {A} --\n{}",
        article("inchai", "PLAIN", "m", "l")
    ));
    plain.build(NOW);
    let record = plain.output("records/news/a/index.html").unwrap();
    assert!(
        record.contains("this record comes from the item's front matter"),
        "{record}"
    );
}
