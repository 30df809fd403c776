//! Content files: where a path sits in the site, and what its front matter says.
//!
//! Front matter is read in stages (as Zola does, but stricter): split the `+++`
//! block, deserialise it with unknown keys refused, then check meaning, so every
//! problem names the file, line and field, and what to write instead.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dates::WrittenDate;
use crate::error::{Problem, toml_problem};
use crate::front_matter::{self, SplitError, key_line};
use crate::slug::is_slug;

pub const CONTENT: &str = "content/";

/// The language of a content file: `x.md` is Thai, `x.en.md` English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Th,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    /// URL prefix: Thai lives at the root, English under `/en/`.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Th => "/",
            Lang::En => "/en/",
        }
    }
}

/// What a path under `content/` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentPath {
    /// `content/_index.md`: the home page's introduction.
    Home { lang: Lang },
    /// `content/<section>/_index.md`: a section's introduction.
    SectionIntro { section: String, lang: Lang },
    /// `content/<section>/<slug>.md` or the bundle `content/<section>/<slug>/index.md`.
    Item {
        section: String,
        slug: String,
        lang: Lang,
        bundle: bool,
    },
    /// A file beside a bundle's `index.md`, published only while that item is live.
    Attachment {
        section: String,
        slug: String,
        name: String,
    },
    /// Anything else: not published, and reported.
    Stray {
        why: &'static crate::messages::Message,
    },
}

impl ContentPath {
    /// Classifies a path relative to the site root (`content/news/a.md`).
    pub fn classify(path: &str) -> ContentPath {
        let Some(rest) = path.strip_prefix(CONTENT) else {
            return ContentPath::Stray {
                why: &crate::messages::STRAY_OUTSIDE_CONTENT,
            };
        };
        let parts: Vec<&str> = rest.split('/').collect();
        match parts.as_slice() {
            [file] => match markdown_name(file) {
                Some(("_index", lang)) => ContentPath::Home { lang },
                _ => ContentPath::Stray {
                    why: &crate::messages::STRAY_IN_CONTENT,
                },
            },
            [section, file] => match markdown_name(file) {
                Some(("_index", lang)) => ContentPath::SectionIntro {
                    section: section.to_string(),
                    lang,
                },
                Some((slug, lang)) => ContentPath::Item {
                    section: section.to_string(),
                    slug: slug.to_string(),
                    lang,
                    bundle: false,
                },
                None => ContentPath::Stray {
                    why: &crate::messages::STRAY_ATTACHMENT,
                },
            },
            [section, slug, file]
                if markdown_name(file).is_some_and(|(stem, _)| stem == "index") =>
            {
                let lang = markdown_name(file).map_or(Lang::Th, |(_, lang)| lang);
                ContentPath::Item {
                    section: section.to_string(),
                    slug: slug.to_string(),
                    lang,
                    bundle: true,
                }
            }
            [_, _, rest @ ..] if rest.last().is_some_and(|f| f.ends_with(".md")) => {
                ContentPath::Stray {
                    why: &crate::messages::STRAY_MARKDOWN_IN_BUNDLE,
                }
            }
            [section, slug, rest @ ..] => ContentPath::Attachment {
                section: section.to_string(),
                slug: slug.to_string(),
                name: rest.join("/"),
            },
            [] => ContentPath::Stray {
                why: &crate::messages::STRAY_NOT_A_FILE,
            },
        }
    }
}

/// `x.md` → (`x`, Thai); `x.en.md` → (`x`, English); anything else → None.
fn markdown_name(file: &str) -> Option<(&str, Lang)> {
    let stem = file.strip_suffix(".md")?;
    Some(match stem.strip_suffix(".en") {
        Some(stem) => (stem, Lang::En),
        None => (stem, Lang::Th),
    })
}

/// The kinds of news item the guideline names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    General,
    Activity,
    Alert,
    Job,
    Procurement,
    ProcurementResult,
}

/// Front matter exactly as written; unknown keys are refused so a typo such as
/// `expire` cannot silently drop an expiry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItemFront {
    title: String,
    author: Option<String>,
    approver: Option<String>,
    publish: Option<toml::value::Datetime>,
    expires: Option<toml::value::Datetime>,
    summary: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    kind: Option<Kind>,
    review: Option<toml::value::Datetime>,
    /// The item's last change, shown as the page's "last updated".
    updated: Option<toml::value::Datetime>,
    #[serde(default)]
    standard: Vec<String>,
    source: Option<String>,
    weight: Option<i64>,
    #[serde(default)]
    extra: toml::Table,
}

/// Front matter of `_index.md` files (home and sections).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIntroFront {
    title: Option<String>,
    title_en: Option<String>,
    summary: Option<String>,
    author: Option<String>,
    approver: Option<String>,
    #[serde(default)]
    extra: toml::Table,
}

/// Checked front matter of an item, with dates resolved in the site's zone.
#[derive(Debug, Clone, Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub author: Option<String>,
    pub approver: Option<String>,
    pub publish: DateTime<FixedOffset>,
    pub expires: Option<DateTime<FixedOffset>>,
    pub summary: Option<String>,
    pub tags: Vec<String>,
    pub kind: Option<Kind>,
    pub review: Option<DateTime<FixedOffset>>,
    /// The item's last change (optional, never before `publish`).
    pub updated: Option<DateTime<FixedOffset>>,
    pub standard: Vec<String>,
    pub source: Option<String>,
    pub weight: Option<i64>,
    pub extra: toml::Table,
}

/// One item file, parsed.
#[derive(Debug, Clone)]
pub struct Item {
    /// The Markdown file, relative to the root.
    pub path: String,
    pub section: String,
    pub slug: String,
    pub lang: Lang,
    /// Whether attachments may sit beside it (`<slug>/index.md`).
    pub bundle: bool,
    pub front: FrontMatter,
    pub body: String,
    /// Line of the file where the body starts, for messages about the body.
    pub body_line: usize,
}

impl Item {
    /// Site-relative URL: `/news/a/`, or `/en/news/a/` for a translation.
    pub fn url(&self) -> String {
        item_url(&self.section, &self.slug, self.lang)
    }

    /// Path prefix of this item's attachments, when it is a bundle.
    pub fn bundle_dir(&self) -> Option<String> {
        self.bundle
            .then(|| format!("{CONTENT}{}/{}/", self.section, self.slug))
    }
}

pub fn item_url(section: &str, slug: &str, lang: Lang) -> String {
    crate::routes::Route::Item {
        section,
        slug,
        lang,
    }
    .url()
}

/// Where an item file sits, as its path says, and what its section allows.
#[derive(Debug, Clone, Copy)]
pub struct ItemAt<'a> {
    pub section: &'a str,
    pub slug: &'a str,
    pub lang: Lang,
    /// `<slug>/index.md`, with its attachments beside it.
    pub bundle: bool,
    /// The section is a news section, whose items may have a `kind`.
    pub news: bool,
}

/// The introduction of the home page or a section.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Intro {
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub summary: Option<String>,
    pub body: String,
}

/// The `+++` block and the body after it.
struct Split<'a> {
    front: &'a str,
    /// Line of the file before the front matter text (the opening `+++`).
    front_line: usize,
    body: &'a str,
    body_line: usize,
}

fn split<'t>(path: &str, text: &'t str) -> Result<Split<'t>, Problem> {
    match front_matter::split(text) {
        Ok(parts) => Ok(Split {
            front: parts.front,
            front_line: front_matter::FRONT_LINE - 1,
            body: parts.body,
            body_line: parts.body_line,
        }),
        Err(SplitError::NotOpened) => {
            Err(Problem::new(path, crate::messages::NO_FRONT_MATTER.say(&[])).line(1))
        }
        Err(SplitError::NotClosed { last_line }) => {
            Err(Problem::new(path, crate::messages::FRONT_NOT_CLOSED.say(&[])).line(last_line))
        }
    }
}

/// Parses an item file. All meaning problems are collected, not just the first.
pub fn parse_item(path: &str, text: &str, at: ItemAt<'_>, tz: Tz) -> Result<Item, Vec<Problem>> {
    let ItemAt {
        section,
        slug,
        lang,
        bundle,
        news,
    } = at;
    let parts = split(path, text).map_err(|p| vec![p])?;
    let raw: RawItemFront = toml::from_str(parts.front).map_err(|e| {
        vec![explain_missing(toml_problem(
            path,
            parts.front,
            parts.front_line,
            &e,
        ))]
    })?;
    let mut problems = Vec::new();
    let line_of_key = |key: &str| key_line(parts.front, key).map(|l| l + parts.front_line);
    let mut date =
        |key: &str, value: &Option<toml::value::Datetime>| -> Option<DateTime<FixedOffset>> {
            let value = value.as_ref()?;
            match WrittenDate::from_toml(value) {
                Ok(d) => Some(d.instant(tz)),
                Err(message) => {
                    let mut p = Problem::new(path, message).field(key);
                    if let Some(line) = line_of_key(key) {
                        p = p.line(line);
                    }
                    problems.push(p);
                    None
                }
            }
        };
    let publish = date("publish", &raw.publish);
    let expires = date("expires", &raw.expires);
    let review = date("review", &raw.review);
    let updated = date("updated", &raw.updated);
    if raw.publish.is_none() {
        problems.push(Problem::new(path, crate::messages::NO_PUBLISH.say(&[])).field("publish"));
    }
    if raw.title.trim().is_empty() {
        problems.push(at_key(
            Problem::new(path, crate::messages::EMPTY_TITLE.say(&[])).field("title"),
            line_of_key("title"),
        ));
    }
    if let (Some(p), Some(e)) = (publish, expires)
        && e <= p
    {
        problems.push(at_key(
            Problem::new(path, crate::messages::EXPIRES_NOT_AFTER_PUBLISH.say(&[]))
                .field("expires"),
            line_of_key("expires"),
        ));
    }
    if let (Some(p), Some(u)) = (publish, updated)
        && u < p
    {
        problems.push(at_key(
            Problem::new(path, crate::messages::UPDATED_BEFORE_PUBLISH.say(&[])).field("updated"),
            line_of_key("updated"),
        ));
    }
    if raw.kind.is_some() && !news {
        problems.push(at_key(
            Problem::new(path, crate::messages::KIND_OUTSIDE_NEWS.say(&[])).field("kind"),
            line_of_key("kind"),
        ));
    }
    if is_slug(slug) && slug.len() > crate::validate::MAX_NAME_BYTES {
        problems.push(Problem::new(
            path,
            format!(
                "ชื่อไฟล์ยาวเกิน {max} ไบต์: ตั้งให้สั้นลง / the file name is longer than the {max} bytes a file system allows; shorten it",
                max = crate::validate::MAX_NAME_BYTES
            ),
        ));
    }
    if !is_slug(slug) {
        // The name of the file, not its front matter: say so, so nobody edits the text.
        problems.push(Problem::new(
            path,
            crate::messages::BAD_FILE_NAME.say(&[("name", slug)]),
        ));
    }
    if let Some(source) = &raw.source
        && !(source.starts_with("https://") || source.starts_with("http://"))
    {
        problems.push(at_key(
            Problem::new(path, crate::messages::SOURCE_NOT_URL.say(&[])).field("source"),
            line_of_key("source"),
        ));
    }
    problems.extend(hostile_front_problems(path, &raw, &line_of_key));
    problems.extend(body_problems(path, parts.body, parts.body_line));
    let (Some(publish), true) = (publish, problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Item {
        path: path.to_string(),
        section: section.to_string(),
        slug: slug.to_string(),
        lang,
        bundle,
        front: FrontMatter {
            title: raw.title,
            author: raw.author,
            approver: raw.approver,
            publish,
            expires,
            summary: raw.summary,
            tags: raw.tags,
            kind: raw.kind,
            review,
            updated,
            standard: raw.standard,
            source: raw.source,
            weight: raw.weight,
            extra: raw.extra,
        },
        body: parts.body.to_string(),
        body_line: parts.body_line,
    })
}

/// Control characters in any text of the front matter (they would break the feed),
/// and tags that cannot become a folder name: each with its key's line.
fn hostile_front_problems(
    path: &str,
    raw: &RawItemFront,
    line_of_key: &dyn Fn(&str) -> Option<usize>,
) -> Vec<Problem> {
    let mut texts: Vec<(&str, &str)> = vec![("title", raw.title.as_str())];
    for (key, value) in [
        ("summary", &raw.summary),
        ("author", &raw.author),
        ("approver", &raw.approver),
        ("source", &raw.source),
    ] {
        if let Some(value) = value {
            texts.push((key, value));
        }
    }
    texts.extend(raw.standard.iter().map(|s| ("standard", s.as_str())));
    let mut extra = Vec::new();
    strings_in(&toml::Value::Table(raw.extra.clone()), &mut extra);
    texts.extend(extra.iter().map(|s| ("extra", s.as_str())));
    let mut problems: Vec<Problem> = texts
        .into_iter()
        .filter_map(|(key, text)| {
            let (_, c) = crate::validate::first_control(text)?;
            Some(at_key(
                crate::validate::control_problem(path, "", 1, 0, c).field(key),
                line_of_key(key),
            ))
        })
        .collect();
    problems.extend(crate::validate::tag_problems(
        path,
        &raw.tags,
        line_of_key("tags"),
    ));
    problems
}

fn strings_in(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(values) => values.iter().for_each(|v| strings_in(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| strings_in(v, out)),
        _ => {}
    }
}

/// The body's control characters and runaway nesting, found before any Markdown
/// or HTML parser sees it.
fn body_problems(path: &str, body: &str, body_line: usize) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some((offset, c)) = crate::validate::first_control(body) {
        problems.push(crate::validate::control_problem(
            path, body, body_line, offset, c,
        ));
    }
    problems.extend(crate::validate::nesting_problem(path, body, body_line));
    problems
}

/// Parses a home or section `_index.md`.
pub fn parse_intro(path: &str, text: &str) -> Result<Intro, Problem> {
    let parts = split(path, text)?;
    let raw: RawIntroFront = toml::from_str(parts.front)
        .map_err(|e| explain_missing(toml_problem(path, parts.front, parts.front_line, &e)))?;
    if let Some(problem) = body_problems(path, parts.body, parts.body_line)
        .into_iter()
        .next()
    {
        return Err(problem);
    }
    for (key, value) in [
        ("title", &raw.title),
        ("title_en", &raw.title_en),
        ("summary", &raw.summary),
    ] {
        if let Some((_, c)) = value.as_deref().and_then(crate::validate::first_control) {
            return Err(at_key(
                crate::validate::control_problem(path, "", 1, 0, c).field(key),
                key_line(parts.front, key).map(|l| l + parts.front_line),
            ));
        }
    }
    let _ = (raw.author, raw.approver, raw.extra);
    Ok(Intro {
        title: raw.title,
        title_en: raw.title_en,
        summary: raw.summary,
        body: parts.body.to_string(),
    })
}

fn at_key(problem: Problem, line: Option<usize>) -> Problem {
    match line {
        Some(line) => problem.line(line),
        None => problem,
    }
}

/// serde says "missing field `title`"; say what to add.
fn explain_missing(mut problem: Problem) -> Problem {
    if let Some(field) = problem
        .message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        let field = field.to_string();
        problem.message = crate::messages::MISSING_FIELD.say(&[("key", &field)]);
        problem.field = Some(field);
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Bangkok;

    fn item(text: &str) -> Result<Item, Vec<Problem>> {
        parse_item(
            "content/news/a.md",
            text,
            crate::content::ItemAt {
                section: "news",
                slug: "a",
                lang: Lang::Th,
                bundle: false,
                news: true,
            },
            TZ,
        )
    }

    #[test]
    fn classifies_paths() {
        use ContentPath::*;
        assert_eq!(
            ContentPath::classify("content/_index.md"),
            Home { lang: Lang::Th }
        );
        assert_eq!(
            ContentPath::classify("content/_index.en.md"),
            Home { lang: Lang::En }
        );
        assert!(matches!(
            ContentPath::classify("content/news/_index.md"),
            SectionIntro { .. }
        ));
        assert_eq!(
            ContentPath::classify("content/news/a.en.md"),
            Item {
                section: "news".into(),
                slug: "a".into(),
                lang: Lang::En,
                bundle: false
            }
        );
        assert_eq!(
            ContentPath::classify("content/news/b/index.md"),
            Item {
                section: "news".into(),
                slug: "b".into(),
                lang: Lang::Th,
                bundle: true
            }
        );
        assert_eq!(
            ContentPath::classify("content/news/b/files/form.pdf"),
            Attachment {
                section: "news".into(),
                slug: "b".into(),
                name: "files/form.pdf".into()
            }
        );
        assert!(matches!(
            ContentPath::classify("content/news/b/notes.md"),
            Stray { .. }
        ));
        assert!(matches!(
            ContentPath::classify("content/news/form.pdf"),
            Stray { .. }
        ));
        assert!(matches!(
            ContentPath::classify("content/readme.md"),
            Stray { .. }
        ));
    }

    #[test]
    fn parses_a_full_item() {
        let it = item("+++\ntitle = \"ข่าว\"\nauthor = \"wasana\"\napprover = \"inchai\"\npublish = 2026-11-21T08:30:00+07:00\nexpires = 2026-12-31\ntags = [\"a\"]\nkind = \"job\"\n[extra]\nx = 1\n+++\n\nbody\n").unwrap();
        assert_eq!(it.front.title, "ข่าว");
        assert_eq!(
            it.front.expires.unwrap().to_rfc3339(),
            "2026-12-31T00:00:00+07:00"
        );
        assert_eq!(it.front.kind, Some(Kind::Job));
        assert_eq!(it.body_line, 12);
        assert_eq!(it.url(), "/news/a/");
    }

    #[test]
    fn updated_is_optional_and_never_before_publish() {
        let it =
            item("+++\ntitle = \"t\"\npublish = 2026-11-01\nupdated = 2026-11-20T09:15:00\n+++\n")
                .unwrap();
        assert_eq!(
            it.front.updated.unwrap().to_rfc3339(),
            "2026-11-20T09:15:00+07:00"
        );
        let e = item("+++\ntitle = \"t\"\npublish = 2026-11-01\nupdated = 2026-10-31\n+++\n")
            .unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("updated"));
        assert_eq!(e[0].line, Some(4));
        assert!(e[0].message.contains("before publish"), "{}", e[0].message);
    }

    #[test]
    fn typo_key_is_refused_with_line_and_suggestion() {
        let e = item("+++\ntitle = \"t\"\npublish = 2026-01-01\nexpire = 2026-12-31\n+++\n")
            .unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, Some(4), "{:?}", e[0]);
        assert_eq!(e[0].field.as_deref(), Some("expire"));
        assert!(
            e[0].message.contains("did you mean `expires`"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn buddhist_year_is_refused_on_its_line() {
        let e = item("+++\ntitle = \"t\"\npublish = 2569-01-01\n+++\n").unwrap_err();
        assert_eq!(e[0].line, Some(3));
        assert!(e[0].message.contains("2026"));
    }

    #[test]
    fn missing_publish_and_title_are_explained() {
        let e = item("+++\ntitle = \"t\"\n+++\n").unwrap_err();
        assert_eq!(e[0].field.as_deref(), Some("publish"));
        let e = item("+++\npublish = 2026-01-01\n+++\n").unwrap_err();
        assert!(e[0].message.contains("missing `title`"), "{}", e[0].message);
    }

    #[test]
    fn unclosed_front_matter_is_explained() {
        let e = item("+++\ntitle = \"t\"\n").unwrap_err();
        assert!(e[0].message.contains("not closed"));
        let e = item("title = \"t\"\n").unwrap_err();
        assert!(e[0].message.contains("no front matter"));
    }

    #[test]
    fn expiry_before_publish_and_bad_slug() {
        let e = parse_item(
            "content/news/ข่าว.md",
            "+++\ntitle = \"t\"\npublish = 2026-02-01\nexpires = 2026-01-01\n+++\n",
            crate::content::ItemAt {
                section: "news",
                slug: "ข่าว",
                lang: Lang::Th,
                bundle: false,
                news: true,
            },
            TZ,
        )
        .unwrap_err();
        assert_eq!(e.len(), 2, "{e:?}");
    }
}
