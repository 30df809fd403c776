//! `khaosan serve`: the site on a local web server, rebuilt in memory on every save.
//!
//! Pages come from a [`PreviewSite`] held in memory; nothing is read from or written
//! to `public/`. Every HTML page served gets a small script that asks
//! `/__khaosan/reload` for the build number and reloads when it changes; the script
//! is added while serving, so it is never part of a built page. A build that fails
//! shows its error in the browser (an error page) as well as in the terminal.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset};
use notify::{RecursiveMode, Watcher as _};

use crate::preview::{PreviewOptions, PreviewSite, insert_after_body, load_preview};

/// Where the browser asks for the build number.
pub const RELOAD_PATH: &str = "/__khaosan/reload";

/// Saves that arrive within this time of each other make one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(80);

/// What `khaosan serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    /// The clock; `None` means the real time at each rebuild.
    pub now: Option<DateTime<FixedOffset>>,
    /// Show withheld items under a banner.
    pub preview: bool,
}

/// The current build, or why there is none.
struct State {
    generation: u64,
    site: Option<PreviewSite>,
    error: Option<String>,
}

/// Runs the server until the process is stopped. Prints the address on standard
/// output first (`http://127.0.0.1:PORT/`), so scripts can read the chosen port.
pub fn serve(options: &ServeOptions) -> anyhow::Result<()> {
    let server = tiny_http::Server::http((options.bind.as_str(), options.port)).map_err(|e| {
        let addr = format!("{}:{}", options.bind, options.port);
        let why = match e.downcast_ref::<std::io::Error>() {
            Some(io) => format!("{}: {io}", crate::messages::os_reason(io.kind()).label(&[])),
            None => e.to_string(),
        };
        anyhow::anyhow!(crate::messages::CANNOT_LISTEN.detail(&why, &[("addr", &addr)]))
    })?;
    let addr = server.server_addr().to_ip().with_context(|| {
        let addr = format!("{}:{}", options.bind, options.port);
        crate::messages::CANNOT_LISTEN.say(&[("addr", &addr)])
    })?;
    let base_url = format!("http://{}/", shown_host(addr));
    let state = Arc::new(RwLock::new(State {
        generation: 0,
        site: None,
        error: None,
    }));
    crate::render::cache::enable();
    crate::render::reuse::enable_memo();
    rebuild(options, &base_url, &state);
    // Watch before announcing the address, so an edit made right after is seen.
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .with_context(|| crate::messages::CANNOT_WATCH.at(&options.root))?;
    watcher
        .watch(&options.root, RecursiveMode::Recursive)
        .with_context(|| crate::messages::CANNOT_WATCH.at(&options.root))?;
    {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        writeln!(out, "{base_url}")?;
        out.flush()?;
    }
    eprintln!(
        "khaosan serve: {base_url}  ({})\n  แก้ไฟล์แล้วบันทึก หน้าเว็บจะโหลดใหม่เอง (save a file and the page reloads); Ctrl+C เพื่อหยุด (to stop)",
        if options.preview {
            "--preview: แสดงรายการที่ยังไม่เผยแพร่พร้อมแถบเหตุผล (withheld items shown with a banner)"
        } else {
            "เฉพาะที่จะเผยแพร่ (only what would be live)"
        }
    );
    {
        let state = Arc::clone(&state);
        let options = options.clone();
        let base_url = base_url.clone();
        let root = absolute(&options.root);
        std::thread::spawn(move || watch_loop(&rx, &root, &options, &base_url, &state));
    }
    for request in server.incoming_requests() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let _ = respond(request, &state);
        });
    }
    drop(watcher);
    Ok(())
}

fn shown_host(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(v4) => format!("{}:{}", v4.ip(), v4.port()),
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
    }
}

fn absolute(path: &Path) -> PathBuf {
    path.canonicalize()
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Waits for saves, lets a burst settle, then rebuilds once.
fn watch_loop(
    rx: &mpsc::Receiver<notify::Result<notify::Event>>,
    root: &Path,
    options: &ServeOptions,
    base_url: &str,
    state: &RwLock<State>,
) {
    while let Ok(event) = rx.recv() {
        let mut relevant = matters(&event, root);
        let deadline = Instant::now() + DEBOUNCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(event) => relevant |= matters(&event, root),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        if relevant {
            rebuild(options, base_url, state);
        }
    }
}

/// Only changes to what the site is made from: not the output, git's own files or
/// editors' scratch files.
fn matters(event: &notify::Result<notify::Event>, root: &Path) -> bool {
    let Ok(event) = event else { return true };
    if event.kind.is_access() {
        return false;
    }
    event.paths.iter().any(|path| {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let first = rel
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        !matches!(
            first.as_str(),
            "public" | ".git" | ".khaosan" | "target" | "preview" | "node_modules"
        ) && !name.starts_with(".#")
            && !name.ends_with('~')
            && !name.ends_with(".swp")
    })
}

/// Builds the preview again; on failure the error is shown instead of pages.
fn rebuild(options: &ServeOptions, base_url: &str, state: &RwLock<State>) {
    let started = Instant::now();
    let preview = PreviewOptions {
        now: options.now.unwrap_or_else(crate::dates::now),
        base_url: base_url.to_string(),
        withheld: options.preview,
    };
    let result = load_preview(&options.root, &preview);
    let elapsed = started.elapsed();
    let Ok(mut guard) = state.write() else { return };
    guard.generation += 1;
    match result {
        Ok(site) => {
            eprintln!(
                "สร้างใหม่แล้ว (rebuilt) #{}: {} รายการเผยแพร่ (live), {} แสดงพร้อมแถบ (with a banner), {} ไฟล์ (files) [{} ms]",
                guard.generation,
                site.live,
                site.shown.len(),
                site.len(),
                elapsed.as_millis()
            );
            for problem in &site.problems {
                eprintln!("  ต้องแก้ไข (to fix): {problem}");
            }
            guard.site = Some(site);
            guard.error = None;
        }
        Err(err) => {
            let text = crate::messages::explain(&err);
            eprintln!("ผิดพลาด (error): {text}");
            guard.error = Some(text);
        }
    }
}

fn respond(request: tiny_http::Request, state: &RwLock<State>) -> std::io::Result<()> {
    let url = format!(
        "/{}",
        request
            .url()
            .split(['?', '#'])
            .next()
            .unwrap_or("/")
            .trim_start_matches('/')
    );
    let Ok(guard) = state.read() else {
        return request.respond(tiny_http::Response::empty(500));
    };
    if url == RELOAD_PATH {
        let body = guard.generation.to_string();
        return request.respond(
            tiny_http::Response::from_string(body)
                .with_header(header("Content-Type", "text/plain; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
    }
    if let Some(error) = &guard.error {
        let page = error_page(error, guard.generation);
        return request.respond(
            tiny_http::Response::from_string(page)
                .with_status_code(500)
                .with_header(header("Content-Type", "text/html; charset=utf-8")),
        );
    }
    let Some(site) = &guard.site else {
        return request.respond(tiny_http::Response::empty(503));
    };
    let path = percent_encoding::percent_decode_str(url.trim_start_matches('/'))
        .decode_utf8_lossy()
        .into_owned();
    let (file, status) = match lookup(site, &path) {
        Lookup::Found(file) => (file, 200),
        Lookup::Redirect(to) => {
            return request
                .respond(tiny_http::Response::empty(301).with_header(header("Location", &to)));
        }
        Lookup::Missing => ("404.html".to_string(), 404),
    };
    let bytes = site.get(&file).unwrap_or(b"404").to_vec();
    let content_type = content_type(&file);
    let body = if content_type.starts_with("text/html") {
        with_reload_script(&bytes, guard.generation, &site.problems)
    } else {
        bytes
    };
    request.respond(
        tiny_http::Response::from_data(body)
            .with_status_code(status)
            .with_header(header("Content-Type", &content_type))
            .with_header(header("Cache-Control", "no-store")),
    )
}

enum Lookup {
    Found(String),
    Redirect(String),
    Missing,
}

/// `news/a/` → `news/a/index.html`; `news/a` → redirect to `/news/a/`.
fn lookup(site: &PreviewSite, path: &str) -> Lookup {
    if path.split('/').any(|p| p == "..") {
        return Lookup::Missing;
    }
    if path.is_empty() || path.ends_with('/') {
        let file = format!("{path}index.html");
        return if site.contains(&file) {
            Lookup::Found(file)
        } else {
            Lookup::Missing
        };
    }
    if site.contains(path) {
        return Lookup::Found(path.to_string());
    }
    if site.contains(&format!("{path}/index.html")) {
        return Lookup::Redirect(format!("/{}/", crate::site::encode_path(path)));
    }
    Lookup::Missing
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|()| {
        tiny_http::Header::from_bytes(&b"X-Khaosan"[..], &b"1"[..])
            .expect("a fixed header is valid")
    })
}

fn content_type(path: &str) -> String {
    let ext = path.rsplit('.').next().unwrap_or("");
    let mime = crate::render::view::mime_of(ext);
    // Text the site writes is UTF-8; say so, as a web server configured for it does.
    if mime.starts_with("text/") {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

/// The live-reload script (and any problems to fix), only in pages `serve` sends.
fn with_reload_script(bytes: &[u8], generation: u64, problems: &[String]) -> Vec<u8> {
    let Ok(html) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let mut html = html.to_string();
    if !problems.is_empty() {
        let mut list = String::new();
        for problem in problems.iter().take(20) {
            list.push_str(&format!(
                "<li>{}</li>",
                crate::render::templates::escape_markup(problem)
            ));
        }
        insert_after_body(
            &mut html,
            &format!(
                "<div class=\"khaosan-problems\" role=\"alert\" style=\"background:#fde8e8;color:#5c0000;padding:.75rem 1rem;border-bottom:3px solid #b00020\"><strong>ต้องแก้ไข (to fix, {}):</strong><ul>{list}</ul></div>",
                problems.len()
            ),
        );
    }
    let script = reload_script(generation);
    match html.rfind("</body>") {
        Some(at) => html.insert_str(at, &script),
        None => html.push_str(&script),
    }
    html.into_bytes()
}

fn reload_script(generation: u64) -> String {
    format!(
        "<script>(function(){{var g={generation};setInterval(function(){{fetch('{RELOAD_PATH}',{{cache:'no-store'}}).then(function(r){{return r.text()}}).then(function(t){{if(+t!==g)location.reload()}}).catch(function(){{}})}},700)}})();</script>"
    )
}

/// The error overlay: what failed, in place of every page, until the next save.
fn error_page(error: &str, generation: u64) -> String {
    format!(
        "<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>ผิดพลาด (error) · khaosan serve</title></head>\
<body style=\"font-family:sans-serif;margin:0\"><div role=\"alert\" style=\"background:#5c0000;color:#fff;padding:1.5rem\">\
<h1 style=\"margin-top:0\">สร้างเว็บไซต์ไม่สำเร็จ (the site did not build)</h1>\
<pre style=\"white-space:pre-wrap;font-size:1rem\">{}</pre>\
<p>แก้ไฟล์แล้วบันทึก หน้านี้จะโหลดใหม่เอง (fix the file and save; this page reloads by itself)</p></div>{}</body></html>",
        crate::render::templates::escape_markup(error),
        reload_script(generation)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_body() {
        let page = with_reload_script(b"<html><body><p>x</p></body></html>", 3, &[]);
        let page = String::from_utf8(page).expect("utf-8");
        assert!(page.contains("var g=3;"));
        assert!(page.ends_with("</script></body></html>"), "{page}");
    }

    #[test]
    fn errors_are_escaped_in_the_overlay() {
        let page = error_page("site.toml: <bad>", 1);
        assert!(page.contains("site.toml: &lt;bad&gt;"));
        assert!(page.contains(RELOAD_PATH));
    }

    #[test]
    fn editor_scratch_and_output_do_not_trigger() {
        let root = Path::new("/site");
        let event =
            |p: &str| Ok(notify::Event::new(notify::EventKind::Any).add_path(PathBuf::from(p)));
        assert!(matters(&event("/site/content/news/a.md"), root));
        assert!(!matters(&event("/site/public/index.html"), root));
        assert!(!matters(&event("/site/.git/index"), root));
        assert!(!matters(&event("/site/content/news/.a.md.swp"), root));
    }
}
