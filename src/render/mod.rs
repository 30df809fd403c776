//! Stage 3, **render**: Markdown and templates, in parallel, into a [`Sink`].
//!
//! Every page is made from the [`Site`], which holds live items only. Rendering
//! writes into a sink: the staging folder of the write stage, or nothing at all for
//! `khaosan check`, which renders in memory to prove the templates work.

pub mod cache;
pub mod contact;
pub mod evidence;
pub mod images;
pub mod markdown;
pub mod reuse;
mod statistics;
pub mod templates;
pub mod thai;
pub mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use anyhow::{Context as _, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::content::Lang;
use crate::site::Site;
use crate::write::Sink;
use templates::{FilterSettings, Theme, tera_chain};
use view::{ItemCard, SectionView, tag_slug, tag_url};

/// Templates a theme must provide (the machine-read ones are built in).
pub const REQUIRED_TEMPLATES: &[&str] = &[
    "home.html",
    "section.html",
    "item.html",
    "tag.html",
    "site-map.html",
    "statistics.html",
    "404.html",
];

/// The search page's template, required while `[search]` is enabled.
const SEARCH_TEMPLATE: &str = "search.html";

/// Checklist ids of the website policy and the privacy policy, linked in every footer.
const POLICY_STANDARDS: &[&str] = &["feat-website-policy", "feat-privacy-policy"];

/// How many of the newest items the home page lists.
const HOME_LATEST: usize = 10;

/// What was written.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Rendered {
    pub pages: usize,
    pub files: usize,
}

/// One unit of parallel work.
enum Job {
    Item(usize),
    List { list: List, lang: Lang, page: usize },
    Home(Lang),
    SiteMapPage(Lang),
    Statistics(Lang),
    Search(Lang),
    NotFound,
    SitemapXml,
    Robots,
    Feed { lang: Lang, section: Option<usize> },
}

/// A paginated list: a section, or the items with one tag.
#[derive(Clone)]
enum List {
    Section(usize),
    Tag(String),
}

/// The cards of every live item and the tag index, made once.
struct Prepared {
    cards: Vec<ItemCard>,
    tags: BTreeMap<(Lang, String), (String, Vec<usize>)>,
    /// Home (`""`) and section introductions, rendered once for all their pages.
    intros: BTreeMap<(String, Lang), serde_json::Value>,
    /// Resized copies of the photos of live items.
    images: images::Images,
}

/// Renders the whole public site into `sink`.
pub fn render(site: &Site<'_>, theme: &Theme, sink: &dyn Sink) -> anyhow::Result<Rendered> {
    render_reusing(site, theme, sink, &reuse::Pages::in_process())
}

/// [`render`], reusing the pages of the previous build whose inputs did not change
/// (see [`reuse`]).
pub fn render_reusing(
    site: &Site<'_>,
    theme: &Theme,
    sink: &dyn Sink,
    pages: &reuse::Pages,
) -> anyhow::Result<Rendered> {
    for name in REQUIRED_TEMPLATES {
        if !theme.templates.contains_key(*name) {
            anyhow::bail!(
                "the theme has no template `{name}`; add templates/{name} to the theme or the site"
            );
        }
    }
    if site.config.search.enabled && !theme.templates.contains_key(SEARCH_TEMPLATE) {
        anyhow::bail!(
            "ธีมไม่มีแม่แบบ `{SEARCH_TEMPLATE}` ที่หน้าค้นหาต้องใช้ (the theme has no template `{SEARCH_TEMPLATE}` for the search page); add templates/{SEARCH_TEMPLATE} or set `[search] enabled = false` in site.toml"
        );
    }
    let settings = FilterSettings {
        tz: site.tz,
        thai_digits: site.config.thai_digits,
    };
    let mut tera = templates::engine(theme, settings)?;
    let assets = Arc::new(write_statics(theme, sink, &site.urls)?);
    let lookup = Arc::clone(&assets);
    tera.register_function(
        "asset",
        move |args: &std::collections::HashMap<String, serde_json::Value>| {
            let path = args
                .get("path")
                .and_then(|v| v.as_str())
                .ok_or_else(|| tera::Error::msg("asset(path=\"css/site.css\")"))?;
            lookup
                .get(path)
                .map(|url| serde_json::Value::String(url.clone()))
                .ok_or_else(|| {
                    tera::Error::msg(format!(
                        "asset `{path}` is not in the theme's static/ folder"
                    ))
                })
        },
    );
    let mut prepared = prepare(site);
    prepared.images = images::resize_all(site, sink)?;
    let resized: usize = prepared
        .images
        .values()
        .map(|r| r.variants.iter().filter(|v| v.rel != r.original).count())
        .sum();
    let jobs = jobs(site, &prepared);
    let base = base_context(site, theme, &prepared);
    let reuse = reuse::Reuse::new(pages, site, theme, settings, &assets, &base);
    let pages: usize = jobs
        .par_iter()
        .map(|job| run(job, site, &prepared, &tera, &base, sink, &reuse))
        .collect::<anyhow::Result<Vec<usize>>>()?
        .into_iter()
        .sum::<usize>()
        + evidence::render(site, site.checklist.as_ref(), &tera, &base, sink, &reuse)?;
    let attachments = write_attachments(site, sink)?;
    let index_files = if site.config.search.enabled {
        crate::search::write(site, sink)?
    } else {
        0
    };
    reuse.pages.finish_render();
    Ok(Rendered {
        pages,
        files: pages + attachments + assets.len() + index_files + resized,
    })
}

fn prepare(site: &Site<'_>) -> Prepared {
    // Cards need only the first paragraph; each body is rendered in full by its
    // own page job, so the whole site's HTML is never held in memory at once.
    let cards = (0..site.items.len())
        .into_par_iter()
        .map(|i| ItemCard::new(site, i, &markdown::summary_of(&site.items[i].item.body)))
        .collect();
    let mut tags: BTreeMap<(Lang, String), (String, Vec<usize>)> = BTreeMap::new();
    for lang in [Lang::Th, Lang::En] {
        for i in site.latest(lang) {
            for tag in &site.items[i].item.front.tags {
                let slug = tag_slug(tag);
                if slug.is_empty() {
                    continue;
                }
                tags.entry((lang, slug))
                    .or_insert_with(|| (tag.clone(), Vec::new()))
                    .1
                    .push(i);
            }
        }
    }
    let intros = site
        .report
        .intros
        .iter()
        .map(|(key, i)| {
            let content =
                markdown::rebase_links(&markdown::render(&i.body).html, &site.urls.base_path);
            (
                key.clone(),
                json!({"title": i.title, "summary": i.summary, "content": content}),
            )
        })
        .collect();
    Prepared {
        cards,
        tags,
        intros,
        images: images::Images::new(),
    }
}

fn jobs(site: &Site<'_>, prepared: &Prepared) -> Vec<Job> {
    let mut jobs: Vec<Job> = (0..site.items.len()).map(Job::Item).collect();
    for lang in [Lang::Th, Lang::En] {
        jobs.push(Job::Home(lang));
        jobs.push(Job::SiteMapPage(lang));
        jobs.push(Job::Statistics(lang));
        if site.config.search.enabled {
            jobs.push(Job::Search(lang));
        }
        jobs.push(Job::Feed {
            lang,
            section: None,
        });
        for (s, section) in site.sections.iter().enumerate() {
            let count = section.items.get(&lang).map_or(0, Vec::len);
            for page in 1..=page_count(count, section_per_page(site, section.config, count)) {
                jobs.push(Job::List {
                    list: List::Section(s),
                    lang,
                    page,
                });
            }
            jobs.push(Job::Feed {
                lang,
                section: Some(s),
            });
        }
    }
    for ((lang, slug), (_, items)) in &prepared.tags {
        for page in 1..=page_count(items.len(), site.config.paginate_by) {
            jobs.push(Job::List {
                list: List::Tag(slug.clone()),
                lang: *lang,
                page,
            });
        }
    }
    jobs.extend([Job::NotFound, Job::SitemapXml, Job::Robots]);
    jobs
}

/// Sections sorted by `weight` are the office's own pages in the order it chose
/// (About the office, related websites): all of them on one page, so none falls
/// onto page 2 where nobody looks.
fn section_per_page(
    site: &Site<'_>,
    section: &crate::config::SectionConfig,
    count: usize,
) -> usize {
    if section.sort == crate::config::SortOrder::Weight {
        count.max(1)
    } else {
        site.config.paginate_by
    }
}

fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// Context every template gets: the site, its menu and the UI strings.
fn base_context(
    site: &Site<'_>,
    theme: &Theme,
    prepared: &Prepared,
) -> BTreeMap<Lang, tera::Context> {
    [Lang::Th, Lang::En]
        .into_iter()
        .map(|lang| {
            let mut ctx = tera::Context::new();
            let config = site.config;
            ctx.insert(
                "site",
                &json!({
                    "title": config.title,
                    "title_en": config.title_en,
                    "description": config.description,
                    "description_en": config.description_en,
                    "base_url": site.urls.base_url,
                    "base_path": site.urls.base_path,
                    "permalink_base": site.urls.base_url,
                    "language": config.language,
                    "timezone": config.timezone,
                    "thai_digits": config.thai_digits,
                    "contact": config.contact,
                    "extra": config.extra,
                    "build_time": site.report.now.to_rfc3339(),
                    "trust": site.report.trust,
                    "generator": concat!("khaosan ", env!("CARGO_PKG_VERSION")),
                }),
            );
            let sections: Vec<SectionView> = site
                .sections
                .iter()
                .map(|s| SectionView::new(s.config, lang, &site.urls))
                .collect();
            ctx.insert("sections", &sections);
            ctx.insert("lang", &lang);
            // Every page overrides these; they exist so a page kind that forgets
            // one (or a theme's own page) still renders.
            ctx.insert("page_kind", "");
            ctx.insert("breadcrumbs", &Vec::<serde_json::Value>::new());
            ctx.insert(
                "t",
                &theme.strings.get(lang.code()).cloned().unwrap_or_default(),
            );
            ctx.insert("home_url", &site.urls.link(lang.prefix()));
            ctx.insert("home_url_th", &site.urls.link("/"));
            ctx.insert("home_url_en", &site.urls.link("/en/"));
            ctx.insert(
                "site_map_url",
                &site.urls.link(&format!("{}site-map/", lang.prefix())),
            );
            ctx.insert(
                "statistics_url",
                &site.urls.link(&format!("{}statistics/", lang.prefix())),
            );
            ctx.insert("standards_url", &site.urls.link("/standards/"));
            // The header's search box: empty when `[search] enabled = false`.
            ctx.insert(
                "search_url",
                &if site.config.search.enabled {
                    site.urls.link(&format!("{}search/", lang.prefix()))
                } else {
                    String::new()
                },
            );
            ctx.insert(
                "feed_url",
                &site.urls.link(&format!("{}atom.xml", lang.prefix())),
            );
            ctx.insert("policies", &policy_links(site, prepared, lang));
            // --- The public site on a phone: contact, quick links, mourning ---
            let mut reach = contact::context(config, &site.urls, lang);
            if let Some(map) = map_image(site, prepared) {
                reach["map"] = map;
            }
            ctx.insert("reach", &reach);
            ctx.insert(
                "quick_links",
                &contact::quick_links(config, &site.urls, lang),
            );
            ctx.insert(
                "mourning",
                &contact::mourning(config, site.tz, site.report.now),
            );
            ctx.insert("page_updated", "");
            (lang, ctx)
        })
        .collect()
}

/// The office's static map image (`[contact] map_image`), with its resized copies
/// when it is a photo of a live item.
fn map_image(site: &Site<'_>, prepared: &Prepared) -> Option<serde_json::Value> {
    let path = &site.config.contact.map_image;
    if path.is_empty() {
        return None;
    }
    let rel = format!("/{}", path.trim_start_matches('/'));
    let resized = prepared.images.get(&rel)?;
    let small = resized
        .variants
        .iter()
        .find(|v| v.width >= 360)
        .unwrap_or_else(|| resized.largest());
    Some(json!({
        "src": small.url,
        "srcset": resized.srcset(),
        "width": small.width,
        "height": small.height,
        "full": resized.largest().url,
    }))
}

/// Renders one job and writes its output; returns the number of pages written.
fn run(
    job: &Job,
    site: &Site<'_>,
    prepared: &Prepared,
    tera: &tera::Tera,
    base: &BTreeMap<Lang, tera::Context>,
    sink: &dyn Sink,
    reuse: &reuse::Reuse<'_>,
) -> anyhow::Result<usize> {
    let lang = match job {
        Job::Item(i) => site.items[*i].item.lang,
        Job::List { lang, .. }
        | Job::Home(lang)
        | Job::SiteMapPage(lang)
        | Job::Statistics(lang)
        | Job::Search(lang)
        | Job::Feed { lang, .. } => *lang,
        Job::NotFound | Job::SitemapXml | Job::Robots => Lang::Th,
    };
    // The page's own context; the shared one (`base`) is added only if it is rendered.
    let mut ctx = tera::Context::new();
    let (template, rel_url) = match job {
        Job::Item(i) => {
            let card = &prepared.cards[*i];
            let item = site.items[*i].item;
            ctx.insert("page", card);
            let live = &site.items[*i];
            let table_label = match lang {
                Lang::Th => "ตารางที่",
                Lang::En => "Table",
            };
            let html = markdown::wrap_tables(
                &reuse.pages.body_html(&item.body, &site.urls.base_path),
                table_label,
            );
            let (html, used) =
                images::responsive_body(&html, &item.url(), &site.urls.base_path, &prepared.images);
            ctx.insert("content", &html);
            let gallery = images::gallery(&live.attachments, &used, &prepared.images);
            // The share image: the item's first photo, else the site's.
            let share = used
                .iter()
                .next()
                .and_then(|u| prepared.images.get(u))
                .or_else(|| {
                    live.attachments
                        .iter()
                        .find_map(|a| prepared.images.get(&a.url))
                })
                .map(|r| site.urls.permalink(&r.medium().rel));
            ctx.insert("share_image", &share);
            // Photos shown on the page are not listed again as downloads.
            let shown: std::collections::BTreeSet<&str> = used
                .iter()
                .map(String::as_str)
                .chain(gallery.iter().filter_map(|g| {
                    live.attachments
                        .iter()
                        .find(|a| {
                            prepared
                                .images
                                .get(&a.url)
                                .is_some_and(|r| r.largest().url == g.full)
                        })
                        .map(|a| a.url.as_str())
                }))
                .collect();
            let downloads: Vec<&view::AttachmentView> = card
                .attachments
                .iter()
                .zip(&live.attachments)
                .filter(|(_, a)| !shown.contains(a.url.as_str()))
                .map(|(v, _)| v)
                .collect();
            ctx.insert("attachments", &downloads);
            ctx.insert("gallery", &gallery);
            ctx.insert(
                "share_line_url",
                &format!(
                    "https://social-plugins.line.me/lineit/share?url={}",
                    percent_encoding::utf8_percent_encode(
                        &card.permalink,
                        percent_encoding::NON_ALPHANUMERIC
                    )
                ),
            );
            ctx.insert("page_updated", &card.updated);
            if let Some(section) = site.config.section(&item.section) {
                ctx.insert("section", &SectionView::new(section, lang, &site.urls));
            }
            ctx.insert("alternate_url", &alternate_url(site, card, lang));
            ctx.insert("page_kind", "item");
            ctx.insert(
                "breadcrumbs",
                &[
                    crumb(&card.section_title, Some(&card_section_url(site, card))),
                    crumb(&card.title, None),
                ],
            );
            ("item.html", item.url())
        }
        Job::List { list, lang, page } => {
            list_context(site, prepared, list, *lang, *page, &mut ctx)
        }
        Job::Home(lang) => {
            home_context(site, prepared, *lang, &mut ctx);
            ctx.insert("page_kind", "home");
            ctx.insert("breadcrumbs", &Vec::<serde_json::Value>::new());
            ("home.html", lang.prefix().to_string())
        }
        Job::SiteMapPage(lang) => {
            let groups: Vec<_> = site
                .sections
                .iter()
                .map(|s| {
                    let cards: Vec<&ItemCard> =
                        s.items.get(lang).into_iter().flatten().map(|&i| &prepared.cards[i]).collect();
                    json!({ "section": SectionView::new(s.config, *lang, &site.urls), "items": cards })
                })
                .collect();
            ctx.insert("groups", &groups);
            ctx.insert("page_kind", "site-map");
            ctx.insert("breadcrumbs", &[crumb_key("site_map")]);
            ctx.insert(
                "alternate_url",
                &site
                    .urls
                    .link(&format!("{}site-map/", other(*lang).prefix())),
            );
            ("site-map.html", format!("{}site-map/", lang.prefix()))
        }
        Job::Statistics(lang) => {
            statistics_context(site, prepared, *lang, &mut ctx);
            ("statistics.html", format!("{}statistics/", lang.prefix()))
        }
        Job::Search(lang) => {
            ctx.insert("page_kind", "search");
            ctx.insert("breadcrumbs", &[crumb_key("search")]);
            ctx.insert(
                "search_index_url",
                &site
                    .urls
                    .link(&format!("/{}/{}/", crate::search::INDEX_DIR, lang.code())),
            );
            ctx.insert(
                "alternate_url",
                &site.urls.link(&format!("{}search/", other(*lang).prefix())),
            );
            (SEARCH_TEMPLATE, format!("{}search/", lang.prefix()))
        }
        Job::NotFound => {
            ctx.insert("page_kind", "404");
            ("404.html", "/404.html".to_string())
        }
        Job::SitemapXml => {
            ctx.insert("entries", &sitemap_entries(site, prepared));
            ("sitemap.xml", "/sitemap.xml".to_string())
        }
        Job::Robots => ("robots.txt", "/robots.txt".to_string()),
        Job::Feed { lang, section } => feed_context(site, prepared, *lang, *section, &mut ctx),
    };
    finish(site, tera, base, sink, reuse, template, lang, ctx, &rel_url)
}

/// Adds the page's address to its own context `ctx`, then puts the page in place:
/// taken from the previous build when its key is unchanged ([`reuse`]), else
/// rendered with `template` from the shared context of `lang` and `ctx`.
#[allow(clippy::too_many_arguments)]
fn finish(
    site: &Site<'_>,
    tera: &tera::Tera,
    base: &BTreeMap<Lang, tera::Context>,
    sink: &dyn Sink,
    reuse: &reuse::Reuse<'_>,
    template: &str,
    lang: Lang,
    mut ctx: tera::Context,
    rel_url: &str,
) -> anyhow::Result<usize> {
    ctx.insert("permalink", &site.urls.permalink(rel_url));
    ctx.insert("current_url", &site.urls.link(rel_url));
    let path = output_path(rel_url);
    let own = ctx.into_json();
    let key = reuse.key(template, lang, &path, &own);
    if reuse.pages.reuse(&path, &key, sink)? {
        return Ok(1);
    }
    let mut ctx = base[&lang].clone();
    ctx.extend(tera::Context::from_value(own)?);
    let html = tera.render(template, &ctx).map_err(|e| {
        anyhow!(
            "template {template} failed for {rel_url}: {}",
            tera_chain(&e)
        )
    })?;
    sink.write(&path, html.as_bytes())?;
    reuse.pages.rendered(&path, key, html.as_bytes());
    Ok(1)
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::Th => Lang::En,
        Lang::En => Lang::Th,
    }
}

/// The same page in the other language, or that language's home page.
fn alternate_url(site: &Site<'_>, card: &ItemCard, lang: Lang) -> String {
    card.translations
        .iter()
        .find(|t| t.lang != lang)
        .map(|t| t.url.clone())
        .unwrap_or_else(|| site.urls.link(other(lang).prefix()))
}

fn list_context(
    site: &Site<'_>,
    prepared: &Prepared,
    list: &List,
    lang: Lang,
    page: usize,
    ctx: &mut tera::Context,
) -> (&'static str, String) {
    let (template, base_rel, indices): (&str, String, &[usize]) = match list {
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
                format!("{}{}/", lang.prefix(), section.config.id),
                section.items.get(&lang).map_or(&[][..], Vec::as_slice),
            )
        }
        List::Tag(slug) => {
            let (name, items) = &prepared.tags[&(lang, slug.clone())];
            ctx.insert(
                "tag",
                &json!({ "name": name, "url": site.urls.link(&tag_url(name, lang)) }),
            );
            ctx.insert("alternate_url", &site.urls.link(other(lang).prefix()));
            ctx.insert("page_kind", "tag");
            ctx.insert("breadcrumbs", &[crumb(name, None)]);
            ("tag.html", tag_url(name, lang), items.as_slice())
        }
    };
    let per_page = match list {
        List::Section(s) => section_per_page(site, site.sections[*s].config, indices.len()),
        List::Tag(_) => site.config.paginate_by,
    };
    let total = page_count(indices.len(), per_page);
    let page_url = |n: usize| {
        if n == 1 {
            base_rel.clone()
        } else {
            format!("{base_rel}page/{n}/")
        }
    };
    let cards: Vec<&ItemCard> = indices
        .iter()
        .skip((page - 1) * per_page)
        .take(per_page)
        .map(|&i| &prepared.cards[i])
        .collect();
    // The list's last change: its newest item's.
    ctx.insert(
        "page_updated",
        &indices
            .iter()
            .map(|&i| prepared.cards[i].updated.as_str())
            .max()
            .unwrap_or_default(),
    );
    ctx.insert("items", &cards);
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
    (template, page_url(page))
}

/// One step of the breadcrumb trail after the home page; the last has no link.
pub(super) fn crumb(title: &str, url: Option<&str>) -> serde_json::Value {
    json!({ "title": title, "url": url })
}

/// A step titled by a UI string of the theme (`t[key]`).
pub(super) fn crumb_key(key: &str) -> serde_json::Value {
    json!({ "key": key, "url": null })
}

fn card_section_url(site: &Site<'_>, card: &ItemCard) -> String {
    site.urls
        .link(&format!("{}{}/", card.lang.prefix(), card.section))
}

/// Items of `lang` (or, without a translation, of Thai) that name one of `ids`
/// in `standard`, in the order of `ids`.
fn cards_with_standard<'p>(
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
fn policy_links(site: &Site<'_>, prepared: &Prepared, lang: Lang) -> Vec<serde_json::Value> {
    cards_with_standard(site, prepared, lang, POLICY_STANDARDS)
        .into_iter()
        .map(|card| json!({ "title": card.title, "url": card.url, "lang": card.lang }))
        .collect()
}

fn statistics_context(site: &Site<'_>, prepared: &Prepared, lang: Lang, ctx: &mut tera::Context) {
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
        &site
            .urls
            .link(&format!("{}statistics/", other(lang).prefix())),
    );
}

fn view_url(view: &SectionView, lang: Lang) -> String {
    match lang {
        Lang::Th => view.url_th.clone(),
        Lang::En => view.url_en.clone(),
    }
}

fn home_context(site: &Site<'_>, prepared: &Prepared, lang: Lang, ctx: &mut tera::Context) {
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
    ctx.insert("alternate_url", &site.urls.link(other(lang).prefix()));
}

fn feed_context(
    site: &Site<'_>,
    prepared: &Prepared,
    lang: Lang,
    section: Option<usize>,
    ctx: &mut tera::Context,
) -> (&'static str, String) {
    let (indices, rel, title) = match section {
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
            (
                indices,
                format!("{}{}/", lang.prefix(), section.config.id),
                title,
            )
        }
        None => (
            site.latest(lang),
            lang.prefix().to_string(),
            site_title(site, lang).to_string(),
        ),
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
        .map_or_else(|| site.report.now.to_rfc3339(), str::to_string);
    ctx.insert("items", &cards);
    ctx.insert(
        "feed",
        &json!({
            "title": title,
            "author": site_title(site, lang),
            "self_url": site.urls.permalink(&format!("{rel}atom.xml")),
            "alternate_url": site.urls.permalink(&rel),
            "updated": updated,
        }),
    );
    ("atom.xml", format!("{rel}atom.xml"))
}

fn site_title<'s>(site: &'s Site<'_>, lang: Lang) -> &'s str {
    match lang {
        Lang::En if !site.config.title_en.is_empty() => &site.config.title_en,
        _ => &site.config.title,
    }
}

fn sitemap_entries(site: &Site<'_>, prepared: &Prepared) -> Vec<serde_json::Value> {
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
            entries.push(json!({"permalink": site.urls.permalink(lang.prefix()), "lastmod": newest(&latest)}));
            entries.push(json!({"permalink": site.urls.permalink(&format!("{}statistics/", lang.prefix())), "lastmod": null}));
        }
        for section in &site.sections {
            if let Some(items) = section.items.get(&lang) {
                entries.push(json!({
                    "permalink": site.urls.permalink(&format!("{}{}/", lang.prefix(), section.config.id)),
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

/// `/news/a/` → `news/a/index.html`; `/atom.xml` → `atom.xml`.
fn output_path(rel_url: &str) -> String {
    let rel = rel_url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// Copies the theme's static files; CSS and JS get a content hash in their name so
/// browsers may cache them for a year. Returns path → public URL.
fn write_statics(
    theme: &Theme,
    sink: &dyn Sink,
    urls: &crate::site::Urls,
) -> anyhow::Result<BTreeMap<String, String>> {
    let mut assets = BTreeMap::new();
    for (name, blob) in &theme.statics {
        let out_name = match name.rsplit_once('.') {
            Some((stem, ext)) if ext == "css" || ext == "js" => {
                let bytes = blob
                    .read()
                    .with_context(|| format!("cannot read theme file static/{name}"))?;
                let hash = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes)
                    .map_err(|e| anyhow!("cannot hash static/{name}: {e}"))?;
                format!("{stem}.{}.{ext}", &hash.to_string()[..10])
            }
            _ => name.clone(),
        };
        sink.copy(&format!("static/{out_name}"), blob)?;
        assets.insert(name.clone(), urls.link(&format!("/static/{out_name}")));
    }
    Ok(assets)
}

/// Attachments of live bundles, and nothing else from `content/`.
fn write_attachments(site: &Site<'_>, sink: &dyn Sink) -> anyhow::Result<usize> {
    let mut written = std::collections::BTreeSet::new();
    for live in &site.items {
        for attachment in &live.attachments {
            if written.insert(attachment.url.clone()) {
                sink.copy(attachment.url.trim_start_matches('/'), &attachment.blob)?;
            }
        }
    }
    Ok(written.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/news/a/"), "news/a/index.html");
        assert_eq!(output_path("/en/news/page/2/"), "en/news/page/2/index.html");
        assert_eq!(output_path("/atom.xml"), "atom.xml");
    }

    #[test]
    fn pages_round_up_and_never_zero() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
    }
}
