//! Reading the built branch: the repository, its first-parent commits, and the
//! facts of each commit the approval rule needs.

use std::path::Path;

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset};
use git2::{Commit, Oid, Repository};

use super::rule::CommitFacts;
use crate::registry::{REGISTRY_FILE, Registry};

/// Opens the repository whose top folder is `root`; `None` when it is not one.
pub(crate) fn open(root: &Path) -> anyhow::Result<Option<Repository>> {
    // Re-hashing every object read (libgit2's default) more than doubles the time
    // of the walk; git itself does not do it on reads either. Ids still come from
    // the trees and commits, and packs carry their own checksums.
    git2::opts::strict_hash_verification(false);
    match Repository::open(root) {
        Ok(repo) => Ok(Some(repo)),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| crate::messages::GIT_CANNOT_OPEN.at(root)),
    }
}

/// Why `root` is not a repository khaosan can read approvals from, in Thai and
/// in English.
pub(crate) fn not_a_repository(root: &Path) -> (String, String) {
    let root = root.display();
    match Repository::discover(root.to_string()) {
        Ok(outer) => {
            let top = outer.workdir().unwrap_or(outer.path()).display();
            (
                format!(
                    "{root} อยู่ในที่เก็บ git {top} แต่ไม่ใช่โฟลเดอร์บนสุด khaosan อ่านโฟลเดอร์ที่ต้องอนุมัติ \
                     (content/, approvals/, ...) จากโฟลเดอร์บนสุดของที่เก็บ"
                ),
                format!(
                    "{root} is inside the git repository {top} but not at its top; khaosan reads the gated \
                     paths (content/, approvals/, ...) from the top of the repository"
                ),
            )
        }
        Err(_) => (
            format!("{root} ไม่ใช่ที่เก็บ git"),
            format!("{root} is not a git repository"),
        ),
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
                .with_context(|| crate::messages::GIT_NO_BRANCH.say(&[("name", name)]))?;
            Ok((commit, Some(name.to_string())))
        }
        None => {
            let head = repo
                .head()
                .with_context(|| crate::messages::GIT_NO_COMMITS.say(&[]))?;
            let commit = head
                .peel_to_commit()
                .with_context(|| crate::messages::GIT_HEAD_NOT_COMMIT.say(&[]))?;
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
/// In a shallow clone the history simply ends where the clone does.
pub(crate) fn first_parent<'r>(tip: Commit<'r>, shallow: bool) -> anyhow::Result<Vec<Commit<'r>>> {
    let mut commits = Vec::new();
    let mut next = Some(tip);
    while let Some(commit) = next {
        next = if commit.parent_count() == 0 {
            None
        } else if shallow {
            commit.parent(0).ok()
        } else {
            Some(parent(&commit, 0)?)
        };
        commits.push(commit);
    }
    commits.reverse();
    Ok(commits)
}

/// Parent `index` of `commit`; a missing one means the clone lacks history.
fn parent<'r>(commit: &Commit<'r>, index: usize) -> anyhow::Result<Commit<'r>> {
    commit.parent(index).with_context(|| {
        crate::messages::GIT_INCOMPLETE_HISTORY.say(&[("id", &commit.id().to_string())])
    })
}

/// The history walked to `tip`, oldest first: the first-parent line, except that
/// until `previous` is reached, a merge is followed through the parent that leads
/// to `previous` (after a foxtrot merge that is the second parent). Past
/// `previous`, the first-parent line again.
pub(crate) fn chain<'r>(
    repo: &'r Repository,
    tip: Commit<'r>,
    previous: Option<Oid>,
    shallow: bool,
) -> anyhow::Result<Vec<Commit<'r>>> {
    let Some(target) = previous else {
        return first_parent(tip, shallow);
    };
    let mut commits = Vec::new();
    let mut next = Some(tip);
    while let Some(commit) = next {
        if commit.id() == target {
            let mut rest = first_parent(commit, shallow)?;
            rest.reverse();
            commits.extend(rest);
            break;
        }
        let leads = |id: Oid| id == target || repo.graph_descendant_of(id, target).unwrap_or(false);
        let index = (0..commit.parent_count())
            .find(|&i| commit.parent_id(i).is_ok_and(leads))
            .unwrap_or(0);
        next = if commit.parent_count() == 0 {
            None
        } else {
            Some(parent(&commit, index)?)
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
        let pr = commit.parent_id(1).with_context(|| {
            crate::messages::GIT_INCOMPLETE_HISTORY.say(&[("id", &commit.id().to_string())])
        })?;
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
        parents: commit.parent_count(),
        author_name: String::from_utf8_lossy(author.name_bytes()).into_owned(),
        author_email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        author_time: time(author.when()),
        committer_time: time(commit.committer().when()),
        proposed_at,
        signature: std::sync::Arc::new(super::signature::CommitSignature::read(repo, commit.id())?),
    })
}

/// The message for an object the repository should have but does not.
pub(crate) fn missing(kind: &str, id: Oid) -> String {
    crate::messages::GIT_MISSING_OBJECT.say(&[("what", kind), ("id", &id.to_string())])
}

/// The registry stored as blob `id`, or why it cannot be read.
pub(crate) fn registry_at(repo: &Repository, id: Oid) -> anyhow::Result<Result<Registry, String>> {
    let blob = repo.find_blob(id).with_context(|| missing("blob", id))?;
    Ok(match std::str::from_utf8(blob.content()) {
        Ok(text) => Registry::parse(text).map_err(|p| p.to_string()),
        Err(_) => Err(format!(
            "{REGISTRY_FILE}: {}",
            crate::messages::NOT_UTF8.say(&[])
        )),
    })
}
