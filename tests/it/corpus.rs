//! The synthetic corpus of `bench/gen_corpus.py`: the build publishes
//! exactly what its `expected.json` says, and no canary of a withheld item leaks.
#![allow(clippy::unwrap_used)]

use crate::common::Corpus;

const NOW: &str = "2026-06-01T12:00:00+07:00";

#[test]
fn corpus_of_2000_items_publishes_exactly_the_expected_pages() {
    let corpus = Corpus::generate(2000, false, NOW);
    let mut options = khaosan::build::BuildOptions::new(corpus.site(), corpus.out());
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    let outcome = khaosan::build::build(&options).unwrap();

    corpus.assert_published_exactly(&outcome);
}
