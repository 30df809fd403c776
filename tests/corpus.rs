//! The synthetic corpus of `../shared/bench/gen_corpus.py`: the build publishes
//! exactly what its `expected.json` says, and no canary of a withheld item leaks.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-06-01T12:00:00+07:00";

fn generator() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_corpus.py");
    path.exists().then_some(path)
}

/// `content/news/x.md` or `content/news/x/index.md` → `news/x`.
fn page_of(path: &str) -> String {
    let rest = path.trim_start_matches("content/");
    rest.trim_end_matches("/index.md")
        .trim_end_matches(".md")
        .to_string()
}

#[test]
fn corpus_of_2000_items_publishes_exactly_the_expected_pages() {
    let Some(script) = generator() else {
        panic!(
            "gen_corpus.py not found beside the project (../shared/bench); it is needed for this test"
        );
    };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = dir.path().join("public");
    let status = Command::new("python3")
        .arg(&script)
        .args(["--out"])
        .arg(&site)
        .args(["--n", "2000", "--now", NOW])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let mut options = khaosan::build::BuildOptions::new(&site, &out);
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    let outcome = khaosan::build::build(&options).unwrap();

    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("expected.json")).unwrap())
            .unwrap();
    let want: BTreeSet<String> = expected["published"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| page_of(p.as_str().unwrap()))
        .collect();
    let got: BTreeSet<String> = outcome
        .report
        .live()
        .map(|item| format!("{}/{}", item.section, item.slug))
        .collect();
    assert_eq!(want, got);
    for page in &want {
        assert!(
            out.join(page).join("index.html").exists(),
            "{page} was not written"
        );
    }
    for withheld in expected["withheld"].as_object().unwrap().keys() {
        assert!(
            !out.join(page_of(withheld)).exists(),
            "{withheld} was written"
        );
    }
    let canary = expected["canary_prefix"].as_str().unwrap();
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert!(
                !String::from_utf8_lossy(&bytes).contains(canary),
                "{canary} leaked into {}",
                entry.path().display()
            );
        }
    }
}
