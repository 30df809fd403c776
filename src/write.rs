//! Stage 4, **write**: the new site is built in a staging folder beside the output
//! and swapped in only when complete, so a failed or interrupted build leaves the
//! previous site exactly as it was.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
            .with_context(|| format!("cannot read the source of {path}"))?;
        self.write(path, &bytes)
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
            .map_err(|_| anyhow::anyhow!("a renderer panicked"))?
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
}

impl Staging {
    /// Prepares `<parent>/.<name>.khaosan-new-<pid>` for an output at `target`.
    pub fn begin(target: &Path, root: &Path) -> anyhow::Result<Staging> {
        let target = absolute(target)?;
        refuse_dangerous_target(&target, &absolute(root)?)?;
        let parent = target
            .parent()
            .context("the output folder needs a parent folder")?;
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
        let name = target
            .file_name()
            .context("the output folder needs a name")?
            .to_string_lossy()
            .into_owned();
        remove_stale_staging(parent, &name);
        let dir = parent.join(format!(".{name}.khaosan-new-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)
                .with_context(|| format!("cannot clear {}", dir.display()))?;
        }
        std::fs::create_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(Staging {
            dir,
            target,
            committed: false,
        })
    }

    /// Puts the finished tree in place of the old one.
    pub fn commit(mut self) -> anyhow::Result<PathBuf> {
        swap_into_place(&self.dir, &self.target)?;
        self.committed = true;
        Ok(self.target.clone())
    }
}

impl Drop for Staging {
    /// An unfinished build leaves nothing behind; the old site is untouched.
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn write(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        let full = self.path_of(path)?;
        std::fs::write(&full, bytes).with_context(|| format!("cannot write {}", full.display()))
    }

    fn copy(&self, path: &str, blob: &Blob) -> anyhow::Result<()> {
        match blob {
            Blob::Disk { path: from, .. } => {
                let full = self.path_of(path)?;
                std::fs::copy(from, &full).with_context(|| {
                    format!("cannot copy {} to {}", from.display(), full.display())
                })?;
                Ok(())
            }
            Blob::Bytes(bytes) => self.write(path, bytes),
        }
    }
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
            bail!("refusing to write `{path}`: output paths must stay inside the output folder");
        }
        let full = self.dir.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
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
        bail!(
            "the output folder {} contains the site itself; choose another --out such as public",
            target.display()
        );
    }
    for source in ["content", "approvals", "themes", "templates", ".git"] {
        if target.starts_with(root.join(source)) {
            bail!(
                "the output folder {} is inside {source}/; choose another --out such as public",
                target.display()
            );
        }
    }
    if target.is_dir()
        && !target.join(BUILD_INFO).exists()
        && std::fs::read_dir(target)?.next().is_some()
    {
        bail!(
            "{} exists, is not empty and was not written by khaosan (no {BUILD_INFO}); move it away or choose another --out",
            target.display()
        );
    }
    if target.exists() && !target.is_dir() {
        bail!(
            "{} exists and is not a folder; choose another --out",
            target.display()
        );
    }
    Ok(())
}

/// Staging folders of builds that were killed before they finished.
fn remove_stale_staging(parent: &Path, name: &str) {
    let prefix = format!(".{name}.khaosan-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with(&prefix) {
            let pid_alive = file_name
                .rsplit('-')
                .next()
                .and_then(|pid| pid.parse::<u32>().ok())
                .is_some_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
            if !pid_alive {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
}

/// Swaps `new` into `target`. On Linux both names are exchanged in one atomic
/// step, so the output folder is never missing; elsewhere two renames follow
/// each other closely.
fn swap_into_place(new: &Path, target: &Path) -> anyhow::Result<()> {
    if !target.exists() {
        return std::fs::rename(new, target)
            .with_context(|| format!("cannot move the new site to {}", target.display()));
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE).is_ok() {
            // `new` now holds the previous site.
            return std::fs::remove_dir_all(new).with_context(|| {
                format!(
                    "the new site is in place, but the old one could not be removed from {}",
                    new.display()
                )
            });
        }
    }
    let old = new.with_file_name(format!(
        "{}.old",
        new.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ));
    std::fs::rename(target, &old)
        .with_context(|| format!("cannot move the old site {} aside", target.display()))?;
    if let Err(e) = std::fs::rename(new, target) {
        let _ = std::fs::rename(&old, target);
        return Err(e).with_context(|| format!("cannot move the new site to {}", target.display()));
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

    #[test]
    fn paths_cannot_escape() {
        let dir = tempfile::tempdir().unwrap();
        let s = Staging::begin(&dir.path().join("public"), &dir.path().join("site")).unwrap();
        assert!(s.write("../evil", b"x").is_err());
        assert!(s.write("/etc/x", b"x").is_err());
        assert!(s.write("a/../../x", b"x").is_err());
    }
}
