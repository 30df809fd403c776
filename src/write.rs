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
//!
//! The staging folder is, when there is one, the site the previous build replaced
//! (the *spare*), made into the new site in place: its unchanged files already are
//! the live site's files, so they cost a look and no write, and its folders need
//! not be made again nor the old tree removed. Whatever the new site does not
//! have is removed from it before the swap.

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
    /// holds exactly what `written` says: a page whose inputs did not change need
    /// not be rendered. `Ok(false)` means "render it"; a sink without a previous
    /// build (memory, nothing) always says so.
    fn keep(&self, path: &str, written: &Written) -> anyhow::Result<bool> {
        let _ = (path, written);
        Ok(false)
    }
}

/// What a build wrote at one path: the length and SHA-256 of the bytes and, once
/// the build was in place, the file's [`Stamp`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub len: u64,
    pub digest: [u8; 32],
    pub stamp: Option<Stamp>,
}

/// Which file a path held, and since when: its device and inode, its modification
/// time and its status-change time. A file edited in place gets a new modification
/// time, a file put there anew a new inode, and any change to a file (its times set
/// back included) a new status-change time, which no program can set. While all
/// hold, the file is the one written, and its bytes need not be read to know them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub device: u64,
    pub inode: u64,
    pub modified_ns: i128,
    pub changed_ns: i128,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        use std::os::unix::fs::MetadataExt as _;
        let ns = |s: i64, n: i64| i128::from(s) * 1_000_000_000 + i128::from(n);
        Stamp {
            device: meta.dev(),
            inode: meta.ino(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
        }
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

/// Writes `bytes` as the file at `path` in one step: into a hidden file beside it
/// (`.<name>.khaosan-tmp-<pid>`, which loaders skip and git ignores), then renamed
/// over it, so a reader never sees half a file and a failure leaves the old one.
pub fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.khaosan-tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Only one build at a time writes into an output: held from before its staging
/// begins until its cache is saved, so a second build waits. Two builds at once
/// could each check a live file the other then replaces.
pub struct OutputLock {
    _file: File,
}

impl OutputLock {
    /// Takes `<parent>/.<name>.khaosan-lock` for the output at `target`, waiting
    /// (and saying so) while another build holds it.
    pub fn take(target: &Path) -> anyhow::Result<OutputLock> {
        use rustix::fs::{FlockOperation, flock};
        let target = absolute(target)?;
        let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
            bail!(crate::messages::OUTPUT_NEEDS_NAME.at(&target));
        };
        std::fs::create_dir_all(parent)
            .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
        let path = parent.join(format!(".{}.khaosan-lock", name.to_string_lossy()));
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| crate::messages::CANNOT_CREATE.at(&path))?;
        if flock(&file, FlockOperation::NonBlockingLockExclusive).is_err() {
            eprintln!(
                "{}",
                crate::messages::WAITING_FOR_BUILD.say(&[("out", &target.display().to_string())])
            );
            flock(&file, FlockOperation::LockExclusive)
                .map_err(std::io::Error::from)
                .with_context(|| crate::messages::CANNOT_CREATE.at(&path))?;
        }
        Ok(OutputLock { _file: file })
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
    /// Where the replaced site is kept, for the next build to update in place.
    spare: PathBuf,
    /// Set when the staging tree is that kept site rather than an empty folder.
    recycled: Option<Recycled>,
    /// Folders of the staging tree made (or, recycled, checked) so far.
    folders: Mutex<PathSet>,
}

/// Paths in the staging tree, compared by their bytes. Each is made by joining
/// checked names (none empty, `.` or `..`) onto the staging folder, as the
/// listing makes them, so one file always has the same bytes; and hashing a
/// `Path` component by component cost more than the rest of a rebuild's swap.
type PathSet = foldhash::HashSet<std::ffi::OsString>;

/// An earlier site being made into the new one in place: most of its files are
/// already the live site's (the same files, linked), so an unchanged file costs
/// two looks and no write, and no folder is made or removed again. What the new
/// site does not have is removed before the swap.
struct Recycled {
    /// What the tree held when it was taken, listed on a thread of its own.
    listing: Option<Listing>,
    /// Files this build put there.
    placed: Mutex<PathSet>,
}

impl Staging {
    /// Prepares the new tree for an output at `target`: the site replaced by the
    /// previous build, `<parent>/.<name>.khaosan-spare`, when there is one, else
    /// an empty `<parent>/.<name>.khaosan-new-<pid>`.
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
        remove_stale_staging(parent, &name);
        let dir = parent.join(format!(".{name}.khaosan-new-{}", std::process::id()));
        if std::fs::symlink_metadata(&dir).is_ok() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| crate::messages::CANNOT_REMOVE.at(&dir))?;
        }
        // `refuse_dangerous_target` made sure an existing output is ours.
        let previous = target.join(BUILD_INFO).is_file().then(|| target.clone());
        let spare = parent.join(format!(".{name}.khaosan-spare"));
        let recycled = (previous.is_some() && claim(&spare, &dir)).then(|| Recycled {
            listing: Some(list_in_background(dir.clone())),
            placed: Mutex::default(),
        });
        if recycled.is_none() {
            std::fs::create_dir(&dir).with_context(|| crate::messages::CANNOT_CREATE.at(&dir))?;
        }
        Ok(Staging {
            spare,
            recycled,
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

    /// Puts the finished tree in place of the old one, which is kept as the spare.
    pub fn commit(mut self) -> anyhow::Result<PathBuf> {
        if let Some(recycled) = &mut self.recycled {
            let folders = self
                .folders
                .get_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            recycled
                .prune(&self.dir, &folders)
                .with_context(|| crate::messages::CANNOT_REMOVE.at(&self.dir))?;
        }
        // The new site opens to readers as the old one did; the spare, which may
        // hold what the new site withdrew, to nobody but its owner.
        if let Some(previous) = &self.previous
            && let Ok(meta) = std::fs::metadata(previous)
        {
            let _ = std::fs::set_permissions(&self.dir, meta.permissions());
        }
        swap_into_place(&self.dir, &self.target, &self.spare)?;
        self.committed = true;
        use std::os::unix::fs::PermissionsExt as _;
        let _ = std::fs::set_permissions(&self.spare, std::fs::Permissions::from_mode(0o700));
        // An output inside a site's repository: git lists nothing of the spare,
        // even where the site's .gitignore predates it. (The next build prunes it.)
        let _ = std::fs::write(self.spare.join(".gitignore"), "*\n");
        Ok(self.target.clone())
    }
}

/// Paths under a recycled tree, each with whether it is a folder, being listed.
type Listing = std::thread::JoinHandle<std::io::Result<Vec<(PathBuf, bool)>>>;

/// Takes the kept site at `spare` as the staging tree `dir`. Renaming is atomic, so
/// two builds never update the same tree; anything but a real folder is not used.
fn claim(spare: &Path, dir: &Path) -> bool {
    let is_folder = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_dir());
    if !is_folder(spare) || std::fs::rename(spare, dir).is_err() {
        return false;
    }
    if is_folder(dir) {
        return true;
    }
    let _ = std::fs::remove_file(dir);
    false
}

/// Every file and folder under `dir` (links not followed), listed on a thread of
/// its own while the build renders. Any error fails the listing: a file it missed
/// could be a page the new site must not have.
fn list_in_background(dir: PathBuf) -> Listing {
    std::thread::spawn(move || {
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).min_depth(1) {
            let entry = entry.map_err(std::io::Error::other)?;
            found.push((entry.path().to_path_buf(), entry.file_type().is_dir()));
        }
        Ok(found)
    })
}

impl Recycled {
    /// Removes whatever the tree held that this build did not put there.
    fn prune(&mut self, dir: &Path, folders: &PathSet) -> std::io::Result<()> {
        let listing = match self.listing.take().map(|l| l.join()) {
            Some(Ok(listing)) => listing?,
            _ => list_in_background(dir.to_path_buf())
                .join()
                .map_err(|_| std::io::Error::other("listing the staging folder failed"))??,
        };
        let placed = self
            .placed
            .get_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        for (path, is_dir) in listing {
            // Either kind may have been replaced by the other since it was listed.
            if placed.contains(path.as_os_str()) || folders.contains(path.as_os_str()) {
                continue;
            }
            let result = if is_dir {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            match result {
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    /// An unfinished build leaves the old site untouched; a recycled tree is kept
    /// as the spare again, an empty one removed.
    fn drop(&mut self) {
        if self.committed {
            return;
        }
        if self.recycled.is_some() && std::fs::rename(&self.dir, &self.spare).is_ok() {
            return;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
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

    fn keep(&self, path: &str, written: &Written) -> anyhow::Result<bool> {
        self.keep_previous(path, written)
    }
}

impl Staging {
    /// [`Sink::keep`]: the current output's file at `path` is the one written when
    /// its stamp is unchanged; otherwise it is read once and compared with the
    /// digest. Then it is linked (or, across file systems, written anew).
    fn keep_previous(&self, path: &str, written: &Written) -> anyhow::Result<bool> {
        use sha2::Digest as _;
        let Some(previous) = &self.previous else {
            return Ok(false);
        };
        let old = previous.join(path);
        let meta = match std::fs::symlink_metadata(&old) {
            Ok(meta) if meta.file_type().is_file() && meta.len() == written.len => meta,
            _ => return Ok(false),
        };
        let full = self.path_of(path)?;
        if written.stamp == Some(Stamp::of(&meta)) && self.linking.load(Ordering::Relaxed) {
            match self.link(&old, &full, &meta) {
                Ok(()) => return Ok(true),
                Err(e) if e.kind() == ErrorKind::CrossesDevices => {}
                Err(_) => return Ok(false),
            }
        }
        // Read through one open file, so the bytes checked are those of the file
        // linked (`link` makes sure of that).
        let Some((opened, bytes)) = File::open(&old).ok().and_then(|mut file| {
            let opened = file.metadata().ok()?;
            let mut bytes = Vec::with_capacity(written.len as usize);
            file.read_to_end(&mut bytes).ok()?;
            Some((opened, bytes))
        }) else {
            return Ok(false);
        };
        if bytes.len() as u64 != written.len
            || sha2::Sha256::digest(&bytes).as_slice() != written.digest
        {
            return Ok(false);
        }
        if self.linking.load(Ordering::Relaxed) {
            match self.link(&old, &full, &opened) {
                Ok(()) => return Ok(true),
                Err(e) if e.kind() == ErrorKind::CrossesDevices => {}
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
        let Ok(mut file) = File::open(&old) else {
            return false;
        };
        let Ok(opened) = file.metadata() else {
            return false;
        };
        if opened.len() != size || !matches!(same(&mut file), Ok(true)) {
            return false;
        }
        self.link(&old, full, &opened).is_ok()
    }

    /// Makes `full` the file `old` of the live site (a hard link), which must be
    /// the very file `checked` describes: the file looked at is the file linked,
    /// even if the live tree changed meanwhile. In a recycled tree it often is
    /// there already; whatever else is there gives way. A link across file systems
    /// turns linking off for the rest of the build.
    fn link(&self, old: &Path, full: &Path, checked: &std::fs::Metadata) -> std::io::Result<()> {
        if self.recycled.is_some()
            && let Ok(there) = std::fs::symlink_metadata(full)
        {
            if same_file(checked, &there) {
                self.linked.fetch_add(1, Ordering::Relaxed);
                return Ok(());
            }
            remove_any(full, &there)?;
        }
        if let Err(e) = std::fs::hard_link(old, full) {
            if e.kind() == ErrorKind::CrossesDevices {
                self.linking.store(false, Ordering::Relaxed);
            }
            return Err(e);
        }
        if !std::fs::symlink_metadata(full).is_ok_and(|placed| same_file(checked, &placed)) {
            let _ = std::fs::remove_file(full);
            return Err(std::io::Error::other(
                "the live file changed while it was linked",
            ));
        }
        self.linked.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Whether two looks saw the same file.
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.file_type().is_file() && a.ino() == b.ino() && a.dev() == b.dev()
}

/// Removes the file, link or folder at `path` (of kind `meta`).
fn remove_any(path: &Path, meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.file_type().is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    }
}

/// A new file at `path`. Whatever is already there (a file written twice in one
/// build, or in a recycled tree an old file, link or folder) is removed first, never
/// truncated: a file may be shared with the live site.
fn create_new(path: &Path) -> std::io::Result<File> {
    let create = || File::options().write(true).create_new(true).open(path);
    match create() {
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            remove_any(path, &std::fs::symlink_metadata(path)?)?;
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
            self.folder(parent)
                .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
        }
        if let Some(recycled) = &self.recycled
            && let Ok(mut placed) = recycled.placed.lock()
        {
            placed.insert(full.clone().into_os_string());
        }
        Ok(full)
    }

    /// Makes sure `dir`, inside the staging tree, is a folder. In a recycled tree
    /// each level is looked at once: a file or link in the way of a folder is
    /// removed, so nothing is ever written through a link out of the tree.
    fn folder(&self, dir: &Path) -> std::io::Result<()> {
        let known = |d: &Path| {
            d == self.dir || self.folders.lock().is_ok_and(|f| f.contains(d.as_os_str()))
        };
        if known(dir) {
            return Ok(());
        }
        if self.recycled.is_none() {
            std::fs::create_dir_all(dir)?;
        } else {
            if let Some(parent) = dir.parent() {
                self.folder(parent)?;
            }
            // Threads may meet at the same folder: what another removed or made
            // first is no failure, and the folder is looked at again at the end.
            let is_folder = || std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_dir());
            let gone = |r: std::io::Result<()>| match r {
                Err(e) if e.kind() != ErrorKind::NotFound && !is_folder() => Err(e),
                _ => Ok(()),
            };
            let made = |r: std::io::Result<()>| match r {
                Err(e) if e.kind() != ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            };
            match std::fs::symlink_metadata(dir) {
                Ok(meta) if meta.file_type().is_dir() => {}
                Ok(meta) => {
                    gone(remove_any(dir, &meta))?;
                    made(std::fs::create_dir(dir))?;
                }
                Err(e) if e.kind() == ErrorKind::NotFound => made(std::fs::create_dir(dir))?,
                Err(e) => return Err(e),
            }
            if !is_folder() {
                return Err(std::io::Error::other(
                    "a folder of the new site is not a folder",
                ));
            }
        }
        if let Ok(mut folders) = self.folders.lock() {
            folders.insert(dir.as_os_str().to_owned());
        }
        Ok(())
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

/// Removes, on a thread of its own, the sites replaced by earlier versions of
/// khaosan and the staging folders of builds that were killed before they finished
/// (the staging folder of a build still running is left alone, and the spare kept).
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = format!(".{name}.khaosan-");
    let mut stale = Vec::new();
    if let Ok(entries) = std::fs::read_dir(parent) {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            let Some(rest) = file_name.strip_prefix(&prefix) else {
                continue;
            };
            // Only the trees builds make are candidates: the spare and the lock
            // file share the prefix and are never stale.
            let Some(pid) = rest.strip_prefix("new-") else {
                if rest.starts_with("old-") {
                    stale.push(entry.path());
                }
                continue;
            };
            let pid_alive = pid
                .parse::<u32>()
                .is_ok_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if !pid_alive {
                stale.push(entry.path());
            }
        }
    }
    // A killed build's tree serves as the spare if there is none: any tree does.
    let spare = parent.join(format!("{prefix}spare"));
    if let Some(at) = stale.iter().position(|dir| {
        std::fs::symlink_metadata(&spare).is_err()
            && std::fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_dir())
            && std::fs::rename(dir, &spare).is_ok()
    }) {
        stale.remove(at);
    }
    // Not waited for: removing thousands of folders can take the disk seconds. A
    // removal cut short when the build ends is finished by the next one.
    std::thread::spawn(move || {
        for dir in stale {
            let _ = std::fs::remove_dir_all(dir);
        }
    });
}

/// Swaps `new` into `target`. On Linux both names are exchanged in one atomic
/// step, so the output folder is never missing; elsewhere two renames follow
/// each other closely.
///
/// The replaced site is kept as `spare`, for the next build to update in place;
/// where that cannot be (another build left one meanwhile), it is removed now.
fn swap_into_place(new: &Path, target: &Path, spare: &Path) -> anyhow::Result<()> {
    if !target.exists() {
        return std::fs::rename(new, target)
            .with_context(|| crate::messages::CANNOT_MOVE_INTO_PLACE.at(target));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `new` now holds the previous site.
            if std::fs::rename(new, spare).is_ok() {
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
    if std::fs::rename(&old, spare).is_err() {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
