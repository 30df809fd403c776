//! What the command line says when it stops: the catalogue's message, Thai problem
//! and fix first with English beside, naming the user's own path or value as given.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;

use crate::common::{Fixture, INCHAI, item, run_khaosan};

const NOW: &str = "2026-11-26T12:00:00+07:00";

fn khaosan(dir: &Path, args: &[&str]) -> Output {
    run_khaosan(dir, args)
}

/// `khaosan build` of the site at `root` into `out`, run from `dir`.
fn build_into(dir: &Path, root: &Path, out: &Path) -> Output {
    let (root, out) = (root.to_str().unwrap(), out.to_str().unwrap());
    khaosan(dir, &["build", "--root", root, "--now", NOW, "--out", out])
}

/// The error line of a failed run.
fn failure(output: &Output) -> String {
    assert!(!output.status.success(), "the command should fail");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.starts_with("ผิดพลาด (error): "), "{stderr}");
    stderr
}

/// `first` comes before `then` in `text`, both present.
fn before(text: &str, first: &str, then: &str) {
    let a = text
        .find(first)
        .unwrap_or_else(|| panic!("no `{first}` in {text}"));
    let b = text
        .find(then)
        .unwrap_or_else(|| panic!("no `{then}` in {text}"));
    assert!(a < b, "`{first}` should come before `{then}` in {text}");
}

fn site() -> Fixture {
    Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item(
            "ประกาศทดสอบ",
            "approver = \"inchai\"\npublish = 2026-11-21\nexpires = 2026-12-31",
            "เนื้อหา",
        )
    ))
}

#[test]
fn build_into_a_path_under_a_file_names_the_folder_and_the_fix() {
    // A file where a folder must be fails for every user, root included.
    let site = site();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("เอกสาร.txt"), "x").unwrap();
    let out = outside.path().join("เอกสาร.txt/เว็บ/public");
    let output = build_into(outside.path(), &site.root(), &out);
    let said = failure(&output);
    let folder = outside.path().join("เอกสาร.txt/เว็บ");
    let folder = folder.display().to_string();
    before(
        &said,
        &format!("สร้างโฟลเดอร์ {folder} ไม่ได้"),
        &format!("cannot create {folder}"),
    );
    before(
        &said,
        "ส่วนหนึ่งของที่อยู่นี้เป็นไฟล์ ไม่ใช่โฟลเดอร์",
        "part of the path is a file",
    );
    before(&said, "ตรวจที่อยู่", "check the path");
    assert!(!said.contains("\\u{"), "{said}");
    assert!(!out.exists());
}

#[test]
fn build_into_a_folder_it_may_not_write_says_so_in_thai() {
    let site = site();
    let outside = tempfile::tempdir().unwrap();
    let locked = outside.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(locked.join("probe"), "x").is_ok() {
        // Run as root, permissions are not enforced: the path-under-a-file test
        // above covers the failure for every user.
        return;
    }
    let out = locked.join("public");
    let output = build_into(outside.path(), &site.root(), &out);
    let said = failure(&output);
    before(&said, "ไม่มีสิทธิ์เข้าถึงไฟล์หรือโฟลเดอร์นี้", "permission denied");
    before(&said, "ตรวจสิทธิ์ของโฟลเดอร์", "check the folder's permissions");
    assert!(said.contains(&locked.display().to_string()), "{said}");
}

#[test]
fn init_into_a_folder_that_is_not_empty_says_the_fix_first_in_thai() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("เว็บเดิม")).unwrap();
    std::fs::write(dir.path().join("เว็บเดิม/notes.txt"), "x").unwrap();
    let said = failure(&khaosan(dir.path(), &["init", "เว็บเดิม", "--no-git"]));
    before(&said, "เว็บเดิม ไม่ว่าง", "เว็บเดิม is not empty");
    before(&said, "ระบุโฟลเดอร์ใหม่", "name a new folder");
}

#[test]
fn init_with_one_id_for_two_people_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let said = failure(&khaosan(
        dir.path(),
        &[
            "init",
            "new-site",
            "--no-git",
            "--tool-ref",
            "0123456789abcdef0123456789abcdef01234567",
            "--director-id",
            "somchai",
            "--webmaster-id",
            "somchai",
        ],
    ));
    before(&said, "เป็นรหัสเดียวกัน (`somchai`)", "they must differ");
    before(&said, "ตั้งรหัสให้ต่างกัน", "give two ids");
    assert!(!dir.path().join("new-site").exists());
}

#[test]
fn a_template_that_does_not_compile_is_named_with_teras_reason() {
    let site = site();
    site.write("templates/item.html", "<h1>{{ page.title </h1>\n");
    let out = site.out();
    let said = failure(&khaosan(
        site.root().as_path(),
        &["build", "--now", NOW, "--out", out.to_str().unwrap()],
    ));
    before(
        &said,
        "แม่แบบ templates/item.html แปลไม่ได้ (the template templates/item.html does not compile)",
        "Failed to parse",
    );
    // Tera's own words: the template and the line.
    assert!(said.contains("Failed to parse 'item.html'"), "{said}");
    assert!(said.contains("1:"), "{said}");
    before(&said, "แก้แม่แบบ (ในธีม", "fix the template (the theme's");
    assert!(!out.exists());
}

#[test]
fn an_html_report_needs_a_file_to_go_to() {
    let site = site();
    let said = failure(&khaosan(
        site.root().as_path(),
        &[
            "report",
            "--now",
            NOW,
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--format",
            "html",
        ],
    ));
    before(
        &said,
        "--format html เขียนไฟล์สำหรับพิมพ์",
        "--format html writes a printable file",
    );
    before(
        &said,
        "เพิ่ม --output report.html",
        "add --output report.html",
    );
}

#[test]
fn a_clone_missing_an_object_says_so_and_how_to_repair_it() {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\nverify_git = true\n{}",
        crate::common::APPROVERS_TOML
    ));
    let when = "2026-05-01T09:00:00+07:00";
    site.git(&INCHAI, when, &["init", "-q", "-b", "main"]);
    site.git(&INCHAI, when, &["add", "-A"]);
    site.git(&INCHAI, when, &["commit", "-q", "-m", "Start the site"]);
    let id = site.git(
        &INCHAI,
        when,
        &["rev-parse", "HEAD:approvals/approvers.toml"],
    );
    let id = id.trim();
    std::fs::remove_file(
        site.root()
            .join(format!(".git/objects/{}/{}", &id[..2], &id[2..])),
    )
    .unwrap();
    let out = site.out();
    let said = failure(&khaosan(
        site.root().as_path(),
        &["build", "--now", NOW, "--out", out.to_str().unwrap()],
    ));
    before(
        &said,
        &format!("ที่เก็บ git ขาดวัตถุ blob {id}"),
        &format!("the git repository is missing blob {id}"),
    );
    before(
        &said,
        "โคลนใหม่พร้อมประวัติทั้งหมด",
        "clone again with full history",
    );
    assert!(!out.exists());
}

#[test]
fn a_log_that_does_not_exist_is_named_as_written() {
    let site = site();
    let said = failure(&khaosan(site.root().as_path(), &["stats", "logs/ไม่มี.log"]));
    before(&said, "อ่าน logs/ไม่มี.log ไม่ได้", "cannot read logs/ไม่มี.log");
    before(&said, "ไม่มีไฟล์หรือโฟลเดอร์นี้", "no such file or folder");
    before(&said, "ตรวจชื่อและที่อยู่", "check the name and the path");
}
