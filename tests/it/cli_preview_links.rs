//! `khaosan preview` (the pull-request preview folder) and the dead links `check`
//! always fails on: missing attachments, and missing pages linked from introductions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{Fixture, item, khaosan_bin};

const NOW: &str = "2026-11-26T10:00:00+07:00";

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(khaosan_bin())
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

const LIVE: &str = "approver = \"inchai\"\npublish = 2026-11-01\nexpires = 2027-01-01";

#[test]
fn a_link_to_a_misspelt_attachment_fails_the_check() {
    let site = Fixture::new(&format!(
        "-- content/news/a/index.md --\n{}",
        item("ประกาศ", LIVE, "[ดาวน์โหลด](prakaat.pdf)")
    ));
    site.write_bytes("content/news/a/prakat.pdf", b"%PDF-1.4");
    let output = run(&site.root(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let out = text(&output);
    assert!(out.contains("ลิงก์ไปยังไฟล์แนบที่ไม่มี"), "{out}");
    assert!(out.contains("did you mean prakat.pdf"), "{out}");

    site.write(
        "content/news/a/index.md",
        &item("ประกาศ", LIVE, "[ดาวน์โหลด](prakat.pdf)"),
    );
    let output = run(&site.root(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
}

#[test]
fn intros_may_not_link_to_missing_pages() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/_index.md --\n+++\n+++\n\nดู [ข่าว](/news/a/) และ [แนวทาง](/laws/guideline-2564/)\n",
        item("ข่าว", LIVE, "x")
    ));
    let output = run(&site.root(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let out = text(&output);
    assert!(out.contains("content/_index.md"), "{out}");
    assert!(out.contains("/laws/guideline-2564/"), "{out}");
    assert!(!out.contains("/news/a/ matches no item"), "{out}");
}

#[test]
fn the_preview_folder_has_withheld_items_under_a_banner_and_never_is_public() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/b.md --\n{}",
        item("ข่าว", LIVE, "เผยแพร่แล้ว"),
        item(
            "รออนุมัติ",
            "publish = 2026-11-01\nexpires = 2027-01-01",
            "ยังไม่อนุมัติ"
        ),
    ));
    let out = site.dir.path().join("preview");
    let output = run(&site.root(), &["preview", "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    let page = std::fs::read_to_string(out.join("news/b/index.html")).unwrap();
    assert!(page.contains("ยังไม่ได้รับอนุมัติ"), "{page}");
    assert!(page.contains("noindex"));
    let live = std::fs::read_to_string(out.join("news/a/index.html")).unwrap();
    assert!(live.contains("noindex") && !live.contains("khaosan-preview-banner"));
    // Written again over an earlier preview: fine. Into public/: refused.
    assert_eq!(
        run(&site.root(), &["preview", "--out", out.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let public = site.root().join("public");
    let output = run(
        &site.root(),
        &["preview", "--out", public.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(!public.exists());
    // The public build still withholds b.
    site.build(NOW);
    assert!(site.output("news/b/index.html").is_none());
}
