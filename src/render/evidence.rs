//! Public evidence for assessors (ITA, MOIT): an index of the checklist with the
//! URL(s) that provide each requirement (`/standards/`, `/en/standards/`), and for
//! every live item a publication record (`/records/<section>/<slug>/`) laid out like
//! the ministry's form "แบบฟอร์มการขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์".
//!
//! Both are made from the live-only [`Site`], so a withheld item cannot appear on
//! them, not even as the title of a link. Dates that are not known (a proposal time
//! without git) are shown as unknown, never guessed.

use std::collections::BTreeMap;

use anyhow::anyhow;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::checklist::{Checklist, ProvidedBy};
use crate::compliance::{self, Instance, State};
use crate::content::Lang;
use crate::site::{LiveItem, Site};
use crate::source::Trust;
use crate::write::Sink;

use super::templates::tera_chain;
use super::view::PersonView;

/// Templates the evidence pages need from the theme.
pub const TEMPLATES: &[&str] = &["standards.html", "record.html"];

/// Site-relative URL of an item's publication record: `/news/a/` → `/records/news/a/`.
pub fn record_url(item_url: &str) -> String {
    format!("/records{item_url}")
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
    /// The approving commit's signature verified (the approver's key, or a
    /// merge service's on the approver's web merge).
    signed: bool,
    standards: Vec<serde_json::Value>,
}

fn record_view(site: &Site<'_>, checklist: Option<&Checklist>, live: &LiveItem<'_>) -> RecordView {
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
        verified: site.report.trust == Trust::Git && approval.is_some(),
        signed: site.report.trust == Trust::Git && approval.is_some_and(|a| a.signed),
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
    }
}

/// Renders `/standards/`, `/en/standards/` and one record per live item.
/// Returns the number of pages written.
pub(super) fn render(
    site: &Site<'_>,
    checklist: Option<&Checklist>,
    tera: &tera::Tera,
    base: &BTreeMap<Lang, tera::Context>,
    sink: &dyn Sink,
) -> anyhow::Result<usize> {
    for name in TEMPLATES {
        if !tera.get_template_names().any(|n| n == *name) {
            anyhow::bail!(
                "the theme has no template `{name}` for the evidence pages; copy themes/default/templates/{name} into the theme"
            );
        }
    }
    let write = |template: &str, ctx: &tera::Context, rel: &str| -> anyhow::Result<usize> {
        let mut ctx = ctx.clone();
        ctx.insert("permalink", &site.urls.permalink(rel));
        ctx.insert("current_url", &site.urls.link(rel));
        let ctx = &ctx;
        let html = tera
            .render(template, ctx)
            .map_err(|e| anyhow!("template {template} failed for {rel}: {}", tera_chain(&e)))?;
        sink.write(&super::output_path(rel), html.as_bytes())?;
        Ok(1)
    };
    let records: usize = site
        .items
        .par_iter()
        .map(|live| {
            let mut ctx = base[&Lang::Th].clone();
            ctx.insert("record", &record_view(site, checklist, live));
            ctx.insert("alternate_url", &site.urls.link(&live.item.url()));
            ctx.insert("page_kind", "record");
            ctx.insert(
                "breadcrumbs",
                &[
                    super::crumb(
                        &live.item.front.title,
                        Some(&site.urls.link(&live.item.url())),
                    ),
                    super::crumb_key("record"),
                ],
            );
            write("record.html", &ctx, &record_url(&live.item.url()))
        })
        .collect::<anyhow::Result<Vec<usize>>>()?
        .into_iter()
        .sum();
    let Some(checklist) = checklist else {
        return Ok(records);
    };
    let instances: Vec<Instance<'_>> = site
        .items
        .iter()
        .map(|live| Instance {
            item: live.item,
            approval: live.approval,
        })
        .collect();
    let result = compliance::evaluate(checklist, &instances, site.report.now, site.tz);
    let mut pages = records;
    for lang in [Lang::Th, Lang::En] {
        let mut ctx = base[&lang].clone();
        ctx.insert("page_kind", "standards");
        ctx.insert("breadcrumbs", &[super::crumb_key("standards")]);
        ctx.insert("groups", &standards_groups(site, checklist, &result, lang));
        ctx.insert(
            "alternate_url",
            &site
                .urls
                .link(&format!("{}standards/", other(lang).prefix())),
        );
        pages += write(
            "standards.html",
            &ctx,
            &format!("{}standards/", lang.prefix()),
        )?;
    }
    Ok(pages)
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Th => Lang::En,
        Lang::En => Lang::Th,
    }
}

/// The index: every requirement content should provide, and any other one an item
/// claims, grouped as the checklist groups them, with the URLs that provide it.
fn standards_groups(
    site: &Site<'_>,
    checklist: &Checklist,
    result: &compliance::Compliance,
    lang: Lang,
) -> Vec<serde_json::Value> {
    let mut groups = Vec::new();
    for group in checklist.group_order() {
        let rows: Vec<serde_json::Value> = result
            .items
            .iter()
            .filter(|s| s.group == group)
            .filter(|s| s.provided_by == ProvidedBy::Content || !s.providers.is_empty())
            .map(|s| {
                // The page's own language first; the other only where it is all there is.
                let own: Vec<_> = s.providers.iter().filter(|p| p.lang == lang).collect();
                let shown = if own.is_empty() {
                    s.providers.iter().collect()
                } else {
                    own
                };
                json!({
                    "id": s.id,
                    "name": if lang == Lang::En && !s.name_en.is_empty() { &s.name_en } else { &s.name_th },
                    "name_th": s.name_th,
                    "name_en": s.name_en,
                    "provided": s.state != State::Missing,
                    "links": shown.iter().map(|p| json!({
                        "title": p.title,
                        "url": site.urls.link(&p.url),
                        "permalink": site.urls.permalink(&p.url),
                        "record_url": site.urls.link(&record_url(&p.url)),
                        "updated": p.updated.to_rfc3339(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let (th, en) = checklist.group_names(&group);
        groups.push(json!({
            "id": group,
            "name": if lang == Lang::En && !en.is_empty() { en } else { th },
            "items": rows,
        }));
    }
    groups
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
