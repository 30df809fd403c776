//! Stage 6, **write**: the new site is built in a staging folder beside the output
//! and swapped in only when complete, so a failed or interrupted build leaves the
//! previous site exactly as it was.
//!
//! A rebuild writes only what changed: a file whose bytes equal the file at the same
//! place in the current output is hard-linked from it into the staging folder
//! instead of written again. The old file is only ever read and linked, never
//! opened for writing, and every file of the new tree is made by creating a new
//! one (never by truncating an existing one), so the site being served cannot
//! change under a build, whether it finishes or not. On another file system
//! (where links cannot reach) every file is written, as in a first build.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{ErrorKind, Read, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::{Context as _, bail};

use crate::source::Blob;

/// Where rendered files go. Shared by the parallel renderers.
pub trait Sink: Sync {
    /// Writes `bytes` at `path` (relative, `/`-separated) inside the output.
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()>;

    /// Copies a source file (attachment, font) to `path` inside the output.
    fn copy(&self, path: &str, blob: &Blob) -> anyhow::Result<()> {
        let bytes = blob
            .read()
            .with_context(|| crate::messages::CANNOT_READ.at(path))?;
        self.write(path, &bytes)
    }

    /// Puts the previous build's file at `path` in place again, when that file still
    /// holds exactly the bytes of `digest` (SHA-256, `len` bytes long): a page whose
    /// inputs did not change need not be rendered. `Ok(false)` means "render it";
    /// a sink without a previous build (memory, nothing) always says so.
    fn keep(&self, path: &str, len: u64, digest: &[u8; 32]) -> anyhow::Result<bool> {
        let _ = (path, len, digest);
        Ok(false)
    }
}

/// Renders to nowhere: `khaosan check` proves every page renders, writing nothing.
pub struct Discard;

impl Sink for Discard {
    fn write(&self, _: &str, _: &[u8]) -> anyhow::Result<()> {
        Ok(())
    }
    fn copy(&self, _: &str, _: &Blob) -> anyhow::Result<()> {
        Ok(())
    }
}

/// Keeps every file in memory; for tests and previews.
#[derive(Default)]
pub struct Memory(pub Mutex<BTreeMap<String, Vec<u8>>>);

impl Sink for Memory {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        self.0
            .lock()
            .map_err(|_| anyhow::anyhow!(crate::messages::RENDERER_PANICKED.say(&[])))?
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// Marker file in every output folder khaosan writes; without it an existing
/// folder is not ours to replace.
pub const BUILD_INFO: &str = "build-info.json";

/// A new output tree under construction beside the real one.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// The current output, whose unchanged files are linked rather than written.
    previous: Option<PathBuf>,
    /// Cleared when a link fails because the staging folder is on another file
    /// system than the output; from then on every file is written.
    linking: AtomicBool,
    linked: AtomicUsize,
    /// Where the replaced site is left, to be removed by the next build.
    retired: PathBuf,
    /// Removes what earlier builds left behind while this one renders: removing
    /// thousands of folders waits on the disk, rendering on the processor.
    cleaner: Option<std::thread::JoinHandle<()>>,
    /// Folders of the staging tree made so far, so each is made once.
    folders: Mutex<std::collections::HashSet<PathBuf>>,
}

impl Staging {
    /// Prepares `<parent>/.<name>.khaosan-new-<pid>` for an output at `target`.
    pub fn begin(target: &Path, root: &Path) -> anyhow::Result<Staging> {
        let target = absolute(target)?;
        refuse_dangerous_target(&target, &absolute(root)?)?;
        let parent = target
            .parent()
            .with_context(|| crate::messages::OUTPUT_NEEDS_NAME.at(&target))?;
        std::fs::create_dir_all(parent)
            .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
        let name = target
            .file_name()
            .with_context(|| crate::messages::OUTPUT_NEEDS_NAME.at(&target))?
            .to_string_lossy()
            .into_owned();
        let cleaner = remove_stale_staging(parent, &name);
        let dir = parent.join(format!(".{name}.khaosan-new-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| crate::messages::CANNOT_REMOVE.at(&dir))?;
        }
        std::fs::create_dir(&dir).with_context(|| crate::messages::CANNOT_CREATE.at(&dir))?;
        // `refuse_dangerous_target` made sure an existing output is ours.
        let previous = target.join(BUILD_INFO).is_file().then(|| target.clone());
        Ok(Staging {
            retired: parent.join(format!(".{name}.khaosan-old-{}", std::process::id())),
            cleaner: Some(cleaner),
            dir,
            target,
            committed: false,
            linking: AtomicBool::new(previous.is_some()),
            previous,
            linked: AtomicUsize::new(0),
            folders: Mutex::default(),
        })
    }

    /// How many files so far were unchanged and linked from the current output.
    pub fn linked(&self) -> usize {
        self.linked.load(Ordering::Relaxed)
    }

    /// Puts the finished tree in place of the old one.
    pub fn commit(mut self) -> anyhow::Result<PathBuf> {
        self.wait_for_cleaner();
        swap_into_place(&self.dir, &self.target, &self.retired)?;
        self.committed = true;
        Ok(self.target.clone())
    }

    fn wait_for_cleaner(&mut self) {
        if let Some(cleaner) = self.cleaner.take() {
            let _ = cleaner.join();
        }
    }
}

impl Drop for Staging {
    /// An unfinished build leaves nothing behind; the old site is untouched.
    fn drop(&mut self) {
        self.wait_for_cleaner();
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.path_of(path)?;
        if self.link_if_unchanged(path, &full, bytes.len() as u64, |old| {
            holds_bytes(old, bytes)
        }) {
            return Ok(());
        }
        create_new(&full)
            .and_then(|mut file| file.write_all(bytes))
            .with_context(|| crate::messages::CANNOT_WRITE.at(&full))
    }

    fn copy(&self, path: &str, blob: &Blob) -> anyhow::Result<()> {
        match blob {
            Blob::Disk { path: from, .. } => {
                let full = self.path_of(path)?;
                let size = std::fs::metadata(from)
                    .with_context(|| crate::messages::CANNOT_READ.at(from))?
                    .len();
                if self.link_if_unchanged(path, &full, size, |old| {
                    same_bytes(&mut File::open(from)?, old)
                }) {
                    return Ok(());
                }
                let mut source =
                    File::open(from).with_context(|| crate::messages::CANNOT_READ.at(from))?;
                create_new(&full)
                    .and_then(|mut file| std::io::copy(&mut source, &mut file))
                    .with_context(|| {
                        crate::messages::CANNOT_COPY.say(&[
                            ("from", &from.display().to_string()),
                            ("path", &full.display().to_string()),
                        ])
                    })?;
                Ok(())
            }
            Blob::Bytes(bytes) => self.write(path, bytes),
        }
    }

    fn keep(&self, path: &str, len: u64, digest: &[u8; 32]) -> anyhow::Result<bool> {
        self.keep_previous(path, len, digest)
    }
}

impl Staging {
    /// [`Sink::keep`]: the current output's file at `path`, read once, is compared
    /// with the digest, then linked (or, across file systems, written anew).
    fn keep_previous(&self, path: &str, len: u64, digest: &[u8; 32]) -> anyhow::Result<bool> {
        use sha2::Digest as _;
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        let old = previous.join(path);
        match std::fs::symlink_metadata(&old) {
            Ok(meta) if meta.file_type().is_file() && meta.len() == len => {}
            _ => return Ok(false),
        }
        let Ok(bytes) = std::fs::read(&old) else {
            return Ok(false);
        };
        if sha2::Sha256::digest(&bytes).as_slice() != digest {
            return Ok(false);
        }
        let full = self.path_of(path)?;
        if self.linking.load(Ordering::Relaxed) {
            match std::fs::hard_link(&old, &full) {
                Ok(()) => {
                    self.linked.fetch_add(1, Ordering::Relaxed);
                    return Ok(true);
                }
                Err(e) if e.kind() == ErrorKind::CrossesDevices => {
                    self.linking.store(false, Ordering::Relaxed);
                }
                Err(_) => return Ok(false),
            }
        }
        create_new(&full)
            .and_then(|mut file| file.write_all(&bytes))
            .with_context(|| crate::messages::CANNOT_WRITE.at(&full))?;
        Ok(true)
    }

    /// Links the current output's file at `path` to `full` if its content equals
    /// the new content (`size` bytes, compared by `same`). Any doubt (no old file,
    /// another size, a read error, a failed link) means "write it anew".
    fn link_if_unchanged(
        &self,
        path: &str,
        full: &Path,
        size: u64,
        same: impl FnOnce(&mut File) -> std::io::Result<bool>,
    ) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        if !self.linking.load(Ordering::Relaxed) {
            return false;
        }
        let old = previous.join(path);
        // A symlink or folder there is not ours to link; sizes differ → changed.
        match std::fs::symlink_metadata(&old) {
            Ok(meta) if meta.file_type().is_file() && meta.len() == size => {}
            _ => return false,
        }
        let unchanged = File::open(&old).and_then(|mut file| same(&mut file));
        if !matches!(unchanged, Ok(true)) {
            return false;
        }
        match std::fs::hard_link(&old, full) {
            Ok(()) => {
                self.linked.fetch_add(1, Ordering::Relaxed);
                true
            }
            Err(e) => {
                if e.kind() == ErrorKind::CrossesDevices {
                    self.linking.store(false, Ordering::Relaxed);
                }
                false
            }
        }
    }
}

/// A new file at `path`. A file already there (written twice in one build) is
/// unlinked first rather than truncated: it may be shared with the live site.
fn create_new(path: &Path) -> std::io::Result<File> {
    let create = || File::options().write(true).create_new(true).open(path);
    match create() {
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            std::fs::remove_file(path)?;
            create()
        }
        other => other,
    }
}

const BLOCK: usize = 64 * 1024;

/// Whether `file` holds exactly `bytes`, read a block at a time.
fn holds_bytes(file: &mut impl Read, bytes: &[u8]) -> std::io::Result<bool> {
    let mut buf = vec![0; BLOCK.min(bytes.len() + 1)];
    let mut offset = 0;
    loop {
        let n = read_full(file, &mut buf)?;
        if n == 0 {
            return Ok(offset == bytes.len());
        }
        if bytes.get(offset..offset + n) != Some(&buf[..n]) {
            return Ok(false);
        }
        offset += n;
    }
}

/// Whether two streams hold the same bytes, read a block at a time so a large
/// attachment is never held in memory twice.
fn same_bytes(a: &mut impl Read, b: &mut impl Read) -> std::io::Result<bool> {
    let mut left = vec![0; BLOCK];
    let mut right = vec![0; BLOCK];
    loop {
        let n = read_full(a, &mut left)?;
        let m = read_full(b, &mut right)?;
        if n != m || left[..n] != right[..m] {
            return Ok(false);
        }
        if n < BLOCK {
            return Ok(true);
        }
    }
}

/// Reads until `buf` is full or the stream ends; returns how much was read.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

impl Staging {
    /// The file's place in the staging tree; names with `..` or a leading `/` cannot
    /// reach outside it.
    fn path_of(&self, path: &str) -> anyhow::Result<PathBuf> {
        if path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
            || path.contains('\\')
        {
            bail!(crate::messages::OUTPUT_PATH_OUTSIDE.say(&[
                ("path", path),
                ("folder", "ผลลัพธ์"),
                ("folder_en", "output")
            ]));
        }
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            let made = self
                .folders
                .lock()
                .is_ok_and(|folders| folders.contains(parent));
            if !made {
                std::fs::create_dir_all(parent)
                    .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
                if let Ok(mut folders) = self.folders.lock() {
                    folders.insert(parent.to_path_buf());
                }
            }
        }
        Ok(full)
    }
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    // Resolve what exists so `a/../b` and symlinked parents compare correctly.
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name().map(|n| n.to_os_string()));
        existing = match existing.parent() {
            Some(p) => p,
            None => break,
        };
    }
    let mut resolved = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for part in rest.into_iter().rev().flatten() {
        resolved.push(part);
    }
    Ok(resolved)
}

/// Never replace the site's own sources, or a folder khaosan did not write.
fn refuse_dangerous_target(target: &Path, root: &Path) -> anyhow::Result<()> {
    if root.starts_with(target) {
        bail!(crate::messages::OUTPUT_HOLDS_SITE.say(&[("out", &target.display().to_string())]));
    }
    for source in ["content", "approvals", "themes", "templates", ".git"] {
        if target.starts_with(root.join(source)) {
            bail!(
                crate::messages::OUTPUT_IN_SOURCE
                    .say(&[("out", &target.display().to_string()), ("source", source)])
            );
        }
    }
    if target.is_dir()
        && !target.join(BUILD_INFO).exists()
        && std::fs::read_dir(target)
            .with_context(|| crate::messages::CANNOT_READ.at(target))?
            .next()
            .is_some()
    {
        bail!(
            crate::messages::OUTPUT_NOT_KHAOSANS
                .say(&[("out", &target.display().to_string()), ("info", BUILD_INFO)])
        );
    }
    if target.exists() && !target.is_dir() {
        bail!(crate::messages::OUTPUT_NOT_A_FOLDER.say(&[("out", &target.display().to_string())]));
    }
    Ok(())
}

/// Removes, on a thread of its own, the sites replaced by earlier builds and the
/// staging folders of builds that were killed before they finished (the staging
/// folder of a build still running is left alone).
fn remove_stale_staging(parent: &Path, name: &str) -> std::thread::JoinHandle<()> {
    let prefix = format!(".{name}.khaosan-");
    let mut stale = Vec::new();
    if let Ok(entries) = std::fs::read_dir(parent) {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            let Some(rest) = file_name.strip_prefix(&prefix) else {
                continue;
            };
            let pid_alive = rest
                .rsplit('-')
                .next()
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if rest.starts_with("old-") || !pid_alive {
                stale.push(entry.path());
            }
        }
    }
    std::thread::spawn(move || {
        for dir in stale {
            let _ = std::fs::remove_dir_all(dir);
        }
    })
}

/// Swaps `new` into `target`. On Linux both names are exchanged in one atomic
/// step, so the output folder is never missing; elsewhere two renames follow
/// each other closely.
///
/// The replaced site is moved to `retired` and removed by the next build, off the
/// critical path; where that cannot be, it is removed now.
fn swap_into_place(new: &Path, target: &Path, retired: &Path) -> anyhow::Result<()> {
    if !target.exists() {
        return std::fs::rename(new, target)
            .with_context(|| crate::messages::CANNOT_MOVE_INTO_PLACE.at(target));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `new` now holds the previous site.
            if std::fs::rename(new, retired).is_ok() {
                return Ok(());
            }
            return std::fs::remove_dir_all(new)
                .with_context(|| crate::messages::OLD_SITE_LEFT.at(new));
        }
    }
    let old = new.with_file_name(format!(
        "{}.old",
        new.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::rename(target, &old).with_context(|| crate::messages::CANNOT_MOVE_ASIDE.at(target))?;
    if let Err(e) = std::fs::rename(new, target) {
        let _ = std::fs::rename(&old, target);
        return Err(e).with_context(|| crate::messages::CANNOT_MOVE_INTO_PLACE.at(target));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
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
        // The replaced site stays beside the output until the next build.
        let retired = dir
            .path()
            .join(format!(".public.khaosan-old-{}", std::process::id()));
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
            "one retired site only"
        );
        assert_eq!(
            std::fs::read(retired.join("b/index.html")).unwrap(),
            b"TWO!",
            "the site before is retired, the one before that gone"
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
            retired: dir.path().join("retired"),
            cleaner: None,
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
}
