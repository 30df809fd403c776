//! Stage 4, **assemble**: the public site as a value, only live items and what
//! belongs to them.
//!
//! [`Site::assemble`] is the one door from the decisions to rendering. It takes
//! live items only, and the attachments of live bundles only, and keeps values
//! (the clock, the trust, the compliance result), never the decisions themselves:
//! nothing withheld can reach a page, list, feed, sitemap or attachment, because
//! nothing that renders can see it.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::checklist::Checklist;
use crate::compliance::{self, Compliance};
use crate::config::{SectionConfig, SiteConfig, SortOrder};
use crate::content::{Intro, Item, Lang};
use crate::decide::Decisions;
use crate::inputs::Inputs;
use crate::registry::Registry;
use crate::source::{Approval, Blob, Snapshot, Trust};

/// How site-relative paths become links: under the path of `base_url`
/// (`/` or, for a project site, `/repo/`), or absolute for feeds.
#[derive(Debug, Clone)]
pub struct Urls {
    pub base_url: String,
    pub base_path: String,
}

impl Urls {
    pub fn new(base_url: &str) -> Urls {
        let base_url = if base_url.ends_with('/') {
            base_url.to_string()
        } else {
            format!("{base_url}/")
        };
        let after_scheme = base_url
            .split_once("://")
            .map_or(base_url.as_str(), |(_, rest)| rest);
        let base_path = after_scheme
            .find('/')
            .map_or("/".to_string(), |i| after_scheme[i..].to_string());
        Urls {
            base_url,
            base_path,
        }
    }

    /// `/news/a/` → `/news/a/` (or `/repo/news/a/`), percent-encoding non-ASCII.
    pub fn link(&self, rel: &str) -> String {
        format!(
            "{}{}",
            self.base_path,
            encode_path(rel.trim_start_matches('/'))
        )
    }

    /// `/news/a/` → `https://office.example/news/a/`.
    pub fn permalink(&self, rel: &str) -> String {
        format!(
            "{}{}",
            self.base_url,
            encode_path(rel.trim_start_matches('/'))
        )
    }
}

/// Percent-encodes what may not stand in a URL path (Thai tags, spaces), keeping `/`.
pub fn encode_path(path: &str) -> String {
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'`')
        .add(b'{')
        .add(b'}')
        .add(b'%');
    percent_encoding::utf8_percent_encode(path, PATH).to_string()
}

/// A file published beside a live bundle.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Name within the bundle (`form.pdf`, `images/a.jpg`).
    pub name: String,
    /// Site-relative URL path.
    pub url: String,
    pub blob: Blob,
    pub date: DateTime<FixedOffset>,
}

/// One live item with everything the pages need about it.
#[derive(Debug)]
pub struct LiveItem<'a> {
    pub item: &'a Item,
    pub approval: Option<&'a Approval>,
    pub attachments: Vec<Attachment>,
}

/// One section with its live items in display order, per language.
#[derive(Debug)]
pub struct Section<'a> {
    pub config: &'a SectionConfig,
    /// Indices into [`Site::items`].
    pub items: BTreeMap<Lang, Vec<usize>>,
}

/// Everything that will be public.
#[derive(Debug)]
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    pub registry: &'a Registry,
    pub tz: Tz,
    /// The moment the site is built for.
    pub now: DateTime<FixedOffset>,
    /// How far the approvals of its items were checked.
    pub trust: Trust,
    pub urls: Urls,
    pub items: Vec<LiveItem<'a>>,
    pub sections: Vec<Section<'a>>,
    /// Introductions of the home page (`""`) and of sections, by language.
    pub intros: &'a BTreeMap<(String, Lang), Intro>,
    /// `checklist.toml` for the evidence pages; `None` when the file does not parse
    /// (`khaosan compliance` says why), so a typo there never stops a takedown.
    pub checklist: Option<&'a Checklist>,
    /// What the live items provide of the checklist, for the evidence index.
    pub compliance: Option<Compliance>,
    /// Counts for `/statistics/` from `data/statistics.json`; `None` when the site
    /// has none or it does not parse (`khaosan check` says why).
    pub statistics: Option<crate::statistics::StatisticsData>,
    /// Items by (section, slug): an item and its translations share one entry.
    by_page: HashMap<(&'a str, &'a str), Vec<usize>>,
}

impl<'a> Site<'a> {
    /// The live items of `decisions`, at the site's `base_url`.
    pub fn assemble(inputs: &'a Inputs, decisions: &'a Decisions, base_url: &str) -> Site<'a> {
        let snapshot = &inputs.snapshot;
        let config = &inputs.settings.site;
        let items: Vec<LiveItem<'a>> = decisions
            .decisions
            .iter()
            .filter(|d| d.is_live())
            .filter_map(|d| d.item.as_deref().map(|item| (item, d.approval.as_ref())))
            .map(|(item, approval)| LiveItem {
                item,
                approval,
                attachments: attachments_of(item, approval, snapshot),
            })
            .collect();
        let sections = config
            .sections
            .iter()
            .map(|section| Section {
                config: section,
                items: ordered_items(&items, section),
            })
            .collect();
        let mut by_page: HashMap<(&'a str, &'a str), Vec<usize>> = HashMap::new();
        for (i, live) in items.iter().enumerate() {
            by_page
                .entry((live.item.section.as_str(), live.item.slug.as_str()))
                .or_default()
                .push(i);
        }
        let checklist = inputs.settings.checklist.as_ref().ok();
        let compliance = checklist.map(|c| evidence(c, config, &items, decisions.now));
        Site {
            config,
            registry: &inputs.settings.registry,
            tz: config.tz,
            now: decisions.now,
            trust: decisions.trust,
            urls: Urls::new(base_url),
            items,
            sections,
            intros: &inputs.parsed.intros,
            checklist,
            compliance,
            statistics: crate::statistics::StatisticsData::from_snapshot(snapshot)
                .and_then(Result::ok),
            by_page,
        }
    }

    /// The translations of an item (same section and slug, other language).
    pub fn translations(&self, index: usize) -> impl Iterator<Item = &LiveItem<'a>> {
        let item = self.items[index].item;
        self.by_page
            .get(&(item.section.as_str(), item.slug.as_str()))
            .into_iter()
            .flatten()
            .map(|&i| &self.items[i])
            .filter(move |other| other.item.lang != item.lang)
    }

    /// Live items of a language, newest first.
    pub fn latest(&self, lang: Lang) -> Vec<usize> {
        let mut indices: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].item.lang == lang)
            .collect();
        indices.sort_by(|&a, &b| newest_first(self.items[a].item, self.items[b].item));
        indices
    }
}

/// What the live items, and the site's own features, provide of the checklist.
fn evidence(
    checklist: &Checklist,
    config: &SiteConfig,
    items: &[LiveItem<'_>],
    now: DateTime<FixedOffset>,
) -> Compliance {
    let instances: Vec<compliance::Instance<'_>> = items
        .iter()
        .map(|live| compliance::Instance {
            item: live.item,
            approval: live.approval,
        })
        .collect();
    compliance::apply_site_features(
        compliance::evaluate(checklist, &instances, now, config.tz),
        checklist,
        compliance::SiteFeatures::of(config),
    )
}

/// Attachments of a live bundle: the files beside its `index.md`. A translation
/// shares its bundle's attachments only through the Thai item, which publishes them.
fn attachments_of(
    item: &Item,
    approval: Option<&Approval>,
    snapshot: &Snapshot,
) -> Vec<Attachment> {
    let Some(dir) = item.bundle_dir() else {
        return Vec::new();
    };
    if item.lang != Lang::Th && snapshot.files.contains_key(&format!("{dir}index.md")) {
        return Vec::new();
    }
    snapshot
        .under(&dir)
        .filter_map(|(path, file)| {
            let name = path.strip_prefix(&dir)?;
            if name.ends_with(".md") {
                return None;
            }
            let date = file
                .approval
                .as_ref()
                .or(approval)
                .map_or(item.front.publish, |a| a.approved_at);
            Some(Attachment {
                name: name.to_string(),
                url: format!("/{}/{}/{name}", item.section, item.slug),
                blob: file.blob.clone(),
                date,
            })
        })
        .collect()
}

fn ordered_items(items: &[LiveItem<'_>], section: &SectionConfig) -> BTreeMap<Lang, Vec<usize>> {
    let mut by_lang: BTreeMap<Lang, Vec<usize>> = BTreeMap::new();
    for (i, live) in items
        .iter()
        .enumerate()
        .filter(|(_, l)| l.item.section == section.id)
    {
        by_lang.entry(live.item.lang).or_default().push(i);
    }
    for indices in by_lang.values_mut() {
        indices.sort_by(|&a, &b| {
            let (a, b) = (items[a].item, items[b].item);
            match section.sort {
                SortOrder::Date => newest_first(a, b),
                SortOrder::Title => a
                    .front
                    .title
                    .cmp(&b.front.title)
                    .then_with(|| a.slug.cmp(&b.slug)),
                SortOrder::Weight => a
                    .front
                    .weight
                    .unwrap_or(i64::MAX)
                    .cmp(&b.front.weight.unwrap_or(i64::MAX))
                    .then_with(|| a.front.title.cmp(&b.front.title)),
            }
        });
    }
    by_lang
}

fn newest_first(a: &Item, b: &Item) -> std::cmp::Ordering {
    b.front
        .publish
        .cmp(&a.front.publish)
        .then_with(|| a.path.cmp(&b.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_under_a_project_path() {
        let urls = Urls::new("https://office.github.io/site");
        assert_eq!(urls.base_path, "/site/");
        assert_eq!(urls.link("/news/a/"), "/site/news/a/");
        assert_eq!(
            urls.permalink("/news/a/"),
            "https://office.github.io/site/news/a/"
        );
        assert_eq!(
            Urls::new("https://a.example/").link("/tags/ข่าว/"),
            "/tags/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/"
        );
    }
}
