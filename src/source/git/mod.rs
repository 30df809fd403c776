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
pub mod signature;
mod trees;
mod walk;

use std::path::Path;

use anyhow::{Context as _, bail};
use git2::{Commit, Oid, Repository};

use super::{LoadOptions, Origin, Snapshot, Trust};
use crate::registry::{REGISTRY_FILE, Registry};
use rule::approves;
use trees::Differ;

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
    let odb = repo.odb().context("cannot open the git object database")?;
    let mut differ = Differ::new(&odb);
    let branch = Branch::read(&repo, &mut differ, options)?;
    door_is_shut(&repo, &branch)
}

/// Loads every gated file in its last approved version from the built branch.
/// Refuses, before anything is written, when approvals cannot be proven.
pub fn load(root: &Path, options: &LoadOptions) -> anyhow::Result<Snapshot> {
    load_if_required(root, options, true)?
        .context("git verification was required but did not run; this is a bug in khaosan")
}

/// The git snapshot when verification is required (by `working_tree_wants`, by
/// `--genesis`, or by history's one-way door); `None` when approvals rest on
/// front matter. Reads the branch once for both questions.
pub(crate) fn load_if_required(
    root: &Path,
    options: &LoadOptions,
    working_tree_wants: bool,
) -> anyhow::Result<Option<Snapshot>> {
    let asked = working_tree_wants || options.genesis.is_some();
    let Some(repo) = history::open(root)? else {
        if !asked {
            return Ok(None);
        }
        bail!(
            "verify_git = true in {REGISTRY_FILE}, but {}, so approvals cannot be checked. \
             Build from a git clone with full history (in GitHub Actions: actions/checkout with \
             fetch-depth: 0), or pass --trust-front-matter for a preview that must not be published",
            history::not_a_repository(root)
        );
    };
    if !asked && repo.head().is_err() && options.branch.is_none() {
        return Ok(None);
    }
    let odb = repo.odb().context("cannot open the git object database")?;
    let mut differ = Differ::new(&odb);
    let branch = Branch::read(&repo, &mut differ, options)?;
    if !asked && !door_is_shut(&repo, &branch)? {
        return Ok(None);
    }
    if repo.is_shallow() {
        bail!(
            "verify_git = true in {REGISTRY_FILE}, but this is a shallow clone: the history that \
             proves approvals is missing. Clone with full history (in GitHub Actions: \
             actions/checkout with fetch-depth: 0, or run `git fetch --unshallow`)"
        );
    }
    let name = branch.name.as_deref().unwrap_or("HEAD");
    let start = match &options.genesis {
        Some(genesis) => genesis_index(&repo, &branch.commits, genesis, name)?,
        None => first_verified(&repo, &branch)?.with_context(|| {
            format!(
                "verify_git = true in {REGISTRY_FILE}, but no commit of {name} says so yet, \
                 so there is no approved starting point. Commit the change to {REGISTRY_FILE} \
                 (or name the starting commit with --genesis)"
            )
        })?,
    };
    let commits = &branch.commits;
    let registry = registry_at(&repo, branch.registry_ids[start])?;
    let mut walk = walk::Walk::start(&repo, differ, &commits[start], registry)?;
    for pair in commits[start..].windows(2) {
        walk.step(&pair[0], &pair[1])?;
    }
    let mut snapshot = Snapshot {
        origin: Origin {
            root: root.to_path_buf(),
            commit: commits.last().map(|c| c.id().to_string()),
            branch: branch.name.clone(),
        },
        trust: Trust::Git,
        ..Snapshot::default()
    };
    walk.finish(&mut snapshot)?;
    Ok(Some(snapshot))
}

/// The built branch: its first-parent commits, oldest first, and the registry's
/// blob id in each.
struct Branch<'r> {
    name: Option<String>,
    commits: Vec<Commit<'r>>,
    registry_ids: Vec<Option<Oid>>,
}

impl<'r> Branch<'r> {
    fn read(
        repo: &'r Repository,
        differ: &mut Differ<'_>,
        options: &LoadOptions,
    ) -> anyhow::Result<Branch<'r>> {
        let (tip, name) = history::tip(repo, options.branch.as_deref())?;
        let commits = history::first_parent(tip, repo.is_shallow())?;
        let registry_ids = commits
            .iter()
            .map(|c| differ.registry_id(c))
            .collect::<anyhow::Result<_>>()?;
        Ok(Branch {
            name,
            commits,
            registry_ids,
        })
    }
}

/// The index of the first commit whose registry says `verify_git = true`.
fn first_verified(repo: &Repository, branch: &Branch<'_>) -> anyhow::Result<Option<usize>> {
    let mut last = None;
    for (i, &id) in branch.registry_ids.iter().enumerate() {
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

/// Whether verification, once turned on, is still on in the registry as approved
/// changes left it: a change by anyone else does not count.
fn door_is_shut(repo: &Repository, branch: &Branch<'_>) -> anyhow::Result<bool> {
    let Some(start) = first_verified(repo, branch)? else {
        return Ok(false);
    };
    let mut registry = registry_at(repo, branch.registry_ids[start])?;
    for (i, pair) in branch.registry_ids[start..].windows(2).enumerate() {
        if pair[0] == pair[1] {
            continue;
        }
        let facts = history::facts(repo, &branch.commits[start + i + 1])?;
        if approves(&facts, &registry, REGISTRY_FILE, None).is_ok() {
            registry = match pair[1] {
                Some(id) => history::registry_at(repo, id)?.unwrap_or(registry),
                None => Registry::default(),
            };
        }
    }
    Ok(registry.verify_git)
}

/// The registry stored as blob `id` (empty when there is none or it is broken).
fn registry_at(repo: &Repository, id: Option<Oid>) -> anyhow::Result<Registry> {
    Ok(match id {
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
