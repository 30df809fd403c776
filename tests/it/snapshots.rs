//! What people read, pinned as snapshots (`insta`): the build summary, the check
//! summary and its GitHub annotations, one item page and the Atom feed of a small
//! fixed site built at a fixed time. What varies between runs (the temporary
//! folders, the build time, khaosan's version and commit) is replaced by a name
//! in brackets. After an intended change, review with `cargo insta review` (or
//! run with `INSTA_UPDATE=always` and read the diff of `tests/it/snapshots/`).
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use crate::common::{Fixture, item, khaosan_bin};

const NOW: &str = "2026-06-01T12:00:00+07:00";

/// A live news item with a table, a phone number, a tag and a link to an item
/// that is not yet published; a law; a scheduled item; an item with a typo.
fn site() -> Fixture {
    let live = item(
        "ฉีดวัคซีนไข้หวัดใหญ่ฟรี",
        "approver = \"inchai\"\npublish = 2026-05-01T08:30:00+07:00\nexpires = 2026-12-31\ntags = [\"วัคซีน\", \"ผู้สูงอายุ\"]\nsummary = \"ผู้สูงอายุรับวัคซีนได้ที่โรงพยาบาลพาน\"",
        "ผู้สูงอายุ 65 ปีขึ้นไปรับวัคซีนได้ฟรี สอบถาม โทร 0 5372 1234 ต่อ 102\n\n## กำหนดการ\n\n| วัน | เวลา |\n|---|---|\n| จันทร์ | 08:30 – 12:00 |\n\nดู[ประกาศรอบถัดไป](/news/next-round/)",
    );
    let law = item(
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        "approver = \"inchai\"\npublish = 2026-01-05",
        "ข้อความของพระราชบัญญัติ",
    );
    let scheduled = item(
        "วัคซีนรอบถัดไป",
        "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
        "รอบถัดไป",
    );
    let typo = "+++\ntitle = \"ข่าวเสีย\"\nauthor = \"wasana\"\napprover = \"inchai\"\npublish = 2026-05-01\nexpire = 2026-12-31\n+++\n\nbody\n";
    Fixture::new(&format!(
        "-- content/news/flu-vaccine.md --\n{live}-- content/laws/oia.md --\n{law}-- content/news/next-round.md --\n{scheduled}-- content/news/broken.md --\n{typo}"
    ))
}

fn run(site: &Fixture, args: &[&str]) -> Output {
    Command::new(khaosan_bin())
        .args(args)
        .arg("--root")
        .arg(site.root())
        .args(["--now", NOW])
        .output()
        .unwrap()
}

/// The output with what varies between runs named instead.
fn redact(site: &Fixture, text: &str) -> String {
    let mut text = text
        .replace(&site.out().display().to_string(), "[OUT]")
        .replace(&site.root().display().to_string(), "[SITE]")
        .replace(khaosan::VERSION, "[VERSION]")
        .replace(khaosan::COMMIT, "[COMMIT]")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
    // The build's duration: `[0.12 s]`.
    while let Some(start) = text.find("  [").filter(|&i| {
        text[i + 3..]
            .find(" s]")
            .is_some_and(|end| text[i + 3..i + 3 + end].parse::<f64>().is_ok())
    }) {
        let end = start + 3 + text[start + 3..].find(" s]").unwrap() + 3;
        text.replace_range(start..end, "  [TIME]");
    }
    text
}

fn build(site: &Fixture) -> String {
    let output = Command::new(khaosan_bin())
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .args(["--now", NOW])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    redact(site, &String::from_utf8_lossy(&output.stdout))
}

#[test]
fn build_summary() {
    let site = site();
    insta::assert_snapshot!("build_summary", build(&site));
}

#[test]
fn item_page_and_feed() {
    let site = site();
    build(&site);
    let page = site.output("news/flu-vaccine/index.html").unwrap();
    insta::assert_snapshot!("item_page", redact(&site, &page));
    let feed = site.output("atom.xml").unwrap();
    insta::assert_snapshot!("atom_feed", redact(&site, &feed));
}

#[test]
fn check_summary_and_annotations() {
    let site = site();
    let output = run(&site, &["check", "--annotations"]);
    assert_eq!(output.status.code(), Some(1), "the typo is an error");
    let stdout = redact(&site, &String::from_utf8_lossy(&output.stdout));
    let (annotations, summary): (Vec<&str>, Vec<&str>) =
        stdout.lines().partition(|line| line.starts_with("::"));
    insta::assert_snapshot!("check_annotations", annotations.join("\n"));
    insta::assert_snapshot!("check_summary", summary.join("\n"));
}

/// A checklist of three requirements in two groups, for the documents' layout.
const CHECKLIST: &str = r#"
[monitoring]
latency_limit_hours = 2
cutoffs = ["02-28", "07-31"]

[[group]]
id = "general"
name_th = "ข้อมูลหน่วยงาน"
name_en = "General"

[[item]]
id = "law"
group = "general"
name_th = "กฎหมายที่เกี่ยวข้อง | ระเบียบ"
recurrence = "static"

[[item]]
id = "skr1"
group = "procurement"
name_th = "สรุปผลการจัดซื้อจัดจ้างรายเดือน"
recurrence = "monthly"

[[item]]
id = "feat-search"
group = "general"
name_th = "ระบบค้นหา"
recurrence = "static"
provided_by = "site"
"#;

/// The monitoring report (Markdown, CSV) and the compliance tables, from the
/// built-in templates.
#[test]
fn report_and_compliance_documents() {
    let site = site();
    site.write("checklist.toml", CHECKLIST);
    site.write(
        "content/laws/procurement-act.md",
        &item(
            "พระราชบัญญัติการจัดซื้อจัดจ้าง พ.ศ. 2560",
            "approver = \"inchai\"\npublish = 2026-01-10\nstandard = [\"law\", \"no-such-id\"]",
            "ข้อความ",
        ),
    );
    site.write(
        "content/news/skr1-2569-01.md",
        &item(
            "สรุปผลการจัดซื้อจัดจ้าง มกราคม 2569",
            "approver = \"inchai\"\npublish = 2026-02-10\nexpires = 2026-03-01\nstandard = [\"skr1\"]",
            "สรุปผล",
        ),
    );
    let text = |args: &[&str]| {
        let output = run(&site, args);
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        redact(&site, &String::from_utf8_lossy(&output.stdout))
    };
    let round = ["--from", "2026-01-01", "--to", "2026-05-31"];
    insta::assert_snapshot!(
        "report_markdown",
        text(&[&["report"][..], &round[..]].concat())
    );
    insta::assert_snapshot!(
        "report_csv",
        text(&[&["report", "--format", "csv"][..], &round[..]].concat()).replace("\r\n", "⏎\n")
    );
    insta::assert_snapshot!("compliance_table", text(&["compliance"]));
    insta::assert_snapshot!(
        "compliance_markdown",
        text(&["compliance", "--format", "md"])
    );
}
