//! `khaosan build` end to end on sites made in temporary folders.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Fixture, item};

const NOW: &str = "2026-06-01T12:00:00+07:00";

#[test]
fn live_item_is_published_and_withheld_one_is_not() {
    let site = Fixture::new(&format!(
        "-- content/news/live.md --\n{}\n-- content/news/later.md --\n{}",
        item(
            "ข่าวที่เผยแพร่",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "เนื้อหา"
        ),
        item(
            "CANARY-LATER",
            "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
            "CANARY-LATER body"
        ),
    ));
    let outcome = site.build(NOW);
    assert_eq!(outcome.report.live_count(), 1);
    assert!(
        site.output("news/live/index.html")
            .unwrap()
            .contains("ข่าวที่เผยแพร่")
    );
    assert!(site.output("news/later/index.html").is_none());
    site.assert_nowhere("CANARY-LATER");
}
