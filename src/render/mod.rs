//! Stage 5, **render**: Markdown and templates, in parallel, into a [`Sink`].
//!
//! Every page is made from the [`Site`], which holds live items only, as one job
//! per [`crate::routes::Route`] ([`jobs`]): items and their publication records,
//! lists, feeds and the evidence index alike. Rendering writes into a sink: the
//! staging folder of the write stage, or nothing at all for `khaosan check`, which
//! renders in memory to prove the templates work.

pub mod cache;
pub mod contact;
pub mod evidence;
pub mod images;
mod jobs;
pub mod markdown;
mod pages;
pub mod reuse;
mod statistics;
pub mod templates;
pub mod thai;
pub mod view;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, anyhow};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;
use sha2::{Digest as _, Sha256};

use crate::content::Lang;
use crate::routes::Route;
use crate::site::Site;
use crate::write::Sink;
use jobs::{Job, jobs};
use pages::{alternate_url, card_section_url, crumb, crumb_key};
use templates::{FilterSettings, Theme, tera_chain};
use view::{ItemCard, SectionView, tag_slug};

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

/// The cards of every live item and the tag index, made once.
struct Prepared {
    cards: Vec<ItemCard>,
    /// A digest of each card's data, which stands for the card in the keys of the
    /// pages that list it ([`Deferred::Cards`]).
    card_digests: Vec<reuse::Hash>,
    /// The SHA-256 of each item's Markdown, made once: it stands for the body in
    /// the item page's key and in the search index's.
    body_digests: Vec<reuse::Hash>,
    tags: BTreeMap<(Lang, String), (String, Vec<usize>)>,
    /// Home (`""`) and section introductions, rendered once for all their pages.
    intros: BTreeMap<(String, Lang), serde_json::Value>,
    /// Resized copies of the photos of live items.
    images: images::Images,
    /// Fiscal years whose publication records were written as data files.
    record_years: Vec<i32>,
    /// The newest change of each list (section or tag, per language), worked out by
    /// its first page to render and read by the others.
    list_updated: std::sync::Mutex<std::collections::HashMap<(Lang, jobs::List), String>>,
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
            anyhow::bail!(crate::messages::TEMPLATE_MISSING.say(&[("name", name)]));
        }
    }
    if site.config.search.enabled && !theme.templates.contains_key(SEARCH_TEMPLATE) {
        anyhow::bail!(crate::messages::SEARCH_TEMPLATE_MISSING.say(&[("name", SEARCH_TEMPLATE)]));
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
    evidence::check_templates(&tera)?;
    crate::timings::mark("templates and statics");
    // Cards are made on every core; photos and the records' data files are
    // written beside them, filling the gaps.
    let start = std::time::Instant::now();
    let (mut prepared, (images, record_years)) = rayon::join(
        || {
            let cards = prepare(site);
            crate::timings::span("cards", start);
            cards
        },
        || {
            let images = images::resize_all(site, sink);
            crate::timings::span("images", start);
            let records = evidence::write_record_data(site, sink);
            crate::timings::span("record data", start);
            (images, records)
        },
    );
    prepared.images = images?;
    prepared.record_years = record_years?;
    crate::timings::mark("cards, images, records");
    let resized: usize = prepared
        .images
        .values()
        .map(|r| r.variants.iter().filter(|v| v.rel != r.original).count())
        .sum();
    let jobs = jobs(site, &prepared);
    let base = BaseContexts::new(base_context(site, theme, &prepared));
    let reuse = reuse::Reuse::new(
        pages,
        site,
        theme,
        settings,
        &assets,
        &base.shared,
        &prepared.images,
    );
    // The search index is made beside the pages: its steps that cannot be split
    // (numbering tokens, encoding shards) then run while the other core renders.
    let (pages, index_files) = rayon::join(
        || {
            jobs.par_iter()
                .map(|job| run(job, site, &prepared, &tera, &base, sink, &reuse))
                .collect::<anyhow::Result<Vec<usize>>>()
                .map(|counts| counts.into_iter().sum::<usize>())
        },
        || search_index(site, sink, &prepared, reuse.pages),
    );
    let (pages, index_files) = (pages?, index_files?);
    crate::timings::mark("pages and search index");
    let attachments = write_attachments(site, sink)?;
    crate::timings::mark("attachments");
    reuse.pages.finish_render();
    Ok(Rendered {
        pages,
        files: pages + attachments + assets.len() + index_files + resized,
    })
}

fn prepare(site: &Site<'_>) -> Prepared {
    // Cards need only the first paragraph; each body is rendered in full by its
    // own page job, so the whole site's HTML is never held in memory at once.
    let (cards, body_digests): (Vec<ItemCard>, Vec<reuse::Hash>) = (0..site.items.len())
        .into_par_iter()
        .map(|i| {
            let item = site.items[i].item;
            // A summary written in the front matter is the card's; else the body's start.
            let first = match item.front.summary {
                Some(_) => String::new(),
                None => markdown::summary_of(&item.body),
            };
            let body: reuse::Hash = Sha256::digest(item.body.as_bytes()).into();
            (ItemCard::new(site, i, &first), body)
        })
        .unzip();
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
    let card_digests = cards.par_iter().map(reuse::digest_of).collect();
    Prepared {
        cards,
        card_digests,
        body_digests,
        tags,
        intros,
        images: images::Images::new(),
        record_years: Vec::new(),
        list_updated: Default::default(),
    }
}

/// Writes the search index of the live items, when the site has search; returns
/// the number of files. Words of items indexed before are taken from `pages`'s
/// store, and this build's are kept there for the next.
fn search_index(
    site: &Site<'_>,
    sink: &dyn Sink,
    prepared: &Prepared,
    pages: &reuse::Pages,
) -> anyhow::Result<usize> {
    if !site.config.search.enabled {
        return Ok(0);
    }
    let mut tokens = pages.search_tokens();
    let items: Vec<crate::search::ItemText> = prepared
        .cards
        .iter()
        .zip(&prepared.body_digests)
        .map(|(card, body)| crate::search::ItemText {
            summary: &card.summary,
            body_digest: body,
        })
        .collect();
    let written = crate::search::write(site, sink, &items, &mut tokens)?;
    pages.keep_search_tokens(tokens);
    Ok(written)
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
                    "build_time": site.now.to_rfc3339(),
                    "trust": site.trust,
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
            let link = |route: Route<'_>| site.urls.link(&route.url());
            ctx.insert("home_url", &link(Route::Home(lang)));
            ctx.insert("home_url_th", &link(Route::Home(Lang::Th)));
            ctx.insert("home_url_en", &link(Route::Home(Lang::En)));
            ctx.insert("site_map_url", &link(Route::SiteMap(lang)));
            ctx.insert("statistics_url", &link(Route::Statistics(lang)));
            // The evidence index is for assessors, who read it in Thai.
            ctx.insert("standards_url", &link(Route::Standards(Lang::Th)));
            // The header's search box: empty when `[search] enabled = false`.
            ctx.insert(
                "search_url",
                &if site.config.search.enabled {
                    link(Route::Search(lang))
                } else {
                    String::new()
                },
            );
            ctx.insert(
                "feed_url",
                &link(Route::Feed {
                    lang,
                    section: None,
                }),
            );
            ctx.insert("policies", &pages::policy_links(site, prepared, lang));
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
            ctx.insert("mourning", &contact::mourning(config, site.now));
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
    base: &BaseContexts,
    sink: &dyn Sink,
    reuse: &reuse::Reuse<'_>,
) -> anyhow::Result<usize> {
    // The page's own context; the shared one (`base`) is added only if it is
    // rendered, and so is what is `deferred`.
    let mut ctx = tera::Context::new();
    let mut deferred = Vec::new();
    let template = match job {
        Job::Item(i) => {
            deferred.push(Deferred::Card("page", *i));
            deferred.push(Deferred::Body(*i));
            item_context(site, prepared, *i, &mut ctx)
        }
        Job::Record(i) => evidence::record_context(site, &site.items[*i], &mut ctx),
        Job::List { list, lang, page } => {
            pages::list_context(site, prepared, list, *lang, *page, &mut ctx, &mut deferred)
        }
        Job::Home(lang) => {
            pages::home_context(site, prepared, *lang, &mut ctx);
            ctx.insert("page_kind", "home");
            ctx.insert("breadcrumbs", &Vec::<serde_json::Value>::new());
            "home.html"
        }
        Job::SiteMapPage(lang) => pages::site_map_context(site, *lang, &mut ctx, &mut deferred),
        Job::Statistics(lang) => {
            pages::statistics_context(site, prepared, *lang, &mut ctx);
            "statistics.html"
        }
        Job::Search(lang) => pages::search_context(site, *lang, &mut ctx),
        Job::Standards(lang) => {
            evidence::standards_context(site, *lang, &prepared.record_years, &mut ctx)
        }
        Job::NotFound => {
            ctx.insert("page_kind", "404");
            "404.html"
        }
        Job::SitemapXml => {
            ctx.insert("entries", &pages::sitemap_entries(site, prepared));
            "sitemap.xml"
        }
        Job::Robots => "robots.txt",
        Job::Feed { lang, section } => {
            pages::feed_context(site, prepared, *lang, *section, &mut ctx)
        }
    };
    let rel_url = job.route(site).url();
    let page = Page {
        template,
        lang: job.lang(site),
        rel_url: &rel_url,
        deferred,
    };
    finish(site, prepared, tera, base, sink, reuse, page, ctx)
}

/// One page to put in place, besides its own context.
struct Page<'a> {
    template: &'a str,
    lang: Lang,
    rel_url: &'a str,
    deferred: Vec<Deferred>,
}

/// Context costly to make and needed only if the page is rendered: in the page's
/// key, its inputs stand for it ([`Deferred::inputs`]).
pub(super) enum Deferred {
    /// An item's body and what it shows ([`item_body_context`]).
    Body(usize),
    /// The card of this item under this name.
    Card(&'static str, usize),
    /// The cards of these items, in this order, under this name.
    Cards(&'static str, Vec<usize>),
    /// The site map's groups of one language.
    SiteMap(Lang),
}

impl Deferred {
    /// Everything the context depends on beyond what every key holds.
    fn inputs(&self, site: &Site<'_>, prepared: &Prepared, out: &mut Vec<u8>) {
        let cards = |out: &mut Vec<u8>, indices: &mut dyn Iterator<Item = usize>| {
            for i in indices {
                out.extend_from_slice(&prepared.card_digests[i]);
            }
            out.push(b';');
        };
        match self {
            Deferred::Body(i) => {
                out.extend_from_slice(b"body:");
                out.extend_from_slice(&item_body_inputs(site, prepared, *i));
            }
            Deferred::Card(name, i) => {
                out.extend_from_slice(b"card:");
                out.extend_from_slice(name.as_bytes());
                out.push(b':');
                cards(out, &mut std::iter::once(*i));
            }
            Deferred::Cards(name, indices) => {
                out.extend_from_slice(b"cards:");
                out.extend_from_slice(name.as_bytes());
                out.push(b':');
                cards(out, &mut indices.iter().copied());
            }
            Deferred::SiteMap(lang) => {
                out.extend_from_slice(b"site map:");
                for s in &site.sections {
                    let view = SectionView::new(s.config, *lang, &site.urls);
                    out.extend_from_slice(&serde_json::to_vec(&view).unwrap_or_default());
                    cards(out, &mut s.items.get(lang).into_iter().flatten().copied());
                }
            }
        }
    }

    /// Adds the context to `ctx`, for rendering.
    fn fill(&self, site: &Site<'_>, prepared: &Prepared, ctx: &mut tera::Context) {
        match self {
            Deferred::Body(i) => item_body_context(site, prepared, *i, ctx),
            Deferred::Card(name, i) => ctx.insert(*name, &prepared.cards[*i]),
            Deferred::Cards(name, indices) => {
                let cards: Vec<&ItemCard> = indices.iter().map(|&i| &prepared.cards[i]).collect();
                ctx.insert(*name, &cards);
            }
            Deferred::SiteMap(lang) => {
                ctx.insert("groups", &pages::site_map_groups(site, prepared, *lang));
            }
        }
    }
}

/// The context every page of a language shares (the site, its menu, the UI
/// strings), lent to one page at a time. A page's own context is added to it for
/// rendering and taken out again afterwards, so the shared part is never copied:
/// cloning it for each page cost more than a tenth of a build's rendering.
struct BaseContexts {
    shared: BTreeMap<Lang, tera::Context>,
    /// Copies of `shared` not lent out at the moment.
    idle: BTreeMap<Lang, Mutex<Vec<tera::Context>>>,
}

impl BaseContexts {
    fn new(shared: BTreeMap<Lang, tera::Context>) -> BaseContexts {
        let idle = shared
            .keys()
            .map(|&lang| (lang, Mutex::default()))
            .collect();
        BaseContexts { shared, idle }
    }

    /// Calls `render` with the shared context of `lang` and the page's `own`
    /// (whose keys win), then gives the shared context back as it was.
    fn with_page<R>(
        &self,
        lang: Lang,
        own: tera::Context,
        render: impl FnOnce(&tera::Context) -> R,
    ) -> anyhow::Result<R> {
        let idle = &self.idle[&lang];
        let lent = idle.lock().ok().and_then(|mut idle| idle.pop());
        let mut ctx = lent.unwrap_or_else(|| self.shared[&lang].clone());
        // A Tera context is always a JSON object.
        let own = match own.into_json() {
            serde_json::Value::Object(own) => own,
            _ => serde_json::Map::new(),
        };
        let keys: Vec<String> = own.keys().cloned().collect();
        let mut shadowed = serde_json::Map::new();
        for key in &keys {
            if let Some(value) = ctx.remove(key) {
                shadowed.insert(key.clone(), value);
            }
        }
        ctx.extend(tera::Context::from_value(serde_json::Value::Object(own))?);
        let rendered = render(&ctx);
        for key in &keys {
            ctx.remove(key);
        }
        ctx.extend(tera::Context::from_value(serde_json::Value::Object(
            shadowed,
        ))?);
        if let Ok(mut idle) = idle.lock() {
            idle.push(ctx);
        }
        Ok(rendered)
    }
}

/// Adds the page's address to its own context `ctx`, then puts the page in place:
/// taken from the previous build when its key is unchanged ([`reuse`]), else
/// rendered with its template from the shared context of its language and `ctx`.
#[allow(clippy::too_many_arguments)]
fn finish(
    site: &Site<'_>,
    prepared: &Prepared,
    tera: &tera::Tera,
    base: &BaseContexts,
    sink: &dyn Sink,
    reuse: &reuse::Reuse<'_>,
    page: Page<'_>,
    mut ctx: tera::Context,
) -> anyhow::Result<usize> {
    let Page {
        template,
        lang,
        rel_url,
        deferred,
    } = page;
    ctx.insert("permalink", &site.urls.permalink(rel_url));
    ctx.insert("current_url", &site.urls.link(rel_url));
    let path = crate::routes::output_path(rel_url);
    let own = ctx.into_json();
    let mut inputs = Vec::new();
    for part in &deferred {
        part.inputs(site, prepared, &mut inputs);
    }
    let key = reuse.key(template, lang, &path, &own, &inputs);
    if reuse.pages.reuse(&path, &key, sink)? {
        return Ok(1);
    }
    let mut ctx = tera::Context::from_value(own)?;
    for part in &deferred {
        part.fill(site, prepared, &mut ctx);
    }
    // Into bytes: `render` would check the whole page is UTF-8 once more.
    let mut html = Vec::new();
    base.with_page(lang, ctx, |ctx| tera.render_to(template, ctx, &mut html))?
        .map_err(|e| {
            anyhow!(
                crate::messages::TEMPLATE_FAILED
                    .detail(&tera_chain(&e), &[("name", template), ("page", rel_url)])
            )
        })?;
    sink.write(&path, &html)?;
    reuse.pages.rendered(&path, key, &html);
    Ok(1)
}

/// The context of an item's own page.
fn item_context(
    site: &Site<'_>,
    prepared: &Prepared,
    i: usize,
    ctx: &mut tera::Context,
) -> &'static str {
    let lang = site.items[i].item.lang;
    let card = &prepared.cards[i];
    let item = site.items[i].item;
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
    "item.html"
}

/// What an item page shows of its rendered body: the body, the photos it shows,
/// the gallery and the downloads those leave, and the share image. Made only when
/// the page is rendered; [`item_body_inputs`] stands for it in the page's key.
fn item_body_context(site: &Site<'_>, prepared: &Prepared, i: usize, ctx: &mut tera::Context) {
    let lang = site.items[i].item.lang;
    let card = &prepared.cards[i];
    let item = site.items[i].item;
    let live = &site.items[i];
    let table_label = match lang {
        Lang::Th => "ตารางที่",
        Lang::En => "Table",
    };
    let html = markdown::wrap_tables(
        &cache::body_html(&item.body, &site.urls.base_path),
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
}

/// Everything [`item_body_context`] reads besides what every page's key holds
/// (the base path, the resized images): the Markdown (by its digest), the item's
/// address and its attachments.
fn item_body_inputs(site: &Site<'_>, prepared: &Prepared, i: usize) -> Vec<u8> {
    let live = &site.items[i];
    let attachments: Vec<(&str, &str)> = live
        .attachments
        .iter()
        .map(|a| (a.name.as_str(), a.url.as_str()))
        .collect();
    let mut out = prepared.body_digests[i].to_vec();
    out.extend(serde_json::to_vec(&(live.item.url(), attachments)).unwrap_or_default());
    out
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
                    .with_context(|| crate::messages::CANNOT_READ.at(format!("static/{name}")))?;
                let hash = git2::Oid::hash_object(git2::ObjectType::Blob, &bytes).map_err(|e| {
                    anyhow!(
                        "{}: {e}",
                        crate::messages::CANNOT_READ.at(format!("static/{name}"))
                    )
                })?;
                format!("{stem}.{}.{ext}", &hash.to_string()[..10])
            }
            _ => name.clone(),
        };
        let route = Route::Static(&out_name);
        sink.copy(&route.output_path(), blob)?;
        assets.insert(name.clone(), urls.link(&route.url()));
    }
    Ok(assets)
}

/// Attachments of live bundles, and nothing else from `content/`.
fn write_attachments(site: &Site<'_>, sink: &dyn Sink) -> anyhow::Result<usize> {
    // Each address once (the first item's file), then copied on every core.
    let mut seen = std::collections::BTreeSet::new();
    let unique: Vec<_> = site
        .items
        .iter()
        .flat_map(|live| &live.attachments)
        .filter(|attachment| seen.insert(attachment.url.as_str()))
        .collect();
    unique.par_iter().try_for_each(|attachment| {
        sink.copy(attachment.url.trim_start_matches('/'), &attachment.blob)
    })?;
    Ok(unique.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page sees the shared context with its own keys on top, and leaves it as it
    /// was: a key it set is gone for the next page, a shared key it hid is back.
    #[test]
    fn a_lent_context_comes_back_as_it_was() {
        let mut shared = tera::Context::new();
        shared.insert("site", "สสอ.พาน");
        shared.insert("page_kind", "");
        let base = BaseContexts::new(BTreeMap::from([(Lang::Th, shared.clone())]));
        let mut tera = tera::Tera::default();
        tera.add_raw_template(
            "t",
            "{{ site }}|{{ page_kind }}|{{ extra | default(value='-') }}",
        )
        .expect("template compiles");
        let render = |own: tera::Context| {
            base.with_page(Lang::Th, own, |ctx| tera.render("t", ctx))
                .expect("lent")
                .expect("rendered")
        };
        let mut first = tera::Context::new();
        first.insert("page_kind", "item");
        first.insert("extra", "x");
        assert_eq!(render(first), "สสอ.พาน|item|x");
        assert_eq!(render(tera::Context::new()), "สสอ.พาน||-");
        let lent = base.idle[&Lang::Th].lock().expect("lock").pop();
        assert_eq!(lent.map(tera::Context::into_json), Some(shared.into_json()));
    }
}
