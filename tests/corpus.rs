//! The synthetic corpus of `bench/gen_corpus.py`: the build publishes
//! exactly what its `expected.json` says, and no canary of a withheld item leaks.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::{Corpus, page_of};

const NOW: &str = "2026-06-01T12:00:00+07:00";

#[test]
fn corpus_of_2000_items_publishes_exactly_the_expected_pages() {
    let corpus = Corpus::generate(2000, false, NOW);
    let mut options = khaosan::build::BuildOptions::new(corpus.site(), corpus.out());
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    let outcome = khaosan::build::build(&options).unwrap();

    let want = corpus.published();
    let got: BTreeSet<String> = outcome
        .report
        .live()
        .map(|item| format!("{}/{}", item.section, item.slug))
        .collect();
    assert_eq!(want, got);
    for page in &want {
        assert!(
            corpus.out().join(page).join("index.html").exists(),
            "{page} was not written"
        );
    }
    for (withheld, state) in corpus.withheld() {
        assert!(
            !corpus.out().join(page_of(&withheld)).exists(),
            "{withheld} ({state}) was written"
        );
    }
    corpus.assert_no_canary();
}
