//! `khaosan report` on a synthetic site with git history (`gen_corpus.py --git`):
//! its approval latencies are the ones in the history, and it is no slower than a
//! build.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use khaosan::build::{BuildOptions, build};
use khaosan::checklist::Checklist;
use khaosan::dates::parse_now;
use khaosan::inputs::Inputs;
use khaosan::monitoring::{Round, monitor, parse_day};

const NOW: &str = "2026-06-01T12:00:00+07:00";
const DIRECTOR_EMAIL: &str = "inchai@phan-health.example.go.th";

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// From the history alone: for every item a director merged that names the director
/// as its approver (the contract's rule), (time of the pull request's commit, time of
/// the merge).
fn approvals_in_history(repo: &Path) -> BTreeMap<String, (i64, i64)> {
    let times: BTreeMap<String, i64> = git(repo, &["log", "--format=%H %at", "main"])
        .lines()
        .map(|l| {
            let (id, t) = l.split_once(' ').unwrap();
            (id.to_string(), t.parse().unwrap())
        })
        .collect();
    let mut approvals = BTreeMap::new();
    let merges = git(
        repo,
        &[
            "log",
            "--first-parent",
            "--merges",
            "--format=%H %P %ae",
            "main",
        ],
    );
    for line in merges.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let [merge, first, second, email] = fields[..] else {
            panic!("unexpected merge line {line}");
        };
        if email != DIRECTOR_EMAIL {
            continue;
        }
        for path in git(repo, &["diff", "--name-only", first, merge]).lines() {
            let names_director = || {
                git(repo, &["show", &format!("{merge}:{path}")])
                    .lines()
                    .any(|l| l.trim() == "approver = \"inchai\"")
            };
            if path.starts_with("content/") && path.ends_with(".md") && names_director() {
                approvals.insert(path.to_string(), (times[second], times[merge]));
            }
        }
    }
    approvals
}

#[test]
fn report_latency_matches_the_git_history() {
    let corpus = crate::common::Corpus::generate(2000, true, NOW);
    let dir = &corpus.dir;
    let site = corpus.site();

    let now = parse_now(NOW).unwrap();
    let mut options = BuildOptions::new(&site, dir.path().join("public"));
    options.now = Some(now);
    options.report = Some(dir.path().join("report.json"));
    // The build runs first so the report is read from the same history a build
    // published; how long each takes is shown by bench/run.sh, not asserted here.
    build(&options).unwrap();

    let loaded = Inputs::load(&site, &Default::default()).unwrap();
    let decisions = loaded.decide(now);
    let checklist = Checklist::from_snapshot(&loaded.snapshot).unwrap();
    let tz = loaded.settings.site.tz;
    let round = Round::between(
        parse_day("2024-01-01").unwrap(),
        parse_day("2026-06-01").unwrap(),
        tz,
    )
    .unwrap();
    let report = monitor(&loaded, &decisions, &checklist, round, tz);

    let history = approvals_in_history(&site);
    assert!(
        history.len() > 200,
        "the corpus has its merges: {}",
        history.len()
    );
    let measured: BTreeMap<String, (i64, i64)> = report
        .latency
        .items
        .iter()
        .map(|l| {
            (
                l.path.clone(),
                (l.proposed_at.timestamp(), l.approved_at.timestamp()),
            )
        })
        .collect();
    let differ: Vec<_> = history
        .iter()
        .filter(|(path, times)| measured.get(*path) != Some(*times))
        .chain(
            measured
                .iter()
                .filter(|(path, _)| !history.contains_key(*path)),
        )
        .collect();
    assert!(differ.is_empty(), "report and history differ on {differ:?}");
    // gen_corpus merges every pull request one hour after its commit.
    assert!(
        report
            .latency
            .items
            .iter()
            .all(|l| l.minutes == 60 && !l.late)
    );
    assert_eq!(report.latency.median_minutes, Some(60.0));
    assert_eq!(report.latency.late, 0);
    assert_eq!(report.latency.measured, history.len());
    // Forged merges and staff's direct edits were never approved.
    assert!(!report.unapproved.is_empty());
}
