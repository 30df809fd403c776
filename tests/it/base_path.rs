//! A site that lives under a sub-path (`https://owner.github.io/office/`): every
//! internal link in the built demo resolves to a file of the output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use khaosan::build::{BuildOptions, build};
use khaosan::source::LoadOptions;

const NOW: &str = "2026-11-26T10:00:00+07:00";

fn files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

/// `href="…"` and `src="…"` values of a page.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            if let Some(end) = rest.find('"') {
                found.push(rest[..end].replace("&amp;", "&"));
            }
        }
    }
    found
}

#[test]
fn every_internal_link_of_the_demo_resolves_under_a_sub_path() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let options = BuildOptions {
        now: Some(khaosan::dates::parse_now(NOW).unwrap()),
        base_url: Some("https://example.github.io/office/".into()),
        report: Some(tmp.path().join("report.json")),
        load: LoadOptions {
            trust_front_matter: true,
            ..LoadOptions::default()
        },
        ..BuildOptions::new(demo, &out)
    };
    build(&options).unwrap();
    let mut dead = Vec::new();
    let mut pages = 0;
    for file in files(&out) {
        if file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(&file).unwrap();
        let page = file.strip_prefix(&out).unwrap().display().to_string();
        for link in links(&html) {
            let link = link.split(['#', '?']).next().unwrap_or("").to_string();
            let Some(path) = link
                .strip_prefix("https://example.github.io/office/")
                .map(|p| format!("/office/{p}"))
                .or_else(|| {
                    (link.starts_with('/') && !link.starts_with("//")).then(|| link.clone())
                })
            else {
                continue;
            };
            let Some(rel) = path.strip_prefix("/office/") else {
                dead.push(format!("{page}: {link} is outside /office/"));
                continue;
            };
            let rel = percent_encoding::percent_decode_str(rel)
                .decode_utf8_lossy()
                .into_owned();
            let target = out.join(&rel);
            let ok = if rel.is_empty() || rel.ends_with('/') {
                target.join("index.html").is_file()
            } else {
                target.is_file() || target.join("index.html").is_file()
            };
            if !ok {
                dead.push(format!("{page}: {link}"));
            }
        }
    }
    assert!(pages > 50, "the demo built {pages} pages");
    assert!(
        dead.is_empty(),
        "{} dead links:\n{}",
        dead.len(),
        dead.join("\n")
    );
}
