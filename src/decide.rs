//! Stage 2, **decide**: which items are live at `now`, and why each other one is not.
//!
//! The whole decision is data (a [`DecisionReport`]), built by one pure function per
//! item ([`judge`]), as Hugo's `shouldBuild` is; printing, JSON and later stages read
//! the report instead of re-deciding.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use crate::config::SiteConfig;
use crate::content::{ContentPath, Intro, Item, Lang, parse_intro, parse_item};
use crate::error::Problem;
use crate::registry::{Registry, Role};
use crate::source::{Approval, Notice, Snapshot, Trust};

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

/// The outcome for one item file.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub live: bool,
    pub reason: Option<Reason>,
    /// From git: who approved the version that is published.
    pub approval: Option<Approval>,
    #[serde(skip)]
    pub item: Option<Item>,
}

/// Every decision of one build, and the facts they were made on.
#[derive(Debug, Serialize)]
pub struct DecisionReport {
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
    #[serde(skip)]
    pub intros: BTreeMap<(String, Lang), Intro>,
}

impl DecisionReport {
    pub fn live(&self) -> impl Iterator<Item = &Item> {
        self.decisions
            .iter()
            .filter(|d| d.live)
            .filter_map(|d| d.item.as_ref())
    }

    pub fn live_count(&self) -> usize {
        self.decisions.iter().filter(|d| d.live).count()
    }

    /// Withheld items counted by reason code, with the label of each.
    pub fn withheld_by_reason(&self) -> BTreeMap<&'static str, (usize, &'static str)> {
        let mut counts = BTreeMap::new();
        for reason in self.decisions.iter().filter_map(|d| d.reason.as_ref()) {
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
                .filter(|d| d.reason.as_ref().is_some_and(Reason::is_problem))
                .count()
    }
}

/// Decides every content file of the snapshot at `now`.
pub fn decide(
    snapshot: &Snapshot,
    config: &SiteConfig,
    registry: &Registry,
    now: DateTime<FixedOffset>,
) -> DecisionReport {
    let tz: Tz = config.tz().unwrap_or(chrono_tz::Asia::Bangkok);
    let mut decisions = Vec::new();
    let mut problems = snapshot.refused.clone();
    problems.extend(config.refused.iter().cloned());
    let mut intros = BTreeMap::new();
    for (path, _) in snapshot.under(crate::content::CONTENT) {
        match ContentPath::classify(path) {
            ContentPath::Item {
                section,
                slug,
                lang,
                bundle,
            } => {
                let approval = snapshot.files.get(path).and_then(|f| f.approval.clone());
                if let Some(refused) = refused_item(snapshot, config, path, &section, &slug, bundle)
                {
                    decisions.push(refused_decision(path, refused, approval));
                    continue;
                }
                let parsed = match snapshot.text(path) {
                    Some(Ok(text)) => parse_item(path, &text, &section, &slug, lang, bundle, tz),
                    Some(Err(problem)) => Err(vec![problem]),
                    None => continue,
                };
                decisions.push(judge(
                    path,
                    parsed,
                    approval,
                    config,
                    registry,
                    snapshot.trust,
                    now,
                ));
            }
            ContentPath::Home { lang } => read_intro(
                snapshot,
                config,
                path,
                String::new(),
                lang,
                &mut intros,
                &mut problems,
            ),
            ContentPath::SectionIntro { section, lang } => read_intro(
                snapshot,
                config,
                path,
                section,
                lang,
                &mut intros,
                &mut problems,
            ),
            ContentPath::Attachment { section, slug, .. } => {
                let has_index = ["index.md", "index.en.md"].iter().any(|f| {
                    snapshot
                        .files
                        .contains_key(&format!("content/{section}/{slug}/{f}"))
                });
                if !has_index
                    && !snapshot
                        .unapproved
                        .iter()
                        .any(|u| u.path.starts_with(&format!("content/{section}/{slug}/")))
                {
                    problems.push(Problem::new(path, "is in a folder without index.md, so it belongs to no item; add index.md or move the file"));
                }
            }
            ContentPath::Stray { why } => problems.push(Problem::new(path, why)),
        }
    }
    for unapproved in &snapshot.unapproved {
        if let ContentPath::Item {
            section,
            slug,
            lang,
            ..
        } = ContentPath::classify(&unapproved.path)
        {
            decisions.push(Decision {
                path: unapproved.path.clone(),
                url: Some(crate::content::item_url(&section, &slug, lang)),
                title: None,
                live: false,
                reason: Some(Reason::NotApprovedInGit {
                    why: unapproved.why.clone(),
                }),
                approval: None,
                item: None,
            });
        }
    }
    withhold_duplicate_urls(&mut decisions);
    decisions.sort_by(|a, b| a.path.cmp(&b.path));
    // The start and end of a mourning period change every page too.
    let mourning = config.mourning_period(tz).ok().flatten();
    let next_change = next_change(&decisions, now)
        .into_iter()
        .chain(
            mourning
                .into_iter()
                .flat_map(|(start, end)| [start, end])
                .filter(|t| *t > now),
        )
        .min();
    DecisionReport {
        now,
        trust: snapshot.trust,
        trust_note: snapshot.trust.describe(),
        decisions,
        problems,
        notices: snapshot.notices.clone(),
        git: snapshot.git.clone(),
        next_change,
        intros,
    }
}

/// Problems that withhold an item before its text is read: a file over the size
/// limit, or (for a bundle) an attachment that cannot be published safely. The
/// whole item is withheld, so its page never links to a missing or unsafe file.
fn refused_item(
    snapshot: &Snapshot,
    config: &SiteConfig,
    path: &str,
    section: &str,
    slug: &str,
    bundle: bool,
) -> Option<Vec<Problem>> {
    let file = snapshot.files.get(path)?;
    if let Some(problem) =
        crate::validate::size_problem(path, file.blob.len(), config.limits.item_size_mb)
    {
        return Some(vec![problem]);
    }
    if !bundle {
        return None;
    }
    let dir = format!("{}{section}/{slug}/", crate::content::CONTENT);
    let problems = crate::validate::attachment_problems(
        snapshot
            .under(&dir)
            .filter(|(p, _)| matches!(ContentPath::classify(p), ContentPath::Attachment { .. }))
            .map(|(p, f)| (&p[dir.len()..], p.as_str(), &f.blob)),
        &config.attachment_types,
    );
    (!problems.is_empty()).then_some(problems)
}

fn refused_decision(path: &str, problems: Vec<Problem>, approval: Option<Approval>) -> Decision {
    let url = match ContentPath::classify(path) {
        ContentPath::Item {
            section,
            slug,
            lang,
            ..
        } => Some(crate::content::item_url(&section, &slug, lang)),
        _ => None,
    };
    Decision {
        path: path.to_string(),
        url,
        title: None,
        live: false,
        reason: Some(Reason::Refused { problems }),
        approval,
        item: None,
    }
}

fn read_intro(
    snapshot: &Snapshot,
    config: &SiteConfig,
    path: &str,
    key: String,
    lang: Lang,
    intros: &mut BTreeMap<(String, Lang), Intro>,
    problems: &mut Vec<Problem>,
) {
    let size = snapshot.files.get(path).map_or(0, |f| f.blob.len());
    if let Some(problem) = crate::validate::size_problem(path, size, config.limits.item_size_mb) {
        problems.push(problem);
        return;
    }
    match snapshot
        .text(path)
        .map(|t| t.and_then(|text| parse_intro(path, &text)))
    {
        Some(Ok(intro)) => {
            intros.insert((key, lang), intro);
        }
        Some(Err(problem)) => problems.push(problem),
        None => {}
    }
}

/// The publishing rule for one item, as a pure function of its parsed form and `now`.
pub fn judge(
    path: &str,
    parsed: Result<Item, Vec<Problem>>,
    approval: Option<Approval>,
    config: &SiteConfig,
    registry: &Registry,
    trust: Trust,
    now: DateTime<FixedOffset>,
) -> Decision {
    let item = match parsed {
        Ok(item) => item,
        Err(problems) => {
            let url = match ContentPath::classify(path) {
                ContentPath::Item {
                    section,
                    slug,
                    lang,
                    ..
                } => Some(crate::content::item_url(&section, &slug, lang)),
                _ => None,
            };
            return Decision {
                path: path.to_string(),
                url,
                title: None,
                live: false,
                reason: Some(Reason::Invalid { problems }),
                approval,
                item: None,
            };
        }
    };
    let reason = withholding_reason(&item, approval.as_ref(), config, registry, trust, now);
    Decision {
        path: path.to_string(),
        url: Some(item.url()),
        title: Some(item.front.title.clone()),
        live: reason.is_none(),
        reason,
        approval,
        item: Some(item),
    }
}

/// The first rule of the contract that `item` breaks, in the contract's order.
fn withholding_reason(
    item: &Item,
    approval: Option<&Approval>,
    config: &SiteConfig,
    registry: &Registry,
    trust: Trust,
    now: DateTime<FixedOffset>,
) -> Option<Reason> {
    let Some(section) = config.section(&item.section) else {
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
        match registry.person(id) {
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
        && registry.person(id).is_none()
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
            decisions[i].live = false;
            decisions[i].reason = Some(Reason::DuplicateUrl {
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
        .filter(|d| d.live || matches!(d.reason, Some(Reason::NotYetPublished { .. })))
        .filter_map(|d| d.item.as_ref())
        .flat_map(|item| [Some(item.front.publish), item.front.expires])
        .flatten()
        .filter(|t| *t > now)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_now;

    fn config() -> SiteConfig {
        SiteConfig::parse(
            "title = \"t\"\nbase_url = \"https://a/\"\n[[section]]\nid = \"news\"\ntitle = \"n\"\n[[section]]\nid = \"laws\"\ntitle = \"l\"\npermanent = true",
        )
        .unwrap()
    }

    fn registry() -> Registry {
        Registry::parse(
            "[[person]]\nid = \"inchai\"\nname = \"I\"\nroles = [\"approver\"]\n[[person]]\nid = \"wasana\"\nname = \"W\"\nroles = [\"author\"]",
        )
        .unwrap()
    }

    fn decide_one(section: &str, front: &str, now: &str) -> Decision {
        let path = format!("content/{section}/a.md");
        let text = format!("+++\ntitle = \"t\"\n{front}\n+++\nbody");
        let parsed = parse_item(
            &path,
            &text,
            section,
            "a",
            Lang::Th,
            false,
            chrono_tz::Asia::Bangkok,
        );
        judge(
            &path,
            parsed,
            None,
            &config(),
            &registry(),
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
            assert_eq!(
                d.reason.as_ref().map(Reason::code),
                *want,
                "{section}: {front}"
            );
            assert_eq!(d.live, want.is_none());
        }
    }

    #[test]
    fn bangkok_expiry_boundary() {
        let front = "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31";
        assert!(decide_one("news", front, "2026-12-30T23:59:59+07:00").live);
        assert!(!decide_one("news", front, "2026-12-31T00:00:00+07:00").live);
        // The same instants written in UTC, as a CI runner's clock reads them.
        assert!(decide_one("news", front, "2026-12-30T16:59:59Z").live);
        assert!(!decide_one("news", front, "2026-12-30T17:00:00Z").live);
    }

    #[test]
    fn git_trust_needs_an_approval_record() {
        let path = "content/news/a.md";
        let text = "+++\ntitle = \"t\"\napprover = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-12-31\n+++\n";
        let parsed = parse_item(
            path,
            text,
            "news",
            "a",
            Lang::Th,
            false,
            chrono_tz::Asia::Bangkok,
        );
        let d = judge(
            path,
            parsed,
            None,
            &config(),
            &registry(),
            Trust::Git,
            parse_now(NOW).unwrap(),
        );
        assert_eq!(d.reason.unwrap().code(), "not-approved-in-git");
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
                .all(|d| !d.live && d.reason.as_ref().unwrap().code() == "duplicate-url")
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
