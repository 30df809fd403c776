//! One pass over the first-parent history, oldest to newest, keeping for every
//! gated path its last approved version and what happened to it since.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use anyhow::Context as _;
use git2::{Commit, Oid, Repository};

use super::STARTING_COMMIT;
use super::history::{self, missing};
use super::rule::{CommitFacts, Named, approves, named_approver, needs_named_approver};
use super::trees::{Change, Differ, MODE_LINK, MODE_SUBMODULE};
use crate::error::Problem;
use crate::registry::{REGISTRY_FILE, Registry, Role};
use crate::source::{Approval, Blob, Notice, NoticeKind, Snapshot, SourceFile, Unapproved};

/// The first line of a Git LFS pointer file.
const LFS_POINTER: &[u8] = b"version https://git-lfs.github.com/spec/";

/// One version of a file that was approved.
struct Version {
    id: Oid,
    mode: i32,
    /// The content, when it was already read for the approval rule.
    bytes: Option<Arc<[u8]>>,
    approval: Approval,
}

/// What history says about one gated path present on the branch.
#[derive(Default)]
struct Tracked {
    approved: Option<Version>,
    /// Why the newest change was not approved, when no version ever was.
    refusal: Option<Unapproved>,
    /// The newest version is not a plain file (a link or a submodule): why it is refused.
    not_a_file: Option<&'static str>,
}

/// The state of the walk after each commit.
pub(crate) struct Walk<'r> {
    repo: &'r Repository,
    differ: Differ<'r>,
    /// The approved registry in effect: it judges the next commit.
    registry: Registry,
    files: BTreeMap<String, Tracked>,
    /// Paths whose names are not valid UTF-8.
    odd: BTreeSet<String>,
    notices: Vec<Notice>,
}

impl<'r> Walk<'r> {
    /// Trust starts at `genesis`: its tree is taken as it is.
    /// `registry` is the one committed in `genesis`.
    pub(crate) fn start(
        repo: &'r Repository,
        differ: Differ<'r>,
        genesis: &Commit<'r>,
        registry: Registry,
    ) -> anyhow::Result<Walk<'r>> {
        let facts = history::facts(repo, genesis)?;
        let mut walk = Walk {
            repo,
            differ,
            registry,
            files: BTreeMap::new(),
            odd: BTreeSet::new(),
            notices: Vec::new(),
        };
        let author = walk
            .registry
            .person_by_email(&facts.author_email)
            .map_or_else(|| STARTING_COMMIT.to_string(), |p| p.id.clone());
        for change in walk.differ.all(genesis)? {
            let Some((id, mode)) = change.new else {
                continue;
            };
            if change.odd_name {
                walk.odd.insert(change.path.clone());
            }
            if let Some(why) = not_a_file(mode) {
                let tracked = walk.files.entry(change.path).or_default();
                tracked.not_a_file = Some(why);
                continue;
            }
            let mut bytes = None;
            let approver = if needs_named_approver(&change.path) {
                let content = walk.read(id)?;
                let named = std::str::from_utf8(&content)
                    .ok()
                    .map_or(Named::Unreadable, named_approver);
                bytes = Some(content);
                match named {
                    Named::Id(id)
                        if walk
                            .registry
                            .person(&id)
                            .is_some_and(|p| p.has_role(Role::Approver)) =>
                    {
                        Ok(id)
                    }
                    _ => Err(format!(
                        "it was already in commit {}, where approval checks start, without front matter \
                         naming a registered approver; an approver must merge a version that names them",
                        facts.short()
                    )),
                }
            } else {
                Ok(author.clone())
            };
            let tracked = match approver {
                Ok(approver) => Tracked {
                    approved: Some(Version {
                        id,
                        mode,
                        bytes,
                        approval: approval(
                            &facts,
                            &walk.registry,
                            approver,
                            Some(facts.author_time),
                        ),
                    }),
                    ..Tracked::default()
                },
                Err(why) => Tracked {
                    refusal: Some(Unapproved {
                        path: change.path.clone(),
                        why,
                        commit: Some(facts.id.clone()),
                        at: Some(facts.committer_time),
                    }),
                    ..Tracked::default()
                },
            };
            walk.files.insert(change.path, tracked);
        }
        Ok(walk)
    }

    /// Applies one commit, given its first parent (the commit walked before it).
    pub(crate) fn step(&mut self, parent: &Commit<'r>, commit: &Commit<'r>) -> anyhow::Result<()> {
        let changes = self.differ.between(Some(parent), commit)?;
        if changes.gated.is_empty() && changes.outside.is_empty() {
            return Ok(());
        }
        let facts = history::facts(self.repo, commit)?;
        if !changes.outside.is_empty()
            && let Err(why) = approves(&facts, &self.registry, "src/", None)
        {
            self.notices.push(notice(
                &facts,
                None,
                NoticeKind::Outside,
                format!(
                    "{} changed in commit {} without an approver ({why}); these files change how \
                     the site is built, so have an approver review them",
                    changes.outside.join(", "),
                    facts.short()
                ),
            ));
        }
        let mut new_registry = None;
        for change in changes.gated {
            if change.odd_name {
                self.odd.insert(change.path.clone());
            }
            if let Some(registry) = self.apply(&facts, change)? {
                new_registry = Some(registry);
            }
        }
        if let Some(registry) = new_registry {
            self.registry = registry;
        }
        Ok(())
    }

    /// Judges one changed file; returns the registry that takes effect after
    /// this commit when the change approved is to the registry.
    fn apply(&mut self, facts: &CommitFacts, change: Change) -> anyhow::Result<Option<Registry>> {
        let path = change.path;
        let Some((id, mode)) = change.new else {
            return self.delete(facts, path);
        };
        let tracked = self.files.entry(path.clone()).or_default();
        tracked.not_a_file = not_a_file(mode);
        if tracked.not_a_file.is_some() {
            // Refused whoever made it; an approved earlier version stays.
            return Ok(None);
        }
        if let Some(approved) = &mut tracked.approved
            && approved.id == id
            && approved.mode == mode
        {
            // Back to the approved content: nothing new to approve.
            approved.approval.later_unapproved.clear();
            return Ok(None);
        }
        let bytes = if needs_named_approver(&path) {
            Some(read(self.repo, id)?)
        } else {
            None
        };
        let text = bytes.as_deref().and_then(|b| std::str::from_utf8(b).ok());
        let verdict = approves(facts, &self.registry, &path, text);
        let tracked = self.files.entry(path.clone()).or_default();
        match verdict {
            Ok(approver) => {
                tracked.approved = Some(Version {
                    id,
                    mode,
                    bytes,
                    approval: approval(
                        facts,
                        &self.registry,
                        approver,
                        facts.proposed_at.or(Some(facts.author_time)),
                    ),
                });
                tracked.refusal = None;
                if path == REGISTRY_FILE {
                    return match history::registry_at(self.repo, id)? {
                        Ok(registry) => Ok(Some(registry)),
                        Err(why) => {
                            self.notices.push(notice(
                                facts,
                                Some(path),
                                NoticeKind::Registry,
                                format!(
                                    "the registry approved in commit {} cannot be read ({why}); \
                                     the one before it still decides who may approve",
                                    facts.short()
                                ),
                            ));
                            Ok(None)
                        }
                    };
                }
            }
            Err(why) => {
                let who = facts.who(&self.registry);
                let message = match &tracked.approved {
                    Some(v) => format!(
                        "{path}: the change in commit {} by {who} is ignored: {why}. The site keeps \
                         the version approved by {} in commit {}",
                        facts.short(),
                        v.approval.approver,
                        short(&v.approval.commit)
                    ),
                    None => format!(
                        "{path}: the change in commit {} by {who} is not approved: {why}. \
                         There is no approved version to publish",
                        facts.short()
                    ),
                };
                let notice = notice(facts, Some(path.clone()), NoticeKind::Ignored, message);
                self.notices.push(notice.clone());
                match &mut tracked.approved {
                    Some(v) => v.approval.later_unapproved.push(notice),
                    None => {
                        tracked.refusal = Some(Unapproved {
                            path,
                            why: format!("{why} (commit {})", facts.short()),
                            commit: Some(facts.id.clone()),
                            at: Some(facts.committer_time),
                        })
                    }
                }
            }
        }
        Ok(None)
    }

    /// A deletion takes effect at once: withdrawing is always allowed. The
    /// registry is the exception, since deleting it would change who may approve.
    fn delete(&mut self, facts: &CommitFacts, path: String) -> anyhow::Result<Option<Registry>> {
        let who = facts.who(&self.registry);
        if path == REGISTRY_FILE {
            if let Err(why) = approves(facts, &self.registry, &path, None) {
                let message = format!(
                    "{path}: deleted in commit {} by {who}, which is ignored: {why}; the approved \
                     registry stays in effect",
                    facts.short()
                );
                let notice = notice(facts, Some(path.clone()), NoticeKind::Ignored, message);
                self.notices.push(notice.clone());
                if let Some(v) = self.files.get_mut(&path).and_then(|t| t.approved.as_mut()) {
                    v.approval.later_unapproved.push(notice);
                }
                return Ok(None);
            }
            self.files.remove(&path);
            return Ok(Some(Registry::default()));
        }
        if let Some(tracked) = self.files.remove(&path)
            && tracked.approved.is_some()
        {
            self.notices.push(notice(
                facts,
                Some(path.clone()),
                NoticeKind::Deleted,
                format!(
                    "{path}: deleted in commit {} by {who}; withdrawn from the site at once",
                    facts.short()
                ),
            ));
        }
        Ok(None)
    }

    fn read(&self, id: Oid) -> anyhow::Result<Arc<[u8]>> {
        read(self.repo, id)
    }

    /// The snapshot parts: approved files, refusals, files with no approved version.
    pub(crate) fn finish(self, snapshot: &mut Snapshot) -> anyhow::Result<()> {
        for (path, tracked) in self.files {
            if path.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            if self.odd.contains(&path) {
                snapshot.refused.push(Problem::new(
                    &path,
                    "file name is not valid UTF-8; rename it with ASCII letters, digits and hyphens",
                ));
                continue;
            }
            if let Some(why) = tracked.not_a_file {
                snapshot.refused.push(Problem::new(&path, why));
            }
            let Some(version) = tracked.approved else {
                if let Some(refusal) = tracked.refusal {
                    snapshot.unapproved.push(refusal);
                }
                continue;
            };
            let bytes = match version.bytes {
                Some(bytes) => bytes,
                None => read(self.repo, version.id)?,
            };
            if bytes.starts_with(LFS_POINTER) {
                snapshot.refused.push(Problem::new(
                    &path,
                    "is a Git LFS pointer, not the file itself; khaosan reads only the repository. \
                     Commit the file without LFS (remove its pattern from .gitattributes)",
                ));
                continue;
            }
            snapshot.files.insert(
                path,
                SourceFile {
                    blob: Blob::Bytes(bytes),
                    approval: Some(version.approval),
                },
            );
        }
        snapshot.notices.extend(self.notices);
        Ok(())
    }
}

fn approval(
    facts: &CommitFacts,
    registry: &Registry,
    approver: String,
    proposed_at: Option<chrono::DateTime<chrono::FixedOffset>>,
) -> Approval {
    Approval {
        signed: super::signature::signed_by(facts, registry, &approver),
        commit: facts.id.clone(),
        approver,
        approved_at: facts.committer_time,
        proposed_at,
        later_unapproved: Vec::new(),
    }
}

fn read(repo: &Repository, id: Oid) -> anyhow::Result<Arc<[u8]>> {
    let blob = repo.find_blob(id).with_context(|| missing("blob", id))?;
    Ok(Arc::from(blob.content()))
}

/// Why a version with this mode is refused, when it is not a plain file.
fn not_a_file(mode: i32) -> Option<&'static str> {
    match mode {
        MODE_LINK => Some(
            "is a symbolic link; khaosan never follows links out of the site. Commit the real file instead",
        ),
        MODE_SUBMODULE => Some(
            "is a git submodule; khaosan publishes only files committed in this repository. Commit the files themselves",
        ),
        _ => None,
    }
}

fn short(id: &str) -> &str {
    id.get(..7).unwrap_or(id)
}

/// A notice about what `facts`' commit did, dated by its commit time.
fn notice(facts: &CommitFacts, path: Option<String>, kind: NoticeKind, message: String) -> Notice {
    Notice {
        path,
        commit: Some(facts.id.clone()),
        at: Some(facts.committer_time),
        kind,
        message,
    }
}
