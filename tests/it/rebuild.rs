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
