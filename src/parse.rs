//! Stage 2, **parse**: every file of `content/` read once, into an item, an
//! introduction or a problem. Deciding (stage 3) works on what this stage made and
//! never reads a file, so a command may decide again at another time for free.

use std::collections::BTreeMap;

use rayon::prelude::*;
use std::sync::Arc;

use crate::content::{CONTENT, ContentPath, Intro, Item, ItemAt, Lang, parse_intro, parse_item};
use crate::decide::Reason;
use crate::error::Problem;
use crate::settings::Settings;
use crate::source::{Approval, GitReport, Notice, Snapshot, Trust};

/// The content of the site, read and checked, before any item is judged.
#[derive(Debug)]
pub struct Parsed {
    /// One entry per item file, then one per item git holds back as never approved.
    pub entries: Vec<Entry>,
    /// Introductions of the home page (`""`) and of sections, by language.
    pub intros: BTreeMap<(String, Lang), Intro>,
    /// Problems that are not about one item: stray files, refused links, bad
    /// introductions, settings that were refused.
    pub problems: Vec<Problem>,
    /// How far approvals can be trusted, as the load found it.
    pub trust: Trust,
    /// What the load noticed in git history (ignored changes, deletions).
    pub notices: Vec<Notice>,
    /// With git verification: the trust root and what history refused, and why.
    pub git: Option<GitReport>,
}

impl Parsed {
    /// Every well-formed item, live or not.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.entries
            .iter()
            .filter_map(|entry| match &entry.content {
                Content::Item(item) => Some(item.as_ref()),
                Content::Unpublishable { .. } => None,
            })
    }
}

/// One item file.
#[derive(Debug)]
pub struct Entry {
    pub path: String,
    /// From git: who approved the version that is published.
    pub approval: Option<Approval>,
    pub content: Content,
}

/// What an item file holds.
#[derive(Debug)]
pub enum Content {
    /// A well-formed item, to be judged against the publishing rule.
    Item(Arc<Item>),
    /// A file that cannot be published as it stands (refused, invalid, never
    /// approved in git), with the URL it would claim.
    Unpublishable { url: Option<String>, reason: Reason },
}

/// Reads every content file of `snapshot`.
pub fn parse(snapshot: &Snapshot, settings: &Settings) -> Parsed {
    let mut parsed = Parsed {
        entries: Vec::new(),
        intros: BTreeMap::new(),
        problems: snapshot.refused.clone(),
        trust: snapshot.trust,
        notices: snapshot.notices.clone(),
        git: snapshot.git.clone(),
    };
    parsed
        .problems
        .extend(settings.site.refused.iter().cloned());
    let classified: Vec<(&str, ContentPath)> = snapshot
        .under(CONTENT)
        .map(|(path, _)| (path.as_str(), ContentPath::classify(path)))
        .collect();
    // Items are read and checked in parallel (most of the work of this stage), and
    // kept in the order of their paths.
    let items: Vec<Entry> = classified
        .par_iter()
        .filter_map(|(path, kind)| match kind {
            ContentPath::Item {
                section,
                slug,
                lang,
                bundle,
            } => {
                let at = ItemAt {
                    section,
                    slug,
                    lang: *lang,
                    bundle: *bundle,
                    news: settings.site.is_news_section(section),
                };
                item_entry(snapshot, settings, path, at)
            }
            _ => None,
        })
        .collect();
    parsed.entries.extend(items);
    for (path, kind) in classified {
        match kind {
            ContentPath::Item { .. } => {}
            ContentPath::Home { lang } => {
                read_intro(snapshot, settings, path, String::new(), lang, &mut parsed)
            }
            ContentPath::SectionIntro { section, lang } => {
                read_intro(snapshot, settings, path, section, lang, &mut parsed)
            }
            ContentPath::Attachment { section, slug, .. } => {
                if let Some(problem) = orphan_attachment(snapshot, path, &section, &slug) {
                    parsed.problems.push(problem);
                }
            }
            ContentPath::Stray { why } => parsed.problems.push(Problem::new(path, why.say(&[]))),
        }
    }
    parsed.entries.extend(never_approved(snapshot));
    parsed
}

/// An item file, parsed, or refused before its text is read.
fn item_entry(
    snapshot: &Snapshot,
    settings: &Settings,
    path: &str,
    at: ItemAt<'_>,
) -> Option<Entry> {
    let approval = snapshot.files.get(path).and_then(|f| f.approval.clone());
    let unpublishable = |reason| Content::Unpublishable {
        url: Some(crate::content::item_url(at.section, at.slug, at.lang)),
        reason,
    };
    let content = if let Some(problems) = refused_item(snapshot, settings, path, at) {
        unpublishable(Reason::Refused { problems })
    } else {
        let parsed = match snapshot.text(path)? {
            Ok(text) => parse_item(path, &text, at, settings.site.tz),
            Err(problem) => Err(vec![problem]),
        };
        match parsed {
            Ok(item) => Content::Item(Arc::new(item)),
            Err(problems) => unpublishable(Reason::Invalid { problems }),
        }
    };
    Some(Entry {
        path: path.to_string(),
        approval,
        content,
    })
}

/// Problems that withhold an item before its text is read: a file over the size
/// limit, or (for a bundle) an attachment that cannot be published safely. The
/// whole item is withheld, so its page never links to a missing or unsafe file.
fn refused_item(
    snapshot: &Snapshot,
    settings: &Settings,
    path: &str,
    at: ItemAt<'_>,
) -> Option<Vec<Problem>> {
    let file = snapshot.files.get(path)?;
    let site = &settings.site;
    if let Some(problem) =
        crate::validate::size_problem(path, file.blob.len(), site.limits.item_size_mb)
    {
        return Some(vec![problem]);
    }
    if !at.bundle {
        return None;
    }
    let dir = format!("{CONTENT}{}/{}/", at.section, at.slug);
    let problems = crate::validate::attachment_problems(
        snapshot
            .under(&dir)
            .filter(|(p, _)| matches!(ContentPath::classify(p), ContentPath::Attachment { .. }))
            .map(|(p, f)| (&p[dir.len()..], p.as_str(), &f.blob)),
        &site.attachment_types,
    );
    (!problems.is_empty()).then_some(problems)
}

/// The home page's or a section's `_index.md`, kept under `key` (`""` for home).
fn read_intro(
    snapshot: &Snapshot,
    settings: &Settings,
    path: &str,
    key: String,
    lang: Lang,
    parsed: &mut Parsed,
) {
    let size = snapshot.files.get(path).map_or(0, |f| f.blob.len());
    let limit = settings.site.limits.item_size_mb;
    if let Some(problem) = crate::validate::size_problem(path, size, limit) {
        parsed.problems.push(problem);
        return;
    }
    match snapshot
        .text(path)
        .map(|t| t.and_then(|text| parse_intro(path, &text)))
    {
        Some(Ok(intro)) => {
            parsed.intros.insert((key, lang), intro);
        }
        Some(Err(problem)) => parsed.problems.push(problem),
        None => {}
    }
}

/// A file in a folder without `index.md` belongs to no item, unless the item's
/// `index.md` is only held back by git.
fn orphan_attachment(
    snapshot: &Snapshot,
    path: &str,
    section: &str,
    slug: &str,
) -> Option<Problem> {
    let dir = format!("{CONTENT}{section}/{slug}/");
    let has_index = ["index.md", "index.en.md"]
        .iter()
        .any(|f| snapshot.files.contains_key(&format!("{dir}{f}")));
    let held_back = snapshot.unapproved.iter().any(|u| u.path.starts_with(&dir));
    (!has_index && !held_back).then(|| Problem::new(path, crate::messages::STRAY_NO_INDEX.say(&[])))
}

/// Items git holds back because no version of them was ever approved.
fn never_approved(snapshot: &Snapshot) -> impl Iterator<Item = Entry> + '_ {
    snapshot.unapproved.iter().filter_map(|unapproved| {
        let ContentPath::Item {
            section,
            slug,
            lang,
            ..
        } = ContentPath::classify(&unapproved.path)
        else {
            return None;
        };
        Some(Entry {
            path: unapproved.path.clone(),
            approval: None,
            content: Content::Unpublishable {
                url: Some(crate::content::item_url(&section, &slug, lang)),
                reason: Reason::NotApprovedInGit {
                    why: unapproved.why.clone(),
                },
            },
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{Blob, SourceFile};

    fn snapshot(files: &[(&str, &str)]) -> Snapshot {
        let mut snapshot = Snapshot::default();
        for (path, text) in files {
            snapshot.files.insert(
                path.to_string(),
                SourceFile {
                    blob: Blob::Bytes(Arc::from(text.as_bytes())),
                    approval: None,
                },
            );
        }
        snapshot
    }

    #[test]
    fn every_file_becomes_an_item_an_intro_or_a_problem() {
        let item = "+++\ntitle = \"a\"\npublish = 2026-01-01\nkind = \"alert\"\n+++\nbody";
        let snapshot = snapshot(&[
            ("content/_index.md", "+++\ntitle = \"home\"\n+++\nwelcome"),
            ("content/news/a.md", item),
            ("content/laws/b.md", item),
            ("content/news/c/form.pdf", "%PDF"),
            ("content/stray.md", "x"),
        ]);
        let settings = Settings::read(&snapshot).expect("defaults");
        let parsed = parse(&snapshot, &settings);
        assert!(parsed.intros.contains_key(&(String::new(), Lang::Th)));
        let paths: Vec<&str> = parsed.problems.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(paths, ["content/news/c/form.pdf", "content/stray.md"]);
        // `kind` belongs to news only: the law with one cannot be published.
        assert_eq!(
            parsed.items().map(|i| i.slug.as_str()).collect::<Vec<_>>(),
            ["a"]
        );
        let law = parsed
            .entries
            .iter()
            .find(|e| e.path == "content/laws/b.md");
        assert!(matches!(
            law.map(|e| &e.content),
            Some(Content::Unpublishable {
                reason: Reason::Invalid { .. },
                ..
            })
        ));
    }
}
