//! The output grows linearly with the site: a long list gets a pager of constant
//! size, so doubling its items doubles (not quadruples) the bytes of its pages.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::common::{Fixture, item};

const NOW: &str = "2026-06-01T12:00:00+07:00";
const TAG: &str = "สาธารณสุข";

/// Adds items `from..to`, each tagged [`TAG`], to the news section.
fn add_items(site: &Fixture, from: usize, to: usize) {
    for n in from..to {
        let front = format!(
            "approver = \"inchai\"\npublish = 2026-05-01T08:{:02}:{:02}+07:00\nexpires = 2026-12-31\ntags = [\"{TAG}\"]",
            (n / 60) % 60,
            n % 60
        );
        site.write(
            &format!("content/news/item-{n}.md"),
            &item(&format!("ข่าว {n}"), &front, "เนื้อหา"),
        );
    }
}

/// Every page of a list (`news/`, `tags/x/`): its first page and `page/N/`.
fn list_pages(out: &Path, list: &str) -> Vec<(usize, String)> {
    let dir = out.join(list);
    let mut pages = vec![(1, std::fs::read_to_string(dir.join("index.html")).unwrap())];
    for entry in std::fs::read_dir(dir.join("page")).unwrap().flatten() {
        let number: usize = entry.file_name().to_str().unwrap().parse().unwrap();
        let text = std::fs::read_to_string(entry.path().join("index.html")).unwrap();
        pages.push((number, text));
    }
    pages.sort_by_key(|(n, _)| *n);
    pages
}

/// The pager's HTML on a page.
fn pager(page: &str) -> &str {
    let start = page.find("<nav class=\"pager\"").expect("a pager");
    let end = start + page[start..].find("</nav>").unwrap();
    &page[start..end]
}

/// Links, current page and ellipses of the tag and section lists at one size.
struct Lists {
    pages: usize,
    bytes: usize,
    largest_page: usize,
}

fn check_lists(site: &Fixture, items: usize) -> Lists {
    let mut measured = None;
    for list in [format!("tags/{TAG}"), "news".to_string()] {
        let pages = list_pages(&site.out(), &list);
        assert_eq!(pages.len(), items.div_ceil(10), "{list}");
        let total = pages.len();
        for (number, page) in &pages {
            let pager = pager(page);
            assert!(pager.contains("aria-label="), "{list} page {number}");
            let links = pager.matches("<a ").count();
            // First, last, five around the current page, previous and next.
            assert!(
                links <= 9,
                "{list} page {number} links {links} pages: {pager}"
            );
            assert_eq!(pager.matches("aria-current=\"page\"").count(), 1);
            // The first and last page are always reachable.
            let last = format!("page/{total}/\"");
            assert!(*number == total || pager.contains(&last), "{list} {number}");
            if *number > 1 {
                assert!(pager.contains("rel=\"prev\""));
            }
            if *number < total {
                assert!(pager.contains("rel=\"next\""));
            }
            if *number > 4 {
                assert!(pager.contains("…"), "ellipsis on page {number}");
            }
        }
        if list.starts_with("tags/") {
            measured = Some(Lists {
                pages: total,
                bytes: pages.iter().map(|(_, p)| p.len()).sum(),
                largest_page: pages.iter().map(|(_, p)| p.len()).max().unwrap(),
            });
        }
    }
    measured.unwrap()
}

#[test]
fn a_list_of_5000_items_grows_linearly() {
    let site = Fixture::new("");
    add_items(&site, 0, 2500);
    site.build(NOW);
    let half = check_lists(&site, 2500);

    add_items(&site, 2500, 5000);
    site.build(NOW);
    let full = check_lists(&site, 5000);

    assert_eq!(full.pages, 500);
    assert_eq!(half.pages, 250);
    // Twice the items, twice the bytes (quadratic pagers made it four times);
    // the slack covers page numbers with one more digit.
    assert!(
        full.bytes * 100 <= half.bytes * 205,
        "tag pages: {} bytes for 2,500 items, {} for 5,000",
        half.bytes,
        full.bytes
    );
    // No page grows with the length of its list.
    assert!(
        full.largest_page * 100 <= half.largest_page * 103,
        "largest tag page: {} bytes for 2,500 items, {} for 5,000",
        half.largest_page,
        full.largest_page
    );
}
