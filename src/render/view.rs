//! What templates see: plain serialisable views of the live site.

use serde::Serialize;

use crate::config::SectionConfig;
use crate::content::Lang;
use crate::registry::Registry;
use crate::routes::Route;
use crate::site::{Attachment, LiveItem, Site, Urls};

#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub id: String,
    pub name: String,
    pub title: String,
}

impl PersonView {
    /// The registered person, or the bare id when the registry does not know it.
    pub fn of(registry: &Registry, id: Option<&String>) -> Option<PersonView> {
        let id = id?;
        Some(match registry.person(id) {
            Some(p) => PersonView {
                id: p.id.clone(),
                name: p.name.clone(),
                title: p.title.clone(),
            },
            None => PersonView {
                id: id.clone(),
                name: id.clone(),
                title: String::new(),
            },
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    pub name: String,
    pub url: String,
    /// Absolute URL, for printed notices.
    pub permalink: String,
    pub size: u64,
    /// Upper-case file type for people: `PDF`, `DOCX`.
    pub kind: String,
    pub mime: &'static str,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ApprovalView {
    pub commit: String,
    pub approved_at: String,
    pub proposed_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TranslationView {
    pub lang: Lang,
    pub url: String,
    pub title: String,
}

/// An item as lists, feeds and its own page show it (without the body).
#[derive(Debug, Clone, Serialize)]
pub struct ItemCard {
    pub title: String,
    pub url: String,
    pub permalink: String,
    /// The item's publication approval record (`/records/news/a/`).
    pub record_url: String,
    pub section: String,
    pub section_title: String,
    pub slug: String,
    pub lang: Lang,
    pub summary: String,
    pub publish: String,
    pub expires: Option<String>,
    /// When this version became public: its approval, else its publish time.
    pub updated: String,
    pub review: Option<String>,
    pub author: Option<PersonView>,
    pub approver: Option<PersonView>,
    pub tags: Vec<LinkView>,
    pub kind: Option<crate::content::Kind>,
    pub source: Option<String>,
    pub standard: Vec<String>,
    pub weight: Option<i64>,
    pub attachments: Vec<AttachmentView>,
    pub translations: Vec<TranslationView>,
    pub approval: Option<ApprovalView>,
    pub extra: toml::Table,
}

impl ItemCard {
    pub fn new(site: &Site<'_>, index: usize, first_paragraph: &str) -> ItemCard {
        let live = &site.items[index];
        let item = live.item;
        let front = &item.front;
        let urls = &site.urls;
        // The item's last change: `updated` if written, or in git mode the
        // approving commit's time when that is later.
        let changed = front
            .updated
            .map_or(front.publish, |u| u.max(front.publish));
        let updated = live
            .approval
            .map_or(changed, |a| a.approved_at.max(changed));
        ItemCard {
            title: front.title.clone(),
            url: urls.link(&item.url()),
            permalink: urls.permalink(&item.url()),
            record_url: urls.link(
                &Route::Record {
                    item_url: item.url().into(),
                }
                .url(),
            ),
            section: item.section.clone(),
            section_title: site
                .config
                .section(&item.section)
                .map(|s| section_title(s, item.lang).to_string())
                .unwrap_or_default(),
            slug: item.slug.clone(),
            lang: item.lang,
            summary: front
                .summary
                .clone()
                .unwrap_or_else(|| first_paragraph.to_string()),
            publish: front.publish.to_rfc3339(),
            expires: front.expires.map(|e| e.to_rfc3339()),
            updated: updated.to_rfc3339(),
            review: front.review.map(|r| r.to_rfc3339()),
            author: PersonView::of(site.registry, front.author.as_ref()),
            approver: PersonView::of(
                site.registry,
                live.approval
                    .map(|a| &a.approver)
                    .or(front.approver.as_ref()),
            ),
            tags: front
                .tags
                .iter()
                .filter(|t| !tag_slug(t).is_empty())
                .map(|t| LinkView {
                    name: t.clone(),
                    url: urls.link(&tag_url(t, item.lang)),
                })
                .collect(),
            kind: front.kind,
            source: front.source.clone(),
            standard: front.standard.clone(),
            weight: front.weight,
            attachments: attachments(live, urls),
            translations: site
                .translations(index)
                .map(|t| TranslationView {
                    lang: t.item.lang,
                    url: urls.link(&t.item.url()),
                    title: t.item.front.title.clone(),
                })
                .collect(),
            approval: live.approval.map(|a| ApprovalView {
                commit: a.commit.clone(),
                approved_at: a.approved_at.to_rfc3339(),
                proposed_at: a.proposed_at.map(|p| p.to_rfc3339()),
            }),
            extra: front.extra.clone(),
        }
    }
}

fn attachments(live: &LiveItem<'_>, urls: &Urls) -> Vec<AttachmentView> {
    live.attachments
        .iter()
        .map(|a| attachment_view(a, urls))
        .collect()
}

fn attachment_view(a: &Attachment, urls: &Urls) -> AttachmentView {
    let ext = a
        .name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    AttachmentView {
        name: a.name.clone(),
        url: urls.link(&a.url),
        permalink: urls.permalink(&a.url),
        size: a.blob.len(),
        kind: ext.to_ascii_uppercase(),
        mime: mime_of(&ext),
        date: a.date.to_rfc3339(),
    }
}

/// The media type of an attachment, from its extension.
pub fn mime_of(ext: &str) -> &'static str {
    mime_guess::from_ext(ext)
        .first_raw()
        .unwrap_or("application/octet-stream")
}

/// A section as menus and lists show it.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub id: String,
    pub title: String,
    pub title_th: String,
    pub title_en: String,
    pub url: String,
    pub url_th: String,
    pub url_en: String,
    pub permanent: bool,
    pub feed_url: String,
}

impl SectionView {
    pub fn new(section: &SectionConfig, lang: Lang, urls: &Urls) -> SectionView {
        let rel = |lang: Lang| {
            Route::Section {
                id: &section.id,
                lang,
                page: 1,
            }
            .url()
        };
        SectionView {
            id: section.id.clone(),
            title: section_title(section, lang).to_string(),
            title_th: section.title.clone(),
            title_en: section_title(section, Lang::En).to_string(),
            url: urls.link(&rel(lang)),
            url_th: urls.link(&rel(Lang::Th)),
            url_en: urls.link(&rel(Lang::En)),
            permanent: section.permanent,
            feed_url: urls.link(
                &Route::Feed {
                    lang,
                    section: Some(&section.id),
                }
                .url(),
            ),
        }
    }
}

pub fn section_title(section: &SectionConfig, lang: Lang) -> &str {
    match lang {
        Lang::En if !section.title_en.is_empty() => &section.title_en,
        _ => &section.title,
    }
}

pub use crate::slug::tag_slug;

pub fn tag_url(tag: &str, lang: Lang) -> String {
    Route::Tag {
        slug: &tag_slug(tag),
        lang,
        page: 1,
    }
    .url()
}

/// Pages the pager of page `current` of `total` links: the first, the last, and
/// [`PAGER_AROUND`] either side of the current one; `None` stands for the pages
/// left out between them (an ellipsis). A gap of one page shows that page
/// instead, as an ellipsis would hide no more than the number itself. The list
/// never has more than `2 * PAGER_AROUND + 5` entries, so a list's pages grow
/// linearly with its items.
pub fn pager_window(current: usize, total: usize) -> Vec<Option<usize>> {
    let total = total.max(1);
    let current = current.clamp(1, total);
    let low = current.saturating_sub(PAGER_AROUND).max(1);
    let high = (current + PAGER_AROUND).min(total);
    let mut window = Vec::with_capacity(2 * PAGER_AROUND + 5);
    window.push(Some(1));
    match low {
        1 | 2 => {}
        3 => window.push(Some(2)),
        _ => window.push(None),
    }
    window.extend((low.max(2)..=high).map(Some));
    match total - high {
        0 => {}
        1 => {}
        2 => window.push(Some(total - 1)),
        _ => window.push(None),
    }
    if high < total {
        window.push(Some(total));
    }
    window
}

/// Pages linked on each side of the current page.
pub const PAGER_AROUND: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_slugs_keep_thai() {
        assert_eq!(tag_url("ข่าว", Lang::En), "/en/tags/ข่าว/");
        assert_eq!(tag_url("รับสมัคร งาน", Lang::Th), "/tags/รับสมัคร-งาน/");
    }

    fn shown(current: usize, total: usize) -> String {
        pager_window(current, total)
            .iter()
            .map(|p| p.map_or("…".to_string(), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn pager_window_keeps_the_ends_and_the_neighbourhood() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 2), "1 2");
        assert_eq!(shown(2, 2), "1 2");
        assert_eq!(shown(1, 7), "1 2 3 … 7");
        assert_eq!(shown(4, 7), "1 2 3 4 5 6 7");
        assert_eq!(shown(5, 7), "1 2 3 4 5 6 7");
        assert_eq!(shown(1, 5), "1 2 3 4 5");
        assert_eq!(shown(6, 20), "1 … 4 5 6 7 8 … 20");
        assert_eq!(shown(20, 20), "1 … 18 19 20");
        assert_eq!(shown(18, 20), "1 … 16 17 18 19 20");
        assert_eq!(shown(17, 20), "1 … 15 16 17 18 19 20");
        assert_eq!(shown(16, 20), "1 … 14 15 16 17 18 19 20");
        assert_eq!(shown(15, 20), "1 … 13 14 15 16 17 … 20");
        assert_eq!(shown(4, 20), "1 2 3 4 5 6 … 20");
        assert_eq!(shown(5, 20), "1 2 3 4 5 6 7 … 20");
    }

    #[test]
    fn pager_window_is_bounded_and_ordered() {
        for total in 1..60 {
            for current in 1..=total {
                let window = pager_window(current, total);
                assert!(window.len() <= 2 * PAGER_AROUND + 5, "{current}/{total}");
                let pages: Vec<usize> = window.iter().flatten().copied().collect();
                assert!(pages.windows(2).all(|w| w[0] < w[1]), "{current}/{total}");
                assert_eq!(pages.first(), Some(&1));
                assert_eq!(pages.last(), Some(&total));
                assert!(pages.contains(&current));
                // An ellipsis always stands for at least two pages.
                for (i, entry) in window.iter().enumerate() {
                    if entry.is_none() {
                        let (a, b) = (window[i - 1].unwrap(), window[i + 1].unwrap());
                        assert!(b - a > 2, "{current}/{total}: {window:?}");
                    }
                }
            }
        }
    }
}
