//! `site.toml`: the site's settings, read once from the loaded snapshot.

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dates::WrittenDate;
use crate::error::{Problem, toml_problem};

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
    /// IANA time zone that date-only `publish`/`expires` values are read in.
    #[serde(default = "default_timezone")]
    pub timezone: String,
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
    // --- The public site on a phone: quick links and mourning -----------------
    /// Tiles on the first screen of the home page (`[[quick_link]]`), in order.
    #[serde(default, rename = "quick_link")]
    pub quick_links: Vec<QuickLink>,
    /// National mourning: the whole site turns gray with a black ribbon.
    #[serde(default)]
    pub mourning: Option<Mourning>,
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
    /// Items may omit `expires` (laws in force, the office's history).
    #[serde(default)]
    pub permanent: bool,
    #[serde(default)]
    pub sort: SortOrder,
    /// Items must say where they come from (`source`): laws and knowledge, as the
    /// guideline asks. `khaosan check` warns about items without one.
    #[serde(default)]
    pub requires_source: bool,
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

/// Top-level URL folders that khaosan itself writes; no section may take them.
pub const RESERVED_PATHS: &[&str] = &[
    "en",
    "tags",
    "static",
    "records",
    "site-map",
    "search",
    "standards",
    "statistics",
];

impl SiteConfig {
    /// Parses and checks `site.toml`; every problem names the file and the fix.
    pub fn parse(text: &str) -> Result<SiteConfig, Problem> {
        let mut config: SiteConfig =
            toml::from_str(text).map_err(|e| toml_problem(SITE_FILE, text, 0, &e))?;
        config.tz()?;
        if !config.base_url.ends_with('/') {
            config.base_url.push('/');
        }
        if config.paginate_by == 0 {
            return Err(
                Problem::new(SITE_FILE, "paginate_by must be at least 1").field("paginate_by")
            );
        }
        config.mourning_period(config.tz()?)?;
        let mut seen = std::collections::BTreeSet::new();
        for section in &config.sections {
            if !is_slug(&section.id) {
                return Err(Problem::new(
                    SITE_FILE,
                    format!(
                        "section id `{}` must be lowercase ASCII letters, digits and hyphens",
                        section.id
                    ),
                )
                .field("section.id"));
            }
            if RESERVED_PATHS.contains(&section.id.as_str()) {
                return Err(Problem::new(
                    SITE_FILE,
                    format!(
                        "section id `{}` is reserved for pages khaosan generates; choose another",
                        section.id
                    ),
                )
                .field("section.id"));
            }
            if !seen.insert(section.id.clone()) {
                return Err(Problem::new(
                    SITE_FILE,
                    format!("section `{}` is listed twice", section.id),
                )
                .field("section.id"));
            }
        }
        Ok(config)
    }

    /// The site's time zone; `Asia/Bangkok` unless `site.toml` says otherwise.
    pub fn tz(&self) -> Result<Tz, Problem> {
        self.timezone.parse::<Tz>().map_err(|_| {
            Problem::new(
                SITE_FILE,
                format!(
                    "unknown time zone `{}`; write an IANA name such as \"Asia/Bangkok\"",
                    self.timezone
                ),
            )
            .field("timezone")
        })
    }

    /// The mourning period as instants in the site's zone, when one is set.
    pub fn mourning_period(&self, tz: Tz) -> Result<Option<Period>, Problem> {
        let Some(m) = &self.mourning else {
            return Ok(None);
        };
        let read = |field: &str, value: &toml::value::Datetime| {
            WrittenDate::from_toml(value)
                .map(|d| d.instant(tz))
                .map_err(|e| Problem::new(SITE_FILE, e).field(format!("mourning.{field}")))
        };
        let (start, end) = (read("start", &m.start)?, read("end", &m.end)?);
        if end <= start {
            return Err(Problem::new(
                SITE_FILE,
                "mourning end is not after start; end is the first day the site is in colour again",
            )
            .field("mourning.end"));
        }
        Ok(Some((start, end)))
    }

    /// Whether the site is in mourning at `now`.
    pub fn in_mourning(&self, tz: Tz, now: DateTime<FixedOffset>) -> bool {
        matches!(self.mourning_period(tz), Ok(Some((start, end))) if start <= now && now < end)
    }

    pub fn section(&self, id: &str) -> Option<&SectionConfig> {
        self.sections.iter().find(|s| s.id == id)
    }
}

/// True for lowercase ASCII slugs: `a-z`, `0-9` and inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
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
    fn mourning_is_a_period_with_an_exclusive_end() {
        let c = SiteConfig::parse(
            "title = \"x\"\nbase_url = \"https://a/\"\n[mourning]\nstart = 2026-10-13\nend = 2026-11-12",
        )
        .unwrap();
        let tz = chrono_tz::Asia::Bangkok;
        let at = |s: &str| crate::dates::parse_now(s).unwrap();
        assert!(!c.in_mourning(tz, at("2026-10-12T23:59:59+07:00")));
        assert!(c.in_mourning(tz, at("2026-10-13T00:00:00+07:00")));
        assert!(c.in_mourning(tz, at("2026-11-11T23:59:59+07:00")));
        assert!(!c.in_mourning(tz, at("2026-11-12T00:00:00+07:00")));
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
