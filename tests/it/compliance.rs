//! `khaosan compliance`, `khaosan report` and the public evidence pages, on sites
//! made in temporary folders.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use crate::common::{Fixture, item, khaosan_bin};
use khaosan::checklist::Checklist;
use khaosan::compliance::{self, Gap, State};
use khaosan::dates::parse_now;
use khaosan::inputs::Inputs;
use khaosan::monitoring::{Round, monitor};

/// A checklist of five requirements, one of each kind the evaluation knows.
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
name_th = "กฎหมายที่เกี่ยวข้อง"
recurrence = "static"

[[item]]
id = "history"
group = "general"
name_th = "ประวัติ"
recurrence = "static"

[[item]]
id = "skr1"
group = "general"
name_th = "สรุปผลการจัดซื้อจัดจ้างรายเดือน"
recurrence = "monthly"

[[item]]
id = "survey"
group = "general"
name_th = "แบบสำรวจความพึงพอใจ"
recurrence = "static"

[[item]]
id = "feat-search"
group = "general"
name_th = "ระบบค้นหา"
recurrence = "static"
provided_by = "site"
"#;

const NOW: &str = "2026-02-15T12:00:00+07:00";

/// Laws (one fresh, one past its review date), monthly summaries for October and
/// December 2568 but not November, a scheduled history page and an unapproved survey.
fn office() -> Fixture {
    let approved = "approver = \"inchai\"";
    Fixture::new(&format!(
        "-- checklist.toml --\n{CHECKLIST}\
         -- content/laws/a.md --\n{}\n\
         -- content/laws/b.md --\n{}\n\
         -- content/news/skr1-oct.md --\n{}\n\
         -- content/news/skr1-dec.md --\n{}\n\
         -- content/news/history.md --\n{}\n\
         -- content/news/survey.md --\n{}\n\
         -- content/news/old.md --\n{}\n\
         -- content/news/february-unapproved.md --\n{}\n",
        item(
            "พ.ร.บ. ก",
            &format!("{approved}\npublish = 2025-10-01\nreview = 2027-01-01\nstandard = [\"law\"]"),
            "ก"
        ),
        item(
            "พ.ร.บ. ข",
            &format!("{approved}\npublish = 2025-10-01\nreview = 2026-01-01\nstandard = [\"law\"]"),
            "ข"
        ),
        item(
            "สขร.1 ตุลาคม 2568",
            &format!(
                "{approved}\npublish = 2025-11-10\nexpires = 2027-01-01\nstandard = [\"skr1\"]"
            ),
            "ต.ค."
        ),
        item(
            "สขร.1 ธันวาคม 2568",
            &format!(
                "{approved}\npublish = 2026-01-09\nexpires = 2027-01-01\nstandard = [\"skr1\"]"
            ),
            "ธ.ค."
        ),
        item(
            "CANARY-SCHEDULED",
            &format!(
                "{approved}\npublish = 2026-03-01\nexpires = 2027-01-01\nstandard = [\"history\"]"
            ),
            "CANARY-SCHEDULED"
        ),
        item(
            "CANARY-UNAPPROVED",
            "approver = \"wasana\"\npublish = 2025-12-01\nexpires = 2027-01-01\nstandard = [\"survey\"]",
            "CANARY-UNAPPROVED"
        ),
        item(
            "ข่าวเก่า",
            &format!("{approved}\npublish = 2025-09-01\nexpires = 2026-01-20"),
            "เก่า"
        ),
        // Unapproved, but asked to go out after the reported round: not in its report.
        item(
            "ประกาศเดือนกุมภาพันธ์",
            "approver = \"wasana\"\npublish = 2026-02-10\nexpires = 2027-01-01",
            ""
        ),
    ))
}

fn evaluate(site: &Fixture, now: &str) -> compliance::Compliance {
    let now = parse_now(now).unwrap();
    let loaded = Inputs::load(&site.root(), &Default::default()).unwrap();
    let decisions = loaded.decide(now);
    let checklist = Checklist::from_snapshot(&loaded.snapshot).unwrap();
    let tz = loaded.settings.site.tz;
    compliance::evaluate(&checklist, &compliance::live_instances(&decisions), now, tz)
}

fn state<'a>(c: &'a compliance::Compliance, id: &str) -> &'a compliance::ItemStatus {
    c.items.iter().find(|i| i.id == id).unwrap()
}

#[test]
fn each_compliance_state_on_a_fixture_site() {
    let site = office();
    let c = evaluate(&site, NOW);
    assert_eq!(
        c.items.len(),
        5,
        "the site's own checklist.toml is the one read"
    );

    let law = state(&c, "law");
    assert_eq!(law.state, State::Stale);
    assert_eq!(law.providers.len(), 2);
    assert!(matches!(&law.gaps[..], [Gap::Stale { url, .. }] if url == "/laws/b/"));

    let skr1 = state(&c, "skr1");
    assert_eq!(skr1.state, State::PeriodMissing);
    assert_eq!(
        skr1.newest.unwrap().to_rfc3339(),
        "2026-01-09T00:00:00+07:00"
    );
    let missing: Vec<&str> = skr1
        .gaps
        .iter()
        .filter_map(|g| match g {
            Gap::PeriodMissing { label_th, .. } => Some(label_th.as_str()),
            _ => None,
        })
        .collect();
    assert!(missing.contains(&"พฤศจิกายน 2568"), "{missing:?}");
    assert!(
        !missing.contains(&"ตุลาคม 2568") && !missing.contains(&"ธันวาคม 2568"),
        "{missing:?}"
    );

    // Withheld items provide nothing: one is scheduled, the other not approved.
    assert_eq!(state(&c, "history").state, State::Missing);
    assert_eq!(state(&c, "survey").state, State::Missing);
    assert_eq!(state(&c, "feat-search").state, State::NotByContent);

    // Once the history page goes live it provides its item.
    let later = evaluate(&site, "2026-03-02T00:00:00+07:00");
    assert_eq!(state(&later, "history").state, State::Provided);
    assert_eq!(state(&later, "history").providers[0].url, "/news/history/");
}

#[test]
fn evidence_pages_list_only_live_items() {
    let site = office();
    site.build(NOW);
    let index = site.output("standards/index.html").unwrap();
    assert!(index.contains("/laws/a/"), "{index}");
    // Each evidence page links its own publication record.
    let evidence = site.output("laws/a/index.html").unwrap();
    assert!(evidence.contains("/records/laws/a/"), "{evidence}");
    assert!(index.contains("/news/skr1-dec/"));
    assert!(
        index.contains("ยังไม่มีข้อมูลเผยแพร่"),
        "missing items are shown as such"
    );
    assert!(!index.contains("/news/history/") && !index.contains("/news/survey/"));
    assert!(
        site.output("en/standards/index.html")
            .unwrap()
            .contains("/laws/a/")
    );

    let record = site.output("records/news/skr1-oct/index.html").unwrap();
    assert!(record.contains("แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์"));
    assert!(record.contains("สขร.1 ตุลาคม 2568"));
    assert!(
        record.contains("นางสาววาสนา ป็อกบุญเรือง"),
        "the proposer is the author"
    );
    assert!(
        record.contains("นายอินชัย อุ่นน้อย"),
        "the approver from front matter"
    );
    assert!(
        record.contains("10 พฤศจิกายน 2568"),
        "publication period in B.E."
    );
    assert!(
        record.contains("ไม่ได้บันทึก: บันทึกนี้มาจากข้อมูลส่วนหัวของรายการ"),
        "no proposal date without git, none invented: the record says it comes from front matter"
    );
    assert!(record.contains("https://office.example/news/skr1-oct/"));
    assert!(
        site.output("records/laws/a/index.html")
            .unwrap()
            .contains("ไม่มีกำหนด")
    );

    for withheld in ["history", "survey", "old"] {
        assert!(
            site.output(&format!("records/news/{withheld}/index.html"))
                .is_none()
        );
    }
    site.assert_nowhere("CANARY-SCHEDULED");
    site.assert_nowhere("CANARY-UNAPPROVED");
}

#[test]
fn report_counts_a_period_and_says_what_it_cannot_see() {
    let site = office();
    let now = parse_now(NOW).unwrap();
    let loaded = Inputs::load(&site.root(), &Default::default()).unwrap();
    let decisions = loaded.decide(now);
    let checklist = Checklist::from_snapshot(&loaded.snapshot).unwrap();
    let tz = loaded.settings.site.tz;
    let from = khaosan::monitoring::parse_day("2025-11-01").unwrap();
    let to = khaosan::monitoring::parse_day("2026-01-31").unwrap();
    let report = monitor(
        &loaded,
        &decisions,
        &checklist,
        Round::between(from, to, tz).unwrap(),
        tz,
    );

    let titles = |events: &[khaosan::monitoring::Event]| -> Vec<String> {
        events.iter().map(|e| e.title.clone()).collect()
    };
    assert_eq!(
        titles(&report.published),
        ["สขร.1 ตุลาคม 2568", "สขร.1 ธันวาคม 2568"]
    );
    assert_eq!(titles(&report.taken_down), ["ข่าวเก่า"]);
    assert!(report.updated.is_empty());
    assert_eq!(report.latency.measured, 0, "no latency without git");
    let news = report
        .sections
        .iter()
        .find(|s| s.section == "news")
        .unwrap();
    assert_eq!((news.published, news.taken_down), (2, 1));
    assert_eq!(report.unapproved.len(), 1);
    assert_eq!(report.unapproved[0].path, "content/news/survey.md");
    assert!(report.limits.iter().any(|l| l.contains("need git")));
    // Gaps at 1 February 2569: the law was stale by then, the survey still missing.
    assert_eq!(report.gaps_at.to_rfc3339(), "2026-02-01T00:00:00+07:00");
    let gap_ids: Vec<&str> = report.gaps.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(gap_ids, ["law", "history", "skr1", "survey"]);

    let documents = khaosan::documents::Documents::load(
        &loaded.snapshot,
        &loaded.settings.site.theme,
        tz,
        khaosan::monitoring::TEMPLATES,
    )
    .unwrap();
    let html = report.html(&documents).unwrap();
    assert!(
        html.contains("1 พฤศจิกายน 2568 – 31 มกราคม 2569"),
        "B.E. dates"
    );
    assert!(html.contains("size: A4"));
    let csv = report.csv().unwrap();
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("published,")).count(),
        2
    );
    assert!(
        report
            .markdown(&documents)
            .unwrap()
            .contains("สรุปสำหรับผู้บริหาร")
    );
}

#[test]
fn commands_run_from_the_command_line() {
    let site = office();
    let run = |args: &[&str]| {
        let out = Command::new(khaosan_bin())
            .args(args)
            .args(["--root"])
            .arg(site.root())
            .args(["--now", NOW])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value =
        serde_json::from_str(&run(&["compliance", "--format", "json"])).unwrap();
    let states: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["state"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        [
            "stale",
            "missing",
            "period-missing",
            "missing",
            "not-by-content"
        ]
    );
    let table = run(&["compliance"]);
    assert!(table.contains("พฤศจิกายน 2568"), "{table}");

    // Default period: the round that ended on 31 July 2568 (1 Mar – 31 Jul 2025).
    let md = run(&["report"]);
    assert!(md.contains("รอบที่ 2 ปีงบประมาณ 2568"), "{md}");
    let csv = run(&[
        "report",
        "--from",
        "2025-11-01",
        "--to",
        "2026-01-31",
        "--format",
        "csv",
    ]);
    // Excel reads Thai only after a byte-order mark; lines end with CRLF.
    assert!(csv.starts_with("\u{feff}event,date,section,path,url,title,detail\r\n"));

    let html = site.dir.path().join("report.html");
    run(&[
        "report",
        "--format",
        "html",
        "--output",
        html.to_str().unwrap(),
    ]);
    assert!(
        std::fs::read_to_string(html)
            .unwrap()
            .contains("<html lang=\"th\">")
    );

    // The site's own template replaces the built-in one, with the same filters.
    site.write(
        "templates/documents/compliance.txt",
        "ณ {{ now | thai_date }}: {% for c in counts %}{{ c.n }} {% endfor %}\n",
    );
    let table = run(&["compliance"]);
    assert!(table.starts_with("ณ 15 กุมภาพันธ์ 2569: "), "{table}");
}
