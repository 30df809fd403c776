//! One pass over the first-parent history, oldest to newest, keeping for every
//! gated path its last approved version and what happened to it since.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;
use git2::{Commit, Oid, Repository};

use super::STARTING_COMMIT;
use super::history::{self, missing};
use super::rule::{
    CommitFacts, Context, Edit, Held, Named, Refusal, approves, named_approver,
    needs_named_approver,
};
use super::signature::{CommitSignature, Signature};
use super::trees::{Change, Differ, MODE_LINK, MODE_SUBMODULE, Side};
use crate::error::Problem;
use crate::registry::{REGISTRY_FILE, Registry, Role};
use crate::source::{
    Approval, Blob, GitReport, Notice, NoticeKind, Pending, Signature as Signed, Snapshot,
    SourceFile, Unapproved,
};

/// The first line of a Git LFS pointer file.
const LFS_POINTER: &[u8] = b"version https://git-lfs.github.com/spec/";

/// One version of a file that was approved.
struct Version {
    id: Oid,
    /// The content, when it was already read for the approval rule.
    bytes: Option<Arc<[u8]>>,
    approval: Approval,
}

/// What history says about one gated path.
struct Tracked {
    /// The approved version the site publishes (none: absent, or an item the
    /// starting commit held without naming an approver).
    approved: Option<Version>,
    /// The file's last approved state: what approvers last saw (`None`: absent).
    baseline: Side,
    /// Every version ever approved (the merge-base rule accepts any of them).
    seen: Vec<Oid>,
    /// "Absent" was an approved state (the path was not in the starting tree, or
    /// it was withdrawn or deleted with approval).
    absent_seen: bool,
    /// The newest unapproved change, while the branch still differs from the baseline.
    pending: Option<(Edit, Refusal, String)>,
    /// Why the newest change was not approved, when no version ever was, with the
    /// refusal itself, so its words can follow the registry as it is at the end.
    refusal: Option<(Unapproved, Option<Refusal>)>,
    /// The newest version is not a plain file (a link or a submodule): why it is refused.
    not_a_file: Option<&'static crate::messages::Message>,
}

impl Tracked {
    /// A path the starting tree did not hold: its approved state is "absent".
    fn new_path() -> Tracked {
        Tracked {
            approved: None,
            baseline: None,
            seen: Vec::new(),
            absent_seen: true,
            pending: None,
            refusal: None,
            not_a_file: None,
        }
    }

    /// A version trusted as it was in the starting commit.
    fn trusted(id: Oid, mode: i32) -> Tracked {
        Tracked {
            baseline: Some((id, mode)),
            seen: vec![id],
            absent_seen: false,
            ..Tracked::new_path()
        }
    }

    /// What a parent holding `side` of this file means for the rule: the last
    /// approved version (`strict`, the first parent), or any approved one (a merge base).
    fn held(&self, side: Side, strict: bool) -> Held {
        let approved = side == self.baseline
            || (!strict
                && match side {
                    Some((id, _)) => self.seen.contains(&id),
                    None => self.absent_seen,
                });
        if approved {
            Held::Approved
        } else {
            Held::Unseen(self.pending.as_ref().map(|p| p.0.clone()))
        }
    }
}

/// Everything under `content/` is withdrawn at once when deleted.
fn withdraws_at_once(path: &str) -> bool {
    path.starts_with(crate::content::CONTENT)
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
    /// Refusals counted by cause.
    refusals: BTreeMap<&'static str, (usize, &'static str)>,
    foxtrots: Vec<String>,
    /// Root trees of merge bases already looked into.
    base_trees: HashMap<Oid, git2::Tree<'r>>,
    /// The imagined merge of a proposal and how its signature is taken to verify.
    assumed: Option<(Oid, Option<Signature>)>,
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
            refusals: BTreeMap::new(),
            foxtrots: Vec::new(),
            base_trees: HashMap::new(),
            assumed: None,
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
                let mut tracked = Tracked::trusted(id, mode);
                tracked.not_a_file = Some(why);
                walk.files.insert(change.path, tracked);
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
            // The starting tree is trusted as it is: every version in it counts as
            // seen, even an item that cannot be published until it names an approver.
            let mut tracked = Tracked::trusted(id, mode);
            match approver {
                Ok(approver) => {
                    tracked.approved = Some(Version {
                        id,
                        bytes,
                        approval: approval(
                            &facts,
                            &walk.registry,
                            approver,
                            Some(facts.author_time),
                        ),
                    })
                }
                Err(why) => {
                    tracked.refusal = Some((
                        Unapproved {
                            path: change.path.clone(),
                            why,
                            commit: Some(facts.id.clone()),
                            at: Some(facts.committer_time),
                        },
                        None,
                    ))
                }
            }
            walk.files.insert(change.path, tracked);
        }
        Ok(walk)
    }

    /// Applies one commit, given the parent walked before it (its first parent,
    /// or with `--previous` the parent that leads to the live site's commit).
    pub(crate) fn step(&mut self, parent: &Commit<'r>, commit: &Commit<'r>) -> anyhow::Result<()> {
        let changes = self.differ.between(Some(parent), commit)?;
        if commit.parent_count() > 1 {
            self.foxtrot(parent, commit)?;
        }
        if changes.gated.is_empty() && changes.outside.is_empty() {
            return Ok(());
        }
        let mut facts = history::facts(self.repo, commit)?;
        if let Some((id, signature)) = &self.assumed
            && *id == commit.id()
        {
            facts.signature = Arc::new(match signature {
                Some(signature) => CommitSignature::assumed(signature.clone()),
                None => CommitSignature::default(),
            });
        }
        if !changes.outside.is_empty()
            && let Err(why) = approves(&Context::identity(&facts, &self.registry, "src/"))
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
        let bases = self.merge_bases(parent, commit, &facts)?;
        let mut new_registry = None;
        for change in changes.gated {
            if change.odd_name {
                self.odd.insert(change.path.clone());
            }
            if let Some(registry) = self.apply(&facts, parent.id(), bases.as_deref(), change)? {
                new_registry = Some(registry);
            }
        }
        if let Some(registry) = new_registry {
            self.registry = registry;
        }
        Ok(())
    }

    /// The proposal's merge `id` is taken as signed the way its approver would sign
    /// it (see [`super::proposal`]); it carries no signature of its own.
    pub(crate) fn assume(&mut self, id: Oid, signature: Option<Signature>) {
        self.assumed = Some((id, signature));
    }

    /// Names a foxtrot merge: a merge whose walked parent is not its first parent
    /// (steered by `--previous`), or, without that, a merge whose second parent is
    /// an approver's merge that never reached the first-parent line.
    fn foxtrot(&mut self, parent: &Commit<'r>, commit: &Commit<'r>) -> anyhow::Result<()> {
        let short_id = |id: Oid| id.to_string()[..7].to_string();
        let author = commit.author();
        let who = self
            .registry
            .person_by_email(&String::from_utf8_lossy(author.email_bytes()))
            .map_or_else(
                || String::from_utf8_lossy(author.name_bytes()).into_owned(),
                |p| p.id.clone(),
            );
        let message = if commit.parent_id(0).ok() != Some(parent.id()) {
            format!(
                "commit {} by {who} is a foxtrot merge (a `git pull` then `git push`): the line \
                 main really was is its second parent. The walk followed that parent, which \
                 leads to the live site's commit (--previous), so no approval was dropped or \
                 granted. To undo it, have the changes of its first parent proposed again as a \
                 pull request, and pull with `git pull --rebase` from now on",
                short_id(commit.id())
            )
        } else {
            let Ok(second) = commit.parent(1) else {
                return Ok(());
            };
            // What only main carries: an approver's merge or own commit, or a web
            // master's commit (a withdrawal). A pull request's head is a staff commit.
            let email = String::from_utf8_lossy(second.author().email_bytes()).into_owned();
            let main_like = self.registry.person_by_email(&email).is_some_and(|p| {
                p.has_role(Role::Approver)
                    || (second.parent_count() < 2 && p.has_role(Role::Webmaster))
            });
            let Ok(mainline) = second.parent_id(0) else {
                return Ok(());
            };
            if !main_like
                || !(mainline == parent.id()
                    || self
                        .repo
                        .graph_descendant_of(parent.id(), mainline)
                        .unwrap_or(false))
            {
                return Ok(());
            }
            format!(
                "commit {} by {who} looks like a foxtrot merge (a `git pull` then `git push`): \
                 the commit {} (an approver's merge or commit, or a web master's withdrawal) \
                 that was on main is now on its second parent, so what it approved or withdrew \
                 does not count. Build with --previous <the live site's commit, from \
                 its build-info.json> (the publish workflow does), or have those pull requests \
                 merged again; pull with `git pull --rebase` from now on",
                short_id(commit.id()),
                short_id(second.id())
            )
        };
        let facts = history::facts(self.repo, commit)?;
        self.foxtrots.push(message.clone());
        self.notices
            .push(notice(&facts, None, NoticeKind::Foxtrot, message));
        Ok(())
    }

    /// The merge bases of the two lines a merge joins, found once per merge, and
    /// only when the merge could approve anything (its author is an approver).
    /// A pull request branched from the tip it is merged into (the usual case, and
    /// what GitHub's "Update branch" makes) has that tip as its only merge base,
    /// found without a search of the history.
    fn merge_bases(
        &self,
        parent: &Commit<'r>,
        commit: &Commit<'r>,
        facts: &CommitFacts,
    ) -> anyhow::Result<Option<Vec<Oid>>> {
        if commit.parent_count() != 2 {
            return Ok(None);
        }
        let by_approver = self
            .registry
            .person_by_email(&facts.author_email)
            .is_some_and(|p| p.has_role(Role::Approver));
        if !by_approver {
            return Ok(Some(Vec::new()));
        }
        let other = commit
            .parent_ids()
            .find(|id| *id != parent.id())
            .unwrap_or(parent.id());
        let pr = self
            .repo
            .find_commit(other)
            .with_context(|| missing("commit", other))?;
        if pr.parent_ids().any(|id| id == parent.id()) {
            return Ok(Some(vec![parent.id()]));
        }
        // Unrelated histories have no merge base: the other line's files count as
        // added to nothing, so the base holds them as absent.
        let bases = self
            .repo
            .merge_bases(parent.id(), other)
            .map(|b| b.iter().copied().collect::<Vec<_>>())
            .unwrap_or_else(|_| vec![Oid::ZERO_SHA1]);
        Ok(Some(bases))
    }

    /// What the merge base `base` holds at `path`.
    fn side_in(&mut self, base: Oid, path: &str) -> anyhow::Result<Side> {
        if base.is_zero() {
            return Ok(None);
        }
        if !self.base_trees.contains_key(&base) {
            let tree = self
                .repo
                .find_commit(base)
                .and_then(|c| c.tree())
                .with_context(|| missing("commit", base))?;
            self.base_trees.insert(base, tree);
        }
        let tree = &self.base_trees[&base];
        Ok(match tree.get_path(Path::new(path)) {
            Ok(entry) => Some((entry.id(), entry.filemode())),
            Err(_) => None,
        })
    }

    /// Judges one changed file; returns the registry that takes effect after
    /// this commit when the change approved is to the registry.
    fn apply(
        &mut self,
        facts: &CommitFacts,
        parent: Oid,
        bases: Option<&[Oid]>,
        change: Change,
    ) -> anyhow::Result<Option<Registry>> {
        let path = change.path;
        let tracked = self
            .files
            .entry(path.clone())
            .or_insert_with(Tracked::new_path);
        if change.new == tracked.baseline {
            // Back to the approved content (or to absent, when that is approved):
            // always allowed, since it changes nothing public.
            tracked.pending = None;
            tracked.not_a_file = None;
            if let Some(approved) = &mut tracked.approved {
                approved.approval.later_unapproved.clear();
            }
            if change.new.is_none() {
                tracked.refusal = None;
            }
            return Ok(None);
        }
        if change.new.is_none() && withdraws_at_once(&path) {
            return self.withdraw(facts, path);
        }
        if let Some((_, mode)) = change.new {
            tracked.not_a_file = not_a_file(mode);
            if tracked.not_a_file.is_some() {
                // Refused whoever made it; an approved earlier version stays.
                return Ok(None);
            }
        }
        let first_parent = tracked.held(change.old, true);
        let mut merge_bases = Vec::new();
        for &base in bases.unwrap_or_default() {
            if base == parent {
                merge_bases.push(first_parent.clone());
                continue;
            }
            let side = self.side_in(base, &path)?;
            merge_bases.push(self.files[&path].held(side, false));
        }
        let bytes = match change.new {
            Some((id, _)) if needs_named_approver(&path) => Some(read(self.repo, id)?),
            _ => None,
        };
        let text = bytes.as_deref().and_then(|b| std::str::from_utf8(b).ok());
        let verdict = approves(&Context {
            commit: facts,
            registry: &self.registry,
            path: &path,
            text,
            first_parent,
            merge_bases,
        });
        match verdict {
            Ok(approver) => self.approved(facts, path, change.new, bytes, approver),
            Err(refusal) => {
                self.refused(facts, path, change.new, refusal);
                Ok(None)
            }
        }
    }

    /// Records an approved change; the registry that takes effect if it is one.
    fn approved(
        &mut self,
        facts: &CommitFacts,
        path: String,
        new: Side,
        bytes: Option<Arc<[u8]>>,
        approver: String,
    ) -> anyhow::Result<Option<Registry>> {
        let who = facts.who(&self.registry);
        let tracked = self
            .files
            .entry(path.clone())
            .or_insert_with(Tracked::new_path);
        tracked.baseline = new;
        tracked.pending = None;
        tracked.refusal = None;
        let Some((id, _)) = new else {
            // A deletion approved like any other change.
            tracked.approved = None;
            tracked.absent_seen = true;
            self.notices.push(notice(
                facts,
                Some(path.clone()),
                NoticeKind::Deleted,
                format!(
                    "{path}: deleted in commit {} by {who}, approved by {approver}",
                    facts.short()
                ),
            ));
            return Ok((path == REGISTRY_FILE).then(Registry::default));
        };
        tracked.seen.push(id);
        tracked.approved = Some(Version {
            id,
            bytes,
            approval: approval(
                facts,
                &self.registry,
                approver,
                facts.proposed_at.or(Some(facts.author_time)),
            ),
        });
        if path != REGISTRY_FILE {
            return Ok(None);
        }
        match history::registry_at(self.repo, id)? {
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
        }
    }

    /// Records a change that is not approved: the last approved version stays.
    fn refused(&mut self, facts: &CommitFacts, path: String, new: Side, refusal: Refusal) {
        let who = facts.who(&self.registry);
        let entry = self
            .refusals
            .entry(refusal.code())
            .or_insert((0, refusal.label()));
        entry.0 += 1;
        let tracked = self
            .files
            .entry(path.clone())
            .or_insert_with(Tracked::new_path);
        let what = if new.is_none() { "deletion" } else { "change" };
        // Thai first: the catalogue's words for the cause, then the details.
        let thai = refusal.thai();
        let message = match &tracked.approved {
            Some(v) => format!(
                "{thai}: {path}: the {what} in commit {} by {who} is ignored: {refusal}. The site keeps \
                 the version approved by {} in commit {}",
                facts.short(),
                v.approval.approver,
                short(&v.approval.commit)
            ),
            None => format!(
                "{thai}: {path}: the {what} in commit {} by {who} is not approved: {refusal}. \
                 There is no approved version to publish",
                facts.short()
            ),
        };
        let notice = notice(facts, Some(path.clone()), NoticeKind::Ignored, message);
        self.notices.push(notice.clone());
        let edit = Edit {
            commit: facts.short().to_string(),
            who,
        };
        let exit = refusal.exit(&path);
        tracked.pending = Some((edit, refusal.clone(), exit));
        match &mut tracked.approved {
            Some(v) => v.approval.later_unapproved.push(notice),
            None if new.is_some() => {
                tracked.refusal = Some((
                    Unapproved {
                        path,
                        why: format!("{refusal} (commit {})", facts.short()),
                        commit: Some(facts.id.clone()),
                        at: Some(facts.committer_time),
                    },
                    Some(refusal),
                ))
            }
            None => {}
        }
    }

    /// Withdrawing content takes effect at once, whoever does it; its approved
    /// state becomes "absent", so committing it again needs approval.
    fn withdraw(&mut self, facts: &CommitFacts, path: String) -> anyhow::Result<Option<Registry>> {
        let who = facts.who(&self.registry);
        let Some(tracked) = self.files.get_mut(&path) else {
            return Ok(None);
        };
        let was_live = tracked.approved.is_some();
        tracked.approved = None;
        tracked.baseline = None;
        tracked.absent_seen = true;
        tracked.pending = None;
        tracked.refusal = None;
        tracked.not_a_file = None;
        if was_live {
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

    /// The approved registry in effect after the last commit walked.
    pub(crate) fn registry(&self) -> &Registry {
        &self.registry
    }

    fn read(&self, id: Oid) -> anyhow::Result<Arc<[u8]>> {
        read(self.repo, id)
    }

    /// The snapshot parts: approved files, refusals, files with no approved version.
    pub(crate) fn finish(self, snapshot: &mut Snapshot) -> anyhow::Result<()> {
        let git = snapshot.git.get_or_insert_with(GitReport::default);
        git.refusals = self.refusals;
        git.foxtrots = self.foxtrots;
        for (path, tracked) in &self.files {
            if let Some((edit, refusal, exit)) = &tracked.pending {
                // Said as things stand now: a merge by an e-mail registered since
                // still approves nothing, and the message must not say otherwise.
                let now = refusal.as_of(&self.registry);
                let exit = if now == *refusal {
                    exit.clone()
                } else {
                    now.exit(path)
                };
                git.pending.push(Pending {
                    path: path.clone(),
                    commit: edit.commit.clone(),
                    who: edit.who.clone(),
                    why: now.to_string(),
                    cause: now.code(),
                    label: now.label(),
                    exit,
                });
            }
        }
        for (path, tracked) in self.files {
            if path.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            if self.odd.contains(&path) {
                snapshot
                    .refused
                    .push(Problem::new(&path, crate::messages::NAME_NOT_UTF8.say(&[])));
                continue;
            }
            if let Some(why) = tracked.not_a_file {
                snapshot.refused.push(Problem::new(&path, why.say(&[])));
            }
            let Some(version) = tracked.approved else {
                if let Some((mut unapproved, refusal)) = tracked.refusal {
                    if let Some(refusal) = refusal {
                        let now = refusal.as_of(&self.registry);
                        if now != refusal {
                            unapproved.why = format!(
                                "{now} (commit {}). {}",
                                short(unapproved.commit.as_deref().unwrap_or("")),
                                now.exit(&path)
                            );
                        }
                    }
                    snapshot.unapproved.push(unapproved);
                }
                continue;
            };
            let bytes = match version.bytes {
                Some(bytes) => bytes,
                None => read(self.repo, version.id)?,
            };
            if bytes.starts_with(LFS_POINTER) {
                snapshot
                    .refused
                    .push(Problem::new(&path, crate::messages::LFS_POINTER.say(&[])));
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
        // Checked only where signatures are required; `gate` already refused the rest.
        signature: if registry.require_signatures
            && super::signature::signed_by(facts, registry, &approver)
        {
            Signed::Signed
        } else {
            Signed::NotChecked
        },
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
fn not_a_file(mode: i32) -> Option<&'static crate::messages::Message> {
    match mode {
        MODE_LINK => Some(&crate::messages::LINK_REFUSED),
        MODE_SUBMODULE => Some(&crate::messages::SUBMODULE_REFUSED),
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
