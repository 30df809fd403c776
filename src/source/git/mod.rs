//! The git-backed source: each gated file in its last approved version.
//!
//! With `verify_git = true`, the build reads the first-parent history of the
//! branch it builds, oldest to newest, in one pass ([`walk`]). Trust starts at the
//! first commit whose registry says `verify_git = true` (or at `--genesis`): that
//! commit's tree is taken as it is. After it, every change to a gated file must be
//! approved ([`rule::approves`]) under the registry in effect just before the
//! change; an unapproved change is ignored and reported, and the file keeps its
//! last approved version, read from the object database, never the working tree.

mod history;
mod rule;
mod walk;

use std::path::Path;

use anyhow::{Context as _, bail};
use git2::{Commit, Repository};

use super::{LoadOptions, Origin, Snapshot, Trust};
use crate::registry::{REGISTRY_FILE, Registry};
use rule::approves;

/// The approver recorded for files trusted as they were in the starting commit,
/// when its author is not a registered person.
pub const STARTING_COMMIT: &str = "(starting commit)";

/// Whether history demands verification even if the working tree says otherwise:
/// once an approved registry turned `verify_git` on, only an approver's change can
/// turn it off again (a one-way door). `--genesis` asks for verification too.
///
/// Cheap where verification was never on: only the registry's blob id is looked
/// up in each commit, and only changed registries are read.
pub fn verification_required(root: &Path, options: &LoadOptions) -> anyhow::Result<bool> {
    if options.genesis.is_some() {
        return Ok(true);
    }
    let Some(repo) = history::open(root)? else {
        return Ok(false);
    };
    if repo.head().is_err() && options.branch.is_none() {
        return Ok(false);
    }
    let (tip, _) = history::tip(&repo, options.branch.as_deref())?;
    let commits = history::first_parent(tip)?;
    let Some(start) = first_verified(&repo, &commits)? else {
        return Ok(false);
    };
    let mut registry = registry_of(&repo, &commits[start])?;
    let mut current = history::registry_id(&commits[start])?;
    for commit in &commits[start + 1..] {
        let id = history::registry_id(commit)?;
        if id == current {
            continue;
        }
        current = id;
        let facts = history::facts(&repo, commit)?;
        if approves(&facts, &registry, REGISTRY_FILE, None).is_ok() {
            registry = match id {
                Some(id) => history::registry_at(&repo, id)?.unwrap_or(registry),
                None => Registry::default(),
            };
        }
    }
    Ok(registry.verify_git)
}

/// Loads every gated file in its last approved version from the built branch.
pub fn load(root: &Path, options: &LoadOptions) -> anyhow::Result<Snapshot> {
    let Some(repo) = history::open(root)? else {
        bail!(
            "verify_git = true in {REGISTRY_FILE}, but {} is not a git repository, so approvals \
             cannot be checked. Build from a git clone with full history (in GitHub Actions: \
             actions/checkout with fetch-depth: 0), or pass --trust-front-matter for a preview \
             that must not be published",
            root.display()
        );
    };
    if repo.is_shallow() {
        bail!(
            "verify_git = true in {REGISTRY_FILE}, but this is a shallow clone: the history that \
             proves approvals is missing. Clone with full history (in GitHub Actions: \
             actions/checkout with fetch-depth: 0, or run `git fetch --unshallow`)"
        );
    }
    let (tip, branch) = history::tip(&repo, options.branch.as_deref())?;
    let branch_name = branch.clone().unwrap_or_else(|| "HEAD".to_string());
    let origin = Origin {
        root: root.to_path_buf(),
        commit: Some(tip.id().to_string()),
        branch,
    };
    let commits = history::first_parent(tip)?;
    let start = match &options.genesis {
        Some(genesis) => genesis_index(&repo, &commits, genesis, &branch_name)?,
        None => first_verified(&repo, &commits)?.with_context(|| {
            format!(
                "verify_git = true in {REGISTRY_FILE}, but no commit of {branch_name} says so yet, \
                 so there is no approved starting point. Commit the change to {REGISTRY_FILE} \
                 (or name the starting commit with --genesis)"
            )
        })?,
    };
    let mut walk = walk::Walk::start(&repo, &commits[start])?;
    for commit in &commits[start + 1..] {
        walk.step(commit)?;
    }
    let mut snapshot = Snapshot {
        origin,
        trust: Trust::Git,
        ..Snapshot::default()
    };
    walk.finish(&mut snapshot)?;
    Ok(snapshot)
}

/// The index of the first commit whose registry says `verify_git = true`.
fn first_verified(repo: &Repository, commits: &[Commit<'_>]) -> anyhow::Result<Option<usize>> {
    let mut last = None;
    for (i, commit) in commits.iter().enumerate() {
        let id = history::registry_id(commit)?;
        if id == last {
            continue;
        }
        last = id;
        if let Some(id) = id
            && history::registry_at(repo, id)?.is_ok_and(|r| r.verify_git)
        {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// The registry as committed in `commit` (empty when it has none or it is broken).
fn registry_of(repo: &Repository, commit: &Commit<'_>) -> anyhow::Result<Registry> {
    Ok(match history::registry_id(commit)? {
        Some(id) => history::registry_at(repo, id)?.unwrap_or_default(),
        None => Registry::default(),
    })
}

/// Where `--genesis` lies on the first-parent history; refuses any other commit.
fn genesis_index(
    repo: &Repository,
    commits: &[Commit<'_>],
    genesis: &str,
    branch: &str,
) -> anyhow::Result<usize> {
    let id = repo
        .revparse_single(genesis)
        .and_then(|o| o.peel_to_commit())
        .map(|c| c.id())
        .with_context(|| {
            format!("--genesis {genesis}: no such commit in this repository; give a commit id of {branch}")
        })?;
    commits.iter().position(|c| c.id() == id).with_context(|| {
        format!(
            "--genesis {genesis} is not on the first-parent history of {branch}: the history may \
             have been rewritten (a force-push). Nothing was built; check the history with \
             `git log --first-parent {branch}` and name a commit on it"
        )
    })
}
