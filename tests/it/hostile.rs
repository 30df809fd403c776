//! Hostile and clumsy input: each case withholds one item (or clears one setting)
//! with a reason that `khaosan check` reports too, and the rest of the site builds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{Fixture, item};
use khaosan::commands::check::{CheckOptions, check};

const NOW: &str = "2026-06-01T12:00:00+07:00";
const LIVE: &str = "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31";

/// A site with one good item beside whatever the test adds.
fn site() -> Fixture {
    Fixture::new(&format!(
        "-- content/news/good.md --\n{}",
        item("ข่าวดี", LIVE, "เนื้อหาปกติ")
    ))
}

/// Builds, then asserts: the good item is published; `path` is withheld with a
/// reason (Thai and English) that contains `needle`; `check` reports an error
/// containing `needle` too; no canary reached the output.
fn assert_withheld(f: &Fixture, path: &str, needle: &str) {
    let outcome = f.build(NOW);
    assert!(
        f.output("news/good/index.html").is_some(),
        "the rest of the site builds"
    );
    let decision = outcome
        .report
        .decisions
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("{path} has a decision"));
    assert!(!decision.is_live(), "{path} is withheld");
    let reason = decision.reason().unwrap();
    assert!(reason.is_problem(), "{path}: {reason:?}");
    let why = reason.explain();
    assert!(why.contains(needle), "{path}: {why}");
    assert!(
        why.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
        "Thai first: {why}"
    );
    let checked = check(&CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(f.root())
    })
    .unwrap();
    assert!(
        checked
            .errors()
            .any(|e| e.message.contains(needle) && e.file.is_some()),
        "check agrees on {path}: {:#?}",
        checked.findings
    );
    assert!(!checked.passed());
    f.assert_nowhere("CANARY-");
    assert_feeds_are_xml(f);
}

/// Every Atom feed of the output parses as XML.
fn assert_feeds_are_xml(f: &Fixture) {
    let mut feeds = 0;
    for (path, text) in f.all_output() {
        if !path.ends_with(".xml") {
            continue;
        }
        feeds += 1;
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Text(t)) => {
                    let raw = t[..].to_string();
                    assert!(
                        !raw.chars()
                            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
                        "{path} carries a control character"
                    );
                }
                Ok(_) => {}
                Err(e) => panic!("{path} is not XML: {e}"),
            }
        }
    }
    assert!(feeds > 0);
}

#[test]
fn case1_a_long_thai_tag_is_withheld() {
    let f = site();
    let tag = "ก".repeat(86);
    f.write(
        "content/news/tag.md",
        &item(
            "CANARY-tag",
            &format!("{LIVE}\ntags = [\"{tag}\"]"),
            "CANARY-tag",
        ),
    );
    assert_withheld(&f, "content/news/tag.md", "too long");
    let checked = check(&CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(f.root())
    })
    .unwrap();
    let finding = checked
        .errors()
        .find(|e| e.message.contains("too long"))
        .unwrap();
    assert_eq!(finding.field.as_deref(), Some("tags"));
    assert_eq!(finding.line, Some(7), "the line of `tags`");
}

#[test]
fn case1_a_tag_with_a_control_character_or_refused_character_is_withheld() {
    let f = site();
    f.write(
        "content/news/nul.md",
        &item(
            "CANARY-nul",
            &format!("{LIVE}\ntags = [\"ข่าว\\u0000\"]"),
            "CANARY-nul",
        ),
    );
    f.write(
        "content/news/colon.md",
        &item(
            "CANARY-colon",
            &format!("{LIVE}\ntags = [\"a:b\"]"),
            "CANARY-colon",
        ),
    );
    assert_withheld(&f, "content/news/nul.md", "U+0000");
    assert_withheld(&f, "content/news/colon.md", "`:`");
}

#[test]
fn case2_an_attachment_name_with_a_backslash_is_withheld() {
    let f = site();
    f.write(
        "content/news/bs/index.md",
        &item("CANARY-bs", LIVE, "CANARY-bs"),
    );
    f.write_bytes("content/news/bs/a\\b.pdf", b"%PDF-1.4\nCANARY-bs");
    assert_withheld(&f, "content/news/bs/index.md", "`\\`");
}

#[test]
fn case2_attachments_colliding_by_case_are_withheld() {
    let f = site();
    f.write(
        "content/news/case/index.md",
        &item("CANARY-case", LIVE, "CANARY-case"),
    );
    f.write_bytes("content/news/case/Form.pdf", b"%PDF-1.4\nCANARY-case");
    f.write_bytes("content/news/case/form.pdf", b"%PDF-1.4\nCANARY-case");
    assert_withheld(&f, "content/news/case/index.md", "same name");
}

#[test]
fn case3_script_carrying_attachments_are_withheld_and_never_replace_a_page() {
    for (name, content, needle) in [
        (
            "index.html",
            "<script>alert('CANARY-x')</script>",
            "never published",
        ),
        ("page.htm", "<script>CANARY-x</script>", "never published"),
        (
            "logo.svg",
            "<svg onload=\"alert('CANARY-x')\"/>",
            "never published",
        ),
        ("a.xhtml", "<html>CANARY-x</html>", "never published"),
        ("a.js", "alert('CANARY-x')", "never published"),
        (
            "a.xml",
            "<?xml version=\"1.0\"?><x>CANARY-x</x>",
            "never published",
        ),
        (
            "form.pdf",
            "<html><script>CANARY-x</script></html>",
            "not a .pdf",
        ),
        ("data.csv", "a,b\n\u{0}\u{1}CANARY-x", "not a .csv"),
        ("tool.exe", "MZCANARY-x", "not an allowed"),
    ] {
        let f = site();
        f.write(
            "content/news/att/index.md",
            &item("CANARY-att", LIVE, "CANARY-att"),
        );
        f.write(&format!("content/news/att/{name}"), content);
        assert_withheld(&f, "content/news/att/index.md", needle);
    }
}

#[test]
fn case3_allowed_attachments_are_published_and_the_list_is_a_setting() {
    let f = site();
    f.write(
        "content/news/ok/index.md",
        &item("แบบฟอร์ม", LIVE, "ดาวน์โหลด"),
    );
    f.write_bytes("content/news/ok/แบบฟอร์ม.pdf", b"%PDF-1.4\n%%EOF");
    f.write_bytes("content/news/ok/ข้อมูล.csv", "ชื่อ,จำนวน\nก,1\n".as_bytes());
    f.build(NOW);
    assert!(f.out().join("news/ok/แบบฟอร์ม.pdf").exists());
    assert!(f.out().join("news/ok/ข้อมูล.csv").exists());

    // An office that publishes only PDF: the CSV now withholds the item.
    f.write(
        "site.toml",
        &format!(
            "{}\n[attachments]\ntypes = [\"pdf\"]\n",
            crate::common::SITE_TOML
        ),
    );
    assert_withheld(&f, "content/news/ok/index.md", "not an allowed");
}

#[test]
fn case4_control_characters_in_title_summary_and_body_are_refused_on_their_line() {
    let f = site();
    f.write(
        "content/news/ctl.md",
        "+++\ntitle = \"CANARY-ctl\\u000b\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31\n+++\nCANARY-ctl\n",
    );
    f.write(
        "content/news/sum.md",
        "+++\ntitle = \"CANARY-sum\"\nsummary = \"a\\u0008b\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31\n+++\nCANARY-sum\n",
    );
    f.write(
        "content/news/body.md",
        "+++\ntitle = \"CANARY-body\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31\n+++\n\nline\nCANARY-body \u{c} pasted\n",
    );
    assert_withheld(&f, "content/news/ctl.md", "U+000B");
    let outcome = f.build(NOW);
    let lines: Vec<(String, Option<usize>)> = outcome
        .report
        .decisions
        .iter()
        .filter_map(|d| match d.reason() {
            Some(khaosan::decide::Reason::Invalid { problems }) => {
                Some((d.path.clone(), problems[0].line))
            }
            _ => None,
        })
        .collect();
    assert!(
        lines.contains(&("content/news/ctl.md".into(), Some(2))),
        "{lines:?}"
    );
    assert!(
        lines.contains(&("content/news/sum.md".into(), Some(3))),
        "{lines:?}"
    );
    assert!(
        lines.contains(&("content/news/body.md".into(), Some(9))),
        "{lines:?}"
    );
}

#[test]
fn case5_runaway_markdown_is_withheld_before_parsing() {
    let f = site();
    let quotes = "> ".repeat(50 * 1024);
    f.write(
        "content/news/quotes.md",
        &item("CANARY-quotes", LIVE, &format!("CANARY-quotes\n\n{quotes}")),
    );
    let divs = "<div>".repeat(200 * 1024);
    f.write(
        "content/news/divs.md",
        &item("CANARY-divs", LIVE, &format!("CANARY-divs\n\n{divs}")),
    );
    let big = "ข้อความยาว CANARY-big\n\n".repeat(100_000);
    f.write("content/news/big.md", &item("CANARY-big", LIVE, &big));
    assert_withheld(&f, "content/news/quotes.md", "100 deep");
    assert_withheld(&f, "content/news/divs.md", "100 deep");
    assert_withheld(&f, "content/news/big.md", "2 MB");

    // Raising the limit lets the large item through.
    f.write(
        "site.toml",
        &format!("{}\n[limits]\nitem_size_mb = 8\n", crate::common::SITE_TOML),
    );
    let outcome = f.build(NOW);
    assert!(
        outcome
            .report
            .decisions
            .iter()
            .any(|d| d.path == "content/news/big.md" && d.is_live())
    );
}

#[test]
fn case6_report_inside_the_output_is_refused() {
    let f = site();
    let mut options = f.options(NOW);
    options.report = Some(f.out().join("report.json"));
    let err = khaosan::build::build(&options).unwrap_err().to_string();
    assert!(err.contains("inside the output folder"), "{err}");
    assert!(!f.out().join("report.json").exists());
}

#[cfg(unix)]
#[test]
fn case6_a_linked_content_folder_is_refused_without_git() {
    let f = site();
    let outside = f.dir.path().join("outside");
    std::fs::create_dir_all(outside.join("news")).unwrap();
    std::fs::write(
        outside.join("news/leak.md"),
        item("CANARY-link", LIVE, "CANARY-link"),
    )
    .unwrap();
    std::fs::rename(f.root().join("content"), f.dir.path().join("real")).unwrap();
    std::os::unix::fs::symlink(&outside, f.root().join("content")).unwrap();
    let outcome = f.build(NOW);
    assert_eq!(outcome.report.live_count(), 0);
    assert!(
        outcome
            .report
            .problems
            .iter()
            .any(|p| p.file == "content" && p.message.contains("symbolic link"))
    );
    f.assert_nowhere("CANARY-");
    let checked = check(&CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(f.root())
    })
    .unwrap();
    assert!(
        checked
            .errors()
            .any(|e| e.message.contains("symbolic link"))
    );
}

#[test]
fn case7_script_links_in_site_toml_are_cleared_with_key_and_line() {
    let f = site();
    f.write(
        "site.toml",
        &format!(
            "{}[contact]\nmap_url = \"javascript:alert('CANARY-map')\"\n[statistics]\nsurvey_url = \"data:text/html,CANARY-survey\"\n",
            crate::common::SITE_TOML.replace("[[section]]\nid = \"news\"", "[extra]\nlogo = \"//evil.example/CANARY-logo.png\"\n[[section]]\nid = \"news\"")
        ),
    );
    f.build(NOW);
    assert!(f.output("news/good/index.html").is_some());
    f.assert_nowhere("CANARY-");
    f.assert_nowhere("javascript:");
    let checked = check(&CheckOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        ..CheckOptions::new(f.root())
    })
    .unwrap();
    let fields: Vec<(Option<String>, Option<usize>)> = checked
        .errors()
        .filter(|e| e.file.as_deref() == Some("site.toml"))
        .map(|e| (e.field.clone(), e.line))
        .collect();
    assert!(
        fields.contains(&(Some("contact.map_url".into()), Some(15))),
        "{fields:?}"
    );
    assert!(
        fields.contains(&(Some("statistics.survey_url".into()), Some(17))),
        "{fields:?}"
    );
    assert!(
        fields.contains(&(Some("extra.logo".into()), Some(5))),
        "{fields:?}"
    );
}

#[test]
fn case8_buddhist_now_is_refused_and_9999_means_never() {
    let out = std::process::Command::new(crate::common::khaosan_bin())
        .args(["build", "--now", "2569-06-01T12:00:00+07:00", "--root", "."])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026") && err.contains("พ.ศ."), "{err}");

    let f = site();
    f.write(
        "content/news/never.md",
        &item(
            "ไม่หมดอายุ",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 9999-12-31",
            "x",
        ),
    );
    f.write(
        "content/news/be.md",
        &item(
            "CANARY-be",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2569-12-31",
            "CANARY-be",
        ),
    );
    assert_withheld(&f, "content/news/be.md", "9999-12-31");
    assert!(f.output("news/never/index.html").is_some());
}

#[test]
fn case9_build_info_tells_the_hour_and_no_withheld_count() {
    let f = site();
    f.write(
        "content/news/later.md",
        &item(
            "CANARY-later",
            "approver = \"inchai\"\npublish = 2026-06-03T09:47:00+07:00\nexpires = 2026-12-31",
            "CANARY-later",
        ),
    );
    f.build(NOW);
    let info: serde_json::Value =
        serde_json::from_str(&f.output("build-info.json").unwrap()).unwrap();
    assert_eq!(info["next_change"], "2026-06-03T09:00:00+07:00");
    assert!(info.get("withheld").is_none(), "{info}");
    f.assert_nowhere("CANARY-");
}
