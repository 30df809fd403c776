//! The context of every kind of page but an item's: lists, the home page, the
//! site map, statistics, search, feeds and the sitemap.

use std::collections::BTreeMap;

use serde_json::json;

use crate::content::Lang;
use crate::routes::Route;
use crate::site::Site;

use super::Deferred;
use super::jobs::{List, page_count, section_per_page};
use super::view::{self, ItemCard, SectionView, tag_url};
use super::{HOME_LATEST, POLICY_STANDARDS, Prepared, SEARCH_TEMPLATE, statistics};

pub(super) fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Th => Lang::En,
        Lang::En => Lang::Th,
    }
}

/// The same page in the other language, or that language's home page.
pub(super) fn alternate_url(site: &Site<'_>, card: &ItemCard, lang: Lang) -> String {
    card.translations
        .iter()
        .find(|t| t.lang != lang)
        .map(|t| t.url.clone())
        .unwrap_or_else(|| site.urls.link(&Route::Home(other(lang)).url()))
}

pub(super) fn list_context(
    site: &Site<'_>,
    prepared: &Prepared,
    list: &List,
    lang: Lang,
    page: usize,
    ctx: &mut tera::Context,
    deferred: &mut Vec<Deferred>,
) -> &'static str {
    let (template, indices): (&str, &[usize]) = match list {
        List::Section(s) => {
            let section = &site.sections[*s];
            let view = SectionView::new(section.config, lang, &site.urls);
            ctx.insert("section", &view);
            ctx.insert(
                "intro",
                &prepared.intros.get(&(section.config.id.clone(), lang)),
            );
            ctx.insert("alternate_url", &view_url(&view, other(lang)));
            ctx.insert("page_kind", "section");
            ctx.insert(
                "breadcrumbs",
                &[crumb(&view.title, (page > 1).then_some(view.url.as_str()))],
            );
            (
                "section.html",
                section.items.get(&lang).map_or(&[][..], Vec::as_slice),
            )
        }
        List::Tag(slug) => {
            let (name, items) = &prepared.tags[&(lang, slug.clone())];
            ctx.insert(
                "tag",
                &json!({ "name": name, "url": site.urls.link(&tag_url(name, lang)) }),
            );
            ctx.insert(
                "alternate_url",
                &site.urls.link(&Route::Home(other(lang)).url()),
            );
            ctx.insert("page_kind", "tag");
            ctx.insert("breadcrumbs", &[crumb(name, None)]);
            ("tag.html", items.as_slice())
        }
    };
    let per_page = match list {
        List::Section(s) => section_per_page(site, site.sections[*s].config, indices.len()),
        List::Tag(_) => site.config.paginate_by,
    };
    let total = page_count(indices.len(), per_page);
    let page_url = |page: usize| {
        match list {
            List::Section(s) => Route::Section {
                id: &site.sections[*s].config.id,
                lang,
                page,
            },
            List::Tag(slug) => Route::Tag { slug, lang, page },
        }
        .url()
    };
    let shown: Vec<usize> = indices
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .copied()
        .collect();
    // The list's last change: its newest item's (the same on every page of it).
    let known = prepared
        .list_updated
        .lock()
        .ok()
        .and_then(|m| m.get(&(lang, list.clone())).cloned());
    let updated = known.unwrap_or_else(|| {
        let newest = indices
            .iter()
            .map(|&i| prepared.cards[i].updated.as_str())
            .max()
            .unwrap_or_default()
            .to_string();
        if let Ok(mut m) = prepared.list_updated.lock() {
            m.insert((lang, list.clone()), newest.clone());
        }
        newest
    });
    ctx.insert("page_updated", &updated);
    deferred.push(Deferred::Cards("items", shown));
    ctx.insert(
        "paginator",
        &json!({
            "current": page,
            "total": total,
            "total_items": indices.len(),
            "prev": (page > 1).then(|| site.urls.link(&page_url(page - 1))),
            "next": (page < total).then(|| site.urls.link(&page_url(page + 1))),
            "first": site.urls.link(&page_url(1)),
            "last": site.urls.link(&page_url(total)),
            // A window of pages, `{"gap": true}` where pages are left out.
            "pages": view::pager_window(page, total).into_iter().map(|n| match n {
                Some(n) => json!({"number": n, "url": site.urls.link(&page_url(n)), "current": n == page}),
                None => json!({"gap": true}),
            }).collect::<Vec<_>>(),
        }),
    );
    template
}

/// One step of the breadcrumb trail after the home page; the last has no link.
pub(super) fn crumb(title: &str, url: Option<&str>) -> serde_json::Value {
    json!({ "title": title, "url": url })
}

/// A step titled by a UI string of the theme (`t[key]`).
pub(super) fn crumb_key(key: &str) -> serde_json::Value {
    json!({ "key": key, "url": null })
}

pub(super) fn card_section_url(site: &Site<'_>, card: &ItemCard) -> String {
    site.urls.link(
        &Route::Section {
            id: &card.section,
            lang: card.lang,
            page: 1,
        }
        .url(),
    )
}

/// Items of `lang` (or, without a translation, of Thai) that name one of `ids`
/// in `standard`, in the order of `ids`.
pub(super) fn cards_with_standard<'p>(
    site: &Site<'_>,
    prepared: &'p Prepared,
    lang: Lang,
    ids: &[&str],
) -> Vec<&'p ItemCard> {
    let mut found: Vec<(usize, &ItemCard)> = Vec::new();
    for (i, card) in prepared.cards.iter().enumerate() {
        let Some(rank) = ids
            .iter()
            .position(|id| card.standard.iter().any(|s| s == id))
        else {
            continue;
        };
        let wanted = card.lang == lang
            || (card.lang == Lang::Th && !site.translations(i).any(|t| t.item.lang == lang));
        if wanted {
            found.push((rank, card));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.publish.cmp(&a.1.publish)));
    found.into_iter().map(|(_, card)| card).collect()
}

/// The website policy and privacy policy pages, for the footer.
pub(super) fn policy_links(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
) -> Vec<serde_json::Value> {
    cards_with_standard(site, prepared, lang, POLICY_STANDARDS)
        .into_iter()
        .map(|card| json!({ "title": card.title, "url": card.url, "lang": card.lang }))
        .collect()
}

pub(super) fn statistics_context(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
    ctx: &mut tera::Context,
) {
    let config = &site.config.statistics;
    let (visits, survey) = statistics::view(site, lang);
    let ids: Vec<&str> = config.standards.iter().map(String::as_str).collect();
    let note = match lang {
        Lang::En if !config.note_en.is_empty() => &config.note_en,
        _ => &config.note,
    };
    ctx.insert(
        "statistics",
        &json!({
            "survey_url": config.survey_url,
            "note": note,
            "note_lang": if lang == Lang::En && config.note_en.is_empty() { Lang::Th } else { lang },
            "reports": cards_with_standard(site, prepared, lang, &ids),
            "visits": visits,
            "survey": survey,
        }),
    );
    ctx.insert("page_kind", "statistics");
    ctx.insert("breadcrumbs", &[crumb_key("statistics")]);
    ctx.insert(
        "alternate_url",
        &site.urls.link(&Route::Statistics(other(lang)).url()),
    );
}

pub(super) fn view_url(view: &SectionView, lang: Lang) -> String {
    match lang {
        Lang::Th => view.url_th.clone(),
        Lang::En => view.url_en.clone(),
    }
}

pub(super) fn home_context(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
    ctx: &mut tera::Context,
) {
    let latest = site.latest(lang);
    let cards: Vec<&ItemCard> = latest
        .iter()
        .take(HOME_LATEST)
        .map(|&i| &prepared.cards[i])
        .collect();
    let alerts: Vec<&ItemCard> = latest
        .iter()
        .filter(|&&i| site.items[i].item.front.kind == Some(crate::content::Kind::Alert))
        .map(|&i| &prepared.cards[i])
        .collect();
    ctx.insert(
        "page_updated",
        &cards
            .iter()
            .map(|c| c.updated.as_str())
            .max()
            .unwrap_or_default(),
    );
    ctx.insert("latest", &cards);
    ctx.insert("alerts", &alerts);
    ctx.insert("intro", &prepared.intros.get(&(String::new(), lang)));
    let counts: BTreeMap<&str, usize> = site
        .sections
        .iter()
        .map(|s| (s.config.id.as_str(), s.items.get(&lang).map_or(0, Vec::len)))
        .collect();
    ctx.insert("section_counts", &counts);
    ctx.insert(
        "alternate_url",
        &site.urls.link(&Route::Home(other(lang)).url()),
    );
}

pub(super) fn feed_context(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
    section: Option<usize>,
    ctx: &mut tera::Context,
) -> &'static str {
    let (indices, list, title) = match section {
        Some(s) => {
            let section = &site.sections[s];
            let mut indices = section.items.get(&lang).cloned().unwrap_or_default();
            indices.sort_by(|&a, &b| {
                site.items[b]
                    .item
                    .front
                    .publish
                    .cmp(&site.items[a].item.front.publish)
            });
            let title = format!(
                "{} – {}",
                view::section_title(section.config, lang),
                site_title(site, lang)
            );
            let list = Route::Section {
                id: &section.config.id,
                lang,
                page: 1,
            };
            (indices, list, title)
        }
        None => (
            site.latest(lang),
            Route::Home(lang),
            site_title(site, lang).to_string(),
        ),
    };
    let feed = Route::Feed {
        lang,
        section: section.map(|s| site.sections[s].config.id.as_str()),
    };
    let cards: Vec<&ItemCard> = indices
        .iter()
        .take(site.config.feed_limit)
        .map(|&i| &prepared.cards[i])
        .collect();
    let updated = cards
        .iter()
        .map(|c| c.updated.as_str())
        .max()
        .map_or_else(|| site.now.to_rfc3339(), str::to_string);
    ctx.insert("items", &cards);
    ctx.insert(
        "feed",
        &json!({
            "title": title,
            "author": site_title(site, lang),
            "self_url": site.urls.permalink(&feed.url()),
            "alternate_url": site.urls.permalink(&list.url()),
            "updated": updated,
        }),
    );
    "atom.xml"
}

pub(super) fn site_title<'s>(site: &'s Site<'_>, lang: Lang) -> &'s str {
    match lang {
        Lang::En if !site.config.title_en.is_empty() => &site.config.title_en,
        _ => &site.config.title,
    }
}

pub(super) fn sitemap_entries(site: &Site<'_>, prepared: &Prepared) -> Vec<serde_json::Value> {
    let mut entries = Vec::new();
    let newest = |indices: &[usize]| {
        indices
            .iter()
            .map(|&i| prepared.cards[i].updated.get(..10).unwrap_or_default())
            .max()
            .map(str::to_string)
    };
    for lang in [Lang::Th, Lang::En] {
        let latest = site.latest(lang);
        if lang == Lang::Th || !latest.is_empty() {
            entries.push(json!({"permalink": site.urls.permalink(&Route::Home(lang).url()), "lastmod": newest(&latest)}));
            entries.push(json!({"permalink": site.urls.permalink(&Route::Statistics(lang).url()), "lastmod": null}));
        }
        for section in &site.sections {
            if let Some(items) = section.items.get(&lang) {
                entries.push(json!({
                    "permalink": site.urls.permalink(&Route::Section { id: &section.config.id, lang, page: 1 }.url()),
                    "lastmod": newest(items),
                }));
            }
        }
    }
    for card in &prepared.cards {
        entries.push(json!({"permalink": card.permalink, "lastmod": card.updated.get(..10)}));
    }
    entries
}

/// The human site map: every section with its live items.
pub(super) fn site_map_context(
    site: &Site<'_>,
    lang: Lang,
    ctx: &mut tera::Context,
    deferred: &mut Vec<Deferred>,
) -> &'static str {
    deferred.push(Deferred::SiteMap(lang));
    ctx.insert("page_kind", "site-map");
    ctx.insert("breadcrumbs", &[crumb_key("site_map")]);
    ctx.insert(
        "alternate_url",
        &site.urls.link(&Route::SiteMap(other(lang)).url()),
    );
    "site-map.html"
}

/// The site map's groups: each section with the cards of its items.
pub(super) fn site_map_groups(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
) -> Vec<serde_json::Value> {
    site.sections
        .iter()
        .map(|s| {
            let cards: Vec<&ItemCard> = s
                .items
                .get(&lang)
                .into_iter()
                .flatten()
                .map(|&i| &prepared.cards[i])
                .collect();
            json!({ "section": SectionView::new(s.config, lang, &site.urls), "items": cards })
        })
        .collect()
}

/// The search page, which loads the index of its language.
pub(super) fn search_context(site: &Site<'_>, lang: Lang, ctx: &mut tera::Context) -> &'static str {
    ctx.insert("page_kind", "search");
    ctx.insert("breadcrumbs", &[crumb_key("search")]);
    ctx.insert(
        "search_index_url",
        &site.urls.link(&Route::SearchIndex(lang).url()),
    );
    ctx.insert(
        "alternate_url",
        &site.urls.link(&Route::Search(other(lang)).url()),
    );
    SEARCH_TEMPLATE
}
