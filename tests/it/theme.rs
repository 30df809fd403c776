//! The default theme on a small site: Thai dates, publication facts, attachments,
//! canonical and OpenGraph tags, the English translation and the generated pages.
#![allow(clippy::unwrap_used)]

use crate::common::{Fixture, SITE_TOML, item};

const NOW: &str = "2026-11-26T12:00:00+07:00";

/// A news bundle with a 2 KB PDF, its English translation, a law with a source,
/// the website policy and a satisfaction report.
fn fixture(site_toml: &str) -> Fixture {
    let site = Fixture::new(&format!(
        "-- site.toml --\n{site_toml}\n\
         -- content/news/driver/index.md --\n{}\n\
         -- content/news/driver.en.md --\n{}\n\
         -- content/laws/act.md --\n{}\n\
         -- content/news/policy.md --\n{}\n\
         -- content/news/survey-2569.md --\n{}",
        item(
            "ประกาศรับสมัครพนักงานขับรถยนต์",
            "approver = \"inchai\"\npublish = 2026-11-21T08:30:00+07:00\nexpires = 2026-12-31\ntags = [\"รับสมัครงาน\"]\nkind = \"job\"",
            "รายละเอียดตาม[ใบสมัคร](form.pdf) และ[ประกาศกรม](https://other.example/notice)",
        ),
        item(
            "Driver wanted",
            "approver = \"inchai\"\npublish = 2026-11-21T08:30:00+07:00\nexpires = 2026-12-31",
            "In English.",
        ),
        item(
            "พระราชบัญญัติทดสอบ",
            "approver = \"inchai\"\npublish = 2026-01-05\nsource = \"https://law.example/act\"",
            "ตัวบท",
        ),
        item(
            "นโยบายเว็บไซต์",
            "approver = \"inchai\"\npublish = 2026-10-01\nexpires = 2027-10-01\nstandard = [\"feat-website-policy\"]",
            "นโยบาย",
        ),
        item(
            "ผลสำรวจความพึงพอใจ ปี 2569",
            "approver = \"inchai\"\npublish = 2026-10-15\nexpires = 2027-10-15\nstandard = [\"gws2-10.2\"]",
            "ผลสำรวจ",
        ),
    ));
    // A real PDF header: attachments are checked by content, not only by name.
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(2048, b'%');
    site.write_bytes("content/news/driver/form.pdf", &pdf);
    site
}

fn default_site() -> Fixture {
    fixture(&format!(
        "{SITE_TOML}\n[statistics]\nsurvey_url = \"https://forms.office.example/survey\"\n"
    ))
}

#[test]
fn item_page_shows_publication_facts_in_thai() {
    let site = default_site();
    site.build(NOW);
    let page = site.output("news/driver/index.html").unwrap();
    assert!(page.contains("<html lang=\"th\">"));
    assert!(page.contains("21 พฤศจิกายน 2569"), "publish date in B.E.");
    assert!(page.contains("เผยแพร่ถึง"));
    // expires = 2026-12-31 (00:00): the last day shown is 30 December.
    assert!(page.contains("30 ธันวาคม 2569"), "last day shown, in B.E.");
    assert!(!page.contains("31 ธันวาคม 2569"), "not the first day gone");
    assert!(
        page.contains("นายอินชัย อุ่นน้อย") && page.contains("สาธารณสุขอำเภอพาน"),
        "approver and title"
    );
    assert!(page.contains("href=\"/tags/%E0%B8%A3"), "tag link");
    assert!(page.contains("<span class=\"badge badge-job\">รับสมัครงาน</span>"));
}

#[test]
fn attachments_are_listed_with_type_size_and_date() {
    let site = default_site();
    site.build(NOW);
    let page = site.output("news/driver/index.html").unwrap();
    let list = page
        .split("id=\"attachments\"")
        .nth(1)
        .expect("an attachments section");
    assert!(
        list.contains("href=\"/news/driver/form.pdf\" type=\"application/pdf\""),
        "{list}"
    );
    assert!(list.contains("data-print-url=\"https://office.example/news/driver/form.pdf\""));
    assert!(list.contains("PDF") && list.contains("2.0 KB"), "{list}");
    assert!(list.contains("<time datetime="), "attachment date");
    assert!(site.output("news/driver/form.pdf").is_some());
}

#[test]
fn law_shows_its_source_and_permanent_items_say_so() {
    let site = default_site();
    site.build(NOW);
    let page = site.output("laws/act/index.html").unwrap();
    assert!(page.contains("href=\"https://law.example/act\""));
    assert!(page.contains("ไม่มีกำหนดสิ้นสุด"));
}

#[test]
fn every_page_has_canonical_and_opengraph_tags() {
    let site = default_site();
    site.build(NOW);
    for (path, canonical) in [
        ("index.html", "https://office.example/"),
        ("news/index.html", "https://office.example/news/"),
        (
            "news/driver/index.html",
            "https://office.example/news/driver/",
        ),
        (
            "en/news/driver/index.html",
            "https://office.example/en/news/driver/",
        ),
        (
            "statistics/index.html",
            "https://office.example/statistics/",
        ),
        ("site-map/index.html", "https://office.example/site-map/"),
    ] {
        let page = site.output(path).unwrap();
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")),
            "{path}"
        );
        assert!(
            page.contains(&format!(
                "<meta property=\"og:url\" content=\"{canonical}\">"
            )),
            "{path}"
        );
        assert!(
            page.contains("<meta property=\"og:title\" content=\""),
            "{path}"
        );
        assert!(
            page.contains("<meta property=\"og:site_name\" content=\""),
            "{path}"
        );
    }
    let item = site.output("news/driver/index.html").unwrap();
    assert!(item.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(item.contains("<meta property=\"og:title\" content=\"ประกาศรับสมัครพนักงานขับรถยนต์\">"));
    assert!(
        !site
            .output("404.html")
            .unwrap()
            .contains("rel=\"canonical\"")
    );
}

#[test]
fn no_page_points_at_another_host_except_content_links() {
    let site = default_site();
    site.build(NOW);
    let allowed = [
        "https://office.example/",
        "https://other.example/notice",
        "https://law.example/act",
        "https://forms.office.example/survey",
        // Share on LINE is a plain link people follow; nothing loads from there.
        "https://social-plugins.line.me/lineit/share?url=https%3A%2F%2Foffice%2Eexample%2F",
    ];
    let mut pages = 0;
    for (path, text) in site.all_output() {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        for (at, _) in text.match_indices("http") {
            let rest = &text[at..];
            let url = rest.split(['"', '<', ' ', ')']).next().unwrap_or_default();
            if !url.starts_with("http://") && !url.starts_with("https://") {
                continue;
            }
            assert!(
                allowed.iter().any(|a| url.starts_with(a)),
                "{path} points at {url}"
            );
        }
    }
    assert!(pages > 10);
}

#[test]
fn english_translation_has_a_language_switch() {
    let site = default_site();
    site.build(NOW);
    let en = site.output("en/news/driver/index.html").unwrap();
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("Published until") && en.contains("30 December 2026"));
    assert!(en.contains(
        "<a class=\"lang-switch\" href=\"/news/driver/\" lang=\"th\" hreflang=\"th\">ภาษาไทย</a>"
    ));
    let th = site.output("news/driver/index.html").unwrap();
    assert!(th.contains(
        "<a class=\"lang-switch\" href=\"/en/news/driver/\" lang=\"en\" hreflang=\"en\">English</a>"
    ));
    assert!(th.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"/en/news/driver/\">"));
    assert!(th.contains("<span class=\"name-en\" lang=\"en\">Test Office</span>"));
}

#[test]
fn thai_digits_is_a_site_option() {
    let site = fixture(&format!("thai_digits = true\n{SITE_TOML}"));
    site.build(NOW);
    let page = site.output("news/driver/index.html").unwrap();
    assert!(page.contains("๓๐ ธันวาคม ๒๕๖๙"), "expiry in Thai digits");
    assert!(!page.contains("30 ธันวาคม 2569"));
}

#[test]
fn statistics_page_links_the_survey_and_reports_and_footer_links_the_policy() {
    let site = default_site();
    site.build(NOW);
    // Titles carry <wbr> between Thai words for narrow screens.
    let page = site
        .output("statistics/index.html")
        .unwrap()
        .replace("<wbr>", "");
    assert!(page.contains("href=\"https://forms.office.example/survey\""));
    assert!(page.contains("ผลสำรวจความพึงพอใจ ปี 2569"));
    assert!(page.contains("ไม่ใช้ตัวนับผู้เข้าชมจากเว็บไซต์อื่น"));
    assert!(
        site.output("en/statistics/index.html")
            .unwrap()
            .contains("lang=\"th\""),
        "Thai report marked on the English page"
    );
    for path in ["index.html", "news/index.html", "en/index.html"] {
        let page = site.output(path).unwrap();
        assert!(
            page.contains("href=\"/news/policy/\""),
            "{path} links the website policy"
        );
        assert!(page.contains("/statistics/\""), "{path}");
    }
    let home = site.output("index.html").unwrap();
    assert!(
        home.contains("href=\"/standards/\""),
        "assessor link on the home page"
    );
}

#[test]
fn breadcrumbs_lead_home_through_the_section() {
    let site = default_site();
    site.build(NOW);
    let page = site.output("news/driver/index.html").unwrap();
    let crumbs = page.split("class=\"crumbs\"").nth(1).unwrap();
    let crumbs = &crumbs[..crumbs.find("</nav>").unwrap()];
    assert!(crumbs.contains("<a href=\"/\">หน้าแรก</a>"));
    assert!(crumbs.contains("<a href=\"/news/\">ข่าว</a>"));
    assert!(crumbs.contains("<span aria-current=\"page\">ประกาศรับสมัครพนักงานขับรถยนต์</span>"));
}

#[test]
fn mourning_grays_the_site_from_start_until_end_and_is_the_next_change() {
    let site = fixture(&format!(
        "{SITE_TOML}\n[mourning]\nstart = 2026-11-20\nend = 2026-11-27\n"
    ));
    site.build(NOW);
    let home = site.output("index.html").unwrap();
    assert!(home.contains("<html lang=\"th\" data-mourning=\"on\">"));
    assert!(home.contains("class=\"ribbon\""), "black ribbon");
    let info = site.output("build-info.json").unwrap();
    assert!(
        info.contains("\"next_change\": \"2026-11-27T00:00:00+07:00\""),
        "the mourning end is the next change: {info}"
    );
    // The daily build on the end date takes it off.
    site.build("2026-11-27T00:05:00+07:00");
    let home = site.output("index.html").unwrap();
    assert!(home.contains("<html lang=\"th\">"));
    assert!(!home.contains("class=\"ribbon\""));
}
