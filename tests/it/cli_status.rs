//! `khaosan status` run as a program on a site made in a temporary folder.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

use crate::common::{Fixture, item, khaosan_bin};

const NOW: &str = "2026-06-01T12:00:00+07:00";

/// One item in each state `status` can show without git history.
fn site() -> Fixture {
    let front = |f: &str| format!("approver = \"inchai\"\n{f}");
    Fixture::new(&format!(
        "-- content/news/live.md --\n{}\n-- content/news/soon.md --\n{}\n-- content/news/later.md --\n{}\n-- content/news/old.md --\n{}\n-- content/news/bad.md --\n{}\n-- content/laws/act.md --\n{}",
        // A title with a comma and quotes, for the CSV.
        "+++\ntitle = 'ข่าว, \"ปกติ\"'\napprover = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31\n+++\nx\n",
        item(
            "ใกล้หมด",
            &front("publish = 2026-05-01\nexpires = 2026-06-10"),
            "x"
        ),
        item(
            "รอเผยแพร่",
            &front("publish = 2026-06-03T08:30:00+07:00\nexpires = 2026-12-31"),
            "x"
        ),
        item(
            "หมดแล้ว",
            &front("publish = 2026-01-01\nexpires = 2026-05-01"),
            "x"
        ),
        item(
            "ผิด",
            "approver = \"somsak\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "x"
        ),
        item(
            "กฎหมาย",
            &front("publish = 2026-01-01\nreview = 2026-05-01"),
            "x"
        ),
    ))
}

fn status(site: &Fixture, args: &[&str]) -> Output {
    let output = Command::new(khaosan_bin())
        .arg("status")
        .arg("--root")
        .arg(site.root())
        .args(["--now", NOW])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn text(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn json_gives_every_item_its_state_and_the_next_change() {
    let site = site();
    let json: serde_json::Value =
        serde_json::from_slice(&status(&site, &["--format", "json"]).stdout).unwrap();
    let states: Vec<(&str, &str)> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["path"].as_str().unwrap(), i["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("content/news/bad.md", "withheld"),
            ("content/news/soon.md", "expiring"),
            ("content/news/later.md", "scheduled"),
            ("content/laws/act.md", "live"),
            ("content/news/live.md", "live"),
            ("content/news/old.md", "expired"),
        ]
    );
    let bad = &json["items"][0];
    assert_eq!(bad["reason"], "unknown-approver");
    assert!(bad["detail"].as_str().unwrap().contains("somsak"));
    assert_eq!(json["items"][2]["publish"], "2026-06-03T08:30:00+07:00");
    assert_eq!(json["items"][3]["review_due"], "2026-05-01T00:00:00+07:00");
    assert_eq!(json["next_change"], "2026-06-03T08:30:00+07:00");
    assert_eq!(json["within_days"], 14);
    assert_eq!(json["trust"], "front-matter");
}

#[test]
fn within_sets_the_expiring_window() {
    let site = site();
    let json: serde_json::Value =
        serde_json::from_slice(&status(&site, &["--format", "json", "--within", "5"]).stdout)
            .unwrap();
    let soon = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "content/news/soon.md")
        .unwrap();
    assert_eq!(soon["state"], "live", "expires in 9 days, outside 5");
}

#[test]
fn table_has_thai_and_english_headers_states_and_the_next_change() {
    let out = text(&status(&site(), &[]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("สถานะเว็บไซต์ ณ (site status at) 2026-06-01 12:00 (Asia/Bangkok)"),
        "{out}"
    );
    assert_eq!(
        lines[2]
            .split("  ")
            .filter(|c| !c.is_empty())
            .map(str::trim)
            .collect::<Vec<_>>(),
        [
            "สถานะ (state)",
            "ตั้งแต่ (publish)",
            "ถึง (expires)",
            "ที่อยู่ (URL)",
            "เรื่อง (title)"
        ]
    );
    assert!(
        out.contains("withheld       2026-05-01 00:00  2026-12-31 00:00  /news/bad/    ผิด\n    └ ไม่พบผู้อนุมัติในทะเบียน (unknown approver)"),
        "{out}"
    );
    assert!(
        out.contains("scheduled      2026-06-03 08:30  2026-12-31 00:00  /news/later/  รอเผยแพร่\n    └ เผยแพร่เมื่อ (goes live) 2026-06-03 08:30 (อีก 1 วัน (in 1 day))"),
        "{out}"
    );
    assert!(
        out.contains("live           2026-01-01 00:00  -                 /laws/act/    กฎหมาย\n"),
        "{out}"
    );
    assert!(
        out.contains("ถึงกำหนดทบทวนเนื้อหา (review due) since 2026-05-01 00:00"),
        "{out}"
    );
    assert!(
        out.contains("รวม (total) 6: แก้ไขแล้วรออนุมัติ (changed, not yet approved) 0 · ระงับ (withheld) 1 · ใกล้หมดอายุ (expiring) 1 · ตั้งเวลาไว้ (scheduled) 1 · เผยแพร่ (live) 2 · หมดอายุ (expired) 1"),
        "{out}"
    );
    assert!(
        out.contains("เปลี่ยนครั้งถัดไป (next change): 2026-06-03 08:30\n"),
        "{out}"
    );
}

#[test]
fn csv_has_a_header_and_quotes_fields() {
    let out = text(&status(&site(), &["--format", "csv"]));
    let out = out
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "path,url,title,state,publish,expires,approver,reason,detail"
    );
    assert_eq!(
        lines.len(),
        8,
        "header, six items, and the empty end: {lines:?}"
    );
    assert!(
        out.contains("content/news/live.md,/news/live/,\"ข่าว, \"\"ปกติ\"\"\",live,2026-05-01T00:00:00+07:00,2026-12-31T00:00:00+07:00,inchai,,\r\n"),
        "{out}"
    );
}

#[test]
fn an_unknown_format_is_refused_by_name() {
    let site = site();
    let output = Command::new(khaosan_bin())
        .args(["status", "--format", "xml", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("[possible values: table, json, csv]"), "{err}");
}
