//! Completeness against the checklist: for each required item, whether live content
//! provides it at `now`, its newest date, and its gaps.
//!
//! A pure function of the checklist and the live items ([`evaluate`]), so the
//! `khaosan compliance` command, the monitoring report and the public evidence
//! pages all read the same answer. Only live items count: a withheld item provides
//! nothing, because the public cannot see it.
//!
//! Periodic requirements (monthly, quarterly, half-yearly, yearly by the Thai fiscal
//! year) are checked period by period:
//! - a requirement that `covers = "previous"` (reports: October's procurement
//!   summary is published in November) needs one instance for every period from the
//!   start of the previous fiscal year whose due date (`due_days` after the period
//!   ends) has passed; an instance published in a period or the one after it counts
//!   for that period, each instance for one period only;
//! - a requirement that `covers = "current"` (plans) needs one instance published in
//!   the current period (or up to `due_days` before it), once `due_days` of the
//!   period have passed. Plans of past years are not asked for: they have expired
//!   and left the site, as the guideline wants.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use crate::checklist::{
    Checklist, Covers, Period, PeriodKind, ProvidedBy, Recurrence, Requirement,
};
use crate::content::{Item, Lang};
use crate::dates::{DateForm, thai_date};
use crate::decide::Decisions;
use crate::source::Approval;

mod present;
pub use present::{TEMPLATES, markdown, table};

/// One live item, as the evaluation sees it.
#[derive(Debug, Clone, Copy)]
pub struct Instance<'a> {
    pub item: &'a Item,
    pub approval: Option<&'a Approval>,
}

impl Instance<'_> {
    /// When this version became public: its approval, or its publish time if later.
    pub fn updated(&self) -> DateTime<FixedOffset> {
        self.approval.map_or(self.item.front.publish, |a| {
            a.approved_at.max(self.item.front.publish)
        })
    }
}

/// The live items of a decision report.
pub fn live_instances(report: &Decisions) -> Vec<Instance<'_>> {
    report
        .decisions
        .iter()
        .filter(|d| d.is_live())
        .filter_map(|d| {
            d.item.as_deref().map(|item| Instance {
                item,
                approval: d.approval.as_ref(),
            })
        })
        .collect()
}

/// The answer for the whole checklist.
#[derive(Debug, Serialize)]
pub struct Compliance {
    pub now: DateTime<FixedOffset>,
    pub items: Vec<ItemStatus>,
    /// Ids that live items declare but the checklist does not know (typos, old numbering).
    pub unknown_ids: Vec<UnknownId>,
    /// Live items that will expire before the period they are evidence for ends.
    pub early_expiries: Vec<EarlyExpiry>,
}

/// An item that expires before a requirement it provides stops needing it: the
/// index would say "not yet published" for the rest of the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EarlyExpiry {
    pub path: String,
    pub id: String,
    /// The official code ("O22"), or the id.
    pub code: String,
    pub expires: DateTime<FixedOffset>,
    pub needed_until: DateTime<FixedOffset>,
}

impl EarlyExpiry {
    /// One line in Thai with English beside.
    pub fn describe(&self, tz: Tz) -> String {
        let last_day = self.needed_until - Duration::days(1);
        format!(
            "หมดอายุ {} ก่อนสิ้นงวดของ {} ({}) ซึ่งต้องเผยแพร่ถึง {} (expires before the period of {} ends); \
             set `expires = {}` or later, or publish a replacement before it expires",
            thai_date(self.expires, tz, DateForm::Full, false),
            self.code,
            self.id,
            thai_date(last_day, tz, DateForm::Full, false),
            self.code,
            self.needed_until.with_timezone(&tz).format("%Y-%m-%d"),
        )
    }
}

/// The early expiries among `items` that would leave a requirement without
/// evidence: no other page provides it from before this one expires until its
/// period ends. (A news item among many others for O7 is not worth a warning; the
/// only procurement announcement for O22 is.)
pub fn vanishing_evidence(checklist: &Checklist, items: &[&Item], tz: Tz) -> Vec<EarlyExpiry> {
    let mut found: Vec<EarlyExpiry> = items
        .iter()
        .flat_map(|item| {
            early_expiries(checklist, item, tz)
                .into_iter()
                .filter(|early| {
                    !items.iter().any(|other| {
                        (other.section != item.section || other.slug != item.slug)
                            && other.front.standard.contains(&early.id)
                            && other.front.publish <= early.expires
                            && other.front.expires.is_none_or(|e| e >= early.needed_until)
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path).then(a.id.cmp(&b.id)));
    found.dedup();
    found
}

/// The requirements `item` provides that need it longer than its `expires`.
pub fn early_expiries(checklist: &Checklist, item: &Item, tz: Tz) -> Vec<EarlyExpiry> {
    let Some(expires) = item.front.expires else {
        return Vec::new();
    };
    item.front
        .standard
        .iter()
        .filter_map(|id| {
            let req = checklist.get(id)?;
            let needed_until = req.needed_until(item.front.publish, tz)?;
            (expires < needed_until).then(|| EarlyExpiry {
                path: item.path.clone(),
                id: id.clone(),
                code: Some(req.code(false))
                    .filter(|c| !c.is_empty())
                    .unwrap_or_else(|| id.clone()),
                expires,
                needed_until,
            })
        })
        .collect()
}

/// One requirement's status.
#[derive(Debug, Clone, Serialize)]
pub struct ItemStatus {
    pub id: String,
    pub group: String,
    pub name_th: String,
    pub name_en: String,
    pub recurrence: Recurrence,
    pub provided_by: ProvidedBy,
    pub state: State,
    /// The newest version among the items that provide it.
    pub newest: Option<DateTime<FixedOffset>>,
    pub providers: Vec<Provider>,
    pub gaps: Vec<Gap>,
}

/// A live item that provides a requirement.
#[derive(Debug, Clone, Serialize)]
pub struct Provider {
    pub path: String,
    /// Site-relative URL (`/news/a/`).
    pub url: String,
    pub title: String,
    pub lang: Lang,
    pub publish: DateTime<FixedOffset>,
    pub updated: DateTime<FixedOffset>,
    pub expires: Option<DateTime<FixedOffset>>,
    pub review: Option<DateTime<FixedOffset>>,
}

/// The overall state of a requirement: the most serious of its gaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Provided,
    /// Provided, but an item needs an expiry it does not have.
    NoExpiry,
    /// Provided, but an item's `review` date has passed.
    Stale,
    /// Provided, but some period has no instance.
    PeriodMissing,
    /// No live item provides it.
    Missing,
    /// Not something content provides (a site feature or an office duty), and no item claims it.
    NotByContent,
}

impl State {
    /// Something the web master must act on.
    pub fn is_gap(self) -> bool {
        !matches!(self, State::Provided | State::NotByContent)
    }
}

/// One thing missing or out of date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Gap {
    Missing,
    Stale {
        url: String,
        review: DateTime<FixedOffset>,
    },
    PeriodMissing {
        period: Period,
        label_th: String,
        label_en: String,
    },
    NoExpiry {
        url: String,
    },
}

impl Gap {
    fn state(&self) -> State {
        match self {
            Gap::Missing => State::Missing,
            Gap::Stale { .. } => State::Stale,
            Gap::PeriodMissing { .. } => State::PeriodMissing,
            Gap::NoExpiry { .. } => State::NoExpiry,
        }
    }

    /// One line in Thai with English beside.
    pub fn describe(&self, tz: Tz) -> String {
        match self {
            Gap::Missing => "ไม่มีรายการที่เผยแพร่อยู่ (no live item provides it)".into(),
            Gap::Stale { url, review } => format!(
                "{url} เลยกำหนดทบทวน {} (review date passed)",
                thai_date(*review, tz, DateForm::Full, false)
            ),
            Gap::PeriodMissing {
                label_th, label_en, ..
            } => format!("ไม่มีรายการของงวด {label_th} (nothing for {label_en})"),
            Gap::NoExpiry { url } => {
                format!("{url} ต้องระบุวันสิ้นสุด (needs `expires`)")
            }
        }
    }
}

/// An id declared in front matter that the checklist lacks.
#[derive(Debug, Clone, Serialize)]
pub struct UnknownId {
    pub id: String,
    pub paths: Vec<String>,
}

impl Compliance {
    /// How many requirements are in each state.
    pub fn counts(&self) -> BTreeMap<State, usize> {
        let mut counts = BTreeMap::new();
        for item in &self.items {
            *counts.entry(item.state).or_insert(0) += 1;
        }
        counts
    }

    pub fn gaps(&self) -> impl Iterator<Item = &ItemStatus> {
        self.items.iter().filter(|i| i.state.is_gap())
    }
}

/// Evaluates every requirement of `checklist` against the live items at `now`.
pub fn evaluate(
    checklist: &Checklist,
    live: &[Instance<'_>],
    now: DateTime<FixedOffset>,
    tz: Tz,
) -> Compliance {
    let mut by_id: BTreeMap<&str, Vec<Instance<'_>>> = BTreeMap::new();
    for instance in live {
        for id in &instance.item.front.standard {
            by_id.entry(id.as_str()).or_default().push(*instance);
        }
    }
    let items = checklist
        .items
        .iter()
        .map(|req| {
            status(
                req,
                by_id.get(req.id.as_str()).map_or(&[][..], Vec::as_slice),
                now,
                tz,
            )
        })
        .collect();
    let unknown_ids = by_id
        .iter()
        .filter(|(id, _)| checklist.get(id).is_none())
        .map(|(id, instances)| UnknownId {
            id: id.to_string(),
            paths: instances
                .iter()
                .map(|i| i.item.path.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        })
        .collect();
    let live_items: Vec<&Item> = live.iter().map(|i| i.item).collect();
    let early = vanishing_evidence(checklist, &live_items, tz);
    Compliance {
        now,
        items,
        unknown_ids,
        early_expiries: early,
    }
}

fn status(
    req: &Requirement,
    instances: &[Instance<'_>],
    now: DateTime<FixedOffset>,
    tz: Tz,
) -> ItemStatus {
    let mut providers: Vec<Provider> = instances
        .iter()
        .map(|i| Provider {
            path: i.item.path.clone(),
            url: i.item.url(),
            title: i.item.front.title.clone(),
            lang: i.item.lang,
            publish: i.item.front.publish,
            updated: i.updated(),
            expires: i.item.front.expires,
            review: i.item.front.review,
        })
        .collect();
    // Thai first, newest first: the first URL is the one an assessor wants.
    providers.sort_by(|a, b| {
        a.lang
            .cmp(&b.lang)
            .then(b.publish.cmp(&a.publish))
            .then(a.url.cmp(&b.url))
    });
    let newest = providers.iter().map(|p| p.updated).max();
    let mut gaps = Vec::new();
    if providers.is_empty() {
        if req.provided_by == ProvidedBy::Content {
            gaps.push(Gap::Missing);
        }
    } else {
        if let Some(kind) = req.recurrence.period_kind() {
            gaps.extend(
                missing_periods(req, kind, instances, now, tz)
                    .into_iter()
                    .map(|period| Gap::PeriodMissing {
                        period,
                        label_th: period.label_th(),
                        label_en: period.label_en(),
                    }),
            );
        }
        for p in &providers {
            if let Some(review) = p.review
                && review <= now
            {
                gaps.push(Gap::Stale {
                    url: p.url.clone(),
                    review,
                });
            }
            if req.must_expire && p.expires.is_none() {
                gaps.push(Gap::NoExpiry { url: p.url.clone() });
            }
        }
    }
    let state = if providers.is_empty() && req.provided_by != ProvidedBy::Content {
        State::NotByContent
    } else {
        gaps.iter().map(Gap::state).max().unwrap_or(State::Provided)
    };
    ItemStatus {
        id: req.id.clone(),
        group: req.group.clone(),
        name_th: req.name_th.clone(),
        name_en: req.name_en.clone(),
        recurrence: req.recurrence,
        provided_by: req.provided_by,
        state,
        newest,
        providers,
        gaps,
    }
}

/// What the built site itself provides, from `site.toml`.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteFeatures {
    /// The site has its search page (`[search] enabled`, the default).
    pub search: bool,
}

/// The checklist's name of the search feature (`feature = "search"`).
pub const FEATURE_SEARCH: &str = "search";

impl SiteFeatures {
    pub fn of(config: &crate::config::SiteConfig) -> SiteFeatures {
        SiteFeatures {
            search: config.search.enabled,
        }
    }
}

/// Settles requirements that a feature of the site provides (`feature = …`):
/// met, with the feature's page as provider, only while the site has the
/// feature; missing otherwise, whatever items claim.
pub fn apply_site_features(
    mut result: Compliance,
    checklist: &Checklist,
    features: SiteFeatures,
) -> Compliance {
    let now = result.now;
    for status in &mut result.items {
        let Some(feature) = checklist
            .get(&status.id)
            .and_then(|req| req.feature.as_deref())
        else {
            continue;
        };
        let provided = match feature {
            FEATURE_SEARCH => features.search,
            _ => continue,
        };
        if provided {
            status.providers.insert(
                0,
                Provider {
                    path: crate::config::SITE_FILE.to_string(),
                    url: crate::routes::Route::Search(Lang::Th).url(),
                    title: "ค้นหาข้อมูลในเว็บไซต์ (site search)".into(),
                    lang: Lang::Th,
                    publish: now,
                    updated: now,
                    expires: None,
                    review: None,
                },
            );
            status.gaps.clear();
            status.state = State::Provided;
        } else {
            status.providers.clear();
            status.gaps = vec![Gap::Missing];
            status.state = State::Missing;
        }
    }
    result
}

/// The periods of a periodic requirement that are due at `now` and have no instance.
pub fn missing_periods(
    req: &Requirement,
    kind: PeriodKind,
    instances: &[Instance<'_>],
    now: DateTime<FixedOffset>,
    tz: Tz,
) -> Vec<Period> {
    let due = Duration::days(i64::from(req.due_days()));
    // A translation is the same instance as its Thai original: one per page.
    let mut dates: BTreeMap<(&str, &str), DateTime<FixedOffset>> = BTreeMap::new();
    for i in instances {
        let key = (i.item.section.as_str(), i.item.slug.as_str());
        let publish = i.item.front.publish;
        dates
            .entry(key)
            .and_modify(|d| *d = (*d).min(publish))
            .or_insert(publish);
    }
    let mut dates: Vec<DateTime<FixedOffset>> = dates.into_values().collect();
    dates.sort();
    let current = Period::containing(kind, now, tz);
    match req.covers() {
        Covers::Current => {
            let start = current.start(tz);
            if start + due > now {
                return Vec::new();
            }
            let found = dates
                .iter()
                .any(|d| *d >= start - due && *d < current.end(tz));
            if found { Vec::new() } else { vec![current] }
        }
        Covers::Previous => {
            let first = Period::containing(PeriodKind::Year, now, tz)
                .prev()
                .start(tz);
            let mut period = Period::containing(kind, first, tz);
            let mut used = vec![false; dates.len()];
            let mut missing = Vec::new();
            while period.end(tz) + due <= now {
                let (from, to) = (period.start(tz), period.next().end(tz));
                let found = dates
                    .iter()
                    .enumerate()
                    .find(|(n, d)| !used[*n] && **d >= from && **d < to)
                    .map(|(n, _)| n);
                match found {
                    Some(n) => used[n] = true,
                    None => missing.push(period),
                }
                period = period.next();
            }
            missing
        }
    }
}

#[cfg(test)]
mod tests;
