//! A rebuild over the previous output links what did not change and writes the
//! rest, and its result is byte for byte what a full build writes.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use crate::common::Corpus;
use khaosan::build::{BuildOptions, build};

const NOW: &str = "2026-06-01T12:00:00+07:00";

/// Every file under `dir`: relative path → (bytes, inode).
fn tree(dir: &Path) -> BTreeMap<String, (Vec<u8>, u64)> {
    fn walk(dir: &Path, root: &Path, files: &mut BTreeMap<String, (Vec<u8>, u64)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(&path, root, files);
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let ino = std::fs::metadata(&path).unwrap().ino();
                files.insert(rel, (std::fs::read(&path).unwrap(), ino));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

fn build_into(site: &Path, out: &Path, report: PathBuf) -> khaosan::build::BuildOutcome {
    let mut options = BuildOptions::new(site, out);
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    options.report = Some(report);
    build(&options).unwrap()
}

/// The source file of a published page (`news/x` → `content/news/x.md` or its bundle).
fn source_of(site: &Path, page: &str) -> PathBuf {
    let plain = site.join(format!("content/{page}.md"));
    if plain.exists() {
        plain
    } else {
        site.join(format!("content/{page}/index.md"))
    }
}

#[test]
fn rebuild_with_one_item_changed_equals_a_full_build_and_shares_the_rest() {
    let corpus = Corpus::generate(300, false, NOW);
    let site = corpus.site();
    let out = corpus.out();
    let report = corpus.dir.path().join("report.json");
    let first = build_into(&site, &out, report.clone());
    assert_eq!(first.unchanged, 0, "nothing to link on a first build");
    let before = tree(&out);

    // One published item gets a new paragraph (its summary stays the same).
    let page = corpus.published().into_iter().nth(7).unwrap();
    let source = source_of(&site, &page);
    let mut text = std::fs::read_to_string(&source).unwrap();
    text.push_str("\n\nแก้ไขเพิ่มเติม: CHANGED-PARAGRAPH\n");
    std::fs::write(&source, text).unwrap();

    let rebuilt = build_into(&site, &out, report.clone());
    let after = tree(&out);
    let fresh_out = corpus.dir.path().join("fresh");
    build_into(&site, &fresh_out, report);
    let fresh = tree(&fresh_out);

    // Byte-identical to a full build of the same input, file by file.
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, (bytes, _)) in &after {
        assert!(*bytes == fresh[path].0, "{path} differs from a full build");
    }

    // Unchanged files are the old inodes; changed or new ones are new files.
    let changed_page = format!("{page}/index.html");
    assert!(
        String::from_utf8_lossy(&after[&changed_page].0).contains("CHANGED-PARAGRAPH"),
        "the change is published"
    );
    let mut shared = 0;
    for (path, (bytes, ino)) in &after {
        match before.get(path) {
            Some((old, old_ino)) if old == bytes => {
                assert_eq!(ino, old_ino, "{path} is unchanged but was written again");
                shared += 1;
            }
            _ => assert!(
                before.values().all(|(_, old_ino)| old_ino != ino),
                "{path} changed but reuses an old file"
            ),
        }
    }
    assert!(
        before[&changed_page].1 != after[&changed_page].1,
        "the changed page is a new file"
    );
    assert_eq!(shared, rebuilt.unchanged);
    assert!(
        shared * 10 >= after.len() * 9,
        "{shared} of {} files shared",
        after.len()
    );
}

// --- Pages reused from the previous build: every change invalidates what it affects ---

fn build_at(site: &Path, out: &Path, report: PathBuf, now: &str) -> khaosan::build::BuildOutcome {
    let mut options = BuildOptions::new(site, out);
    options.now = Some(khaosan::dates::parse_now(now).unwrap());
    options.report = Some(report);
    build(&options).unwrap()
}

/// Builds the corpus at NOW, applies `change`, rebuilds over the same output at
/// `now`, and asserts the result equals a clean full build of the changed site
/// (into a new folder, with the page cache removed first). Returns the rebuilt tree.
fn rebuild_equals_full_build(
    corpus: &Corpus,
    now: &str,
    change: impl FnOnce(&Path),
) -> BTreeMap<String, (Vec<u8>, u64)> {
    let site = corpus.site();
    let out = corpus.out();
    let report = corpus.dir.path().join("report.json");
    build_at(&site, &out, report.clone(), NOW);
    // An unchanged rebuild first: it renders (almost) nothing, and the next one
    // starts from reused pages.
    let again = build_at(&site, &out, report.clone(), NOW);
    assert!(
        again.reused * 10 >= again.rendered.pages * 9,
        "{} of {} pages reused",
        again.reused,
        again.rendered.pages
    );
    change(&site);
    build_at(&site, &out, report.clone(), now);
    assert_equals_full_build(corpus, now)
}

/// Asserts the corpus's output holds exactly what a clean full build at `now` makes
/// (into a new folder, with the page cache removed first); returns the output's tree.
fn assert_equals_full_build(corpus: &Corpus, now: &str) -> BTreeMap<String, (Vec<u8>, u64)> {
    let after = tree(&corpus.out());
    let cache = corpus.site().join(".khaosan/cache");
    assert!(
        cache.is_dir(),
        "the build keeps its page cache in .khaosan/cache"
    );
    std::fs::remove_dir_all(&cache).unwrap();
    let fresh_out = corpus.dir.path().join("fresh");
    let report = corpus.dir.path().join("report.json");
    build_at(&corpus.site(), &fresh_out, report, now);
    let fresh = tree(&fresh_out);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "the same files as a full build"
    );
    for (path, (bytes, _)) in &after {
        assert!(*bytes == fresh[path].0, "{path} differs from a full build");
    }
    after
}

fn all_text(files: &BTreeMap<String, (Vec<u8>, u64)>) -> impl Iterator<Item = (&String, String)> {
    files
        .iter()
        .map(|(path, (bytes, _))| (path, String::from_utf8_lossy(bytes).into_owned()))
}

#[test]
fn rebuild_after_an_item_expires_by_now_equals_a_full_build() {
    let corpus = Corpus::generate(200, false, NOW);
    // The published item that expires first, and a time just after it.
    let (page, expires) = corpus
        .published()
        .into_iter()
        .filter_map(|page| {
            let text = std::fs::read_to_string(source_of(&corpus.site(), &page)).unwrap();
            let line = text.lines().find(|l| l.starts_with("expires = "))?;
            Some((page, line["expires = ".len()..].trim().to_string()))
        })
        .min_by(|a, b| a.1.cmp(&b.1))
        .expect("the corpus has items with an expiry");
    let day = &expires[..10];
    let later = format!("{day}T23:59:59+07:00");
    let next_day = khaosan::dates::parse_now(&later).unwrap() + chrono::Duration::days(1);
    let after = rebuild_equals_full_build(&corpus, &next_day.to_rfc3339(), |_| {});
    assert!(
        !after.contains_key(&format!("{page}/index.html")),
        "{page} expired on {expires} and is gone"
    );
    for (path, text) in all_text(&after) {
        assert!(
            !text.contains(&format!("/{page}/")),
            "{path} still links the expired {page}"
        );
    }
}

#[test]
fn rebuild_after_a_template_edit_equals_a_full_build() {
    let corpus = Corpus::generate(120, false, NOW);
    let after = rebuild_equals_full_build(&corpus, NOW, |site| {
        let base = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
        )
        .unwrap();
        let edited = base.replacen("</body>", "<!-- TEMPLATE-EDITED --></body>", 1);
        assert_ne!(base, edited);
        std::fs::create_dir_all(site.join("templates")).unwrap();
        std::fs::write(site.join("templates/base.html"), edited).unwrap();
    });
    let pages: Vec<_> = all_text(&after)
        .filter(|(path, _)| path.ends_with("index.html") && !path.starts_with("standards"))
        .collect();
    assert!(pages.len() > 100);
    for (path, text) in pages {
        assert!(
            text.contains("TEMPLATE-EDITED"),
            "{path} kept the old template"
        );
    }
}

#[test]
fn rebuild_after_a_site_toml_edit_equals_a_full_build() {
    let corpus = Corpus::generate(120, false, NOW);
    let after = rebuild_equals_full_build(&corpus, NOW, |site| {
        let mut toml = String::from(
            "title = \"สำนักงาน SITE-TOML-EDITED\"\nbase_url = \"https://example.go.th/office/\"\n",
        );
        for section in std::fs::read_dir(site.join("content")).unwrap().flatten() {
            let id = section.file_name().to_string_lossy().into_owned();
            let permanent = matches!(id.as_str(), "about" | "laws" | "links" | "eservice");
            toml.push_str(&format!(
                "[[section]]\nid = \"{id}\"\ntitle = \"{id}\"\npermanent = {permanent}\n"
            ));
        }
        std::fs::write(site.join("site.toml"), toml).unwrap();
    });
    let home = String::from_utf8_lossy(&after["index.html"].0).into_owned();
    assert!(home.contains("SITE-TOML-EDITED"));
    assert!(home.contains("/office/"), "links under the new base path");
}

#[test]
fn rebuild_after_an_item_is_withdrawn_equals_a_full_build() {
    let corpus = Corpus::generate(150, false, NOW);
    let page = corpus.published().into_iter().nth(3).unwrap();
    let source = source_of(&corpus.site(), &page);
    let text = std::fs::read_to_string(&source).unwrap();
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("title = "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    let after = rebuild_equals_full_build(&corpus, NOW, |_| {
        // Withdrawn: no approver any more.
        let withdrawn: String = text
            .lines()
            .filter(|l| !l.starts_with("approver = "))
            .map(|l| format!("{l}\n"))
            .collect();
        std::fs::write(&source, withdrawn).unwrap();
    });
    assert!(!after.contains_key(&format!("{page}/index.html")));
    for (path, text) in all_text(&after) {
        assert!(
            !text.contains(&title),
            "{path} still shows the withdrawn {title}"
        );
    }
}

#[test]
fn rebuild_after_one_item_edit_equals_a_full_build_and_reuses_the_rest() {
    let corpus = Corpus::generate(150, false, NOW);
    let page = corpus.published().into_iter().nth(5).unwrap();
    let before = {
        let site = corpus.site();
        build_at(&site, &corpus.out(), corpus.dir.path().join("r.json"), NOW);
        tree(&corpus.out())
    };
    let after = rebuild_equals_full_build(&corpus, NOW, |site| {
        let source = source_of(site, &page);
        let mut text = std::fs::read_to_string(&source).unwrap();
        text.push_str("\n\nแก้ไข: EDITED-ONCE\n");
        std::fs::write(&source, text).unwrap();
    });
    let changed = format!("{page}/index.html");
    assert!(String::from_utf8_lossy(&after[&changed].0).contains("EDITED-ONCE"));
    assert_ne!(
        before[&changed].1, after[&changed].1,
        "the edited page is new"
    );
    let shared = after
        .iter()
        .filter(|(path, (_, ino))| before.get(*path).is_some_and(|(_, old)| old == ino))
        .count();
    assert!(
        shared * 10 >= after.len() * 9,
        "{shared} of {} shared",
        after.len()
    );
}

/// The manifest vouches for the bytes it saw, not for whatever is in the output
/// now: an output put back from an older build, or a page changed in place, is
/// rendered again rather than kept.
#[test]
fn the_page_cache_never_vouches_for_other_bytes() {
    let corpus = Corpus::generate(100, false, NOW);
    let site = corpus.site();
    let out = corpus.out();
    let report = corpus.dir.path().join("report.json");
    build_at(&site, &out, report.clone(), NOW);
    let old_copy = corpus.dir.path().join("old-copy");
    copy_tree(&out, &old_copy);

    let page = corpus.published().into_iter().nth(2).unwrap();
    let source = source_of(&site, &page);
    let mut text = std::fs::read_to_string(&source).unwrap();
    text.push_str("\n\nNEW-VERSION\n");
    std::fs::write(&source, text).unwrap();
    build_at(&site, &out, report.clone(), NOW);

    // The older output comes back (a backup restored); the manifest is the newer one's.
    std::fs::remove_dir_all(&out).unwrap();
    copy_tree(&old_copy, &out);
    // And another page was changed in place, keeping its length.
    let other = corpus.published().into_iter().nth(9).unwrap();
    let other_file = out.join(format!("{other}/index.html"));
    let mut bytes = std::fs::read(&other_file).unwrap();
    let at = bytes.iter().rposition(|&b| b == b'a').unwrap();
    bytes[at] = b'b';
    std::fs::write(&other_file, &bytes).unwrap();

    build_at(&site, &out, report.clone(), NOW);
    let rebuilt = tree(&out);
    let fresh_out = corpus.dir.path().join("fresh");
    std::fs::remove_dir_all(site.join(".khaosan/cache")).unwrap();
    build_at(&site, &fresh_out, report, NOW);
    for (path, (bytes, _)) in tree(&fresh_out) {
        assert!(
            rebuilt[&path].0 == bytes,
            "{path} differs from a full build"
        );
    }
    assert!(
        String::from_utf8_lossy(&rebuilt[&format!("{page}/index.html")].0).contains("NEW-VERSION")
    );
}

#[test]
fn a_corrupt_page_cache_is_ignored() {
    let corpus = Corpus::generate(60, false, NOW);
    let after = rebuild_equals_full_build(&corpus, NOW, |site| {
        for entry in std::fs::read_dir(site.join(".khaosan/cache"))
            .unwrap()
            .flatten()
        {
            let mut bytes = std::fs::read(entry.path()).unwrap();
            let middle = bytes.len() / 2;
            bytes[middle] ^= 0x55;
            bytes.truncate(bytes.len() - 3);
            std::fs::write(entry.path(), bytes).unwrap();
        }
    });
    assert!(after.contains_key("index.html"));
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A build killed outright (SIGKILL: no clean-up of its own) after it took the
/// spare as its new tree leaves the live site exactly as it was, file for file;
/// the next build takes the killed one's tree and still equals a full build. To
/// stop the build at that point without timing, its page cache is made a named
/// pipe, which it opens just after taking the spare and blocks reading.
#[test]
fn a_killed_build_leaves_the_live_site_whole() {
    use std::process::{Command, Stdio};
    let corpus = Corpus::generate(120, false, NOW);
    let site = corpus.site();
    let out = corpus.out();
    let report = corpus.dir.path().join("report.json");
    let page = corpus.published().into_iter().nth(3).unwrap();
    let edit = |mark: &str| {
        let source = source_of(&site, &page);
        let mut text = std::fs::read_to_string(&source).unwrap();
        text.push_str(&format!("\n\nแก้ไข: {mark}\n"));
        std::fs::write(&source, text).unwrap();
    };
    // Two builds, so that the site the second replaced is kept as the spare.
    build_at(&site, &out, report.clone(), NOW);
    edit("FIRST-EDIT");
    build_at(&site, &out, report.clone(), NOW);
    let spare = corpus.dir.path().join(".public.khaosan-spare");
    assert!(spare.is_dir(), "the second build kept a spare");
    let live = tree(&out);

    edit("KILLED-EDIT");
    let cache = site.join(".khaosan/cache");
    let manifest = std::fs::read_dir(&cache)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("pages-")
        })
        .expect("the build keeps a page manifest");
    std::fs::remove_file(&manifest).unwrap();
    let made = Command::new("mkfifo").arg(&manifest).status().unwrap();
    assert!(made.success(), "mkfifo");

    let mut child = Command::new(crate::common::khaosan_bin())
        .arg("build")
        .arg("--root")
        .arg(&site)
        .arg("--out")
        .arg(&out)
        .args(["--now", NOW])
        .arg("--report")
        .arg(&report)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The pipe opens for writing (without waiting) only once the build has it
    // open for reading; holding it open keeps the build waiting for bytes.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let _writer = loop {
        use rustix::fs::{Mode, OFlags, open};
        match open(&manifest, OFlags::WRONLY | OFlags::NONBLOCK, Mode::empty()) {
            Ok(fd) => break fd,
            Err(rustix::io::Errno::NXIO) => {
                assert!(
                    child.try_wait().unwrap().is_none(),
                    "the build ended before it read its page cache"
                );
                assert!(
                    std::time::Instant::now() < deadline,
                    "the build never read its cache"
                );
                std::thread::yield_now();
            }
            Err(e) => panic!("opening the pipe: {e}"),
        }
    };
    let staging = corpus
        .dir
        .path()
        .join(format!(".public.khaosan-new-{}", child.id()));
    assert!(
        staging.is_dir(),
        "the build has taken the spare as its new tree"
    );
    assert!(!spare.exists());
    child.kill().unwrap();
    child.wait().unwrap();

    let after_kill = tree(&out);
    assert_eq!(
        after_kill.keys().collect::<Vec<_>>(),
        live.keys().collect::<Vec<_>>()
    );
    for (path, (bytes, inode)) in &live {
        assert!(
            after_kill[path].0 == *bytes && after_kill[path].1 == *inode,
            "{path} changed under a killed build"
        );
    }

    // The next build: the killed one's tree is its spare, and the site is whole.
    std::fs::remove_file(&manifest).unwrap();
    build_at(&site, &out, report, NOW);
    assert!(
        !staging.exists(),
        "the killed build's tree was taken or removed"
    );
    let rebuilt = assert_equals_full_build(&corpus, NOW);
    let changed = format!("{page}/index.html");
    assert!(String::from_utf8_lossy(&rebuilt[&changed].0).contains("KILLED-EDIT"));
    assert!(
        corpus.dir.path().join(".public.khaosan-lock").exists(),
        "the lock file outlives stale trees"
    );
}
