//! `khaosan serve` run as a program: pages from memory, a rebuild on every save and
//! the reload signal, withheld items only under `--preview` and with their banner.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{Fixture, item, khaosan_bin};

const NOW: &str = "2026-11-26T10:00:00+07:00";

fn site() -> Fixture {
    Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/b.md --\n{}",
        item(
            "ข่าวหนึ่ง",
            "approver = \"inchai\"\npublish = 2026-11-01\nexpires = 2027-01-01",
            "ข้อความเดิม"
        ),
        item(
            "ข่าวล่วงหน้า",
            "approver = \"inchai\"\npublish = 2026-12-01T08:30:00+07:00\nexpires = 2027-01-01",
            "ข้อความล่วงหน้า"
        ),
    ))
}

/// The server process, stopped when the test ends however it ends.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Fixture, extra: &[&str]) -> Server {
    let mut child = Command::new(khaosan_bin())
        .arg("serve")
        .arg("--root")
        .arg(site.root())
        .args(["--port", "0", "--now", NOW])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    assert!(addr.starts_with("127.0.0.1:"), "bound to {line:?}");
    Server { child, addr }
}

/// A plain HTTP/1.0 GET: status and body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n",
        server.addr
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn serves_from_memory_and_rebuilds_on_save() {
    let site = site();
    let server = serve(&site, &[]);
    let (status, page) = get(&server, "/news/a/");
    assert_eq!(status, 200);
    assert!(page.contains("ข้อความเดิม"), "{page}");
    assert!(
        page.contains("/__khaosan/reload"),
        "the reload script is served"
    );
    // Not live at NOW, and no --preview: absent.
    assert_eq!(get(&server, "/news/b/").0, 404);
    let (_, first) = get(&server, "/__khaosan/reload");

    site.write(
        "content/news/a.md",
        &item(
            "ข่าวหนึ่ง",
            "approver = \"inchai\"\npublish = 2026-11-01\nexpires = 2027-01-01",
            "ข้อความใหม่",
        ),
    );
    // Wait (bounded) for the reload signal: the build number changes.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut now = first.clone();
    while now == first && Instant::now() < deadline {
        now = get(&server, "/__khaosan/reload").1;
    }
    assert_ne!(now, first, "no reload signal after the edit");
    let (_, page) = get(&server, "/news/a/");
    assert!(page.contains("ข้อความใหม่"), "{page}");
    assert!(!page.contains("ข้อความเดิม"));
    assert!(
        !site.root().join("public").exists(),
        "serve never writes public/"
    );
}

#[test]
fn preview_shows_withheld_items_under_a_banner() {
    let site = site();
    let server = serve(&site, &["--preview"]);
    let (status, page) = get(&server, "/news/b/");
    assert_eq!(status, 200);
    assert!(page.contains("ข้อความล่วงหน้า"));
    assert!(page.contains("khaosan-preview-banner"), "{page}");
    assert!(
        page.contains("จะเผยแพร่ 1 ธันวาคม 2569 เวลา 08.30 น."),
        "{page}"
    );
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
    // A live page has no banner but is still marked noindex.
    let (_, live) = get(&server, "/news/a/");
    assert!(!live.contains("khaosan-preview-banner"));
    assert!(live.contains("noindex"));
}

#[test]
fn a_broken_site_shows_the_error_in_the_page() {
    let site = site();
    site.write("site.toml", "title = [\n");
    let server = serve(&site, &[]);
    let (status, page) = get(&server, "/");
    assert_eq!(status, 500);
    assert!(page.contains("สร้างเว็บไซต์ไม่สำเร็จ"), "{page}");
    assert!(page.contains("site.toml"), "{page}");
}

#[test]
fn built_pages_never_carry_the_reload_script() {
    let site = site();
    site.build(NOW);
    for (path, text) in site.all_output() {
        assert!(!text.contains("__khaosan"), "{path}");
    }
}
