//! Every kind of page khaosan writes, in one place: its URL and the file it is
//! written to. URLs here are site-relative (`/news/a/`); [`crate::site::Urls`]
//! puts them under the site's base path. The folders a section may not take
//! ([`reserved_folders`]) follow from these routes, so a new kind of page cannot
//! be shadowed by a section of the same name.

use std::borrow::Cow;

use crate::content::Lang;

/// One page (or generated file) of the public site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'a> {
    /// `/`, `/en/`.
    Home(Lang),
    /// A page of a section's list: `/news/`, `/en/news/page/2/`.
    Section {
        id: &'a str,
        lang: Lang,
        page: usize,
    },
    /// An item's own page: `/news/a/`, `/en/news/a/`.
    Item {
        section: &'a str,
        slug: &'a str,
        lang: Lang,
    },
    /// A page of the list of items with one tag: `/tags/ข่าว/`.
    Tag {
        slug: &'a str,
        lang: Lang,
        page: usize,
    },
    /// The publication record of the item at a URL, for assessors: the record of
    /// `/news/a/` is `/records/news/a/`.
    Record { item_url: Cow<'a, str> },
    /// The publication records of one fiscal year as data: `/records/2569.csv`.
    RecordData { fiscal_year: i32, ext: &'a str },
    /// The index of the checklist with the URLs that provide each requirement.
    Standards(Lang),
    /// The human site map: `/site-map/`.
    SiteMap(Lang),
    /// Visits and satisfaction: `/statistics/`.
    Statistics(Lang),
    /// The search page: `/search/`.
    Search(Lang),
    /// The folder of a language's search index: `/search-index/th/`.
    SearchIndex(Lang),
    /// The Atom feed of the site or of one section: `/atom.xml`, `/news/atom.xml`.
    Feed {
        lang: Lang,
        section: Option<&'a str>,
    },
    /// `/sitemap.xml`, for search engines.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    /// `/404.html`, which web servers send for a missing page.
    NotFound,
    /// A file of the theme's `static/` folder: `/static/css/site.1a2b3c4d5e.css`.
    Static(&'a str),
}

impl Route<'_> {
    /// The site-relative URL: `/news/a/`, `/atom.xml`.
    pub fn url(&self) -> String {
        match self {
            Route::Home(lang) => lang.prefix().to_string(),
            Route::Section { id, lang, page } => paged(format!("{}{id}/", lang.prefix()), *page),
            Route::Item {
                section,
                slug,
                lang,
            } => format!("{}{section}/{slug}/", lang.prefix()),
            Route::Tag { slug, lang, page } => {
                paged(format!("{}tags/{slug}/", lang.prefix()), *page)
            }
            Route::Record { item_url } => format!("/records{item_url}"),
            Route::RecordData { fiscal_year, ext } => format!("/records/{fiscal_year}.{ext}"),
            Route::Standards(lang) => format!("{}standards/", lang.prefix()),
            Route::SiteMap(lang) => format!("{}site-map/", lang.prefix()),
            Route::Statistics(lang) => format!("{}statistics/", lang.prefix()),
            Route::Search(lang) => format!("{}search/", lang.prefix()),
            Route::SearchIndex(lang) => format!("/search-index/{}/", lang.code()),
            Route::Feed { lang, section } => match section {
                Some(id) => format!("{}{id}/atom.xml", lang.prefix()),
                None => format!("{}atom.xml", lang.prefix()),
            },
            Route::Sitemap => "/sitemap.xml".to_string(),
            Route::Robots => "/robots.txt".to_string(),
            Route::NotFound => "/404.html".to_string(),
            Route::Static(name) => format!("/static/{name}"),
        }
    }

    /// The file the page is written to in the output folder: `news/a/index.html`.
    pub fn output_path(&self) -> String {
        output_path(&self.url())
    }
}

/// Page `page` of a list whose first page is at `first`: `/news/page/2/`.
fn paged(first: String, page: usize) -> String {
    if page <= 1 {
        first
    } else {
        format!("{first}page/{page}/")
    }
}

/// `/news/a/` → `news/a/index.html`; `/atom.xml` → `atom.xml`.
pub fn output_path(rel_url: &str) -> String {
    let rel = rel_url.trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    }
}

/// A stand-in for whatever a site names (a section, an item, a tag).
const NAMED: &str = "-";

/// One route of every kind, in both languages, with [`NAMED`] wherever the site
/// chooses the name.
fn every_kind() -> Vec<Route<'static>> {
    let mut routes = vec![
        Route::RecordData {
            fiscal_year: 2569,
            ext: NAMED,
        },
        Route::Sitemap,
        Route::Robots,
        Route::NotFound,
        Route::Static(NAMED),
    ];
    for lang in [Lang::Th, Lang::En] {
        routes.extend([
            Route::Home(lang),
            Route::Section {
                id: NAMED,
                lang,
                page: 2,
            },
            Route::Item {
                section: NAMED,
                slug: NAMED,
                lang,
            },
            Route::Tag {
                slug: NAMED,
                lang,
                page: 2,
            },
            Route::Record {
                item_url: NAMED.into(),
            },
            Route::Standards(lang),
            Route::SiteMap(lang),
            Route::Statistics(lang),
            Route::Search(lang),
            Route::SearchIndex(lang),
            Route::Feed {
                lang,
                section: None,
            },
            Route::Feed {
                lang,
                section: Some(NAMED),
            },
        ]);
    }
    routes
}

/// Adding a kind of page fails to compile here until [`every_kind`] lists it.
#[allow(dead_code)]
fn listed_in_every_kind(route: &Route<'_>) {
    match route {
        Route::Home(_)
        | Route::Section { .. }
        | Route::Item { .. }
        | Route::Tag { .. }
        | Route::Record { .. }
        | Route::RecordData { .. }
        | Route::Standards(_)
        | Route::SiteMap(_)
        | Route::Statistics(_)
        | Route::Search(_)
        | Route::SearchIndex(_)
        | Route::Feed { .. }
        | Route::Sitemap
        | Route::Robots
        | Route::NotFound
        | Route::Static(_) => {}
    }
}

/// Top-level folders khaosan itself writes (`en`, `tags`, `records`, …): no section
/// may take one, or its pages would be overwritten.
pub fn reserved_folders() -> Vec<String> {
    let mut folders: Vec<String> = every_kind()
        .iter()
        .filter_map(|route| {
            let url = route.url();
            let (first, _) = url.trim_start_matches('/').split_once('/')?;
            (first != NAMED).then(|| first.to_string())
        })
        .collect();
    folders.sort();
    folders.dedup();
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_output_paths() {
        let item = Route::Item {
            section: "news",
            slug: "a",
            lang: Lang::En,
        };
        assert_eq!(item.url(), "/en/news/a/");
        assert_eq!(item.output_path(), "en/news/a/index.html");
        let record = Route::Record {
            item_url: "/en/news/a/".into(),
        };
        assert_eq!(record.url(), "/records/en/news/a/");
        let page = Route::Section {
            id: "news",
            lang: Lang::En,
            page: 2,
        };
        assert_eq!(page.output_path(), "en/news/page/2/index.html");
        assert_eq!(Route::Home(Lang::Th).output_path(), "index.html");
        assert_eq!(
            Route::Feed {
                lang: Lang::Th,
                section: None
            }
            .output_path(),
            "atom.xml"
        );
    }

    #[test]
    fn reserved_folders_are_the_fixed_ones() {
        assert_eq!(
            reserved_folders(),
            [
                "en",
                "records",
                "search",
                "search-index",
                "site-map",
                "standards",
                "static",
                "statistics",
                "tags"
            ]
        );
    }

    #[test]
    fn output_paths() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/news/a/"), "news/a/index.html");
        assert_eq!(output_path("/en/news/page/2/"), "en/news/page/2/index.html");
        assert_eq!(output_path("/atom.xml"), "atom.xml");
    }
}
