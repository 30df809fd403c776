//! A generated site with one hostile item of each kind mixed in: every hostile
//! item is withheld, the rest publishes exactly as `expected.json` says, and no
//! canary reaches the output.
//!
//! The default size is small for `cargo test`; the benchmark runs it at 2,000 items
//! in a release build and prints both build times:
//! `KHAOSAN_HOSTILE_N=2000 cargo test --release --test it hostile_corpus -- --nocapture`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use crate::common::Corpus;

const NOW: &str = "2026-06-01T12:00:00+07:00";
const LIVE: &str =
    "author = \"wasana\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31";

fn item(title: &str, front: &str, body: &str) -> String {
    format!("+++\ntitle = \"{title}\"\n{LIVE}\n{front}\n+++\n\n{body}\n")
}

/// Writes one hostile item of each kind; returns the item paths that must be withheld.
fn add_hostile_items(site: &std::path::Path) -> Vec<String> {
    let write = |path: &str, bytes: &[u8]| {
        let full = site.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
    };
    let c = "CANARY-HOSTILE";
    let mut withheld = Vec::new();
    let mut add = |path: &str, text: String| {
        write(path, text.as_bytes());
        withheld.push(path.to_string());
    };
    // 1. Names that become paths.
    add(
        "content/news/hostile-tag-long.md",
        item(c, &format!("tags = [\"{}\"]", "ก".repeat(86)), c),
    );
    add(
        "content/news/hostile-tag-nul.md",
        item(c, "tags = [\"a\\u0000b\"]", c),
    );
    // 2 and 3. Attachments.
    for (slug, name, content) in [
        (
            "hostile-att-backslash",
            "a\\b.pdf",
            b"%PDF-1.4\n".as_slice(),
        ),
        (
            "hostile-att-index",
            "index.html",
            b"<script>CANARY-HOSTILE</script>",
        ),
        ("hostile-att-svg", "logo.svg", b"<svg onload=\"alert(1)\"/>"),
        ("hostile-att-js", "app.js", b"alert('CANARY-HOSTILE')"),
        (
            "hostile-att-fake-pdf",
            "form.pdf",
            b"<html>CANARY-HOSTILE</html>",
        ),
    ] {
        add(&format!("content/news/{slug}/index.md"), item(c, "", c));
        write(&format!("content/news/{slug}/{name}"), content);
    }
    // 4. Control characters.
    add(
        "content/news/hostile-control.md",
        format!("+++\ntitle = \"{c}\\u000b\"\n{LIVE}\n+++\n{c}\n"),
    );
    // 5. Runaway Markdown and size.
    add(
        "content/news/hostile-quotes.md",
        item(c, "", &format!("{c}\n\n{}", "> ".repeat(50 * 1024))),
    );
    add(
        "content/news/hostile-divs.md",
        item(c, "", &format!("{c}\n\n{}", "<div>".repeat(200 * 1024))),
    );
    add(
        "content/news/hostile-big.md",
        item(c, "", &format!("{c} ").repeat(200_000)),
    );
    // 8. A Buddhist Era expiry.
    add(
        "content/news/hostile-be.md",
        format!(
            "+++\ntitle = \"{c}\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2569-12-31\n+++\n{c}\n"
        ),
    );
    // 6. A link out of the repository (refused as a file problem, not an item).
    #[cfg(unix)]
    {
        let outside = site.parent().unwrap().join("outside.md");
        std::fs::write(&outside, item(c, "", c)).unwrap();
        std::os::unix::fs::symlink(&outside, site.join("content/news/hostile-link.md")).unwrap();
    }
    withheld
}

fn build(corpus: &Corpus, out: &std::path::Path) -> (khaosan::build::BuildOutcome, f64) {
    let mut options = khaosan::build::BuildOptions::new(corpus.site(), out);
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    options.report = Some(corpus.dir.path().join("report.json"));
    let started = Instant::now();
    let outcome = khaosan::build::build(&options).unwrap();
    (outcome, started.elapsed().as_secs_f64())
}

#[test]
fn hostile_items_in_a_generated_site_are_each_withheld() {
    let n: usize = std::env::var("KHAOSAN_HOSTILE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let corpus = Corpus::generate(n, false, NOW);
    // Each build writes a fresh folder, so neither pays for removing the other's.
    let (_, plain) = build(&corpus, &corpus.dir.path().join("plain"));
    let hostile = add_hostile_items(&corpus.site());
    let (outcome, mixed) = build(&corpus, &corpus.out());
    println!(
        "{n} items: {plain:.2} s; with {} hostile items: {mixed:.2} s",
        hostile.len() + 1
    );

    corpus.assert_published_exactly(&outcome);
    for path in &hostile {
        let decision = outcome
            .report
            .decisions
            .iter()
            .find(|d| &d.path == path)
            .unwrap_or_else(|| panic!("{path} was decided"));
        assert!(!decision.is_live(), "{path} is withheld");
        assert!(
            decision.reason().is_some_and(|r| r.is_problem()),
            "{path}: {:?}",
            decision.reason()
        );
    }
    #[cfg(unix)]
    assert!(
        outcome
            .report
            .problems
            .iter()
            .any(|p| p.file == "content/news/hostile-link.md")
    );
    corpus.assert_no_canary();
}
