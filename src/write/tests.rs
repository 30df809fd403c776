//! The write stage: staging, linking, the swap.

use super::*;

#[test]
fn commit_replaces_and_drop_discards() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir(&root).unwrap();
    let out = dir.path().join("public");

    let s = Staging::begin(&out, &root).unwrap();
    s.write("index.html", b"one").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"one");

    let s = Staging::begin(&out, &root).unwrap();
    s.write("index.html", b"two").unwrap();
    drop(s);
    assert_eq!(
        std::fs::read(out.join("index.html")).unwrap(),
        b"one",
        "unfinished build changes nothing"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no staging folder left: {leftovers:?}");

    let s = Staging::begin(&out, &root).unwrap();
    s.write("news/a/index.html", b"three").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    assert!(!out.join("index.html").exists(), "old files do not linger");
    assert!(out.join("news/a/index.html").exists());
}

#[test]
fn refuses_to_replace_sources_or_foreign_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    assert!(Staging::begin(root, root).is_err());
    assert!(Staging::begin(&root.join("content/out"), root).is_err());
    std::fs::create_dir_all(root.join("docs")).unwrap();
    std::fs::write(root.join("docs/guide.md"), "x").unwrap();
    let e = Staging::begin(&root.join("docs"), root)
        .err()
        .unwrap()
        .to_string();
    assert!(e.contains("not written by khaosan"), "{e}");
}

fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).unwrap().ino()
}

fn links(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(path).unwrap().nlink()
}

/// A site with `files` in place at `<dir>/public`.
fn published(dir: &Path, files: &[(&str, &[u8])]) -> PathBuf {
    let out = dir.join("public");
    let s = Staging::begin(&out, &dir.join("site")).unwrap();
    for (path, bytes) in files {
        s.write(path, bytes).unwrap();
    }
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    out
}

#[test]
fn rebuild_links_unchanged_files_and_writes_changed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("manual.pdf");
    std::fs::write(&source, b"%PDF same").unwrap();
    let out = published(
        dir.path(),
        &[("a/index.html", b"one"), ("b/index.html", b"two")],
    );
    let s = Staging::begin(&out, &dir.path().join("site")).unwrap();
    s.copy(
        "files/manual.pdf",
        &Blob::Disk {
            path: source.clone(),
            len: 9,
        },
    )
    .unwrap();
    let (a, b) = (
        inode(&out.join("a/index.html")),
        inode(&out.join("b/index.html")),
    );
    s.write("a/index.html", b"one").unwrap();
    s.write("b/index.html", b"TWO").unwrap();
    s.write("b/index.html", b"TWO!").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    assert_eq!(s.linked(), 2, "a/index.html and build-info.json");
    assert_eq!(
        std::fs::read(out.join("b/index.html")).unwrap(),
        b"two",
        "the live site does not change while the new one is staged"
    );
    s.commit().unwrap();
    assert_eq!(inode(&out.join("a/index.html")), a, "unchanged: linked");
    assert_ne!(inode(&out.join("b/index.html")), b, "changed: written anew");
    assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"TWO!");
    // The replaced site stays beside the output, for the next build to update.
    let retired = dir.path().join(".public.khaosan-spare");
    assert_eq!(std::fs::read(retired.join("b/index.html")).unwrap(), b"two");
    assert_eq!(links(&out.join("a/index.html")), 2);

    // An unchanged attachment is linked too, compared with its source.
    let pdf = inode(&out.join("files/manual.pdf"));
    let s = Staging::begin(&out, &dir.path().join("site")).unwrap();
    s.copy(
        "files/manual.pdf",
        &Blob::Disk {
            path: source,
            len: 9,
        },
    )
    .unwrap();
    assert_eq!(s.linked(), 1);
    s.commit().unwrap();
    assert_eq!(inode(&out.join("files/manual.pdf")), pdf);
    assert_eq!(
        links(&out.join("files/manual.pdf")),
        2,
        "one spare site only"
    );
    assert_eq!(
        std::fs::read(retired.join("b/index.html")).unwrap(),
        b"TWO!",
        "the site before is the spare, the one before that made into the new one"
    );
}

#[test]
fn an_unfinished_rebuild_leaves_the_old_files_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = published(dir.path(), &[("a/index.html", b"one"), ("b.xml", b"two")]);
    let s = Staging::begin(&out, &dir.path().join("site")).unwrap();
    s.write("a/index.html", b"one").unwrap();
    s.write("b.xml", b"changed").unwrap();
    assert_eq!(links(&out.join("a/index.html")), 2, "shared while staging");
    drop(s); // the build failed or was interrupted here
    assert_eq!(std::fs::read(out.join("a/index.html")).unwrap(), b"one");
    assert_eq!(std::fs::read(out.join("b.xml")).unwrap(), b"two");
    assert_eq!(links(&out.join("a/index.html")), 1, "staging removed");
}

#[test]
fn another_file_system_falls_back_to_writing() {
    // The output's own folder may be a mount point, so the staging folder
    // beside it is on another file system; /dev/shm plays that part here.
    let Ok(shm) = tempfile::tempdir_in("/dev/shm") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    use std::os::unix::fs::MetadataExt as _;
    let dev = |p: &Path| std::fs::metadata(p).unwrap().dev();
    if dev(shm.path()) == dev(dir.path()) {
        return;
    }
    let previous = published(shm.path(), &[("a.html", b"one"), ("b.html", b"two")]);
    let staged = dir.path().join("staged");
    std::fs::create_dir(&staged).unwrap();
    let s = Staging {
        dir: staged.clone(),
        target: dir.path().join("public"),
        spare: dir.path().join("spare"),
        recycled: None,
        committed: true,
        linking: AtomicBool::new(true),
        previous: Some(previous),
        linked: AtomicUsize::new(0),
        folders: Mutex::default(),
    };
    s.write("a.html", b"one").unwrap();
    assert!(!s.linking.load(Ordering::Relaxed), "links given up");
    s.write("b.html", b"two").unwrap();
    assert_eq!(s.linked(), 0);
    assert_eq!(std::fs::read(staged.join("a.html")).unwrap(), b"one");
    assert_eq!(std::fs::read(staged.join("b.html")).unwrap(), b"two");
}

#[test]
fn byte_comparison_at_block_edges() {
    for len in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK] {
        let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        assert!(holds_bytes(&mut &bytes[..], &bytes).unwrap(), "{len}");
        assert!(same_bytes(&mut &bytes[..], &mut &bytes[..]).unwrap());
        let mut longer = bytes.clone();
        longer.push(7);
        assert!(!holds_bytes(&mut &longer[..], &bytes).unwrap(), "{len}");
        assert!(!holds_bytes(&mut &bytes[..], &longer).unwrap(), "{len}");
        assert!(!same_bytes(&mut &bytes[..], &mut &longer[..]).unwrap());
        if len > 0 {
            let mut other = bytes.clone();
            other[len - 1] ^= 1;
            assert!(!holds_bytes(&mut &other[..], &bytes).unwrap(), "{len}");
            assert!(!same_bytes(&mut &other[..], &mut &bytes[..]).unwrap());
        }
    }
}

#[test]
fn paths_cannot_escape() {
    let dir = tempfile::tempdir().unwrap();
    let s = Staging::begin(&dir.path().join("public"), &dir.path().join("site")).unwrap();
    assert!(s.write("../evil", b"x").is_err());
    assert!(s.write("/etc/x", b"x").is_err());
    assert!(s.write("a/../../x", b"x").is_err());
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn the_site_before_is_made_into_the_new_one_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = published(
        dir.path(),
        &[
            ("a/index.html", b"one"),
            ("b/index.html", b"two"),
            ("c/d/index.html", b"gone soon"),
        ],
    );
    // Second build: b changes; the first site becomes the spare.
    let s = Staging::begin(&out, &site).unwrap();
    for (path, bytes) in [
        ("a/index.html", &b"one"[..]),
        ("b/index.html", b"TWO"),
        ("c/d/index.html", b"gone soon"),
    ] {
        s.write(path, bytes).unwrap();
    }
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    let spare = dir.path().join(".public.khaosan-spare");
    assert_eq!(std::fs::read(spare.join("b/index.html")).unwrap(), b"two");

    // Third build: the spare is updated in place. c/d is withdrawn, e/f is new.
    let s = Staging::begin(&out, &site).unwrap();
    assert!(!spare.exists(), "the spare is taken while the build runs");
    let a = inode(&out.join("a/index.html"));
    s.write("a/index.html", b"one").unwrap();
    s.write("b/index.html", b"TWO").unwrap();
    s.write("e/f/index.html", b"new").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    assert_eq!(s.linked(), 3, "a, b and build-info.json are the live files");
    assert_eq!(
        std::fs::read(out.join("c/d/index.html")).unwrap(),
        b"gone soon",
        "the live site does not change while the new one is made"
    );
    s.commit().unwrap();
    assert_eq!(
        files_under(&out),
        ["a/index.html", "b/index.html", BUILD_INFO, "e/f/index.html"],
        "nothing of the site before lingers"
    );
    assert!(!out.join("c").exists(), "emptied folders go too");
    assert_eq!(inode(&out.join("a/index.html")), a);
    assert_eq!(std::fs::read(out.join("b/index.html")).unwrap(), b"TWO");
    assert_eq!(
        std::fs::read(spare.join("c/d/index.html")).unwrap(),
        b"gone soon"
    );
}

#[test]
fn nothing_is_written_through_a_link_planted_in_the_spare() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let out = published(dir.path(), &[("news/a/index.html", b"one")]);
    let s = Staging::begin(&out, &site).unwrap();
    s.write("news/a/index.html", b"one").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    let spare = dir.path().join(".public.khaosan-spare");
    std::fs::remove_dir_all(spare.join("news")).unwrap();
    std::os::unix::fs::symlink(&outside, spare.join("news")).unwrap();
    std::fs::remove_file(spare.join(BUILD_INFO)).unwrap();
    std::os::unix::fs::symlink(outside.join("x"), spare.join(BUILD_INFO)).unwrap();

    let s = Staging::begin(&out, &site).unwrap();
    s.write("news/a/index.html", b"changed").unwrap();
    s.write("news/b/index.html", b"new").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    assert!(
        files_under(&outside).is_empty(),
        "{:?}",
        files_under(&outside)
    );
    assert!(
        std::fs::symlink_metadata(out.join("news"))
            .unwrap()
            .is_dir()
    );
    assert_eq!(
        std::fs::read(out.join("news/a/index.html")).unwrap(),
        b"changed"
    );
    assert_eq!(
        std::fs::read(out.join("news/b/index.html")).unwrap(),
        b"new"
    );
}

#[test]
fn a_failed_build_gives_the_spare_back_and_a_killed_ones_tree_becomes_it() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = published(dir.path(), &[("a.html", b"one")]);
    let s = Staging::begin(&out, &site).unwrap();
    s.write("a.html", b"two").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    let spare = dir.path().join(".public.khaosan-spare");

    let s = Staging::begin(&out, &site).unwrap();
    s.write("a.html", b"three").unwrap();
    drop(s); // the build failed
    assert!(spare.is_dir(), "kept for the next build");
    assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"two");

    // A build killed while it used the spare leaves it under its own name.
    let killed = dir.path().join(".public.khaosan-new-4194999");
    std::fs::rename(&spare, &killed).unwrap();
    std::fs::write(killed.join("stale.html"), b"from a killed build").unwrap();
    let s = Staging::begin(&out, &site).unwrap();
    assert!(!killed.exists(), "taken as the spare");
    s.write("a.html", b"four").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    assert_eq!(files_under(&out), ["a.html", BUILD_INFO]);
    assert_eq!(std::fs::read(out.join("a.html")).unwrap(), b"four");
}

#[test]
fn one_build_at_a_time_writes_into_an_output() {
    use rustix::fs::{FlockOperation, flock};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let lock = OutputLock::take(&out).unwrap();
    let probe = File::open(dir.path().join(".public.khaosan-lock")).unwrap();
    assert!(
        flock(&probe, FlockOperation::NonBlockingLockExclusive).is_err(),
        "held while the build runs"
    );
    drop(lock);
    assert!(flock(&probe, FlockOperation::NonBlockingLockExclusive).is_ok());
}

#[test]
fn the_spare_is_closed_to_others_and_the_new_site_open_as_the_old_was() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let out = published(dir.path(), &[("a.html", b"one")]);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o751)).unwrap();
    let s = Staging::begin(&out, &dir.path().join("site")).unwrap();
    s.write("a.html", b"two").unwrap();
    s.write(BUILD_INFO, b"{}").unwrap();
    s.commit().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join(".public.khaosan-spare")), 0o700);
    assert_eq!(mode(&out), 0o751);
}
