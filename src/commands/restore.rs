//! `khaosan restore PATH…`: writes the approved version of gated files into the
//! working tree, the way out of a change history did not approve.
//!
//! Restoring a file to its last approved content is always allowed (it changes
//! nothing public), so after a restore is committed the change can be proposed
//! again as an ordinary pull request. The approved versions come from the same
//! git walk the build makes; nothing outside the repository is ever written.

use std::path::{Component, Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::messages;
use crate::source::{self, LoadOptions, Snapshot};

/// What `khaosan restore` was asked to do.
#[derive(Debug, Clone)]
pub struct RestoreOptions {
    pub root: PathBuf,
    /// Files or folders, relative to the root (or absolute inside it).
    pub paths: Vec<PathBuf>,
    pub load: LoadOptions,
}

/// What was done to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The approved version was written: the commit that approved it, and who.
    Written { commit: String, approver: String },
    /// It was already the approved version.
    Unchanged,
    /// It has no approved version and was committed: removed (its text stays in history).
    Removed,
    /// It has no approved version and was never committed: left alone, so no work is lost.
    LeftAlone,
}

/// One file restored.
#[derive(Debug, Clone)]
pub struct Restored {
    pub path: String,
    pub action: Action,
}

impl Restored {
    /// One line for the terminal, Thai first.
    pub fn describe(&self) -> String {
        match &self.action {
            Action::Written { commit, approver } => format!(
                "คืนฉบับที่อนุมัติแล้ว (restored) {}: approved by {approver} in commit {}",
                self.path,
                commit.get(..7).unwrap_or(commit)
            ),
            Action::Unchanged => format!(
                "ตรงกับฉบับที่อนุมัติแล้ว (already the approved version) {}",
                self.path
            ),
            Action::Removed => format!(
                "ลบออก (removed) {}: it has no approved version; its text stays in git history",
                self.path
            ),
            Action::LeftAlone => format!(
                "ไม่แตะต้อง (left alone) {}: no approved version, and never committed, so it is not on the site",
                self.path
            ),
        }
    }
}

/// What to do after a restore, for the terminal.
pub const NEXT_STEPS: &str = "ต่อไป (next): commit the restored files (git add -A && git commit -m \"Restore approved versions\") \
and bring them to main (a pull request, or a push where that is allowed); restoring needs no approval. \
Then propose the change again from a new branch of main as a pull request for the approver to merge.";

/// Restores every path; refuses, before writing anything, a path outside the
/// repository or outside the files the site is made from.
pub fn restore(options: &RestoreOptions) -> anyhow::Result<Vec<Restored>> {
    if options.paths.is_empty() {
        bail!(messages::RESTORE_NOTHING.say(&[]));
    }
    let root = options
        .root
        .canonicalize()
        .with_context(|| messages::CANNOT_READ.at(&options.root))?;
    let wanted: Vec<String> = options
        .paths
        .iter()
        .map(|p| relative(&root, p))
        .collect::<anyhow::Result<_>>()?;
    let snapshot = source::git::load(&root, &options.load)?;
    let committed = committed_files(&root)?;
    let mut done = Vec::new();
    for path in wanted {
        let mut targets: Vec<String> = snapshot
            .files
            .keys()
            .filter(|f| **f == path || f.starts_with(&format!("{path}/")))
            .cloned()
            .collect();
        for file in on_disk(&root, &path) {
            if !targets.contains(&file) {
                targets.push(file);
            }
        }
        if targets.is_empty() {
            bail!(messages::RESTORE_NO_SUCH_FILE.say(&[("path", &path)]));
        }
        targets.sort();
        for file in targets {
            let action = restore_one(&root, &snapshot, &committed, &file)?;
            done.push(Restored { path: file, action });
        }
    }
    Ok(done)
}

fn restore_one(
    root: &Path,
    snapshot: &Snapshot,
    committed: &std::collections::BTreeSet<String>,
    path: &str,
) -> anyhow::Result<Action> {
    let full = safe_target(root, path)?;
    let Some(file) = snapshot.files.get(path) else {
        if !full.exists() {
            return Ok(Action::Unchanged);
        }
        if !committed.contains(path) {
            return Ok(Action::LeftAlone);
        }
        std::fs::remove_file(&full).with_context(|| messages::CANNOT_REMOVE.at(path))?;
        return Ok(Action::Removed);
    };
    let bytes = file
        .blob
        .read()
        .with_context(|| messages::CANNOT_READ.at(path))?;
    if std::fs::read(&full).is_ok_and(|now| now == *bytes) {
        return Ok(Action::Unchanged);
    }
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).with_context(|| messages::CANNOT_CREATE.at(parent))?;
    }
    crate::write::replace_file(&full, &bytes).with_context(|| messages::CANNOT_WRITE.at(path))?;
    let (commit, approver) = file
        .approval
        .as_ref()
        .map(|a| (a.commit.clone(), a.approver.clone()))
        .unwrap_or_default();
    Ok(Action::Written { commit, approver })
}

/// The `/`-separated path of `given` inside the repository, or why it is refused.
fn relative(root: &Path, given: &Path) -> anyhow::Result<String> {
    let inside = if given.is_absolute() {
        let absolute = given.canonicalize().unwrap_or_else(|_| given.to_path_buf());
        absolute
            .strip_prefix(root)
            .map(Path::to_path_buf)
            .map_err(|_| {
                anyhow::anyhow!(messages::RESTORE_OUTSIDE.say(&[
                    ("path", &given.display().to_string()),
                    ("root", &root.display().to_string()),
                ]))
            })?
    } else {
        given.to_path_buf()
    };
    let mut parts = Vec::new();
    for component in inside.components() {
        match component {
            Component::Normal(part) => parts.push(
                part.to_str()
                    .with_context(|| messages::RESTORE_NOT_UTF8.at(given))?,
            ),
            Component::CurDir => {}
            _ => {
                bail!(messages::RESTORE_LEAVES_SITE.say(&[("path", &given.display().to_string())]))
            }
        }
    }
    let path = parts.join("/");
    let gated = source::is_gated(&path)
        || source::GATED
            .iter()
            .any(|g| g.trim_end_matches('/') == path);
    if !gated {
        bail!(messages::RESTORE_NOT_SITE_FILE.say(&[
            ("path", &given.display().to_string()),
            ("gated", &source::GATED.join(", ")),
        ]));
    }
    Ok(path)
}

/// The file's place in the working tree, refusing one reached through a symbolic link.
fn safe_target(root: &Path, path: &str) -> anyhow::Result<PathBuf> {
    let mut full = root.to_path_buf();
    for part in path.split('/') {
        full.push(part);
        if std::fs::symlink_metadata(&full).is_ok_and(|m| m.file_type().is_symlink()) {
            bail!(
                messages::RESTORE_SYMLINK
                    .say(&[("path", path), ("full", &full.display().to_string())])
            );
        }
    }
    Ok(full)
}

/// Working-tree files at or under `path` (not following links).
fn on_disk(root: &Path, path: &str) -> Vec<String> {
    let full = root.join(path);
    walkdir::WalkDir::new(&full)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(root)
                .ok()
                .and_then(|p| p.to_str())
                .map(|p| p.replace('\\', "/"))
        })
        .collect()
}

/// The files of the commit checked out (HEAD), so only committed work is removed.
fn committed_files(root: &Path) -> anyhow::Result<std::collections::BTreeSet<String>> {
    let mut files = std::collections::BTreeSet::new();
    let repo = git2::Repository::open(root).with_context(|| messages::GIT_CANNOT_OPEN.at(root))?;
    let Ok(tree) = repo.head().and_then(|h| h.peel_to_tree()) else {
        return Ok(files);
    };
    tree.walk(git2::TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() == Some(git2::ObjectType::Blob)
            && let Ok(name) = entry.name()
        {
            files.insert(format!("{dir}{name}"));
        }
        git2::TreeWalkResult::Ok
    })
    .with_context(|| messages::GIT_CANNOT_READ.say(&[("what", "HEAD")]))?;
    Ok(files)
}
