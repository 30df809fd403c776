//! The units of parallel work: one job per page, each knowing its [`Route`].

use crate::content::Lang;
use crate::routes::Route;
use crate::site::Site;

use super::Prepared;

/// One page to render.
pub(super) enum Job {
    Item(usize),
    /// The publication record of a live item.
    Record(usize),
    List {
        list: List,
        lang: Lang,
        page: usize,
    },
    Home(Lang),
    SiteMapPage(Lang),
    Statistics(Lang),
    Search(Lang),
    /// The evidence index, made when the checklist parses.
    Standards(Lang),
    NotFound,
    SitemapXml,
    Robots,
    Feed {
        lang: Lang,
        section: Option<usize>,
    },
}

/// A paginated list: a section, or the items with one tag.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) enum List {
    Section(usize),
    Tag(String),
}

impl Job {
    /// The page's URL and output file.
    pub(super) fn route<'s>(&'s self, site: &'s Site<'_>) -> Route<'s> {
        match self {
            Job::Item(i) => item_route(site, *i),
            Job::Record(i) => Route::Record {
                item_url: site.items[*i].item.url().into(),
            },
            Job::List { list, lang, page } => match list {
                List::Section(s) => Route::Section {
                    id: &site.sections[*s].config.id,
                    lang: *lang,
                    page: *page,
                },
                List::Tag(slug) => Route::Tag {
                    slug,
                    lang: *lang,
                    page: *page,
                },
            },
            Job::Home(lang) => Route::Home(*lang),
            Job::SiteMapPage(lang) => Route::SiteMap(*lang),
            Job::Statistics(lang) => Route::Statistics(*lang),
            Job::Search(lang) => Route::Search(*lang),
            Job::Standards(lang) => Route::Standards(*lang),
            Job::NotFound => Route::NotFound,
            Job::SitemapXml => Route::Sitemap,
            Job::Robots => Route::Robots,
            Job::Feed { lang, section } => Route::Feed {
                lang: *lang,
                section: section.map(|s| site.sections[s].config.id.as_str()),
            },
        }
    }

    /// The language of the page's interface. A publication record is a Thai form,
    /// whatever the language of its item.
    pub(super) fn lang(&self, site: &Site<'_>) -> Lang {
        match self {
            Job::Item(i) => site.items[*i].item.lang,
            Job::List { lang, .. }
            | Job::Home(lang)
            | Job::SiteMapPage(lang)
            | Job::Statistics(lang)
            | Job::Search(lang)
            | Job::Standards(lang)
            | Job::Feed { lang, .. } => *lang,
            Job::Record(_) | Job::NotFound | Job::SitemapXml | Job::Robots => Lang::Th,
        }
    }
}

fn item_route<'s>(site: &'s Site<'_>, index: usize) -> Route<'s> {
    let item = site.items[index].item;
    Route::Item {
        section: &item.section,
        slug: &item.slug,
        lang: item.lang,
    }
}

/// Every page of the site.
pub(super) fn jobs(site: &Site<'_>, prepared: &Prepared) -> Vec<Job> {
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
    // The evidence for assessors: a record per live item, and the index of the
    // checklist when it parses.
    jobs.extend((0..site.items.len()).map(Job::Record));
    if site.compliance.is_some() {
        jobs.extend([Job::Standards(Lang::Th), Job::Standards(Lang::En)]);
    }
    jobs
}

/// Sections sorted by `weight` are the office's own pages in the order it chose
/// (About the office, related websites): all of them on one page, so none falls
/// onto page 2 where nobody looks.
pub(super) fn section_per_page(
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

pub(super) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_round_up_and_never_zero() {
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(10, 10), 1);
        assert_eq!(page_count(11, 10), 2);
    }
}
