//! The report's figures from decisions made on small sites.

use super::present::duration_th;
use super::*;
use crate::dates::parse_now;
use crate::source::{Approval, Blob, Notice, Snapshot, SourceFile};
use std::sync::Arc;

const TZ: Tz = chrono_tz::Asia::Bangkok;

fn cutoffs() -> Vec<String> {
    vec!["02-28".into(), "07-31".into()]
}

#[test]
fn default_round_is_the_last_one_that_ended() {
    let now = parse_now("2026-11-26T12:00:00+07:00").unwrap();
    let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
    assert_eq!(round.from.to_rfc3339(), "2026-03-01T00:00:00+07:00");
    assert_eq!(round.to.to_rfc3339(), "2026-08-01T00:00:00+07:00");
    assert!(
        round.label_th.starts_with("รอบที่ 2 ปีงบประมาณ 2569"),
        "{}",
        round.label_th
    );

    // In March 2028 (a leap year) round 1 of FY 2571 ran 1 Aug 2027 – 29 Feb 2028.
    let now = parse_now("2028-03-01T00:00:00+07:00").unwrap();
    let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
    assert_eq!(round.from.to_rfc3339(), "2027-08-01T00:00:00+07:00");
    assert_eq!(round.to.to_rfc3339(), "2028-03-01T00:00:00+07:00");
    assert!(
        round.label_th.starts_with("รอบที่ 1 ปีงบประมาณ 2571"),
        "{}",
        round.label_th
    );

    // The last day of a round is still inside it.
    let now = parse_now("2028-02-29T23:00:00+07:00").unwrap();
    let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
    assert_eq!(round.to.to_rfc3339(), "2027-08-01T00:00:00+07:00");
}

#[test]
fn days_are_common_era_and_in_order() {
    assert!(parse_day("2569-07-31").unwrap_err().contains("2026"));
    assert!(parse_day("31/07/2026").is_err());
    let (a, b) = (
        parse_day("2026-07-31").unwrap(),
        parse_day("2026-03-01").unwrap(),
    );
    assert!(Round::between(a, b, TZ).is_err());
    let round = Round::between(b, a, TZ).unwrap();
    assert_eq!(round.to.to_rfc3339(), "2026-08-01T00:00:00+07:00");
    assert_eq!(round.label_th, "1 มีนาคม 2569 – 31 กรกฎาคม 2569");
}

/// A site whose files carry git approvals, as the git source fills them.
fn loaded_with_approvals(files: &[(&str, &str, Option<Approval>)]) -> Inputs {
    let site = crate::config::SiteConfig::parse(
        "title = \"t\"\nbase_url = \"https://o.example/\"\n[[section]]\nid = \"news\"\ntitle = \"ข่าว\"\n",
    )
    .unwrap();
    let registry = crate::registry::Registry::parse(
        "verify_git = true\n[[person]]\nid = \"inchai\"\nname = \"อินชัย\"\nroles = [\"approver\"]\n",
    )
    .unwrap();
    let mut snapshot = Snapshot {
        trust: Trust::Git,
        ..Snapshot::default()
    };
    for (slug, publish, approval) in files {
        let text = format!(
            "+++\ntitle = \"{slug}\"\napprover = \"inchai\"\npublish = {publish}\nexpires = 2027-01-01\n+++\n"
        );
        snapshot.files.insert(
            format!("content/news/{slug}.md"),
            SourceFile {
                blob: Blob::Bytes(Arc::from(text.as_bytes())),
                approval: approval.clone(),
            },
        );
    }
    let settings = crate::settings::Settings {
        site,
        registry,
        checklist: Ok(Checklist::builtin()),
    };
    let parsed = crate::parse::parse(&snapshot, &settings);
    Inputs {
        snapshot,
        settings,
        parsed,
    }
}

fn approval(proposed: &str, approved: &str) -> Approval {
    Approval {
        commit: format!("merge-{approved}"),
        approver: "inchai".into(),
        approved_at: parse_now(approved).unwrap(),
        proposed_at: Some(parse_now(proposed).unwrap()),
        later_unapproved: Vec::new(),
        signature: Default::default(),
    }
}

#[test]
fn latency_updates_and_unapproved_changes_from_git_approvals() {
    let mut pending = approval("2026-05-20T08:00:00+07:00", "2026-05-20T08:45:00+07:00");
    pending.later_unapproved.push(Notice {
        path: Some("content/news/e.md".into()),
        commit: Some("abc".into()),
        at: None,
        kind: crate::source::NoticeKind::Ignored,
        message: "changed by wasana, not approved".into(),
    });
    let loaded = loaded_with_approvals(&[
        (
            "a",
            "2026-05-01",
            Some(approval(
                "2026-04-30T09:00:00+07:00",
                "2026-04-30T09:30:00+07:00",
            )),
        ),
        (
            "b",
            "2026-05-02",
            Some(approval(
                "2026-05-01T08:00:00+07:00",
                "2026-05-01T11:00:00+07:00",
            )),
        ),
        (
            "c",
            "2026-04-01",
            Some(approval(
                "2026-05-10T09:00:00+07:00",
                "2026-05-10T10:00:00+07:00",
            )),
        ),
        (
            "d",
            "2026-05-03",
            Some(approval(
                "2026-05-03T07:00:00+07:00",
                "2026-05-03T07:10:00+07:00",
            )),
        ),
        ("e", "2026-05-21", Some(pending)),
        ("f", "2026-05-04", None),
    ]);
    let checklist = Checklist::parse("").unwrap();
    let first = parse_day("2026-05-01").unwrap();
    let last = parse_day("2026-05-31").unwrap();
    let m = monitor(
        &loaded,
        &loaded.decide(parse_now("2026-06-15T12:00:00+07:00").unwrap()),
        &checklist,
        Round::between(first, last, TZ).unwrap(),
        TZ,
    );
    // a was approved in April: outside. b 3 h (late), c 1 h, d 10 min, e 45 min.
    let got: Vec<(String, i64, bool)> = m
        .latency
        .items
        .iter()
        .map(|l| (l.path.clone(), l.minutes, l.late))
        .collect();
    assert_eq!(
        got,
        [
            ("content/news/b.md".to_string(), 180, true),
            ("content/news/d.md".to_string(), 10, false),
            ("content/news/c.md".to_string(), 60, false),
            ("content/news/e.md".to_string(), 45, false),
        ]
    );
    assert_eq!(m.latency.median_minutes, Some(52.5));
    assert_eq!(m.latency.late, 1);
    let updated: Vec<&str> = m.updated.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        updated,
        ["content/news/c.md"],
        "approved long after it went out"
    );
    let published: Vec<&str> = m.published.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        published,
        [
            "content/news/a.md",
            "content/news/b.md",
            "content/news/d.md",
            "content/news/e.md"
        ]
    );
    let unapproved: Vec<&str> = m.unapproved.iter().map(|u| u.path.as_str()).collect();
    assert_eq!(unapproved, ["content/news/e.md", "content/news/f.md"]);
    assert!(
        m.limits
            .iter()
            .any(|l| l.contains("newest approved version"))
    );
}

#[test]
fn median_and_late_against_the_limit() {
    let at = parse_now("2026-05-01T10:00:00+07:00").unwrap();
    let latency = |minutes: i64| Latency {
        path: format!("content/news/{minutes}.md"),
        url: String::new(),
        title: String::new(),
        commit: "c".into(),
        approver: "inchai".into(),
        proposed_at: at - Duration::minutes(minutes),
        approved_at: at,
        minutes,
        late: minutes > 120,
    };
    let s = summarise(
        vec![latency(30), latency(60), latency(180), latency(600)],
        2.0,
    );
    assert_eq!(s.median_minutes, Some(120.0));
    assert_eq!(s.late, 2);
    assert_eq!(summarise(vec![latency(45)], 2.0).median_minutes, Some(45.0));
    assert_eq!(summarise(Vec::new(), 2.0).median_minutes, None);
    assert_eq!(duration_th(90.0), "1 ชม. 30 นาที");
}
