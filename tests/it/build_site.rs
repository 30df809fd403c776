//! `khaosan build` end to end on sites made in temporary folders.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use crate::common::{Fixture, item, khaosan_bin};

const NOW: &str = "2026-06-01T12:00:00+07:00";
const LIVE: &str = "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31";

#[test]
fn live_item_is_published_and_withheld_one_is_not() {
    let site = Fixture::new(&format!(
        "-- content/news/live.md --\n{}\n-- content/news/later.md --\n{}",
        item("ข่าวที่เผยแพร่", LIVE, "เนื้อหา"),
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

/// Every withholding reason of the contract, each on its own item, none leaking.
#[test]
fn each_withholding_reason_is_reported_and_nothing_leaks() {
    let cases = [
        (
            "invalid",
            "approver = \"inchai\"\npublish = \"soon\"\nexpires = 2026-12-31",
        ),
        (
            "unknown-key",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpire = 2026-12-31",
        ),
        (
            "buddhist-year",
            "approver = \"inchai\"\npublish = 2569-05-01\nexpires = 2569-12-31",
        ),
        ("no-approver", "publish = 2026-05-01\nexpires = 2026-12-31"),
        (
            "unknown-approver",
            "approver = \"somsak\"\npublish = 2026-05-01\nexpires = 2026-12-31",
        ),
        (
            "not-an-approver",
            "approver = \"wasana\"\npublish = 2026-05-01\nexpires = 2026-12-31",
        ),
        (
            "scheduled",
            "approver = \"inchai\"\npublish = 2026-06-01T12:00:01+07:00\nexpires = 2026-12-31",
        ),
        (
            "expired",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-06-01",
        ),
        ("no-expiry", "approver = \"inchai\"\npublish = 2026-05-01"),
    ];
    let mut fixture = String::new();
    for (name, front) in cases {
        let canary = format!("CANARY-{}", name.to_uppercase());
        fixture.push_str(&format!(
            "-- content/news/{name}.md --\n{}\n",
            item(
                &canary,
                &format!("{front}\ntags = [\"{canary}-TAG\"]"),
                &canary
            )
        ));
    }
    fixture.push_str(&format!(
        "-- content/other/unknown-section.md --\n{}\n",
        item("CANARY-SECTION", LIVE, "x")
    ));
    fixture.push_str(&format!(
        "-- content/news/ok.md --\n{}\n",
        item("ข่าวปกติ", LIVE, "[ลิงก์](/news/expired/)")
    ));
    let site = Fixture::new(&fixture);
    let outcome = site.build(NOW);

    let reason_of = |path: &str| {
        let d = outcome
            .report
            .decisions
            .iter()
            .find(|d| d.path == path)
            .unwrap();
        d.reason().map(|r| r.code())
    };
    assert_eq!(reason_of("content/news/invalid.md"), Some("invalid"));
    assert_eq!(reason_of("content/news/unknown-key.md"), Some("invalid"));
    assert_eq!(reason_of("content/news/buddhist-year.md"), Some("invalid"));
    assert_eq!(
        reason_of("content/news/no-approver.md"),
        Some("no-approver")
    );
    assert_eq!(
        reason_of("content/news/unknown-approver.md"),
        Some("unknown-approver")
    );
    assert_eq!(
        reason_of("content/news/not-an-approver.md"),
        Some("not-an-approver")
    );
    assert_eq!(
        reason_of("content/news/scheduled.md"),
        Some("not-yet-published")
    );
    assert_eq!(reason_of("content/news/expired.md"), Some("expired"));
    assert_eq!(reason_of("content/news/no-expiry.md"), Some("no-expiry"));
    assert_eq!(
        reason_of("content/other/unknown-section.md"),
        Some("unknown-section")
    );
    assert_eq!(reason_of("content/news/ok.md"), None);
    assert_eq!(outcome.report.live_count(), 1);
    site.assert_nowhere("CANARY-");

    // The typo names the file, the line and the key to write instead.
    let typo = outcome
        .report
        .decisions
        .iter()
        .find(|d| d.path.ends_with("unknown-key.md"))
        .unwrap();
    let text = typo.reason().unwrap().explain();
    assert!(text.contains("content/news/unknown-key.md:6"), "{text}");
    assert!(text.contains("did you mean `expires`"), "{text}");
    let be = outcome
        .report
        .decisions
        .iter()
        .find(|d| d.path.ends_with("buddhist-year.md"))
        .unwrap();
    assert!(be.reason().unwrap().explain().contains("write 2026"));

    // The report on disk explains each withheld item; it lives outside the output.
    let report = std::fs::read_to_string(site.dir.path().join("report.json")).unwrap();
    assert!(
        report.contains("\"code\": \"unknown-approver\""),
        "{report}"
    );
}

#[test]
fn date_only_and_date_time_publish() {
    let site = Fixture::new(&format!(
        "-- content/news/date.md --\n{}\n-- content/news/time.md --\n{}",
        item(
            "วันที่",
            "approver = \"inchai\"\npublish = 2026-06-02\nexpires = 2026-12-31",
            ""
        ),
        item(
            "เวลา",
            "approver = \"inchai\"\npublish = 2026-06-01T08:30:00+07:00\nexpires = 2026-12-31",
            ""
        ),
    ));
    // 23:59 on 1 June: the date-only item goes live at midnight, the timed one already is.
    let outcome = site.build("2026-06-01T23:59:59+07:00");
    assert!(site.output("news/time/index.html").is_some());
    assert!(site.output("news/date/index.html").is_none());
    assert_eq!(
        outcome.report.next_change.unwrap().to_rfc3339(),
        "2026-06-02T00:00:00+07:00"
    );
    site.build("2026-06-02T00:00:00+07:00");
    assert!(site.output("news/date/index.html").is_some());
}

/// `expires = 2026-12-31` means Bangkok midnight, whatever zone the machine is in.
#[test]
fn bangkok_boundary_with_the_machine_in_utc() {
    let site = Fixture::new(&format!(
        "-- content/news/year-end.md --\n{}",
        item(
            "สิ้นปี",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31",
            ""
        )
    ));
    for (tz, now, live) in [
        ("UTC", "2026-12-30T23:59:59+07:00", true),
        ("UTC", "2026-12-31T00:00:00+07:00", false),
        ("UTC", "2026-12-30T16:59:59Z", true),
        ("UTC", "2026-12-30T17:00:00Z", false),
        ("America/New_York", "2026-12-31T00:00:00+07:00", false),
    ] {
        let status = Command::new(khaosan_bin())
            .args(["build", "--now", now, "--root"])
            .arg(site.root())
            .arg("--out")
            .arg(site.out())
            .arg("--report")
            .arg(site.dir.path().join("report.json"))
            .env("TZ", tz)
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
        assert_eq!(
            site.output("news/year-end/index.html").is_some(),
            live,
            "TZ={tz} now={now}"
        );
    }
}

#[test]
fn attachments_follow_their_item() {
    let pdf = b"%PDF-1.4\n% CANARY-PDF\n%%EOF\n";
    let site = Fixture::new(&format!(
        "-- content/news/open/index.md --\n{}\n-- content/news/closed/index.md --\n{}",
        item("เปิด", LIVE, "[แบบฟอร์ม](form.pdf)"),
        item(
            "ปิด",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-02-01",
            "[แบบฟอร์ม](secret.pdf)"
        ),
    ));
    site.write_bytes("content/news/open/form.pdf", b"%PDF-1.4\n%%EOF\n");
    site.write_bytes("content/news/closed/secret.pdf", pdf);
    site.write_bytes("content/news/orphan/lost.pdf", pdf);
    let outcome = site.build(NOW);
    assert!(site.out().join("news/open/form.pdf").exists());
    assert!(
        !site.out().join("news/closed/secret.pdf").exists(),
        "attachment of an expired item"
    );
    assert!(
        !site.out().join("news/orphan/lost.pdf").exists(),
        "attachment of no item"
    );
    site.assert_nowhere("CANARY-PDF");
    let page = site.output("news/open/index.html").unwrap();
    assert!(page.contains("form.pdf"));
    assert!(
        outcome
            .report
            .problems
            .iter()
            .any(|p| p.file == "content/news/orphan/lost.pdf")
    );
}

#[test]
fn two_files_claiming_one_url_are_both_withheld() {
    let site = Fixture::new(&format!(
        "-- content/news/same.md --\n{}\n-- content/news/same/index.md --\n{}",
        item("CANARY-ONE", LIVE, ""),
        item("CANARY-TWO", LIVE, ""),
    ));
    let outcome = site.build(NOW);
    let dups: Vec<_> = outcome
        .report
        .decisions
        .iter()
        .filter(|d| d.reason().is_some_and(|r| r.code() == "duplicate-url"))
        .collect();
    assert_eq!(dups.len(), 2);
    site.assert_nowhere("CANARY-");
}

#[test]
fn raw_html_in_an_item_cannot_run_script() {
    let site = Fixture::new(&format!(
        "-- content/news/html.md --\n{}",
        item(
            "HTML",
            LIVE,
            "<script>alert('x')</script>\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n\n<a href=\"javascript:alert(2)\">คลิก</a>\n\n[md](javascript:alert(3))\n\n<b>ตัวหนา</b>"
        ),
    ));
    site.build(NOW);
    let page = site.output("news/html/index.html").unwrap();
    assert!(page.contains("<b>ตัวหนา</b>"));
    for bad in ["alert(", "onerror", "javascript:"] {
        assert!(!page.contains(bad), "{bad} survived");
    }
}

/// A build that fails midway (a template error while rendering) leaves the
/// previous site exactly as it was, and no staging folder behind.
#[test]
fn failed_build_keeps_the_previous_site() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item("หนึ่ง", LIVE, "")
    ));
    site.build(NOW);
    let before = site.all_output();
    assert!(!before.is_empty());

    site.write("content/news/b.md", &item("สอง", LIVE, ""));
    site.write(
        "templates/item.html",
        "{{ page.title }} {{ no_such_variable.field }}",
    );
    let err = khaosan::build::build(&site.options(NOW)).unwrap_err();
    assert!(format!("{err:#}").contains("item.html"), "{err:#}");

    let mut after = site.all_output();
    let mut before = before;
    after.sort();
    before.sort();
    assert_eq!(before, after, "the old site is untouched");
    let names: Vec<String> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.contains("khaosan-new")),
        "staging left behind: {names:?}"
    );
}

#[test]
fn strict_fails_on_a_bad_item_and_writes_nothing() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/b.md --\n{}",
        item("ดี", LIVE, ""),
        item(
            "เสีย",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpire = 2026-12-31",
            ""
        ),
    ));
    let mut options = site.options(NOW);
    options.strict = true;
    let err = khaosan::build::build(&options).unwrap_err();
    assert!(format!("{err}").contains("--strict"));
    assert!(!site.out().exists());
    // Without --strict the same site builds, withholding the bad item.
    assert_eq!(site.build(NOW).report.live_count(), 1);
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_site_is_refused() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item("หนึ่ง", LIVE, "")
    ));
    std::fs::write(site.dir.path().join("secret.txt"), "CANARY-SECRET").unwrap();
    std::os::unix::fs::symlink(
        site.dir.path().join("secret.txt"),
        site.root().join("content/news/a-link.md"),
    )
    .unwrap();
    std::fs::create_dir_all(site.root().join("content/news/b")).unwrap();
    std::os::unix::fs::symlink(
        site.dir.path().join("secret.txt"),
        site.root().join("content/news/b/secret.pdf"),
    )
    .unwrap();
    let outcome = site.build(NOW);
    assert_eq!(outcome.report.live_count(), 1);
    assert!(
        outcome
            .report
            .problems
            .iter()
            .any(|p| p.message.contains("symbolic link"))
    );
    site.assert_nowhere("CANARY-SECRET");
}

#[test]
fn feeds_sitemap_and_build_info_list_only_live_items() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/gone.md --\n{}",
        item("ข่าวเอ", LIVE, ""),
        item(
            "CANARY-GONE",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-02-01",
            ""
        ),
    ));
    site.build(NOW);
    let sitemap = site.output("sitemap.xml").unwrap();
    assert!(sitemap.contains("https://office.example/news/a/"));
    assert!(!sitemap.contains("gone"));
    let feed = site.output("atom.xml").unwrap();
    assert!(feed.contains("ข่าวเอ"));
    assert!(site.output("news/atom.xml").unwrap().contains("ข่าวเอ"));
    assert!(
        site.output("robots.txt")
            .unwrap()
            .contains("Sitemap: https://office.example/sitemap.xml")
    );
    let info: serde_json::Value =
        serde_json::from_str(&site.output("build-info.json").unwrap()).unwrap();
    assert_eq!(info["live"], 1);
    assert_eq!(info["built_at"], "2026-06-01T12:00:00+07:00");
    site.assert_nowhere("CANARY-");
}

#[test]
fn the_output_folder_is_not_replaced_if_it_is_not_ours() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item("หนึ่ง", LIVE, "")
    ));
    std::fs::create_dir_all(site.out()).unwrap();
    std::fs::write(site.out().join("thesis.docx"), "precious").unwrap();
    let err = khaosan::build::build(&site.options(NOW)).unwrap_err();
    assert!(err.to_string().contains("not written by khaosan"), "{err}");
    assert_eq!(
        std::fs::read_to_string(site.out().join("thesis.docx")).unwrap(),
        "precious"
    );
}

/// Odd tags (dots, slashes, spaces, empty) cannot break the build or escape `tags/`.
#[test]
fn odd_tags_neither_break_the_build_nor_escape() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item(
            "แท็กแปลก",
            &format!("{LIVE}\ntags = [\"..\", \".\", \"\", \"a/../b\", \"ข่าว ด่วน\"]"),
            ""
        )
    ));
    site.build(NOW);
    assert!(site.output("tags/ข่าว-ด่วน/index.html").is_some());
    assert!(site.output("tags/a-..-b/index.html").is_some());
    let page = site.output("news/a/index.html").unwrap();
    assert!(!page.contains("/tags//"), "no link to an empty tag page");
}
