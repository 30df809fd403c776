//! Public evidence for assessors (ITA, MOIT): an index of the checklist with the
//! URL(s) that provide each requirement (`/standards/`, `/en/standards/`), and for
//! every live item a publication record (`/records/<section>/<slug>/`) laid out like
//! the ministry's form "แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์".
//!
//! Both are made from the live-only [`Site`], so a withheld item cannot appear on
//! them, not even as the title of a link. Dates that are not known (a proposal time
//! without git) are shown as unknown, never guessed.

use std::collections::BTreeMap;

use rayon::prelude::*;

use serde::Serialize;
use serde_json::json;

use chrono::{DateTime, FixedOffset};

use crate::checklist::{Checklist, Family, ProvidedBy};
use crate::compliance::{self, State};
use crate::content::Lang;
use crate::dates::fiscal_year_be;
use crate::registry::Role;
use crate::routes::Route;
use crate::site::{LiveItem, Site};
use crate::source::Trust;
use crate::write::Sink;

use super::view::PersonView;

/// Templates the evidence pages need from the theme.
pub const TEMPLATES: &[&str] = &["standards.html", "record.html"];

/// Site-relative URL of an item's publication record: `/news/a/` → `/records/news/a/`.
fn record_url(item_url: &str) -> String {
    Route::Record {
        item_url: item_url.into(),
    }
    .url()
}

/// What `record.html` sees as `record`.
#[derive(Debug, Serialize)]
struct RecordView {
    title: String,
    url: String,
    permalink: String,
    section_title: String,
    lang: Lang,
    proposer: Option<PersonView>,
    proposed_at: Option<String>,
    approver: Option<PersonView>,
    approved_at: Option<String>,
    commit: Option<String>,
    publish: String,
    expires: Option<String>,
    /// The approval was checked in git (otherwise it rests on the front matter).
    verified: bool,
    /// The approving commit's signature, in words (git only).
    signature: Option<&'static str>,
    standards: Vec<serde_json::Value>,
    /// ประธานศูนย์ข้อมูลข่าวสาร: the registry's person with role `reviewer`.
    reviewer: Option<PersonView>,
    /// The web master who published: the registry's person with role `webmaster`.
    webmaster: Option<PersonView>,
    /// When it went public: the later of approval and `publish`.
    published_at: String,
}

/// The first person in the registry with `role`.
fn person_with_role(site: &Site<'_>, role: Role) -> Option<PersonView> {
    let person = site.registry.people.iter().find(|p| p.has_role(role))?;
    PersonView::of(site.registry, Some(&person.id))
}

/// When an item went public: the later of its approval and its `publish` time.
fn published_at(live: &LiveItem<'_>) -> DateTime<FixedOffset> {
    live.approval.map_or(live.item.front.publish, |a| {
        a.approved_at.max(live.item.front.publish)
    })
}

fn record_view(site: &Site<'_>, live: &LiveItem<'_>) -> RecordView {
    let checklist = site.checklist;
    let item = live.item;
    let front = &item.front;
    let approval = live.approval;
    RecordView {
        title: front.title.clone(),
        url: site.urls.link(&item.url()),
        permalink: site.urls.permalink(&item.url()),
        section_title: site
            .config
            .section(&item.section)
            .map(|s| super::view::section_title(s, item.lang).to_string())
            .unwrap_or_default(),
        lang: item.lang,
        proposer: PersonView::of(site.registry, front.author.as_ref()),
        proposed_at: approval.and_then(|a| a.proposed_at).map(|t| t.to_rfc3339()),
        approver: PersonView::of(
            site.registry,
            approval.map(|a| &a.approver).or(front.approver.as_ref()),
        ),
        approved_at: approval.map(|a| a.approved_at.to_rfc3339()),
        commit: approval.map(|a| a.commit.clone()),
        publish: front.publish.to_rfc3339(),
        expires: front.expires.map(|t| t.to_rfc3339()),
        verified: site.trust == Trust::Git && approval.is_some(),
        signature: approval
            .filter(|_| site.trust == Trust::Git)
            .map(|a| a.signature.label()),
        standards: front
            .standard
            .iter()
            .map(|id| {
                let req = checklist.and_then(|c| c.get(id));
                json!({
                    "id": id,
                    "name_th": req.map(|r| r.name_th.as_str()),
                    "name_en": req.map(|r| r.name_en.as_str()),
                })
            })
            .collect(),
        reviewer: person_with_role(site, Role::Reviewer),
        webmaster: person_with_role(site, Role::Webmaster),
        published_at: published_at(live).to_rfc3339(),
    }
}

/// A theme must carry the evidence pages' templates.
pub(super) fn check_templates(tera: &tera::Tera) -> anyhow::Result<()> {
    for name in TEMPLATES {
        if !tera.get_template_names().any(|n| n == *name) {
            anyhow::bail!(crate::messages::EVIDENCE_TEMPLATE_MISSING.say(&[("name", name)]));
        }
    }
    Ok(())
}

/// The context of an item's publication record (a Thai form, whatever the
/// language of the item).
pub(super) fn record_context(
    site: &Site<'_>,
    live: &LiveItem<'_>,
    ctx: &mut tera::Context,
) -> &'static str {
    let item_url = site.urls.link(&live.item.url());
    ctx.insert("record", &record_view(site, live));
    ctx.insert("alternate_url", &item_url);
    ctx.insert("page_kind", "record");
    ctx.insert(
        "breadcrumbs",
        &[
            super::crumb(&live.item.front.title, Some(&item_url)),
            super::crumb_key("record"),
        ],
    );
    "record.html"
}

/// The context of `/standards/` or `/en/standards/`; only made when the checklist
/// parses. `record_years` are the fiscal years with publication records as data.
pub(super) fn standards_context(
    site: &Site<'_>,
    lang: Lang,
    record_years: &[i32],
    ctx: &mut tera::Context,
) -> &'static str {
    ctx.insert("page_kind", "standards");
    ctx.insert("breadcrumbs", &[super::crumb_key("standards")]);
    if let (Some(checklist), Some(result)) = (site.checklist, &site.compliance) {
        ctx.insert(
            "standards",
            &standards_view(site, checklist, result, lang, record_years),
        );
    }
    ctx.insert(
        "alternate_url",
        &site.urls.link(&Route::Standards(other(lang)).url()),
    );
    "standards.html"
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Th => Lang::En,
        Lang::En => Lang::Th,
    }
}

/// The index an assessor reads: which fiscal year it answers, a summary, then one
/// group per standard (ITA, MOIT, the Official Information Act, the website
/// standard), each requirement with its official code and the URLs that provide it.
/// Lists every requirement content should provide, and any other one an item claims.
fn standards_view(
    site: &Site<'_>,
    checklist: &Checklist,
    result: &compliance::Compliance,
    lang: Lang,
    data_files: &[i32],
) -> serde_json::Value {
    let english = lang == Lang::En;
    let shown = |s: &&compliance::ItemStatus| {
        s.provided_by == ProvidedBy::Content || !s.providers.is_empty()
    };
    let mut families = Vec::new();
    for family in Family::ALL {
        let mut groups = Vec::new();
        let mut tally = Tally::default();
        for group in checklist.group_order() {
            let rows: Vec<serde_json::Value> = result
                .items
                .iter()
                .filter(|s| s.group == group)
                .filter(shown)
                .filter_map(|s| {
                    let req = checklist.get(&s.id)?;
                    (req.family() == family).then(|| {
                        tally.add(s.state);
                        standards_row(site, s, &req.code(english), lang)
                    })
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let (th, en) = checklist.group_names(&group);
            groups.push(json!({
                "id": group,
                "name": if english && !en.is_empty() { en } else { th },
                "items": rows,
            }));
        }
        if groups.is_empty() {
            continue;
        }
        families.push(json!({
            "id": family,
            "name": family.name(english),
            "summary": tally,
            "groups": groups,
        }));
    }
    let mut total = Tally::default();
    for s in result.items.iter().filter(shown) {
        total.add(s.state);
    }
    json!({
        "fiscal_year": fiscal_year_be(site.now, site.tz),
        "summary": total,
        "families": families,
        "data_files": data_files.iter().rev().map(|fy| json!({
            "fiscal_year": fy,
            "csv": site.urls.link(&Route::RecordData { fiscal_year: *fy, ext: "csv" }.url()),
            "json": site.urls.link(&Route::RecordData { fiscal_year: *fy, ext: "json" }.url()),
        })).collect::<Vec<_>>(),
    })
}

/// How many requirements are provided, missing, missing a period or otherwise short.
#[derive(Debug, Default, Serialize)]
struct Tally {
    total: usize,
    provided: usize,
    missing: usize,
    period_missing: usize,
    /// Provided but stale or without the expiry it needs.
    attention: usize,
}

impl Tally {
    fn add(&mut self, state: State) {
        self.total += 1;
        match state {
            State::Provided | State::NotByContent => self.provided += 1,
            State::Missing => self.missing += 1,
            State::PeriodMissing => self.period_missing += 1,
            State::Stale | State::NoExpiry => self.attention += 1,
        }
    }
}

fn standards_row(
    site: &Site<'_>,
    s: &compliance::ItemStatus,
    code: &str,
    lang: Lang,
) -> serde_json::Value {
    // The page's own language first; the other only where it is all there is.
    let own: Vec<_> = s.providers.iter().filter(|p| p.lang == lang).collect();
    let shown = if own.is_empty() {
        s.providers.iter().collect()
    } else {
        own
    };
    let english = lang == Lang::En;
    let periods: Vec<String> = s
        .gaps
        .iter()
        .filter_map(|g| match g {
            compliance::Gap::PeriodMissing {
                label_th, label_en, ..
            } => Some(if english { label_en } else { label_th }.clone()),
            _ => None,
        })
        .collect();
    json!({
        "id": s.id,
        "code": code,
        "name": if english && !s.name_en.is_empty() { &s.name_en } else { &s.name_th },
        "name_th": s.name_th,
        "name_en": s.name_en,
        "provided": s.state != State::Missing,
        "state": s.state,
        "missing_periods": periods,
        "links": shown.iter().map(|p| json!({
            "title": p.title,
            "url": site.urls.link(&p.url),
            "permalink": site.urls.permalink(&p.url),
            // A feature of the site itself (search) has no publication record.
            "record_url": (p.path != crate::config::SITE_FILE).then(|| site.urls.link(&record_url(&p.url))),
            "updated": p.updated.to_rfc3339(),
        })).collect::<Vec<_>>(),
    })
}

/// One row of the publication records' data file.
#[derive(Debug, Serialize)]
struct RecordRow {
    title: String,
    url: String,
    record_url: String,
    section: String,
    lang: Lang,
    proposer: String,
    proposed_at: String,
    reviewer: String,
    approver: String,
    approved_at: String,
    webmaster: String,
    published_at: String,
    publish: String,
    expires: String,
    standards: String,
    verified_in_git: bool,
    commit: String,
}

/// Column headings of the CSV, Thai with English, in [`RecordRow`]'s order.
const RECORD_HEADINGS: &[&str] = &[
    "ชื่อเรื่อง (title)",
    "URL",
    "แบบฟอร์มขออนุญาต (record)",
    "หมวด (section)",
    "ภาษา (language)",
    "ผู้ขออนุญาต (proposed by)",
    "วันที่ขออนุญาต (proposed on)",
    "ผู้ตรวจสอบ (reviewer)",
    "ผู้อนุมัติ (approved by)",
    "วันที่อนุมัติ (approved on)",
    "ผู้ดูแลเว็บไซต์ผู้เผยแพร่ (web master)",
    "เวลาเผยแพร่ (published at)",
    "เริ่มเผยแพร่ (publish)",
    "สิ้นสุด (expires)",
    "รายการตามมาตรฐาน (requirements)",
    "ตรวจสอบกับ git (verified in git)",
    "commit",
];

/// Writes `/records/<fiscal year>.csv` and `.json`: the publication records of the
/// live items that went public in each fiscal year. Returns the years written.
pub(super) fn write_record_data(site: &Site<'_>, sink: &dyn Sink) -> anyhow::Result<Vec<i32>> {
    let mut by_year: BTreeMap<i32, Vec<RecordRow>> = BTreeMap::new();
    let name = |p: Option<PersonView>| p.map(|p| p.name).unwrap_or_default();
    let rows: Vec<(i32, RecordRow)> = site
        .items
        .par_iter()
        .map(|live| {
            let view = record_view(site, live);
            let published = published_at(live);
            let row = RecordRow {
                title: view.title,
                url: view.permalink,
                record_url: site.urls.permalink(&record_url(&live.item.url())),
                section: view.section_title,
                lang: view.lang,
                proposer: name(view.proposer),
                proposed_at: view.proposed_at.unwrap_or_default(),
                reviewer: name(view.reviewer),
                approver: name(view.approver),
                approved_at: view.approved_at.unwrap_or_default(),
                webmaster: name(view.webmaster),
                published_at: view.published_at,
                publish: view.publish,
                expires: view.expires.unwrap_or_default(),
                standards: live.item.front.standard.join(" "),
                verified_in_git: view.verified,
                commit: view.commit.unwrap_or_default(),
            };
            (fiscal_year_be(published, site.tz), row)
        })
        .collect();
    for (fy, row) in rows {
        by_year.entry(fy).or_default().push(row);
    }
    // Every year's two files are made on every build (a large site's years are
    // megabytes): one year and one format per core.
    by_year
        .par_iter_mut()
        .try_for_each(|(fy, rows)| -> anyhow::Result<()> {
            rows.sort_by(|a, b| a.published_at.cmp(&b.published_at).then(a.url.cmp(&b.url)));
            let data = |ext| Route::RecordData {
                fiscal_year: *fy,
                ext,
            };
            let rows: &[RecordRow] = rows;
            let (csv, json) = rayon::join(
                || -> anyhow::Result<()> {
                    sink.write(&data("csv").output_path(), &records_csv(rows)?)
                },
                || -> anyhow::Result<()> {
                    let json =
                        serde_json::to_vec_pretty(&json!({ "fiscal_year": fy, "records": rows }))?;
                    sink.write(&data("json").output_path(), &json)
                },
            );
            csv.and(json)
        })?;
    Ok(by_year.into_keys().collect())
}

/// CSV with a byte-order mark and CRLF line ends, so Excel opens the Thai text.
fn records_csv(rows: &[RecordRow]) -> anyhow::Result<Vec<u8>> {
    let mut csv = crate::documents::Csv::new(RECORD_HEADINGS)?;
    for row in rows {
        csv.serialize(row)?;
    }
    csv.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_urls_mirror_item_urls() {
        assert_eq!(record_url("/news/a/"), "/records/news/a/");
        assert_eq!(record_url("/en/news/a/"), "/records/en/news/a/");
    }
}
