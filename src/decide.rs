//! Stage 3, **decide**: which items are live at `now`, and why each other one is not.
//!
//! The whole decision is data ([`Decisions`]), one [`Verdict`] per item file made by
//! one pure function ([`verdict`]), as Hugo's `shouldBuild` is. Deciding reads only
//! what the parse stage made, so it is cheap to do again at another time (the
//! monitoring report judges the end of a round); printing, JSON and later stages
//! read the decisions instead of re-deciding.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::{Serialize, Serializer};

use crate::content::Item;
use crate::error::Problem;
use crate::parse::{Content, Entry, Parsed};
use crate::registry::Role;
use crate::settings::Settings;
use crate::source::{Approval, Notice, Trust};

/// Why an item is not on the public site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Reason {
    /// The front matter is broken; the problems say where and how to fix it.
    Invalid {
        problems: Vec<Problem>,
    },
    /// Refused before parsing or publishing: the file is too large, or an attachment
    /// has a name, type or content the site cannot publish safely.
    Refused {
        problems: Vec<Problem>,
    },
    /// The folder is not a section listed in `site.toml`.
    UnknownSection {
        section: String,
    },
    NoApprover,
    UnknownApprover {
        id: String,
    },
    NotAnApprover {
        id: String,
    },
    /// `author` names nobody in the registry: the public record would name no one.
    UnknownAuthor {
        id: String,
    },
    NoExpiry {
        section: String,
    },
    DuplicateUrl {
        url: String,
        others: Vec<String>,
    },
    NotYetPublished {
        publish: DateTime<FixedOffset>,
    },
    Expired {
        expires: DateTime<FixedOffset>,
    },
    /// With `verify_git`: no version of this file was ever approved.
    NotApprovedInGit {
        why: String,
    },
}

impl Reason {
    /// A short code for summaries and machine readers.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Invalid { .. } => "invalid",
            Reason::Refused { .. } => "refused",
            Reason::UnknownSection { .. } => "unknown-section",
            Reason::NoApprover => "no-approver",
            Reason::UnknownApprover { .. } => "unknown-approver",
            Reason::NotAnApprover { .. } => "not-an-approver",
            Reason::UnknownAuthor { .. } => "unknown-author",
            Reason::NoExpiry { .. } => "no-expiry",
            Reason::DuplicateUrl { .. } => "duplicate-url",
            Reason::NotYetPublished { .. } => "not-yet-published",
            Reason::Expired { .. } => "expired",
            Reason::NotApprovedInGit { .. } => "not-approved-in-git",
        }
    }

    /// Thai label, then English, for the build summary.
    pub fn label(&self) -> &'static str {
        match self {
            Reason::Invalid { .. } => "ข้อมูลในไฟล์ไม่ถูกต้อง (invalid item)",
            Reason::Refused { .. } => "ไฟล์ใหญ่เกินหรือไฟล์แนบไม่ปลอดภัย (refused: size or attachment)",
            Reason::UnknownSection { .. } => "ไม่มีหมวดนี้ใน site.toml (unknown section)",
            Reason::NoApprover => "ไม่ระบุผู้อนุมัติ (no approver)",
            Reason::UnknownApprover { .. } => "ไม่พบผู้อนุมัติในทะเบียน (unknown approver)",
            Reason::NotAnApprover { .. } => "ไม่มีสิทธิ์อนุมัติ (not an approver)",
            Reason::UnknownAuthor { .. } => "ไม่พบผู้เขียนในทะเบียน (author not in the registry)",
            Reason::NoExpiry { .. } => "ไม่ระบุวันสิ้นสุด (no expiry)",
            Reason::DuplicateUrl { .. } => "URL ซ้ำ (duplicate URL)",
            Reason::NotYetPublished { .. } => "ยังไม่ถึงวันเผยแพร่ (scheduled)",
            Reason::Expired { .. } => "หมดระยะเวลาเผยแพร่ (expired)",
            Reason::NotApprovedInGit { .. } => "ยังไม่ได้รับอนุมัติใน git (not approved in git)",
        }
    }

    /// Something a person must fix (as opposed to an item simply not being due).
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Reason::NotYetPublished { .. }
                | Reason::Expired { .. }
                | Reason::NotApprovedInGit { .. }
        )
    }

    /// The catalogue's message for this reason (see [`crate::messages`]).
    pub fn message(&self) -> &'static crate::messages::Message {
        use crate::messages as m;
        match self {
            Reason::Invalid { .. } => &m::INVALID,
            Reason::Refused { .. } => &m::REFUSED,
            Reason::UnknownSection { .. } => &m::UNKNOWN_SECTION,
            Reason::NoApprover => &m::NO_APPROVER,
            Reason::UnknownApprover { .. } => &m::UNKNOWN_APPROVER,
            Reason::NotAnApprover { .. } => &m::NOT_AN_APPROVER,
            Reason::UnknownAuthor { .. } => &m::UNKNOWN_AUTHOR,
            Reason::NoExpiry { .. } => &m::NO_EXPIRY,
            Reason::DuplicateUrl { .. } => &m::DUPLICATE_URL,
            Reason::NotYetPublished { .. } => &m::NOT_YET_PUBLISHED,
            Reason::Expired { .. } => &m::EXPIRED,
            Reason::NotApprovedInGit { .. } => &m::NOT_APPROVED_IN_GIT,
        }
    }

    /// One sentence for a web master: the problem and the fix, Thai first.
    pub fn explain(&self) -> String {
        let message = self.message();
        match self {
            Reason::Invalid { problems } | Reason::Refused { problems } => problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
            Reason::UnknownSection { section } | Reason::NoExpiry { section } => {
                message.say(&[("section", section)])
            }
            Reason::NoApprover => message.say(&[]),
            Reason::UnknownApprover { id }
            | Reason::NotAnApprover { id }
            | Reason::UnknownAuthor { id } => message.say(&[("id", id)]),
            Reason::DuplicateUrl { url, others } => {
                message.say(&[("url", url), ("others", &others.join(", "))])
            }
            Reason::NotYetPublished { publish } => {
                message.say(&[("publish", &publish.to_rfc3339())])
            }
            Reason::Expired { expires } => message.say(&[("expires", &expires.to_rfc3339())]),
            Reason::NotApprovedInGit { why } => why.clone(),
        }
    }
}

/// Whether an item is on the public site at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Live,
    Withheld(Reason),
}

impl Verdict {
    pub fn is_live(&self) -> bool {
        matches!(self, Verdict::Live)
    }

    /// Why the item is withheld; `None` when it is live.
    pub fn reason(&self) -> Option<&Reason> {
        match self {
            Verdict::Live => None,
            Verdict::Withheld(reason) => Some(reason),
        }
    }
}

/// In the decision report a verdict reads as `"live": …, "reason": …`.
impl Serialize for Verdict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("live", &self.is_live())?;
        map.serialize_entry("reason", &self.reason())?;
        map.end()
    }
}

/// The outcome for one item file.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(flatten)]
    pub verdict: Verdict,
    /// From git: who approved the version that is published.
    pub approval: Option<Approval>,
    /// The parsed item the verdict is about (shared with the parse stage).
    #[serde(skip)]
    pub item: Option<Arc<Item>>,
}

impl Decision {
    pub fn is_live(&self) -> bool {
        self.verdict.is_live()
    }

    pub fn reason(&self) -> Option<&Reason> {
        self.verdict.reason()
    }

    /// Live, or only waiting for its publish time: what will be on the site.
    pub fn is_live_or_scheduled(&self) -> bool {
        matches!(
            self.verdict,
            Verdict::Live | Verdict::Withheld(Reason::NotYetPublished { .. })
        )
    }
}

/// Every decision at one moment, and the facts they were made on.
#[derive(Debug, Serialize)]
pub struct Decisions {
    pub now: DateTime<FixedOffset>,
    pub trust: Trust,
    pub trust_note: &'static str,
    pub decisions: Vec<Decision>,
    /// Problems that are not about one item (stray files, refused links, bad intros).
    pub problems: Vec<Problem>,
    pub notices: Vec<Notice>,
    /// With git verification: the trust root and what history refused, and why.
    pub git: Option<crate::source::GitReport>,
    /// The next moment an item goes live or expires: when the site next changes.
    pub next_change: Option<DateTime<FixedOffset>>,
}

impl Decisions {
    /// The live items, in path order.
    pub fn live(&self) -> impl Iterator<Item = &Item> {
        self.decisions
            .iter()
            .filter(|d| d.is_live())
            .filter_map(|d| d.item.as_deref())
    }

    pub fn live_count(&self) -> usize {
        self.decisions.iter().filter(|d| d.is_live()).count()
    }

    /// Withheld items counted by reason code, with the label of each.
    pub fn withheld_by_reason(&self) -> BTreeMap<&'static str, (usize, &'static str)> {
        let mut counts = BTreeMap::new();
        for reason in self.decisions.iter().filter_map(Decision::reason) {
            counts.entry(reason.code()).or_insert((0, reason.label())).0 += 1;
        }
        counts
    }

    /// Problems a person must fix; `--strict` fails on any.
    pub fn problem_count(&self) -> usize {
        self.problems.len()
            + self
                .decisions
                .iter()
                .filter(|d| d.reason().is_some_and(Reason::is_problem))
                .count()
    }
}

/// Decides every item of `parsed` at `now`.
pub fn decide(parsed: &Parsed, settings: &Settings, now: DateTime<FixedOffset>) -> Decisions {
    let mut decisions: Vec<Decision> = parsed
        .entries
        .iter()
        .map(|entry| judge(entry, settings, parsed.trust, now))
        .collect();
    withhold_duplicate_urls(&mut decisions);
    decisions.sort_by(|a, b| a.path.cmp(&b.path));
    // The start and end of a mourning period change every page too.
    let mourning = settings.site.mourning_period().ok().flatten();
    let next_change = next_change(&decisions, now)
        .into_iter()
        .chain(
            mourning
                .into_iter()
                .flat_map(|(start, end)| [start, end])
                .filter(|t| *t > now),
        )
        .min();
    Decisions {
        now,
        trust: parsed.trust,
        trust_note: parsed.trust.describe(),
        decisions,
        problems: parsed.problems.clone(),
        notices: parsed.notices.clone(),
        git: parsed.git.clone(),
        next_change,
    }
}

/// The decision about one item file.
fn judge(entry: &Entry, settings: &Settings, trust: Trust, now: DateTime<FixedOffset>) -> Decision {
    let (url, title, verdict, item) = match &entry.content {
        Content::Unpublishable { url, reason } => {
            (url.clone(), None, Verdict::Withheld(reason.clone()), None)
        }
        Content::Item(item) => (
            Some(item.url()),
            Some(item.front.title.clone()),
            verdict(item, entry.approval.as_ref(), settings, trust, now),
            Some(Arc::clone(item)),
        ),
    };
    Decision {
        path: entry.path.clone(),
        url,
        title,
        verdict,
        approval: entry.approval.clone(),
        item,
    }
}

/// The publishing rule for one item, as a pure function of the item and `now`:
/// the first rule of the contract that it breaks, in the contract's order.
pub fn verdict(
    item: &Item,
    approval: Option<&Approval>,
    settings: &Settings,
    trust: Trust,
    now: DateTime<FixedOffset>,
) -> Verdict {
    match withholding_reason(item, approval, settings, trust, now) {
        Some(reason) => Verdict::Withheld(reason),
        None => Verdict::Live,
    }
}

fn withholding_reason(
    item: &Item,
    approval: Option<&Approval>,
    settings: &Settings,
    trust: Trust,
    now: DateTime<FixedOffset>,
) -> Option<Reason> {
    let Some(section) = settings.site.section(&item.section) else {
        return Some(Reason::UnknownSection {
            section: item.section.clone(),
        });
    };
    // Rule 2: the named approver is a registered approver. With git verification the
    // source has already checked the registry in effect at the approving commit.
    if trust == Trust::Git {
        if approval.is_none() {
            return Some(Reason::NotApprovedInGit {
                why: "no approved version in git history".into(),
            });
        }
    } else {
        let Some(id) = &item.front.approver else {
            return Some(Reason::NoApprover);
        };
        match settings.registry.person(id) {
            None => return Some(Reason::UnknownApprover { id: id.clone() }),
            Some(person) if !person.has_role(Role::Approver) => {
                return Some(Reason::NotAnApprover { id: id.clone() });
            }
            Some(_) => {}
        }
    }
    // The public record names the proposer: an `author` nobody is registered as
    // would put a name on it that no one answers for.
    if let Some(id) = &item.front.author
        && settings.registry.person(id).is_none()
    {
        return Some(Reason::UnknownAuthor { id: id.clone() });
    }
    // Rule 3: publish <= now < expires; no expiry only in a permanent section.
    if item.front.expires.is_none() && !section.permanent {
        return Some(Reason::NoExpiry {
            section: item.section.clone(),
        });
    }
    if now < item.front.publish {
        return Some(Reason::NotYetPublished {
            publish: item.front.publish,
        });
    }
    if let Some(expires) = item.front.expires
        && now >= expires
    {
        return Some(Reason::Expired { expires });
    }
    None
}

/// Two files claiming one URL (`a.md` and `a/index.md`): neither is published,
/// since either might be the wrong one.
fn withhold_duplicate_urls(decisions: &mut [Decision]) {
    let mut by_url: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, d) in decisions.iter().enumerate() {
        if let Some(url) = &d.url {
            by_url.entry(url.clone()).or_default().push(i);
        }
    }
    for (url, claimants) in by_url.into_iter().filter(|(_, c)| c.len() > 1) {
        let paths: Vec<String> = claimants
            .iter()
            .map(|&i| decisions[i].path.clone())
            .collect();
        for &i in &claimants {
            let others = paths
                .iter()
                .filter(|p| **p != decisions[i].path)
                .cloned()
                .collect();
            decisions[i].verdict = Verdict::Withheld(Reason::DuplicateUrl {
                url: url.clone(),
                others,
            });
        }
    }
}

/// The earliest future publish or expiry of an item that is live or only waiting.
fn next_change(
    decisions: &[Decision],
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    decisions
        .iter()
        .filter(|d| d.is_live_or_scheduled())
        .filter_map(|d| d.item.as_deref())
        .flat_map(|item| [Some(item.front.publish), item.front.expires])
        .flatten()
        .filter(|t| *t > now)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::content::{ItemAt, Lang, parse_item};
    use crate::dates::parse_now;
    use crate::registry::Registry;

    fn settings() -> Settings {
        Settings {
            site: SiteConfig::parse(
                "title = \"t\"\nbase_url = \"https://a/\"\n[[section]]\nid = \"news\"\ntitle = \"n\"\n[[section]]\nid = \"laws\"\ntitle = \"l\"\npermanent = true",
            )
            .unwrap(),
            registry: Registry::parse(
                "[[person]]\nid = \"inchai\"\nname = \"I\"\nroles = [\"approver\"]\n[[person]]\nid = \"wasana\"\nname = \"W\"\nroles = [\"author\"]",
            )
            .unwrap(),
            checklist: Ok(crate::checklist::Checklist::builtin()),
        }
    }

    /// The entry the parse stage makes of `content/<section>/a.md`.
    fn entry(section: &str, text: &str) -> Entry {
        let path = format!("content/{section}/a.md");
        let at = ItemAt {
            section,
            slug: "a",
            lang: Lang::Th,
            bundle: false,
            news: section == "news",
        };
        let content = match parse_item(&path, text, at, chrono_tz::Asia::Bangkok) {
            Ok(item) => Content::Item(Arc::new(item)),
            Err(problems) => Content::Unpublishable {
                url: Some(crate::content::item_url(section, "a", Lang::Th)),
                reason: Reason::Invalid { problems },
            },
        };
        Entry {
            path,
            approval: None,
            content,
        }
    }

    fn decide_one(section: &str, front: &str, now: &str) -> Decision {
        let text = format!("+++\ntitle = \"t\"\n{front}\n+++\nbody");
        judge(
            &entry(section, &text),
            &settings(),
            Trust::FrontMatter,
            parse_now(now).unwrap(),
        )
    }

    const NOW: &str = "2026-06-01T12:00:00+07:00";

    /// The publishing rule as a table: front matter, section, expected reason code.
    #[test]
    fn publishing_rule_table() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31",
                None,
            ),
            (
                "news",
                "publish = 2026-01-01\nexpires = 2026-12-31",
                Some("no-approver"),
            ),
            (
                "news",
                "approver = \"nobody\"\npublish = 2026-01-01\nexpires = 2026-12-31",
                Some("unknown-approver"),
            ),
            (
                "news",
                "approver = \"wasana\"\npublish = 2026-01-01\nexpires = 2026-12-31",
                Some("not-an-approver"),
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
                Some("not-yet-published"),
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-05-31",
                Some("expired"),
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-01-01",
                Some("no-expiry"),
            ),
            ("laws", "approver = \"inchai\"\npublish = 2026-01-01", None),
            (
                "other",
                "approver = \"inchai\"\npublish = 2026-01-01",
                Some("unknown-section"),
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-01-01\nexpire = 2026-12-31",
                Some("invalid"),
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2569-01-01\nexpires = 2026-12-31",
                Some("invalid"),
            ),
            // Publish is inclusive, expiry exclusive.
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-06-01T12:00:00+07:00\nexpires = 2026-12-31",
                None,
            ),
            (
                "news",
                "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-06-01T12:00:00+07:00",
                Some("expired"),
            ),
        ];
        for (section, front, want) in cases {
            let d = decide_one(section, front, NOW);
            assert_eq!(d.reason().map(Reason::code), *want, "{section}: {front}");
            assert_eq!(d.is_live(), want.is_none());
        }
    }

    #[test]
    fn bangkok_expiry_boundary() {
        let front = "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31";
        assert!(decide_one("news", front, "2026-12-30T23:59:59+07:00").is_live());
        assert!(!decide_one("news", front, "2026-12-31T00:00:00+07:00").is_live());
        // The same instants written in UTC, as a CI runner's clock reads them.
        assert!(decide_one("news", front, "2026-12-30T16:59:59Z").is_live());
        assert!(!decide_one("news", front, "2026-12-30T17:00:00Z").is_live());
    }

    #[test]
    fn git_trust_needs_an_approval_record() {
        let text = "+++\ntitle = \"t\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31\n+++\n";
        let d = judge(
            &entry("news", text),
            &settings(),
            Trust::Git,
            parse_now(NOW).unwrap(),
        );
        assert_eq!(d.reason().unwrap().code(), "not-approved-in-git");
    }

    #[test]
    fn duplicate_urls_withhold_every_claimant() {
        let live = "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31";
        let mut a = decide_one("news", live, NOW);
        let mut b = decide_one("news", live, NOW);
        a.path = "content/news/a.md".into();
        b.path = "content/news/a/index.md".into();
        let mut all = vec![a, b];
        withhold_duplicate_urls(&mut all);
        assert!(
            all.iter()
                .all(|d| !d.is_live() && d.reason().unwrap().code() == "duplicate-url")
        );
    }

    #[test]
    fn next_change_is_the_earliest_future_edge() {
        let a = decide_one(
            "news",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-09-01",
            NOW,
        );
        let b = decide_one(
            "news",
            "approver = \"inchai\"\npublish = 2026-07-01\nexpires = 2026-12-31",
            NOW,
        );
        let c = decide_one(
            "news",
            "approver = \"nobody\"\npublish = 2026-06-02\nexpires = 2026-12-31",
            NOW,
        );
        let next = next_change(&[a, b, c], parse_now(NOW).unwrap()).unwrap();
        assert_eq!(next.to_rfc3339(), "2026-07-01T00:00:00+07:00");
    }
}
