//! `site.toml`: the site's settings, read once from the loaded snapshot.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dates::WrittenDate;
use crate::error::{Problem, toml_problem};
use crate::messages;

/// The settings of one site, as written in `site.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub description_en: String,
    /// Absolute URL the site is served from, ending in `/`.
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    /// IANA time zone that date-only `publish`/`expires` values are read in, as written.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    /// `timezone` as a zone, checked once by [`SiteConfig::parse`].
    #[serde(skip, default = "default_tz")]
    pub tz: Tz,
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Write dates and numbers with Thai digits (๐–๙) in templates that ask for it.
    #[serde(default)]
    pub thai_digits: bool,
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// How many of the newest items the Atom feeds carry.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default, rename = "section")]
    pub sections: Vec<SectionConfig>,
    /// The generated `/statistics/` page (group 10 of the guideline).
    #[serde(default)]
    pub statistics: Statistics,
    /// Free-form settings for themes.
    #[serde(default)]
    pub extra: toml::Table,
    /// `[limits]`: how large an item may be.
    #[serde(default)]
    pub limits: Limits,
    /// `[attachments]`: which file types a bundle may publish.
    #[serde(default)]
    pub attachments: Attachments,
    /// Settings refused while reading (an unsafe link, a control character, a limit
    /// out of range): cleared or replaced by the default, and reported as problems,
    /// so the rest of the site still builds.
    #[serde(skip)]
    pub refused: Vec<Problem>,
    /// The checked `[attachments] types`.
    #[serde(skip)]
    pub attachment_types: crate::validate::AttachmentTypes,
    /// `[search]`: the site's own search (on unless `enabled = false`).
    #[serde(default)]
    pub search: SearchConfig,
    // --- The public site on a phone: quick links and mourning -----------------
    /// Tiles on the first screen of the home page (`[[quick_link]]`), in order.
    #[serde(default, rename = "quick_link")]
    pub quick_links: Vec<QuickLink>,
    /// National mourning: the whole site turns gray with a black ribbon.
    #[serde(default)]
    pub mourning: Option<Mourning>,
}

/// `[limits]` in `site.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Largest item file in megabytes (default 2, at most 64).
    #[serde(default = "default_item_size_mb")]
    pub item_size_mb: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            item_size_mb: default_item_size_mb(),
        }
    }
}

fn default_item_size_mb() -> u64 {
    crate::validate::DEFAULT_ITEM_MB
}

/// `[attachments]` in `site.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachments {
    /// Allowed extensions; empty means the default list (PDF, Office, OpenDocument,
    /// images, archives, CSV). Types that run script in a browser are always refused.
    #[serde(default)]
    pub types: Vec<String>,
}

/// `[search]`: the site search page and its index, built from live items only.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    #[serde(default = "default_true")]
    pub enabled: bool,
}

impl Default for SearchConfig {
    fn default() -> SearchConfig {
        SearchConfig { enabled: true }
    }
}

fn default_true() -> bool {
    true
}

/// One tile of the home page's first screen: ร้องเรียน, e-Service, ITA, ติดต่อเรา…
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickLink {
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    /// A site path (`/services/complaint-form/`) or a web address.
    pub url: String,
    /// Name of a theme icon: complaint, eservice, ita, contact, job, procurement.
    #[serde(default)]
    pub icon: String,
}

/// A period from its first instant to the first instant after it (exclusive end).
pub type Period = (DateTime<FixedOffset>, DateTime<FixedOffset>);

/// `[mourning] start = 2026-10-13, end = 2026-11-12`: from `start` until `end`
/// (exclusive, like `expires`) in the site's time zone.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mourning {
    pub start: toml::value::Datetime,
    pub end: toml::value::Datetime,
}

/// A hotline or extra number shown with tap-to-call links (`[[contact.hotline]]`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    /// As people read it: `1669`, `0 5372 1234 ต่อ 102`.
    pub number: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub address_en: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub fax: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub map_url: String,
    // --- Reaching the office from a phone --------------------------------------
    /// Office hours, in Thai and English ("จันทร์–ศุกร์ 08.30–16.30 น.").
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub hours_en: String,
    #[serde(default, rename = "hotline")]
    pub hotlines: Vec<Hotline>,
    /// The office's LINE Official Account and Facebook page; each gets a QR code.
    #[serde(default)]
    pub line_url: String,
    #[serde(default)]
    pub facebook_url: String,
    /// A static map image the office provides, as a site path of a published file.
    #[serde(default)]
    pub map_image: String,
    /// The contact page, the general complaint page and, kept apart, the page for
    /// complaints about corruption; the first two go in the main menu.
    #[serde(default)]
    pub contact_url: String,
    #[serde(default)]
    pub complaint_url: String,
    #[serde(default)]
    pub corruption_url: String,
}

/// `[statistics]`: what the generated statistics and satisfaction page shows.
///
/// A static site loads no counter from another host, so the page links the
/// office's survey form and lists the published reports (statistics from server
/// logs, satisfaction results): live items whose `standard` names one of `standards`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// The office's satisfaction survey form.
    #[serde(default)]
    pub survey_url: String,
    /// A paragraph shown on the page, in Thai and in English.
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub note_en: String,
    /// Checklist ids whose items are listed as reports.
    #[serde(default = "default_statistics_standards")]
    pub standards: Vec<String>,
}

impl Default for Statistics {
    fn default() -> Statistics {
        Statistics {
            survey_url: String::new(),
            note: String::new(),
            note_en: String::new(),
            standards: default_statistics_standards(),
        }
    }
}

fn default_statistics_standards() -> Vec<String> {
    vec!["gws2-10.1".into(), "gws2-10.2".into()]
}

/// One content section (a folder under `content/`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionConfig {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    /// Default lifetime in days that `khaosan new` gives an item.
    #[serde(default)]
    pub lifetime_days: Option<u32>,
    /// A default lifetime by the calendar instead of days: `"fiscal-year"` keeps new
    /// items until the end of the fiscal year they are published in (30 September),
    /// so evidence for ITA stays through the assessment.
    #[serde(default)]
    pub lifetime: Option<Lifetime>,
    /// Items may omit `expires` (laws in force, the office's history).
    #[serde(default)]
    pub permanent: bool,
    #[serde(default)]
    pub sort: SortOrder,
    /// Items must say where they come from (`source`): laws and knowledge, as the
    /// guideline asks. `khaosan check` warns about items without one.
    #[serde(default)]
    pub requires_source: bool,
    /// A news section: its items may say which `kind` of news they are (alert, job,
    /// procurement…) and `khaosan new` starts their file names with the publish day.
    /// Unset, the section with the id `news` is one and no other is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news: Option<bool>,
}

/// The id of the section that is a news section unless `site.toml` says otherwise.
const NEWS_SECTION: &str = "news";

/// Sections whose items the guideline expects to say where they come from, even
/// where `requires_source` is not set: laws and knowledge.
const SOURCED_SECTIONS: &[&str] = &["laws", "knowledge"];

impl SectionConfig {
    /// A section of its own: its id is also its title, with the office's defaults.
    pub fn named(id: &str, permanent: bool) -> SectionConfig {
        SectionConfig {
            id: id.to_string(),
            title: id.to_string(),
            title_en: String::new(),
            lifetime_days: None,
            lifetime: None,
            permanent,
            sort: SortOrder::default(),
            requires_source: false,
            news: None,
        }
    }

    /// Whether items here are news (see [`SectionConfig::news`]).
    pub fn is_news(&self) -> bool {
        self.news.unwrap_or(self.id == NEWS_SECTION)
    }

    /// Whether a new item here should be offered a `source` line.
    pub fn cites_sources(&self) -> bool {
        self.requires_source || SOURCED_SECTIONS.contains(&self.id.as_str())
    }
}

/// `lifetime` of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lifetime {
    /// Until the fiscal year of the publish date ends (1 October, exclusive).
    FiscalYear,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Newest `publish` first.
    #[default]
    Date,
    Title,
    /// Ascending `weight`, then title.
    Weight,
}

fn default_language() -> String {
    "th".into()
}
fn default_timezone() -> String {
    "Asia/Bangkok".into()
}
fn default_tz() -> Tz {
    chrono_tz::Asia::Bangkok
}
fn default_theme() -> String {
    "default".into()
}
fn default_paginate_by() -> usize {
    10
}
fn default_feed_limit() -> usize {
    20
}

pub const SITE_FILE: &str = "site.toml";

impl SiteConfig {
    /// Parses and checks `site.toml`; every problem names the file and the fix.
    pub fn parse(text: &str) -> Result<SiteConfig, Problem> {
        let mut config: SiteConfig =
            toml::from_str(text).map_err(|e| toml_problem(SITE_FILE, text, 0, &e))?;
        zone(&config.timezone)?;
        config.refuse_unsafe_values(text)?;
        // Read after the unsafe values are cleared, which re-reads the whole table.
        config.tz = zone(&config.timezone)?;
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if config.paginate_by == 0 {
            return Err(
                Problem::new(SITE_FILE, messages::PAGINATE_BY.say(&[])).field("paginate_by")
            );
        }
        config.mourning_period()?;
        let mut seen = std::collections::BTreeSet::new();
        let reserved = crate::routes::reserved_folders();
        for section in &config.sections {
            if !crate::slug::is_slug(&section.id) {
                return Err(Problem::new(
                    SITE_FILE,
                    messages::SECTION_ID.say(&[("id", &section.id)]),
                )
                .field("section.id"));
            }
            if reserved.contains(&section.id) {
                return Err(Problem::new(
                    SITE_FILE,
                    messages::SECTION_RESERVED.say(&[("id", &section.id)]),
                )
                .field("section.id"));
            }
            if !seen.insert(section.id.clone()) {
                return Err(Problem::new(
                    SITE_FILE,
                    messages::SECTION_TWICE.say(&[("id", &section.id)]),
                )
                .field("section.id"));
            }
        }
        Ok(config)
    }

    /// The mourning period as instants in the site's zone, when one is set.
    pub fn mourning_period(&self) -> Result<Option<Period>, Problem> {
        let tz = self.tz;
        let Some(m) = &self.mourning else {
            return Ok(None);
        };
        let read = |field: &str, value: &toml::value::Datetime| {
            WrittenDate::from_toml(value)
                .map(|d| d.instant(tz))
                .map_err(|e| {
                    Problem::new(
                        SITE_FILE,
                        messages::MOURNING_DATE.detail(&e, &[("field", field)]),
                    )
                    .field(format!("mourning.{field}"))
                })
        };
        let (start, end) = (read("start", &m.start)?, read("end", &m.end)?);
        if end <= start {
            return Err(
                Problem::new(SITE_FILE, messages::MOURNING_END.say(&[])).field("mourning.end")
            );
        }
        Ok(Some((start, end)))
    }

    /// Whether the site is in mourning at `now`.
    pub fn in_mourning(&self, now: DateTime<FixedOffset>) -> bool {
        matches!(self.mourning_period(), Ok(Some((start, end))) if start <= now && now < end)
    }

    pub fn section(&self, id: &str) -> Option<&SectionConfig> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Whether items in the folder `content/<id>/` are news. A folder that is not a
    /// section is judged by its name, so its items are withheld for the unknown
    /// section rather than for a `kind` they may carry there.
    pub fn is_news_section(&self, id: &str) -> bool {
        self.section(id)
            .map_or(id == NEWS_SECTION, SectionConfig::is_news)
    }
}

/// The time zone `timezone` names; `Asia/Bangkok` unless `site.toml` says otherwise.
fn zone(timezone: &str) -> Result<Tz, Problem> {
    timezone.parse::<Tz>().map_err(|_| {
        Problem::new(
            SITE_FILE,
            messages::UNKNOWN_TIME_ZONE.say(&[("tz", timezone)]),
        )
        .field("timezone")
    })
}

/// Keys of `site.toml` whose values are links: checked for their scheme.
fn is_link_key(key: &str) -> bool {
    key == "url"
        || key.ends_with("_url")
        || matches!(
            key,
            "href" | "link" | "logo" | "src" | "icon" | "image" | "favicon"
        )
}

impl SiteConfig {
    /// Links with a scheme that could run script, and control characters, anywhere
    /// in `site.toml` (including `[extra]` and settings a theme adds): each is
    /// cleared and reported with its key and line, so the site still builds without
    /// it. `base_url` must be an http(s) address, or nothing can be built.
    fn refuse_unsafe_values(&mut self, text: &str) -> Result<(), Problem> {
        if !(self.base_url.starts_with("https://") || self.base_url.starts_with("http://")) {
            return Err(Problem::new(SITE_FILE, messages::BASE_URL.say(&[]))
                .field("base_url")
                .line(value_line(text, "base_url", &self.base_url).unwrap_or(1)));
        }
        let mut table: toml::Table =
            toml::from_str(text).map_err(|e| toml_problem(SITE_FILE, text, 0, &e))?;
        let mut refused = Vec::new();
        clean_table(&mut table, "", text, &mut refused);
        if !refused.is_empty() {
            let base_url = self.base_url.clone();
            *self = toml::Value::Table(table)
                .try_into()
                .map_err(|e: toml::de::Error| Problem::new(SITE_FILE, e.message().to_string()))?;
            self.base_url = base_url;
        }
        if self.limits.item_size_mb == 0 || self.limits.item_size_mb > crate::validate::MAX_ITEM_MB
        {
            refused.push(
                Problem::new(SITE_FILE, messages::ITEM_SIZE_MB.say(&[]))
                    .field("limits.item_size_mb")
                    .line(value_line(text, "item_size_mb", "").unwrap_or(1)),
            );
            self.limits.item_size_mb = crate::validate::DEFAULT_ITEM_MB;
        }
        if !self.attachments.types.is_empty() {
            match crate::validate::AttachmentTypes::new(&self.attachments.types) {
                Ok(types) => self.attachment_types = types,
                Err(why) => refused.push(
                    Problem::new(SITE_FILE, why)
                        .field("attachments.types")
                        .line(value_line(text, "types", "").unwrap_or(1)),
                ),
            }
        }
        self.refused = refused;
        Ok(())
    }
}

/// Clears unsafe values in `table` (recursively), recording a problem for each.
fn clean_table(table: &mut toml::Table, prefix: &str, text: &str, refused: &mut Vec<Problem>) {
    for (key, value) in table.iter_mut() {
        let name = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        clean_value(value, key, &name, text, refused);
    }
}

fn clean_value(
    value: &mut toml::Value,
    key: &str,
    name: &str,
    text: &str,
    refused: &mut Vec<Problem>,
) {
    match value {
        toml::Value::String(s) => {
            let line = value_line(text, key, s).unwrap_or(1);
            if let Some((_, c)) = crate::validate::first_control(s) {
                refused.push(
                    Problem::new(
                        SITE_FILE,
                        messages::SETTING_CONTROL.say(&[("code", &format!("U+{:04X}", c as u32))]),
                    )
                    .field(name)
                    .line(line),
                );
                *s = s
                    .chars()
                    .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
                    .collect();
            }
            // Checked after the controls are gone: `java\u0001script:` is `javascript:`.
            if key != "base_url"
                && (is_link_key(key) || looks_like_script_link(s))
                && let Some(why) = crate::validate::url_problem(s)
            {
                refused.push(
                    Problem::new(SITE_FILE, messages::SETTING_LEFT_EMPTY.detail(&why, &[]))
                        .field(name)
                        .line(line),
                );
                s.clear();
            }
        }
        toml::Value::Array(values) => {
            for v in values {
                clean_value(v, key, name, text, refused);
            }
        }
        toml::Value::Table(t) => clean_table(t, name, text, refused),
        _ => {}
    }
}

/// A string outside the link keys that still starts like a script link.
fn looks_like_script_link(s: &str) -> bool {
    let seen: String = s
        .trim_start()
        .chars()
        .filter(|c| !c.is_whitespace())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|p| seen.starts_with(p))
}

/// The line of `key = ...` whose value contains `value` (first such line).
fn value_line(text: &str, key: &str, value: &str) -> Option<usize> {
    let probe: String = value.chars().filter(|c| !c.is_control()).take(20).collect();
    let is_key = |line: &str| {
        line.split_once('=')
            .is_some_and(|(k, _)| k.trim().trim_matches('"') == key)
    };
    text.lines()
        .position(|line| is_key(line) && line.contains(probe.as_str()))
        .or_else(|| text.lines().position(is_key))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_thai_defaults() {
        let c = SiteConfig::parse("title = \"x\"\nbase_url = \"https://a.example\"").unwrap();
        assert_eq!(c.timezone, "Asia/Bangkok");
        assert_eq!(c.base_url, "https://a.example/");
        assert_eq!(c.language, "th");
    }

    #[test]
    fn unknown_key_is_refused_with_line() {
        let e = SiteConfig::parse("title = \"x\"\nbase_url = \"https://a/\"\ntimezon = \"UTC\"")
            .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("timezon"), "{}", e.message);
        assert!(
            e.message.contains("timezone"),
            "suggests the right key: {}",
            e.message
        );
    }

    #[test]
    fn bad_time_zone_is_refused() {
        let e =
            SiteConfig::parse("title = \"x\"\nbase_url = \"https://a/\"\ntimezone = \"Bangkok\"")
                .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("timezone"));
    }

    #[test]
    fn unsafe_links_are_cleared_with_key_and_line() {
        let linked = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[contact]\nmap_url = \"javascript:alert(1)\"\n[statistics]\nsurvey_url = \"https://forms.example/x\"\n[extra]\nlogo = \"data:image/svg+xml,<svg onload=alert(1)>\"\nnote = \" JavaScript:alert(2)\"\n",
        )
        .unwrap();
        assert_eq!(linked.contact.map_url, "");
        assert_eq!(linked.statistics.survey_url, "https://forms.example/x");
        assert_eq!(linked.refused.len(), 3, "{:?}", linked.refused);
        assert_eq!(linked.refused[0].field.as_deref(), Some("contact.map_url"));
        assert_eq!(linked.refused[0].line, Some(4));
        assert_eq!(linked.refused[1].line, Some(8));
        assert!(linked.refused[0].message.contains("javascript"));
        let e = SiteConfig::parse("title = \"x\"\nbase_url = \"javascript:x\"").unwrap_err();
        assert_eq!(e.field.as_deref(), Some("base_url"));
    }

    #[test]
    fn control_characters_and_limits() {
        let c = SiteConfig::parse(
            "title = \"a\\u000bb\"\nbase_url = \"https://a/\"\n[limits]\nitem_size_mb = 100\n[attachments]\ntypes = [\"pdf\", \"svg\"]\n",
        )
        .unwrap();
        assert_eq!(c.title, "ab");
        let linked = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[contact]\nmap_url = \"java\\u0001script:alert(1)\"\n",
        )
        .unwrap();
        assert_eq!(linked.contact.map_url, "");
        assert_eq!(linked.refused.len(), 2, "{:?}", linked.refused);
        assert_eq!(c.limits.item_size_mb, 2);
        assert_eq!(c.refused.len(), 3, "{:?}", c.refused);
        assert_eq!(c.refused[0].line, Some(1));
    }

    #[test]
    fn mourning_is_a_period_with_an_exclusive_end() {
        let c = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[mourning]\nstart = 2026-10-13\nend = 2026-11-12",
        )
        .unwrap();
        let at = |s: &str| crate::dates::parse_now(s).unwrap();
        assert!(!c.in_mourning(at("2026-10-12T23:59:59+07:00")));
        assert!(c.in_mourning(at("2026-10-13T00:00:00+07:00")));
        assert!(c.in_mourning(at("2026-11-11T23:59:59+07:00")));
        assert!(!c.in_mourning(at("2026-11-12T00:00:00+07:00")));
        let e = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[mourning]\nstart = 2026-10-13\nend = 2026-10-13",
        )
        .unwrap_err();
        assert_eq!(e.field.as_deref(), Some("mourning.end"));
    }

    #[test]
    fn reserved_section_is_refused() {
        let e = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[[section]]\nid = \"tags\"\ntitle = \"t\"",
        )
        .unwrap_err();
        assert!(e.message.contains("reserved"));
    }
}
