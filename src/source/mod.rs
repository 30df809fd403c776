//! Stage 1, **load**: read every file that shapes the public site into a [`Snapshot`].
//!
//! Two sources produce a snapshot: the working tree ([`tree`]), where front matter
//! alone vouches for approval, and git history ([`git`]), where each gated file comes
//! from the object database in its last approved version. Later stages read only the
//! snapshot, never the disk, so they cannot tell the sources apart.

pub mod git;
pub mod tree;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::error::Problem;
use crate::registry::{REGISTRY_FILE, Registry};

/// Top-level paths whose content shapes the public site ("gated" paths).
pub const GATED: &[&str] = &[
    "content/",
    "approvals/",
    "themes/",
    "templates/",
    "site.toml",
    "checklist.toml",
    // Counts for /statistics/ (`khaosan stats`, `khaosan survey`).
    "data/",
    "static/",
];

/// True when `path` (relative, `/`-separated) is one the public site is made from.
pub fn is_gated(path: &str) -> bool {
    GATED.iter().any(|g| {
        if g.ends_with('/') {
            path.starts_with(g)
        } else {
            path == *g
        }
    })
}

/// Everything the later stages may read, with where it came from.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub origin: Origin,
    /// How far approvals were checked.
    pub trust: Trust,
    /// Gated files by path relative to the site root (`content/news/a.md`).
    pub files: BTreeMap<String, SourceFile>,
    /// Files that were refused (symlinks, submodules, LFS pointers, odd names).
    pub refused: Vec<Problem>,
    /// Files the source knows of but cannot publish in any version, with why.
    pub unapproved: Vec<Unapproved>,
    /// Things the web master should know about history (ignored changes, deletions).
    pub notices: Vec<Notice>,
    /// With git verification: where trust starts, and what history refused and why.
    pub git: Option<GitReport>,
}

/// What the git walk found, for the build summary, `build-info.json` and `status`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct GitReport {
    /// The commit where trust starts.
    pub trust_root: Option<TrustRoot>,
    /// The live site's commit the walk was steered to (`--previous`), when given.
    pub previous: Option<String>,
    /// Every unapproved change in the history walked, counted by cause:
    /// code → (count, label in Thai and English).
    pub refusals: BTreeMap<&'static str, (usize, &'static str)>,
    /// Files whose newest change is not approved, each with the way out.
    pub pending: Vec<Pending>,
    /// Foxtrot merges (`git pull` then `git push`) found on the history, in words.
    pub foxtrots: Vec<String>,
    /// With a [`Proposal`]: the in-memory merge that stood for it (full id, the
    /// merger as written in it), or `None` when the working tree changed nothing.
    pub proposal: Option<ProposedMergeInfo>,
}

/// The merge `check` imagined: its id (in memory only) and who made it.
#[derive(Debug, Clone, Serialize)]
pub struct ProposedMergeInfo {
    pub commit: String,
    /// The approver's id, as the change names them.
    pub merger: String,
    /// The author e-mail the merge was given.
    pub email: String,
}

/// The commit where trust starts: its tree is taken as it is.
#[derive(Debug, Clone, Serialize)]
pub struct TrustRoot {
    pub commit: String,
    pub at: DateTime<FixedOffset>,
    /// Registered person id of the author, or "name <e-mail>".
    pub who: String,
    /// How it was chosen: `--genesis`, or the only commit that turned `verify_git` on.
    pub chosen_by: &'static str,
}

impl TrustRoot {
    /// `abc1234 (2026-05-01T09:01:00+07:00, inchai, --genesis)`.
    pub fn describe(&self) -> String {
        format!(
            "{} ({}, {}; {})",
            self.commit.get(..12).unwrap_or(&self.commit),
            self.at.to_rfc3339(),
            self.who,
            self.chosen_by
        )
    }
}

/// A gated file whose newest change is not approved: the site keeps its last
/// approved version (or nothing), and how to get out of that.
#[derive(Debug, Clone, Serialize)]
pub struct Pending {
    pub path: String,
    /// The unapproved commit, short.
    pub commit: String,
    pub who: String,
    /// Why it is not approved, in words.
    pub why: String,
    /// A cause code ([`GitReport::refusals`]) and its label.
    pub cause: &'static str,
    pub label: &'static str,
    /// What to do, in Thai with English beside.
    pub exit: String,
}

/// Where a snapshot was read from.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Origin {
    pub root: PathBuf,
    /// The commit the site was built from, when the root is a git checkout.
    pub commit: Option<String>,
    pub branch: Option<String>,
}

/// How approval was established for this build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trust {
    /// `verify_git` is off: the `approver` in front matter is taken at its word.
    #[default]
    FrontMatter,
    /// Every gated file is the version an approver merged or committed.
    Git,
    /// `verify_git` is on but `--trust-front-matter` overrode it (previews only).
    FrontMatterOverride,
}

impl Trust {
    pub fn describe(self) -> &'static str {
        match self {
            Trust::FrontMatter => {
                "approvals rest on front matter alone (verify_git is off in approvals/approvers.toml)"
            }
            Trust::Git => "approvals are proven by git history (verify_git)",
            Trust::FrontMatterOverride => {
                "--trust-front-matter: git approvals NOT checked; do not publish this build"
            }
        }
    }
}

/// One gated file and, from git, the approval that let this version through.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub blob: Blob,
    pub approval: Option<Approval>,
}

/// File content: in memory, or on disk to be copied when written (large attachments).
#[derive(Debug, Clone)]
pub enum Blob {
    Bytes(Arc<[u8]>),
    Disk { path: PathBuf, len: u64 },
}

impl Blob {
    pub fn read(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match self {
            Blob::Bytes(b) => Ok(Cow::Borrowed(b)),
            Blob::Disk { path, .. } => std::fs::read(path).map(Cow::Owned),
        }
    }

    pub fn len(&self) -> u64 {
        match self {
            Blob::Bytes(b) => b.len() as u64,
            Blob::Disk { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Evidence from git that one version of a file was approved.
#[derive(Debug, Clone)]
pub struct Approval {
    /// The commit that approved this version (a merge, or an approver's own commit).
    pub commit: String,
    /// Person id of the approver, from the registry in effect at that commit.
    pub approver: String,
    pub approved_at: DateTime<FixedOffset>,
    /// When the change was proposed: the pull-request commit that last touched the file.
    pub proposed_at: Option<DateTime<FixedOffset>>,
    /// Later changes to this file that were not approved (the public keeps this version).
    pub later_unapproved: Vec<Notice>,
    /// Whether the approving commit's signature was checked, and what it showed.
    pub signature: Signature,
}

/// The signature of an approving commit, as far as it was checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Signature {
    /// Signatures are not required (`require_signatures` is off), so not checked.
    #[default]
    NotChecked,
    /// Verified with a registered key of the approver, or a merge-service key.
    Signed,
}

impl Signature {
    /// Thai, with English beside it, for the publication record.
    pub fn label(self) -> &'static str {
        match self {
            Signature::NotChecked => "ไม่ได้ตรวจลายมือชื่อดิจิทัล (signature not checked)",
            Signature::Signed => "ลงลายมือชื่อดิจิทัลแล้ว ตรวจสอบถูกต้อง (signed, verified)",
        }
    }
}

impl Approval {
    /// From proposal to approval: the latency the guideline caps at two hours.
    pub fn latency(&self) -> Option<chrono::Duration> {
        self.proposed_at.map(|p| self.approved_at - p)
    }
}

/// The report shows the latency beside the two times it is computed from.
impl Serialize for Approval {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Approval", 7)?;
        s.serialize_field("commit", &self.commit)?;
        s.serialize_field("approver", &self.approver)?;
        s.serialize_field("approved_at", &self.approved_at)?;
        s.serialize_field("proposed_at", &self.proposed_at)?;
        s.serialize_field("latency_minutes", &self.latency().map(|d| d.num_minutes()))?;
        s.serialize_field("later_unapproved", &self.later_unapproved)?;
        s.serialize_field("signature", &self.signature)?;
        s.end()
    }
}

/// A file with no approved version to publish.
#[derive(Debug, Clone, Serialize)]
pub struct Unapproved {
    pub path: String,
    pub why: String,
    pub commit: Option<String>,
    /// When the unapproved change reached the built branch.
    pub at: Option<DateTime<FixedOffset>>,
}

/// Something in history worth telling the web master.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub path: Option<String>,
    pub commit: Option<String>,
    /// When it happened: the commit's time on the built branch.
    pub at: Option<DateTime<FixedOffset>>,
    pub kind: NoticeKind,
    pub message: String,
}

/// What a [`Notice`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// A gated file changed without approval; the approved version stays.
    Ignored,
    /// A gated file was deleted: withdrawn from the site at once.
    Deleted,
    /// Files outside the gated paths (the generator, workflows) changed without approval.
    Outside,
    /// The approved registry could not be read.
    Registry,
    /// A foxtrot merge (`git pull` then `git push`) put the approved line on a second parent.
    Foxtrot,
}

impl NoticeKind {
    /// The catalogue's message for this kind (see [`crate::messages`]).
    pub fn message(self) -> &'static crate::messages::Message {
        use crate::messages as m;
        match self {
            NoticeKind::Ignored => &m::NOTICE_IGNORED,
            NoticeKind::Deleted => &m::NOTICE_DELETED,
            NoticeKind::Outside => &m::NOTICE_OUTSIDE,
            NoticeKind::Registry => &m::NOTICE_REGISTRY,
            NoticeKind::Foxtrot => &m::NOTICE_FOXTROT,
        }
    }

    /// A stable code, for counts in `status` and the report.
    pub fn code(self) -> &'static str {
        self.message().code
    }

    /// Thai, with English beside it.
    pub fn label(self) -> String {
        self.message().label(&[])
    }
}

/// Options that choose and steer the source.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Branch whose first-parent history is built (default: HEAD).
    pub branch: Option<String>,
    /// Commit where trust starts, instead of the first `verify_git = true`.
    pub genesis: Option<String>,
    /// The live site's commit (from its `build-info.json`): at a merge, the walk
    /// follows the parent that leads to it, so a foxtrot merge changes no approval.
    pub previous: Option<String>,
    /// Refuse unless history's approved registry says `verify_git = true` and the
    /// history is complete (needs `genesis`): what the publish workflow passes.
    pub require_verify: bool,
    /// Skip the git check even when `verify_git` is on, and say so.
    pub trust_front_matter: bool,
    /// `check` and `serve`: judge the working tree as if an approver merged it.
    pub proposal: Option<Proposal>,
}

/// A change judged as if it were merged now (see [`git::proposal`]): the working
/// tree merged into `base` with a merge commit by `merger`, walked by the same rule
/// as every commit of the history.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// The revision the change would be merged into (`--base`); `None`: HEAD.
    pub base: Option<String>,
    /// Person id of the approver who would merge it.
    pub merger: Option<String>,
    /// When it would be merged.
    pub at: DateTime<FixedOffset>,
    /// The registry as the change proposes it: the merger's e-mail when the
    /// approved registry does not know them yet.
    pub proposed_registry: Option<Registry>,
}

impl Snapshot {
    pub fn text(&self, path: &str) -> Option<Result<String, Problem>> {
        let file = self.files.get(path)?;
        Some(
            file.blob
                .read()
                .map_err(|e| {
                    let e = anyhow::Error::new(e).context(crate::messages::CANNOT_READ.at(path));
                    Problem::new(path, crate::messages::explain(&e))
                })
                .and_then(|bytes| {
                    // Every content file passes here on every build: simdutf8 checks
                    // Thai text several times faster than the standard library.
                    simdutf8::basic::from_utf8(&bytes)
                        .map(str::to_owned)
                        .map_err(|_| Problem::new(path, crate::messages::NOT_UTF8.say(&[])))
                }),
        )
    }

    /// Files under a folder prefix such as `content/` or `themes/default/static/`.
    pub fn under<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a SourceFile)> {
        self.files
            .range(prefix.to_string()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
    }
}

/// Loads the site at `root` from the right source: git history when `verify_git`
/// is on (unless overridden), otherwise the working tree.
pub fn load(root: &Path, options: &LoadOptions) -> anyhow::Result<Snapshot> {
    let working_tree_wants = working_tree_wants_git(root);
    if options.require_verify && options.trust_front_matter {
        anyhow::bail!(crate::messages::VERIFY_AND_TRUST.say(&[]));
    }
    if !options.trust_front_matter {
        if let Some(snapshot) = git::load_if_required(root, options, working_tree_wants)? {
            return Ok(snapshot);
        }
        return tree::load(root);
    }
    // A preview: say so whenever verification would have applied. A history that
    // cannot be read counts as "would have applied".
    let wants_git = working_tree_wants || git::verification_required(root, options).unwrap_or(true);
    let mut snapshot = tree::load(root)?;
    if wants_git {
        snapshot.trust = Trust::FrontMatterOverride;
    }
    Ok(snapshot)
}

/// The working tree's registry asks for git verification.
fn working_tree_wants_git(root: &Path) -> bool {
    std::fs::read_to_string(root.join(REGISTRY_FILE))
        .ok()
        .and_then(|text| Registry::parse(&text).ok())
        .is_some_and(|r| r.verify_git)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gated_paths() {
        assert!(is_gated("content/news/a.md"));
        assert!(is_gated("site.toml"));
        assert!(is_gated("themes/default/templates/base.html"));
        assert!(!is_gated("src/main.rs"));
        assert!(!is_gated("site.toml.bak"));
        assert!(!is_gated("contents/a.md"));
    }
}
