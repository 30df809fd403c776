//! Site search end to end: the index holds live items only, and the switch in
//! `site.toml` turns the page, the header box and the index off.
#![allow(clippy::unwrap_used)]

use crate::common::{Fixture, item};

const NOW: &str = "2026-06-01T12:00:00+07:00";
const LIVE: &str = "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31";

/// Index files (`search-index/...`) and their text.
fn index_files(site: &Fixture) -> Vec<(String, String)> {
    site.all_output()
        .into_iter()
        .filter(|(path, _)| path.starts_with("search-index"))
        .collect()
}

#[test]
fn withheld_items_never_reach_any_index_file() {
    let withheld = [
        (
            "future",
            "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
        ),
        (
            "expired",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-02-01",
        ),
        ("unapproved", "publish = 2026-05-01\nexpires = 2026-12-31"),
        ("invalid", "approver = \"inchai\"\npublish = \"soon\""),
    ];
    let mut fixture = format!(
        "-- content/news/live.md --\n{}\n",
        item("ข่าวสาธารณสุข Zebrafish", LIVE, "เนื้อหา Livecanary ฎฏฐ")
    );
    for (slug, front) in withheld {
        fixture.push_str(&format!(
            "-- content/news/{slug}.md --\n{}\n",
            item(
                &format!("Withheldcanary{slug} ฃฅฆ"),
                front,
                "Bodycanary ฃฅฆฌ ญฒฑ"
            )
        ));
    }
    let site = Fixture::new(&fixture);
    site.build(NOW);
    let files = index_files(&site);
    assert!(files.iter().any(|(p, _)| p == "search-index/th/meta.json"));
    assert!(files.iter().any(|(p, _)| p == "search-index/en/meta.json"));
    // The live item's words are there (normalised), so the search below can fail.
    let all: String = files.iter().map(|(_, t)| t.as_str()).collect();
    assert!(all.contains("\"wlivecanary\""), "live words are indexed");
    assert!(all.contains("\"gฎฏ\""), "live bigrams are indexed");
    for needle in ["withheldcanary", "bodycanary", "ฃฅ", "ฅฆ", "ฆฌ", "ญฒ", "ฒฑ"]
    {
        for (path, text) in &files {
            assert!(
                !text.to_lowercase().contains(needle),
                "{needle} of a withheld item leaked into {path}"
            );
        }
    }
    let page = site.output("search/index.html").unwrap();
    assert!(page.contains("id=\"search-results\""));
    assert!(site.output("en/search/index.html").is_some());
    assert!(
        site.output("news/live/index.html")
            .unwrap()
            .contains("action=\"/search/\""),
        "every page has the search box"
    );
}

#[test]
fn search_can_be_turned_off() {
    let site = Fixture::new(&format!(
        "-- content/news/live.md --\n{}\n",
        item("ข่าว", LIVE, "เนื้อหา")
    ));
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}\n[search]\nenabled = false\n"));
    site.build(NOW);
    assert!(index_files(&site).is_empty());
    assert!(site.output("search/index.html").is_none());
    assert!(
        !site
            .output("news/live/index.html")
            .unwrap()
            .contains("role=\"search\"")
    );
}
