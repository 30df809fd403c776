//! The approval rule: whether one commit approves one version of one gated file.
//!
//! Kept in one function, [`approves`], that reads one [`Context`]: signature checks
//! (GitHub's web-flow key on web-UI merges, the approver's own key on direct
//! commits) are one more field of the context and one more [`Refusal`].

use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use std::sync::Arc;

use super::signature::CommitSignature;
use crate::content::ContentPath;
use crate::registry::{Registry, Role};

/// What the rule needs to know about one commit of the built branch.
#[derive(Debug, Clone)]
pub(crate) struct CommitFacts {
    /// Full commit id.
    pub(crate) id: String,
    /// More than one parent: a pull request merged in the web UI (or by `git merge`).
    pub(crate) is_merge: bool,
    /// How many parents the commit has (more than two: an octopus merge).
    pub(crate) parents: usize,
    pub(crate) author_name: String,
    pub(crate) author_email: String,
    pub(crate) author_time: DateTime<FixedOffset>,
    pub(crate) committer_time: DateTime<FixedOffset>,
    /// For a merge, the commit time of its second parent: the pull request's head.
    pub(crate) proposed_at: Option<DateTime<FixedOffset>>,
    /// The commit's signature, and whose key it verified with once judged.
    pub(crate) signature: Arc<CommitSignature>,
}

impl CommitFacts {
    /// The first seven characters of the id, as git shows it.
    pub(crate) fn short(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }

    /// "merged" or "committed", for messages.
    fn verb(&self) -> &'static str {
        if self.is_merge { "merged" } else { "committed" }
    }

    /// The registered id of the author, or their name and e-mail when unregistered.
    pub(crate) fn who(&self, registry: &Registry) -> String {
        match registry.person_by_email(&self.author_email) {
            Some(person) => person.id.clone(),
            None => format!("{} <{}>", self.author_name, self.author_email),
        }
    }
}

/// Files whose front matter must name the approver who merged them: items.
/// Section introductions, attachments, templates and settings need only an
/// approver's merge or commit.
pub(crate) fn needs_named_approver(path: &str) -> bool {
    matches!(ContentPath::classify(path), ContentPath::Item { .. })
}

/// What one parent of the approving commit (its first parent, or a merge base)
/// holds of the file, compared with what approvers have seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Held {
    /// The file's last approved version (for the first parent), or some version
    /// approved earlier (for a merge base); "absent" counts when absent was approved.
    Approved,
    /// A version no approver saw, with the unapproved change that made it when known.
    Unseen(Option<Edit>),
}

/// An unapproved change that history ignored: the commit and who made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    /// Short commit id.
    pub(crate) commit: String,
    /// Registered person id, or "name <e-mail>".
    pub(crate) who: String,
}

/// Everything the rule looks at to decide whether one commit approves one version
/// of one file. New gates (signatures) add fields here, not parameters.
#[derive(Debug, Clone)]
pub(crate) struct Context<'a> {
    pub(crate) commit: &'a CommitFacts,
    /// The registry in effect just before the commit.
    pub(crate) registry: &'a Registry,
    pub(crate) path: &'a str,
    /// The new version's text, needed only for items ([`needs_named_approver`]);
    /// `None` when it is not UTF-8 text.
    pub(crate) text: Option<&'a str>,
    /// What the first parent holds of the file.
    pub(crate) first_parent: Held,
    /// For a merge: what each merge base holds of the file (empty otherwise).
    pub(crate) merge_bases: Vec<Held>,
}

impl<'a> Context<'a> {
    /// The context of a change whose parents need no look (the generator's own
    /// files outside the gated paths, the identity check alone).
    pub(crate) fn identity(commit: &'a CommitFacts, registry: &'a Registry, path: &'a str) -> Self {
        Context {
            commit,
            registry,
            path,
            text: None,
            first_parent: Held::Approved,
            merge_bases: Vec::new(),
        }
    }
}

/// Why a version is not approved: data, so reports can count causes, with words
/// for people from [`fmt::Display`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The author e-mail is in no one's registry entry.
    Unregistered {
        verb: &'static str,
        name: String,
        email: String,
    },
    /// The author e-mail was in no one's registry entry when the commit was made,
    /// and has been registered to `id` since: the approval still does not count,
    /// since who approves is decided by the registry in effect at the commit.
    UnregisteredThen {
        verb: &'static str,
        name: String,
        email: String,
        id: String,
    },
    /// The author is registered but has no `approver` role.
    NotAnApprover { verb: &'static str, id: String },
    /// A merge of more than two parents: no pull request looks like that.
    Octopus { by: String },
    /// The first parent already held a version no approver saw.
    HiddenEdit {
        verb: &'static str,
        by: String,
        edit: Option<Edit>,
    },
    /// The pull request branched from a version no approver saw.
    UnapprovedBase { by: String, edit: Option<Edit> },
    /// An item's front matter names another approver.
    NamesOther {
        verb: &'static str,
        named: String,
        by: String,
    },
    /// An item's front matter names no approver.
    NamesNobody { verb: &'static str, by: String },
    /// An item's front matter cannot be read.
    Unreadable { verb: &'static str, by: String },
    /// An item that is not UTF-8 text.
    NotText { verb: &'static str, by: String },
    /// With `require_signatures`: the commit is unsigned, badly signed, or signed
    /// by a key that does not make it the approver's (see [`super::signature`]).
    Signature {
        verb: &'static str,
        by: String,
        why: super::signature::SignatureRefusal,
    },
}

impl Refusal {
    /// A stable code for reports and counts.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Refusal::Unregistered { .. } => "unregistered-author",
            Refusal::UnregisteredThen { .. } => "unregistered-at-the-time",
            Refusal::NotAnApprover { .. } => "not-an-approver",
            Refusal::Octopus { .. } => "octopus-merge",
            Refusal::HiddenEdit { .. } => "hidden-edit",
            Refusal::UnapprovedBase { .. } => "unapproved-merge-base",
            Refusal::NamesOther { .. } => "front-matter-names-another",
            Refusal::NamesNobody { .. } => "front-matter-names-nobody",
            Refusal::Unreadable { .. } => "front-matter-unreadable",
            Refusal::NotText { .. } => "not-text",
            Refusal::Signature { .. } => "signature",
        }
    }

    /// Thai, with English beside it.
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Refusal::Unregistered { .. } => "ผู้ทำไม่อยู่ในทะเบียน (author not registered)",
            Refusal::UnregisteredThen { .. } => {
                "อีเมลผู้รวมยังไม่อยู่ในทะเบียนขณะรวม (e-mail registered only after the merge)"
            }
            Refusal::NotAnApprover { .. } => "ผู้ทำไม่ใช่ผู้อนุมัติ (not made by an approver)",
            Refusal::Octopus { .. } => "รวมหลายกิ่งพร้อมกัน (octopus merge)",
            Refusal::HiddenEdit { .. } => {
                "มีการแก้ไขที่ยังไม่อนุมัติซ่อนอยู่ (an unapproved edit the approver did not see)"
            }
            Refusal::UnapprovedBase { .. } => {
                "แตกกิ่งจากฉบับที่ยังไม่อนุมัติ (branched from an unapproved version)"
            }
            Refusal::NamesOther { .. } => {
                "ผู้อนุมัติในข้อมูลส่วนหัวไม่ตรงกับผู้รวม (front matter names another approver)"
            }
            Refusal::NamesNobody { .. } => "ข้อมูลส่วนหัวไม่ระบุผู้อนุมัติ (front matter names no approver)",
            Refusal::Unreadable { .. } => "อ่านข้อมูลส่วนหัวไม่ได้ (front matter unreadable)",
            Refusal::NotText { .. } => "ไม่ใช่ข้อความ UTF-8 (not UTF-8 text)",
            Refusal::Signature { .. } => {
                "ลายมือชื่อดิจิทัลไม่ผ่านการตรวจ (the approval's signature does not verify)"
            }
        }
    }

    /// The catalogue's message for this refusal (see [`crate::messages`]).
    pub(crate) fn message(&self) -> &'static crate::messages::Message {
        use crate::messages as m;
        match self {
            Refusal::Unregistered { .. } => &m::GIT_UNREGISTERED,
            Refusal::UnregisteredThen { .. } => &m::GIT_UNREGISTERED_THEN,
            Refusal::NotAnApprover { .. } => &m::GIT_NOT_AN_APPROVER,
            Refusal::Octopus { .. } => &m::GIT_OCTOPUS,
            Refusal::HiddenEdit { .. } => &m::GIT_HIDDEN_EDIT,
            Refusal::UnapprovedBase { .. } => &m::GIT_UNAPPROVED_BASE,
            Refusal::NamesOther { .. } => &m::GIT_NAMES_OTHER,
            Refusal::NamesNobody { .. } => &m::GIT_NAMES_NOBODY,
            Refusal::Unreadable { .. } => &m::GIT_UNREADABLE,
            Refusal::NotText { .. } => &m::GIT_NOT_TEXT,
            Refusal::Signature { .. } => &m::GIT_SIGNATURE,
        }
    }

    /// The cause in Thai, from the catalogue, with the e-mail or person filled in.
    pub(crate) fn thai(&self) -> String {
        let (email, id) = match self {
            Refusal::Unregistered { email, .. } => (email.as_str(), ""),
            Refusal::UnregisteredThen { email, id, .. } => (email.as_str(), id.as_str()),
            Refusal::NotAnApprover { id, .. } => ("", id.as_str()),
            _ => ("", ""),
        };
        let message = self.message();
        crate::messages::Message {
            fix_th: "",
            fix_en: "",
            en: "",
            ..*message
        }
        .say(&[("email", email), ("id", id)])
        .trim_end_matches(" / ")
        .to_string()
    }

    /// The refusal as it reads now that `registry` is the approved one: a merge
    /// by an e-mail registered since is no longer "not in the registry", and the
    /// way out says so (propose again; adding the e-mail did not approve it).
    pub(crate) fn as_of(&self, registry: &Registry) -> Refusal {
        match self {
            Refusal::Unregistered { verb, name, email } => match registry.person_by_email(email) {
                Some(person) => Refusal::UnregisteredThen {
                    verb,
                    name: name.clone(),
                    email: email.clone(),
                    id: person.id.clone(),
                },
                None => self.clone(),
            },
            other => other.clone(),
        }
    }

    /// The way out, for status and the build report.
    pub(crate) fn exit(&self, path: &str) -> String {
        match self {
            Refusal::UnregisteredThen { id, .. } => {
                crate::messages::GIT_UNREGISTERED_THEN.fix(&[("path", path), ("id", id)])
            }
            Refusal::Unregistered { .. } => format!(
                "คืนไฟล์เป็นฉบับที่อนุมัติ แล้วเสนอใหม่ (restore, then propose again): `khaosan restore {path}`, \
                 commit, open a pull request; the approver merges it with an e-mail registered in \
                 approvals/approvers.toml (or first add that e-mail to the registry through an approved pull request)"
            ),
            Refusal::HiddenEdit { .. }
            | Refusal::UnapprovedBase { .. }
            | Refusal::Octopus { .. } => {
                format!(
                    "คืนไฟล์เป็นฉบับที่อนุมัติ แล้วเสนอใหม่ (restore, then propose again): \
                     `khaosan restore {path}`, commit it to main, then propose the change again \
                     as a pull request branched from main (on GitHub: \"Update branch\", then merge)"
                )
            }
            _ => format!(
                "เสนอใหม่เป็น pull request ให้ผู้อนุมัติรวม (propose it as a pull request an approver merges); \
                 the site keeps the approved version meanwhile (`khaosan restore {path}` brings it back)"
            ),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let edit = |edit: &Option<Edit>| match edit {
            Some(e) => format!(" by {} ({})", e.who, e.commit),
            None => String::new(),
        };
        match self {
            Refusal::Unregistered { verb, name, email } => write!(
                f,
                "{verb} by {name} <{email}>, whose e-mail is not in approvals/approvers.toml"
            ),
            Refusal::UnregisteredThen {
                verb,
                name,
                email,
                id,
            } => write!(
                f,
                "{verb} by {name} <{email}>, whose e-mail was not in approvals/approvers.toml at the \
                 time; it is registered to {id} now, but an approval counts only under the registry \
                 in effect when it was made, so this {} still approves nothing",
                if *verb == "merged" { "merge" } else { "commit" }
            ),
            Refusal::NotAnApprover { verb, id } => {
                write!(f, "{verb} by {id}, who is not an approver")
            }
            Refusal::Octopus { by } => write!(
                f,
                "merged by {by} in one merge of three or more branches (an octopus merge), which \
                 approves nothing; merge each pull request on its own"
            ),
            Refusal::HiddenEdit { verb, by, edit: e } => write!(
                f,
                "{verb} by {by}, but the file already held an unapproved edit{} that the {} did not show",
                edit(e),
                if *verb == "merged" {
                    "pull request"
                } else {
                    "commit"
                }
            ),
            Refusal::UnapprovedBase { by, edit: e } => write!(
                f,
                "merged by {by}, but the pull request was branched from a version of the file that \
                 was never approved{}, and its diff did not show that version",
                edit(e)
            ),
            Refusal::NamesOther { verb, named, by } => {
                write!(f, "front matter names {named}, but {by} {verb} it")
            }
            Refusal::NamesNobody { verb, by } => write!(
                f,
                "front matter names no approver, but {by} {verb} it; add approver = \"{by}\""
            ),
            Refusal::Unreadable { verb, by } => write!(
                f,
                "its front matter cannot be read, so it does not name {by}, who {verb} it"
            ),
            Refusal::NotText { verb, by } => write!(
                f,
                "it is not UTF-8 text, so its front matter cannot name {by}, who {verb} it"
            ),
            Refusal::Signature { verb, by, why } => write!(f, "{verb} by {by}, but {why}"),
        }
    }
}

/// Whether the context's commit approves the version of the file it brings.
/// Returns the approver's person id, or why not.
///
/// In order: the commit must count as an approver's (author e-mail registered to a
/// person with the role `approver`; `.mailmap` is never applied); an octopus merge
/// approves nothing; everything in the new version must have been shown to the
/// approver: the first parent holds the file's last approved version and, for a
/// merge, every merge base holds a version approved earlier; and an item's front
/// matter names that same person as `approver`.
pub(crate) fn approves(ctx: &Context<'_>) -> Result<String, Refusal> {
    let commit = ctx.commit;
    let verb = commit.verb();
    let Some(person) = ctx.registry.person_by_email(&commit.author_email) else {
        return Err(Refusal::Unregistered {
            verb,
            name: commit.author_name.clone(),
            email: commit.author_email.clone(),
        });
    };
    if !person.has_role(Role::Approver) {
        return Err(Refusal::NotAnApprover {
            verb,
            id: person.id.clone(),
        });
    }
    let by = person.id.clone();
    if ctx.registry.require_signatures
        && let Err(why) = super::signature::gate(commit, ctx.registry, person)
    {
        return Err(Refusal::Signature { verb, by, why });
    }
    if commit.parents > 2 {
        return Err(Refusal::Octopus { by });
    }
    if let Held::Unseen(edit) = &ctx.first_parent {
        return Err(Refusal::HiddenEdit {
            verb,
            by,
            edit: edit.clone(),
        });
    }
    if let Some(Held::Unseen(edit)) = ctx.merge_bases.iter().find(|h| **h != Held::Approved) {
        return Err(Refusal::UnapprovedBase {
            by,
            edit: edit.clone(),
        });
    }
    if !needs_named_approver(ctx.path) {
        return Ok(by);
    }
    let Some(text) = ctx.text else {
        return Err(Refusal::NotText { verb, by });
    };
    match named_approver(text) {
        Named::Id(id) if id == by => Ok(by),
        Named::Id(named) => Err(Refusal::NamesOther { verb, named, by }),
        Named::Nobody => Err(Refusal::NamesNobody { verb, by }),
        Named::Unreadable => Err(Refusal::Unreadable { verb, by }),
    }
}

/// The `approver` an item's front matter names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Id(String),
    Nobody,
    Unreadable,
}

/// Reads only the `approver` key of the `+++` TOML block; anything else in it
/// (unknown keys, bad dates) is judged later, by the decide stage.
pub(crate) fn named_approver(text: &str) -> Named {
    #[derive(Deserialize)]
    struct OnlyApprover {
        approver: Option<String>,
    }
    let Ok(parts) = crate::front_matter::split(text) else {
        return Named::Unreadable;
    };
    match toml::from_str::<OnlyApprover>(parts.front) {
        Ok(OnlyApprover { approver: Some(id) }) => Named::Id(id),
        Ok(OnlyApprover { approver: None }) => Named::Nobody,
        Err(_) => Named::Unreadable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGISTRY: &str = r#"
[[person]]
id = "inchai"
name = "I"
roles = ["approver"]
emails = ["inchai@office.example"]
[[person]]
id = "dusit"
name = "D"
roles = ["approver"]
emails = ["dusit@office.example"]
[[person]]
id = "somchai"
name = "S"
roles = ["author"]
emails = ["somchai@office.example"]
"#;

    fn commit(email: &str, is_merge: bool) -> CommitFacts {
        let t = DateTime::parse_from_rfc3339("2026-05-01T10:00:00+07:00").unwrap();
        CommitFacts {
            id: "0123456789abcdef".into(),
            is_merge,
            parents: if is_merge { 2 } else { 1 },
            author_name: "Someone".into(),
            author_email: email.into(),
            author_time: t,
            committer_time: t,
            proposed_at: None,
            signature: Arc::default(),
        }
    }

    fn item(approver: &str) -> String {
        format!("+++\ntitle = \"t\"\napprover = \"{approver}\"\npublish = 2026-01-01\n+++\nbody\n")
    }

    fn judge(email: &str, is_merge: bool, path: &str, text: &str) -> Result<String, String> {
        let registry = Registry::parse(REGISTRY).unwrap();
        let commit = commit(email, is_merge);
        let ctx = Context {
            text: Some(text),
            ..Context::identity(&commit, &registry, path)
        };
        approves(&ctx).map_err(|r| r.to_string())
    }

    const ITEM: &str = "content/news/a.md";

    #[test]
    fn approver_merge_naming_the_merger_approves() {
        assert_eq!(
            judge("inchai@office.example", true, ITEM, &item("inchai")),
            Ok("inchai".into())
        );
    }

    #[test]
    fn approver_direct_commit_approves() {
        assert_eq!(
            judge("INCHAI@office.example", false, ITEM, &item("inchai")),
            Ok("inchai".into())
        );
    }

    #[test]
    fn merge_by_a_non_approver_is_refused_whatever_the_front_matter_says() {
        let why = judge("somchai@office.example", true, ITEM, &item("inchai")).unwrap_err();
        assert_eq!(why, "merged by somchai, who is not an approver");
    }

    #[test]
    fn unregistered_author_is_refused_with_their_address() {
        let why = judge("x@elsewhere.example", false, ITEM, &item("inchai")).unwrap_err();
        assert!(
            why.starts_with("committed by Someone <x@elsewhere.example>"),
            "{why}"
        );
    }

    #[test]
    fn a_different_approver_than_the_one_named_is_refused() {
        let why = judge("dusit@office.example", true, ITEM, &item("inchai")).unwrap_err();
        assert_eq!(why, "front matter names inchai, but dusit merged it");
    }

    #[test]
    fn broken_or_missing_front_matter_names_nobody() {
        let why = judge("inchai@office.example", true, ITEM, "no front matter").unwrap_err();
        assert!(why.contains("cannot be read"), "{why}");
        let why = judge(
            "inchai@office.example",
            true,
            ITEM,
            "+++\ntitle = \"t\"\n+++\n",
        )
        .unwrap_err();
        assert!(why.contains("names no approver"), "{why}");
        let registry = Registry::parse(REGISTRY).unwrap();
        let merge = commit("inchai@office.example", true);
        let why = approves(&Context::identity(&merge, &registry, ITEM)).unwrap_err();
        assert_eq!(why.code(), "not-text");
    }

    #[test]
    fn non_items_need_only_an_approver() {
        for path in [
            "content/news/_index.md",
            "content/news/b/form.pdf",
            "themes/default/templates/base.html",
            "site.toml",
            "approvals/approvers.toml",
        ] {
            assert_eq!(
                judge("dusit@office.example", true, path, "anything"),
                Ok("dusit".into()),
                "{path}"
            );
            assert!(judge("somchai@office.example", true, path, "anything").is_err());
        }
    }

    fn hidden(commit: &str) -> Held {
        Held::Unseen(Some(Edit {
            commit: commit.into(),
            who: "wasana".into(),
        }))
    }

    #[test]
    fn a_merge_over_an_unseen_edit_is_refused_and_names_it() {
        let registry = Registry::parse(REGISTRY).unwrap();
        let merge = commit("inchai@office.example", true);
        let text = item("inchai");
        let ctx = Context {
            text: Some(&text),
            first_parent: hidden("abc1234"),
            ..Context::identity(&merge, &registry, ITEM)
        };
        let why = approves(&ctx).unwrap_err();
        assert_eq!(why.code(), "hidden-edit");
        assert_eq!(
            why.to_string(),
            "merged by inchai, but the file already held an unapproved edit by wasana (abc1234) \
             that the pull request did not show"
        );
        assert!(why.exit(ITEM).contains("khaosan restore content/news/a.md"));
    }

    #[test]
    fn every_merge_base_must_hold_an_approved_version() {
        let registry = Registry::parse(REGISTRY).unwrap();
        let merge = commit("inchai@office.example", true);
        let text = item("inchai");
        let judge = |bases: Vec<Held>| {
            approves(&Context {
                text: Some(&text),
                merge_bases: bases,
                ..Context::identity(&merge, &registry, ITEM)
            })
        };
        assert_eq!(
            judge(vec![Held::Approved, Held::Approved]),
            Ok("inchai".into())
        );
        let why = judge(vec![Held::Approved, hidden("def5678")]).unwrap_err();
        assert_eq!(why.code(), "unapproved-merge-base");
    }

    #[test]
    fn an_octopus_merge_approves_nothing() {
        let registry = Registry::parse(REGISTRY).unwrap();
        let mut merge = commit("inchai@office.example", true);
        merge.parents = 3;
        let why = approves(&Context::identity(&merge, &registry, "site.toml")).unwrap_err();
        assert_eq!(why.code(), "octopus-merge");
    }

    #[test]
    fn named_approver_reads_only_that_key() {
        assert_eq!(
            named_approver("+++\ntypo_key = 1\napprover = \"inchai\"\n+++\n"),
            Named::Id("inchai".into())
        );
        assert_eq!(
            named_approver("+++\napprover = \"inchai\"\n"),
            Named::Unreadable
        );
        assert_eq!(
            named_approver("+++\napprover = 3\n+++\n"),
            Named::Unreadable
        );
    }
}
