//! A proposed change judged as if an approver merged it now: what `check` and
//! `serve` show, decided by the same walk and the same rule as the build.
//!
//! The working tree becomes a pull request's head, merged into the base with a
//! merge commit authored by the approver the change names. Both commits are
//! written into an in-memory object store ([`git2::Mempack`]), so nothing reaches
//! the repository: no object, no ref, no index. The walk then steps over the merge
//! like any other commit, with the registry as history approved it.

use anyhow::Context as _;
use git2::{Commit, IndexAddOption, Oid, Repository};

use super::signature::Signature;
use crate::registry::Registry;
use crate::source::Proposal;

/// The merge the approver would make, and what its signature is assumed to show.
pub(super) struct ProposedMerge<'r> {
    pub(super) commit: Commit<'r>,
    /// With `require_signatures`: how the approver would sign (a web-interface
    /// merge signed by GitHub, or their own key); `None` when they cannot.
    pub(super) signature: Option<Signature>,
}

/// Why the proposed change cannot be judged as a merge.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// The change and the base edit the same lines: git cannot merge them.
    #[error(
        "การเปลี่ยนแปลงขัดแย้งกับ {base} (conflicts) ใน {paths}: กด \"Update branch\" บน GitHub หรือ \
         `git merge {base}` แล้วแก้ส่วนที่ขัดแย้ง / the change conflicts with {base} in {paths}; \
         update the branch (\"Update branch\" on GitHub, or `git merge {base}`) and resolve the conflicts"
    )]
    Conflicts { base: String, paths: String },
}

/// Makes the merge of the working tree into `base` by `proposal.merger`, in memory.
/// `None` when the working tree holds nothing `base` does not already have.
pub(super) fn merge<'r>(
    repo: &'r Repository,
    base: &Commit<'r>,
    registry: &Registry,
    proposal: &Proposal,
) -> anyhow::Result<Option<ProposedMerge<'r>>> {
    let head = repo
        .head()
        .and_then(|h| h.peel_to_commit())
        .with_context(|| crate::messages::GIT_NO_COMMITS.say(&[]))?;
    let tree = working_tree(repo)?;
    let when = git2::Time::new(
        proposal.at.timestamp(),
        proposal.at.offset().local_minus_utc() / 60,
    );
    // The pull request's head: HEAD, plus a commit of the working tree when it differs.
    let pr = if tree == head.tree_id() {
        head
    } else {
        let author = head.author();
        let staff = git2::Signature::new(
            &String::from_utf8_lossy(author.name_bytes()),
            &String::from_utf8_lossy(author.email_bytes()),
            &when,
        )?;
        let tree = repo.find_tree(tree)?;
        let id = repo.commit(None, &staff, &staff, "proposed change", &tree, &[&head])?;
        repo.find_commit(id)?
    };
    if pr.id() == base.id() || repo.graph_descendant_of(base.id(), pr.id())? {
        return Ok(None);
    }
    let merged = if repo.graph_descendant_of(pr.id(), base.id())? {
        pr.tree_id()
    } else {
        let mut index = repo.merge_commits(base, &pr, None)?;
        if index.has_conflicts() {
            let paths: Vec<String> = index
                .conflicts()?
                .flatten()
                .filter_map(|c| c.our.or(c.their).or(c.ancestor))
                .map(|e| String::from_utf8_lossy(&e.path).into_owned())
                .collect();
            return Err(ProposalError::Conflicts {
                base: proposal.base.clone().unwrap_or_else(|| "HEAD".into()),
                paths: paths.join(", "),
            }
            .into());
        }
        index.write_tree_to(repo)?
    };
    let (name, email, signature) = merger_identity(registry, proposal);
    let merger = git2::Signature::new(&name, &email, &when)?;
    let tree = repo.find_tree(merged)?;
    let id = repo.commit(
        None,
        &merger,
        &merger,
        "Merge the proposed change",
        &tree,
        &[base, &pr],
    )?;
    Ok(Some(ProposedMerge {
        commit: repo.find_commit(id)?,
        signature,
    }))
}

/// The working tree as a tree object (tracked and untracked files, ignored ones
/// left out), written to the in-memory store only.
fn working_tree(repo: &Repository) -> anyhow::Result<Oid> {
    let mut index = repo
        .index()
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "index")]))?;
    index
        .add_all(["*"], IndexAddOption::DEFAULT, None)
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "working tree")]))?;
    index
        .update_all(["*"], None)
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "working tree")]))?;
    let tree = index
        .write_tree()
        .with_context(|| crate::messages::GIT_CANNOT_READ.say(&[("what", "working tree")]))?;
    // The index object is the repository's: read it back so nothing changed here
    // can be written to .git/index by a later use.
    index.read(true).ok();
    Ok(tree)
}

/// The person id the proposed merge is made by: the approver the change names.
/// A change that names none (a template, the registry, untracked files only) is
/// judged as merged by the first approver of the approved registry, since the build
/// accepts any approver's merge of such files.
pub(crate) fn merger_id(registry: &Registry, proposal: &Proposal) -> String {
    match proposal.merger.as_deref() {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => registry
            .people
            .iter()
            .find(|p| p.has_role(crate::registry::Role::Approver))
            .map_or_else(|| "approver".to_string(), |p| p.id.clone()),
    }
}

/// Who the merge is authored by, and how it would be signed: the approver as the
/// approved registry knows them (their GitHub no-reply address for a merge in the
/// web interface), else as the proposed registry does, else by id alone.
fn merger_identity(
    registry: &Registry,
    proposal: &Proposal,
) -> (String, String, Option<Signature>) {
    let id = merger_id(registry, proposal);
    let id = id.as_str();
    let known = registry.person(id).or_else(|| {
        proposal
            .proposed_registry
            .as_ref()
            .and_then(|r| r.person(id))
    });
    let Some(person) = known else {
        return (id.to_string(), format!("{id}@unregistered.invalid"), None);
    };
    let approved = registry.person(id).is_some();
    let noreply = person
        .emails
        .iter()
        .find(|e| person.has_github_noreply(e))
        .cloned();
    let first = person.emails.first().cloned().unwrap_or_default();
    if !(approved && registry.require_signatures) {
        return (person.name.clone(), noreply.unwrap_or(first), None);
    }
    match noreply {
        Some(email) => (person.name.clone(), email, Some(Signature::ByMergeService)),
        None if !person.signing_keys.is_empty() => (
            person.name.clone(),
            first,
            Some(Signature::ByPerson(person.id.clone())),
        ),
        None => (person.name.clone(), first, None),
    }
}
