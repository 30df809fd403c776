//! The synthetic corpus with git history (`gen_corpus.py --git`): forged merges by
//! staff, later direct edits by staff. The build publishes exactly the pages its
//! `expected.json` lists, pending items in their approved first version, and no
//! canary of a withheld item or an ignored edit leaks.
#![allow(clippy::unwrap_used)]

use crate::common::{Corpus, page_of};

const NOW: &str = "2026-06-01T12:00:00+07:00";

#[test]
fn git_corpus_publishes_only_approved_versions() {
    let corpus = Corpus::generate(2000, true, NOW);
    let (site, out) = (corpus.site(), corpus.out());
    let dir = &corpus.dir;
    let mut options = khaosan::build::BuildOptions::new(&site, &out);
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    options.report = Some(dir.path().join("report.json"));
    let outcome = khaosan::build::build(&options).unwrap();
    assert_eq!(outcome.report.trust, khaosan::source::Trust::Git);

    corpus.assert_published_exactly(&outcome);
    let want = corpus.published();
    let withheld = corpus.withheld();
    // Forged merges have no approved version at all.
    for (path, _) in withheld.iter().filter(|(_, s)| s == "forged") {
        let d = outcome
            .report
            .decisions
            .iter()
            .find(|d| &d.path == path)
            .unwrap();
        assert_eq!(d.reason().unwrap().code(), "not-approved-in-git", "{path}");
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
}
