//! The approval rule: whether one commit approves one version of one gated file.
//!
//! Kept in one function, [`approves`], so that signature checks (GitHub's web-flow
//! key on web-UI merges, the approver's own key on direct commits) can later be
//! added in one place.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use std::sync::Arc;

use super::signature::{self, CommitSignature};
use crate::content::ContentPath;
use crate::registry::{Registry, Role};

/// What the rule needs to know about one commit of the built branch.
#[derive(Debug, Clone)]
pub(crate) struct CommitFacts {
    /// Full commit id.
    pub(crate) id: String,
    /// More than one parent: a pull request merged in the web UI (or by `git merge`).
    pub(crate) is_merge: bool,
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

/// Whether `commit` approves the version of `path` it brings, judged by the
/// registry in effect just before the commit. `text` is that version's content,
/// needed only for items (see [`needs_named_approver`]); `None` when it is not
/// UTF-8 text. Returns the approver's person id, or why the change is not approved
/// in words a web master understands.
///
/// A change is approved when the commit is a merge (a pull request merged in the
/// web UI) or a direct commit, authored by a person with the role `approver`; and,
/// for an item, its front matter names that same person as `approver`.
/// The author e-mail is compared as written: `.mailmap` is never applied.
pub(crate) fn approves(
    commit: &CommitFacts,
    registry: &Registry,
    path: &str,
    text: Option<&str>,
) -> Result<String, String> {
    let verb = commit.verb();
    let Some(person) = registry.person_by_email(&commit.author_email) else {
        return Err(format!(
            "{verb} by {} <{}>, whose e-mail is not in approvals/approvers.toml",
            commit.author_name, commit.author_email
        ));
    };
    if !person.has_role(Role::Approver) {
        return Err(format!("{verb} by {}, who is not an approver", person.id));
    }
    if registry.require_signatures {
        signature::gate(commit, registry, person)?;
    }
    if !needs_named_approver(path) {
        return Ok(person.id.clone());
    }
    let Some(text) = text else {
        return Err(format!(
            "it is not UTF-8 text, so its front matter cannot name {}, who {verb} it",
            person.id
        ));
    };
    match named_approver(text) {
        Named::Id(id) if id == person.id => Ok(person.id.clone()),
        Named::Id(id) => Err(format!(
            "front matter names {id}, but {} {verb} it",
            person.id
        )),
        Named::Nobody => Err(format!(
            "front matter names no approver, but {} {verb} it; add approver = \"{}\"",
            person.id, person.id
        )),
        Named::Unreadable => Err(format!(
            "its front matter cannot be read, so it does not name {}, who {verb} it",
            person.id
        )),
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
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Named::Unreadable;
    }
    let mut front = String::new();
    for line in lines {
        if line.trim_end() == "+++" {
            return match toml::from_str::<OnlyApprover>(&front) {
                Ok(OnlyApprover { approver: Some(id) }) => Named::Id(id),
                Ok(OnlyApprover { approver: None }) => Named::Nobody,
                Err(_) => Named::Unreadable,
            };
        }
        front.push_str(line);
    }
    Named::Unreadable
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
        approves(&commit(email, is_merge), &registry, path, Some(text))
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
        let why = approves(
            &commit("inchai@office.example", true),
            &registry,
            ITEM,
            None,
        )
        .unwrap_err();
        assert!(why.contains("not UTF-8"), "{why}");
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
