//! Reading the built branch: its first-parent commits, and what each changed
//! within the gated paths, by comparing tree entries by id.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use git2::{Commit, ObjectType, Oid, Repository, Tree};

use super::rule::CommitFacts;
use crate::registry::{REGISTRY_FILE, Registry};
use crate::source::GATED;

/// Git file modes.
pub(crate) const MODE_TREE: i32 = 0o040000;
pub(crate) const MODE_LINK: i32 = 0o120000;
pub(crate) const MODE_SUBMODULE: i32 = 0o160000;

/// Opens the repository whose top folder is `root`.
pub(crate) fn open(root: &Path) -> anyhow::Result<Option<Repository>> {
    match Repository::open(root) {
        Ok(repo) => Ok(Some(repo)),
        Err(e) if e.code() == git2::ErrorCode::NotFound => {
            if let Ok(outer) = Repository::discover(root) {
                let top = outer.workdir().unwrap_or(outer.path());
                bail!(
                    "{} is inside the git repository {} but not at its top; khaosan reads gated paths \
                     (content/, approvals/, ...) from the top of the repository, so build from there",
                    root.display(),
                    top.display()
                );
            }
            Ok(None)
        }
        Err(e) => Err(e).with_context(|| {
            format!(
                "cannot read the git repository at {}; check that .git is complete and readable",
                root.display()
            )
        }),
    }
}

/// The commit at the tip of `branch` (a branch name, or any revision), or HEAD.
/// Returns the commit and the branch name to report.
pub(crate) fn tip<'r>(
    repo: &'r Repository,
    branch: Option<&str>,
) -> anyhow::Result<(Commit<'r>, Option<String>)> {
    match branch {
        Some(name) => {
            let commit = repo
                .find_branch(name, git2::BranchType::Local)
                .ok()
                .and_then(|b| b.get().peel_to_commit().ok())
                .or_else(|| {
                    repo.revparse_single(name)
                        .ok()
                        .and_then(|o| o.peel_to_commit().ok())
                })
                .with_context(|| {
                    format!("--branch {name}: no such branch or commit in this repository")
                })?;
            Ok((commit, Some(name.to_string())))
        }
        None => {
            let head = repo.head().context(
                "the git repository has no commits yet (HEAD points nowhere); commit the site first",
            )?;
            let commit = head
                .peel_to_commit()
                .context("HEAD does not point to a commit")?;
            let name = head
                .shorthand()
                .ok()
                .filter(|b| *b != "HEAD")
                .map(str::to_string);
            Ok((commit, name))
        }
    }
}

/// The first-parent history ending at `tip`, oldest first: what reached the
/// branch merge by merge. Second parents (the pull requests' own commits) are
/// never followed.
pub(crate) fn first_parent<'r>(tip: Commit<'r>) -> anyhow::Result<Vec<Commit<'r>>> {
    let mut commits = Vec::new();
    let mut next = Some(tip);
    while let Some(commit) = next {
        next = if commit.parent_count() == 0 {
            None
        } else {
            Some(commit.parent(0).with_context(|| {
                format!(
                    "cannot read the parent of commit {}: the history is incomplete; \
                     clone with full history (fetch-depth: 0)",
                    commit.id()
                )
            })?)
        };
        commits.push(commit);
    }
    commits.reverse();
    Ok(commits)
}

/// A git time as a date-time in the committer's own offset.
pub(crate) fn time(t: git2::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(t.offset_minutes() * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero is a valid offset"));
    DateTime::from_timestamp(t.seconds(), 0)
        .unwrap_or_default()
        .with_timezone(&offset)
}

/// The facts of one commit for the approval rule.
pub(crate) fn facts(repo: &Repository, commit: &Commit<'_>) -> anyhow::Result<CommitFacts> {
    let author = commit.author();
    let is_merge = commit.parent_count() > 1;
    let proposed_at = if is_merge {
        let pr = commit.parent_id(1).context("a merge has a second parent")?;
        let pr = repo
            .find_commit(pr)
            .with_context(|| missing("commit", pr))?;
        Some(time(pr.committer().when()))
    } else {
        None
    };
    Ok(CommitFacts {
        id: commit.id().to_string(),
        is_merge,
        author_name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
        author_email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        author_time: time(author.when()),
        committer_time: time(commit.committer().when()),
        proposed_at,
    })
}

/// The message for an object the repository should have but does not.
pub(crate) fn missing(kind: &str, id: Oid) -> String {
    format!(
        "the git repository is missing {kind} {id}; the clone is incomplete or damaged: \
         clone again with full history (fetch-depth: 0)"
    )
}

/// The id of `approvals/approvers.toml` in a commit's tree, if it has one.
pub(crate) fn registry_id(commit: &Commit<'_>) -> anyhow::Result<Option<Oid>> {
    let tree = commit
        .tree()
        .with_context(|| missing("the tree of commit", commit.id()))?;
    Ok(tree
        .get_path(Path::new(REGISTRY_FILE))
        .ok()
        .filter(|e| e.kind() == Some(ObjectType::Blob))
        .map(|e| e.id()))
}

/// The registry stored as blob `id`, or why it cannot be read.
pub(crate) fn registry_at(repo: &Repository, id: Oid) -> anyhow::Result<Result<Registry, String>> {
    let blob = repo.find_blob(id).with_context(|| missing("blob", id))?;
    Ok(match std::str::from_utf8(blob.content()) {
        Ok(text) => Registry::parse(text).map_err(|p| p.to_string()),
        Err(_) => Err(format!("{REGISTRY_FILE} is not UTF-8 text")),
    })
}

/// One file's change between a commit and its first parent: `None` is absent.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub(crate) path: String,
    /// The name is not valid UTF-8 (`path` shows it with replacement characters).
    pub(crate) odd_name: bool,
    pub(crate) new: Option<(Oid, i32)>,
}

/// What one commit changed: gated files, and the top-level names of the rest.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub(crate) gated: Vec<Change>,
    pub(crate) outside: Vec<String>,
}

/// Compares trees by entry id, descending only into subtrees that differ.
/// Keeps the latest tree seen at each folder, since the next commit's parent
/// side is usually exactly that tree: each tree version is read once.
pub(crate) struct Differ<'r> {
    repo: &'r Repository,
    latest: HashMap<String, Tree<'r>>,
}

impl<'r> Differ<'r> {
    pub(crate) fn new(repo: &'r Repository) -> Differ<'r> {
        Differ {
            repo,
            latest: HashMap::new(),
        }
    }

    fn tree(&mut self, dir: &str, id: Oid) -> anyhow::Result<Tree<'r>> {
        if let Some(tree) = self.latest.get(dir).filter(|t| t.id() == id) {
            return Ok(tree.clone());
        }
        self.repo.find_tree(id).with_context(|| missing("tree", id))
    }

    /// Every gated file of `root` as an addition (the tree trusted at genesis).
    pub(crate) fn all(&mut self, root: &Tree<'r>) -> anyhow::Result<Vec<Change>> {
        Ok(self.between(None, root)?.gated)
    }

    /// What changed from `old` to `new` (root trees; no `old` for a first commit).
    pub(crate) fn between(
        &mut self,
        old: Option<&Tree<'r>>,
        new: &Tree<'r>,
    ) -> anyhow::Result<Changes> {
        let mut changes = Changes::default();
        if old.is_some_and(|o| o.id() == new.id()) {
            return Ok(changes);
        }
        for (name, o, n) in joined(old, Some(new)) {
            let gated = GATED.iter().any(|g| match g.strip_suffix('/') {
                Some(dir) => name == dir.as_bytes(),
                None => name == g.as_bytes(),
            });
            let (name, _) = decode(&name);
            if gated {
                self.entry(&mut changes.gated, &name, o, n)?;
            } else {
                let dir = [o, n].iter().flatten().any(|e| e.1 == MODE_TREE);
                changes
                    .outside
                    .push(if dir { format!("{name}/") } else { name });
            }
        }
        Ok(changes)
    }

    /// One differing entry at `path`: a file, or a folder to descend into.
    fn entry(
        &mut self,
        out: &mut Vec<Change>,
        path: &str,
        old: Option<(Oid, i32)>,
        new: Option<(Oid, i32)>,
    ) -> anyhow::Result<()> {
        let old_dir = old.filter(|e| e.1 == MODE_TREE);
        let new_dir = new.filter(|e| e.1 == MODE_TREE);
        let old_file = old.filter(|e| e.1 != MODE_TREE);
        let new_file = new.filter(|e| e.1 != MODE_TREE);
        if old_file.is_some() || new_file.is_some() {
            out.push(Change {
                path: path.to_string(),
                odd_name: false,
                new: new_file,
            });
        }
        if old_dir.is_none() && new_dir.is_none() {
            return Ok(());
        }
        let old_tree = match old_dir {
            Some((id, _)) => Some(self.tree(path, id)?),
            None => None,
        };
        let new_tree = match new_dir {
            Some((id, _)) => Some(self.tree(path, id)?),
            None => None,
        };
        for (name, o, n) in joined(old_tree.as_ref(), new_tree.as_ref()) {
            let (name, odd) = decode(&name);
            let child = format!("{path}/{name}");
            let before = out.len();
            self.entry(out, &child, o, n)?;
            if odd {
                for change in &mut out[before..] {
                    change.odd_name = true;
                }
            }
        }
        match new_tree {
            Some(tree) => {
                self.latest.insert(path.to_string(), tree);
            }
            None => {
                self.latest.remove(path);
            }
        }
        Ok(())
    }
}

/// A name as text, and whether it was not valid UTF-8.
fn decode(name: &[u8]) -> (String, bool) {
    match std::str::from_utf8(name) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (String::from_utf8_lossy(name).into_owned(), true),
    }
}

type Side = Option<(Oid, i32)>;

/// The entries of two trees side by side in git's order, skipping equal ones.
fn joined(old: Option<&Tree<'_>>, new: Option<&Tree<'_>>) -> Vec<(Vec<u8>, Side, Side)> {
    let mut out = Vec::new();
    let mut a = old.into_iter().flat_map(Tree::iter).peekable();
    let mut b = new.into_iter().flat_map(Tree::iter).peekable();
    loop {
        let order = match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (Some(x), Some(y)) => git_order(
                x.name_bytes(),
                x.filemode() == MODE_TREE,
                y.name_bytes(),
                y.filemode() == MODE_TREE,
            ),
        };
        match order {
            Ordering::Less => {
                if let Some(x) = a.next() {
                    out.push((x.name_bytes().to_vec(), Some((x.id(), x.filemode())), None));
                }
            }
            Ordering::Greater => {
                if let Some(y) = b.next() {
                    out.push((y.name_bytes().to_vec(), None, Some((y.id(), y.filemode()))));
                }
            }
            Ordering::Equal => {
                if let (Some(x), Some(y)) = (a.next(), b.next())
                    && (x.id() != y.id() || x.filemode() != y.filemode())
                {
                    out.push((
                        x.name_bytes().to_vec(),
                        Some((x.id(), x.filemode())),
                        Some((y.id(), y.filemode())),
                    ));
                }
            }
        }
    }
    out
}

/// Git sorts tree entries by name, a folder's name compared as if it ended in `/`.
fn git_order(a: &[u8], a_dir: bool, b: &[u8], b_dir: bool) -> Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n]).then_with(|| {
        let next = |s: &[u8], dir: bool| s.get(n).copied().or(dir.then_some(b'/'));
        next(a, a_dir).cmp(&next(b, b_dir))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_sort_as_if_ending_in_a_slash() {
        assert_eq!(git_order(b"a", true, b"a.md", false), Ordering::Greater);
        assert_eq!(git_order(b"a", false, b"a.md", false), Ordering::Less);
        assert_eq!(git_order(b"news", true, b"news", true), Ordering::Equal);
    }
}
