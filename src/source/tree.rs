//! The working-tree source: gated files as they are on disk.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use rayon::prelude::*;
use walkdir::WalkDir;

use super::{Blob, GATED, Origin, Snapshot, SourceFile, Trust};
use crate::error::Problem;

/// Text files are read now; anything else (PDFs, fonts, images) is copied when written.
const TEXT_EXTENSIONS: &[&str] = &["md", "toml", "html", "xml", "txt", "json", "css", "js"];

pub fn load(root: &Path) -> anyhow::Result<Snapshot> {
    let mut snapshot = Snapshot {
        origin: Origin {
            root: root.to_path_buf(),
            ..head_of(root)
        },
        trust: Trust::FrontMatter,
        ..Snapshot::default()
    };
    let mut found = Vec::new();
    for gated in GATED {
        let path = root.join(gated.trim_end_matches('/'));
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        // A link at the top (`content -> /elsewhere`) would publish files from
        // outside the repository: refused like every link below it.
        if meta.file_type().is_symlink() {
            snapshot.refused.push(Problem::new(
                gated.trim_end_matches('/'),
                crate::messages::LINK_REFUSED.say(&[]),
            ));
            continue;
        }
        for entry in WalkDir::new(&path)
            .follow_links(false)
            .follow_root_links(false)
            .sort_by_file_name()
        {
            let entry = entry.with_context(|| crate::messages::CANNOT_READ.at(&path))?;
            let rel = match relative(root, entry.path()) {
                Ok(rel) => rel,
                Err(problem) => {
                    snapshot.refused.push(problem);
                    continue;
                }
            };
            if is_hidden(&rel) {
                continue;
            }
            let kind = entry.file_type();
            if kind.is_symlink() {
                snapshot
                    .refused
                    .push(Problem::new(&rel, crate::messages::LINK_REFUSED.say(&[])));
            } else if kind.is_file() {
                found.push((rel, entry.into_path()));
            }
        }
    }
    // Reading thousands of small files is most of this stage: in parallel.
    let blobs = found
        .par_iter()
        .map(|(rel, path)| read_blob(path, rel))
        .collect::<anyhow::Result<Vec<Blob>>>()?;
    for ((rel, _), blob) in found.into_iter().zip(blobs) {
        snapshot.files.insert(
            rel,
            SourceFile {
                blob,
                approval: None,
            },
        );
    }
    Ok(snapshot)
}

fn read_blob(path: &Path, rel: &str) -> anyhow::Result<Blob> {
    let is_text = rel
        .rsplit_once('.')
        .is_some_and(|(_, ext)| TEXT_EXTENSIONS.contains(&ext));
    if is_text {
        let bytes = std::fs::read(path).with_context(|| crate::messages::CANNOT_READ.at(rel))?;
        Ok(Blob::Bytes(Arc::from(bytes)))
    } else {
        let len = std::fs::metadata(path)
            .with_context(|| crate::messages::CANNOT_READ.at(rel))?
            .len();
        Ok(Blob::Disk {
            path: path.to_path_buf(),
            len,
        })
    }
}

/// The `/`-separated path below `root`; names that are not UTF-8 are refused.
fn relative(root: &Path, path: &Path) -> Result<String, Problem> {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    match parts {
        Some(parts) => Ok(parts.join("/")),
        None => Err(Problem::new(
            rel.to_string_lossy(),
            crate::messages::NAME_NOT_UTF8.say(&[]),
        )),
    }
}

/// Dot-files (`.gitkeep`, `.DS_Store`) are never part of the site.
fn is_hidden(rel: &str) -> bool {
    rel.split('/').any(|part| part.starts_with('.'))
}

/// The commit and branch checked out at `root`, when it is a git repository.
fn head_of(root: &Path) -> Origin {
    let Ok(repo) = git2::Repository::open(root) else {
        return Origin::default();
    };
    let Ok(head) = repo.head() else {
        return Origin::default();
    };
    Origin {
        root: root.to_path_buf(),
        commit: head.target().map(|id| id.to_string()),
        branch: head
            .shorthand()
            .ok()
            .map(str::to_string)
            .filter(|b| *b != "HEAD"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_files_are_skipped() {
        assert!(is_hidden("content/.gitkeep"));
        assert!(is_hidden("content/news/.drafts/a.md"));
        assert!(!is_hidden("content/news/a.md"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_refused_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/news")).unwrap();
        std::fs::write(root.join("secret.txt"), "CANARY").unwrap();
        std::os::unix::fs::symlink(root.join("secret.txt"), root.join("content/news/leak.md"))
            .unwrap();
        let snapshot = load(root).unwrap();
        assert!(!snapshot.files.contains_key("content/news/leak.md"));
        assert_eq!(snapshot.refused.len(), 1);
        assert!(snapshot.refused[0].message.contains("symbolic link"));
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_content_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let elsewhere = dir.path().join("elsewhere/news");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(elsewhere.join("a.md"), "CANARY").unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("content")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("themes")).unwrap();
        let snapshot = load(&root).unwrap();
        assert!(snapshot.files.is_empty(), "{:?}", snapshot.files.keys());
        assert_eq!(snapshot.refused.len(), 2);
        assert_eq!(snapshot.refused[0].file, "content");
    }
}
