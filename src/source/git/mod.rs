//! The git-backed source: each gated file in its last approved version.
//!
//! With `verify_git = true`, the build reads the first-parent history of the
//! branch it builds, oldest to newest, in one pass ([`walk`]). Trust starts at
//! `--genesis`, or at the only commit that turned `verify_git = true` on (history
//! that turned it on twice is refused: a root of trust could have been planted);
//! that commit's tree is taken as it is. After it, every change to a gated file must be
//! approved ([`rule::approves`]) under the registry in effect just before the
//! change; an unapproved change is ignored and reported, and the file keeps its
//! last approved version, read from the object database, never the working tree.

mod history;
pub mod proposal;
mod rule;

pub(crate) use rule::{Named, named_approver};
pub mod signature;
pub mod stop;
mod trees;
mod walk;

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use git2::{Commit, Oid, Repository};

use super::{GitReport, LoadOptions, NoticeKind, Origin, Snapshot, Trust, TrustRoot};
use crate::registry::Registry;
use stop::Stop;
use trees::Differ;

/// The approver recorded for files trusted as they were in the starting commit,
/// when its author is not a registered person.
pub const STARTING_COMMIT: &str = "(starting commit)";

/// Whether verification would apply: `--genesis` asks for it, and so does any
/// commit of the built branch whose registry turned `verify_git` on.
///
/// Cheap where verification was never on: only the registry's blob id is looked
/// up in each commit, and only changed registries are read.
pub fn verification_required(root: &Path, options: &LoadOptions) -> anyhow::Result<bool> {
    if options.genesis.is_some() || options.require_verify {
        return Ok(true);
    }
    let Some(repo) = history::open(root)? else {
        return Ok(false);
    };
    if repo.head().is_err() && options.branch.is_none() {
        return Ok(false);
    }
    let odb = repo
        .odb()
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "object database")]))?;
    let mut differ = Differ::new(&odb);
    let branch = Branch::read(&repo, &mut differ, options)?;
    Ok(!switched_on(&repo, &branch)?.is_empty())
}

/// Loads every gated file in its last approved version from the built branch.
/// Refuses, before anything is written, when approvals cannot be proven.
pub fn load(root: &Path, options: &LoadOptions) -> anyhow::Result<Snapshot> {
    load_if_required(root, options, true)?.with_context(|| {
        crate::messages::INTERNAL_BUG
            .say(&[("what", "git verification was required but did not run")])
    })
}

/// The git snapshot when verification applies; `None` when approvals rest on
/// front matter. Verification applies when `working_tree_wants` it, when
/// `--genesis` or `--require-verify` asks, or when history turned it on and the
/// registry as history approved it still says so: an unapproved change that
/// removes `verify_git` changes nothing (a one-way door).
pub(crate) fn load_if_required(
    root: &Path,
    options: &LoadOptions,
    working_tree_wants: bool,
) -> anyhow::Result<Option<Snapshot>> {
    if options.require_verify && options.genesis.is_none() {
        bail!(Stop::NeedsGenesis);
    }
    let asked = working_tree_wants || options.genesis.is_some();
    let Some(repo) = history::open(root)? else {
        if !asked {
            return Ok(None);
        }
        let (where_, where_en) = history::not_a_repository(root);
        bail!(Stop::NoHistory { where_, where_en });
    };
    if options.require_verify {
        refuse_incomplete(&repo)?;
    }
    if options.proposal.is_some() {
        // The imagined merge lives in memory only: nothing is written to .git.
        repo.odb()
            .and_then(|odb| odb.add_new_mempack_backend(1000).map(drop))
            .with_context(|| {
                crate::messages::GIT_CANNOT_READ.say(&[("what", "object database (in memory)")])
            })?;
    }
    if !asked && repo.head().is_err() && options.branch.is_none() {
        return Ok(None);
    }
    let odb = repo
        .odb()
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "object database")]))?;
    let mut differ = Differ::new(&odb);
    let branch = Branch::read(&repo, &mut differ, options)?;
    let name = branch.name.as_deref().unwrap_or("HEAD");
    let (start, chosen_by) = match &options.genesis {
        Some(genesis) => (
            genesis_index(&repo, &branch.commits, genesis, name)?,
            "--genesis",
        ),
        None => {
            let candidates = switched_on(&repo, &branch)?;
            match candidates.as_slice() {
                [] if !asked => return Ok(None),
                [] => bail!(Stop::NoStart {
                    branch: name.to_string()
                }),
                [only] => (*only, "the only commit that turned verify_git on"),
                many => bail!(Stop::SwitchedTwice {
                    branch: name.to_string(),
                    candidates: many
                        .iter()
                        .map(|&i| describe(&repo, &branch.commits[i]))
                        .collect::<anyhow::Result<Vec<_>>>()?
                        .join("\n"),
                }),
            }
        }
    };
    if repo.is_shallow() {
        bail!(Stop::Shallow);
    }
    let commits = &branch.commits;
    let registry = registry_at(&repo, branch.registry_ids[start])?;
    let root_facts = history::facts(&repo, &commits[start])?;
    let trust_root = TrustRoot {
        commit: root_facts.id.clone(),
        at: root_facts.committer_time,
        who: root_facts.who(&registry),
        chosen_by,
    };
    let mut walk = walk::Walk::start(&repo, differ, &commits[start], registry)?;
    for pair in commits[start..].windows(2) {
        walk.step(&pair[0], &pair[1])?;
    }
    let mut proposed = None;
    if let (Some(proposal), Some(base)) = (&options.proposal, commits.last())
        && let Some(merge) = proposal::merge(&repo, base, walk.registry(), proposal)?
    {
        let author = merge.commit.author();
        proposed = Some(crate::source::ProposedMergeInfo {
            commit: merge.commit.id().to_string(),
            merger: proposal::merger_id(walk.registry(), proposal),
            email: String::from_utf8_lossy(author.email_bytes()).into_owned(),
        });
        walk.assume(merge.commit.id(), merge.signature);
        walk.step(base, &merge.commit)?;
    }
    let verified = walk.registry().verify_git;
    if !verified && options.require_verify {
        bail!(Stop::VerifyOff {
            branch: name.to_string()
        });
    }
    if !verified && !asked {
        // An approver turned verification off: approvals rest on front matter again.
        return Ok(None);
    }
    let mut snapshot = Snapshot {
        origin: Origin {
            root: root.to_path_buf(),
            commit: commits.last().map(|c| c.id().to_string()),
            branch: branch.name.clone(),
        },
        trust: Trust::Git,
        git: Some(GitReport {
            trust_root: Some(trust_root),
            previous: branch.previous.map(|id| id.to_string()),
            proposal: proposed,
            ..GitReport::default()
        }),
        ..Snapshot::default()
    };
    if let Some(note) = branch.previous_note {
        snapshot.notices.push(note);
    }
    walk.finish(&mut snapshot)?;
    Ok(Some(snapshot))
}

/// `--require-verify` refuses a history that is not all there.
fn refuse_incomplete(repo: &Repository) -> anyhow::Result<()> {
    if repo.is_shallow() {
        bail!(Stop::Shallow);
    }
    let config = repo
        .config()
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "config")]))?;
    let mut partial = config.get_string("extensions.partialclone").is_ok();
    if let Ok(mut entries) = config.entries(Some(r"remote\..*\.promisor")) {
        while let Some(Ok(entry)) = entries.next() {
            partial |= entry.value().is_ok_and(|v| v == "true");
        }
    }
    if partial {
        bail!(Stop::Partial);
    }
    Ok(())
}

/// "abc1234 2026-05-01T09:01:00+07:00 Wasana <wasana@…>": one candidate genesis.
fn describe(repo: &Repository, commit: &Commit<'_>) -> anyhow::Result<String> {
    let facts = history::facts(repo, commit)?;
    Ok(format!(
        "  {}  {}  {} <{}>",
        facts.id,
        facts.committer_time.to_rfc3339(),
        facts.author_name,
        facts.author_email
    ))
}

/// The built branch: its commits oldest first (the first-parent line, or the line
/// that leads to `--previous`), and the registry's blob id in each.
struct Branch<'r> {
    name: Option<String>,
    commits: Vec<Commit<'r>>,
    registry_ids: Vec<Option<Oid>>,
    /// `--previous` when it was found in the history.
    previous: Option<Oid>,
    /// Why `--previous` was not used, when it was not.
    previous_note: Option<crate::source::Notice>,
}

impl<'r> Branch<'r> {
    fn read(
        repo: &'r Repository,
        differ: &mut Differ<'_>,
        options: &LoadOptions,
    ) -> anyhow::Result<Branch<'r>> {
        // A proposal is merged into its base: the history walked ends there.
        let wanted = match &options.proposal {
            Some(proposal) => proposal.base.as_deref().or(options.branch.as_deref()),
            None => options.branch.as_deref(),
        };
        let (tip, name) = history::tip(repo, wanted)?;
        let mut previous_note = None;
        let previous = match options.previous.as_deref().filter(|p| !p.trim().is_empty()) {
            None => None,
            Some(rev) => {
                let found = repo
                    .revparse_single(rev.trim())
                    .and_then(|o| o.peel_to_commit())
                    .ok()
                    .map(|c| c.id())
                    .filter(|&id| {
                        id == tip.id() || repo.graph_descendant_of(tip.id(), id).unwrap_or(false)
                    });
                if found.is_none() {
                    previous_note = Some(crate::source::Notice {
                        path: None,
                        commit: None,
                        at: None,
                        kind: NoticeKind::Foxtrot,
                        message: format!(
                            "--previous {rev} is not in the history being built (a first build, \
                             or history was rewritten); the first-parent history is walked"
                        ),
                    });
                }
                found
            }
        };
        let commits = history::chain(repo, tip, previous, repo.is_shallow())?;
        let registry_ids = commits
            .iter()
            .map(|c| differ.registry_id(c))
            .collect::<anyhow::Result<_>>()?;
        Ok(Branch {
            name,
            commits,
            registry_ids,
            previous,
            previous_note,
        })
    }
}

/// The indexes of the commits whose registry says `verify_git = true` when the
/// one before did not: every point where verification was switched on.
fn switched_on(repo: &Repository, branch: &Branch<'_>) -> anyhow::Result<Vec<usize>> {
    let mut on = Vec::new();
    let mut was_on = false;
    let mut last = None;
    let mut known: HashMap<Oid, bool> = HashMap::new();
    for (i, &id) in branch.registry_ids.iter().enumerate() {
        if i > 0 && id == last {
            continue;
        }
        last = id;
        let now_on = match id {
            Some(id) => match known.get(&id) {
                Some(&v) => v,
                None => {
                    let v = history::registry_at(repo, id)?.is_ok_and(|r| r.verify_git);
                    known.insert(id, v);
                    v
                }
            },
            None => false,
        };
        if now_on && !was_on {
            on.push(i);
        }
        was_on = now_on;
    }
    Ok(on)
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
        .map_err(|_| Stop::GenesisUnknown {
            genesis: genesis.to_string(),
            branch: branch.to_string(),
        })?;
    Ok(commits
        .iter()
        .position(|c| c.id() == id)
        .ok_or_else(|| Stop::GenesisOff {
            genesis: genesis.to_string(),
            branch: branch.to_string(),
        })?)
}
