//! The synthetic corpus with git history (`gen_corpus.py --git`): forged merges by
//! staff, later direct edits by staff. The build publishes exactly the pages its
//! `expected.json` lists, pending items in their approved first version, and no
//! canary of a withheld item or an ignored edit leaks.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-06-01T12:00:00+07:00";

/// `content/news/x.md` or `content/news/x/index.md` → `news/x`.
fn page_of(path: &str) -> String {
    let rest = path.trim_start_matches("content/");
    rest.trim_end_matches("/index.md")
        .trim_end_matches(".md")
        .to_string()
}

#[test]
fn git_corpus_publishes_only_approved_versions() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py");
    assert!(
        script.exists(),
        "{} is needed for this test",
        script.display()
    );
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIPPED: python3 is not installed, so the git corpus cannot be generated");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = dir.path().join("public");
    let made = Command::new("python3")
        .arg(&script)
        .args(["--git", "--out"])
        .arg(&site)
        .args(["--n", "300", "--now", NOW])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let mut options = khaosan::build::BuildOptions::new(&site, &out);
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    options.report = Some(dir.path().join("report.json"));
    let outcome = khaosan::build::build(&options).unwrap();
    assert_eq!(outcome.report.trust, khaosan::source::Trust::Git);

    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("expected.json")).unwrap())
            .unwrap();
    let want: BTreeSet<String> = expected["published"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| page_of(p.as_str().unwrap()))
        .collect();
    let got: BTreeSet<String> = outcome
        .report
        .live()
        .map(|item| format!("{}/{}", item.section, item.slug))
        .collect();
    assert_eq!(want, got);
    for page in &want {
        assert!(
            out.join(page).join("index.html").exists(),
            "{page} was not written"
        );
    }
    let withheld = expected["withheld"].as_object().unwrap();
    for (path, state) in withheld {
        assert!(
            !out.join(page_of(path)).exists(),
            "{path} ({state}) was written"
        );
    }
    // Forged merges have no approved version at all.
    for (path, _) in withheld.iter().filter(|(_, s)| *s == "forged") {
        let d = outcome
            .report
            .decisions
            .iter()
            .find(|d| &d.path == path)
            .unwrap();
        assert_eq!(
            d.reason.as_ref().unwrap().code(),
            "not-approved-in-git",
            "{path}"
        );
    }
    // Pending items: live in the version the director merged; the later edit is reported.
    let pending: Vec<_> = outcome
        .report
        .decisions
        .iter()
        .filter(|d| {
            d.approval
                .as_ref()
                .is_some_and(|a| !a.later_unapproved.is_empty())
        })
        .collect();
    assert!(!pending.is_empty(), "the corpus should have pending items");
    for d in &pending {
        assert!(
            want.contains(&page_of(&d.path)),
            "{} should be published",
            d.path
        );
        assert_eq!(d.approval.as_ref().unwrap().approver, "inchai");
    }

    let canary = expected["canary_prefix"].as_str().unwrap();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        assert!(!entry.path().to_string_lossy().contains(canary));
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(canary),
                "{canary} leaked into {}",
                entry.path().display()
            );
        }
    }
}
