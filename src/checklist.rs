//! `checklist.toml`: what the office's website must carry, as data.
//!
//! The requirements of the Government Website Standard, the Official Information
//! Act, ITA and MOIT change numbering every year, so none of them is written in
//! code: the office edits the file, items point at its ids with
//! `standard = [...]`, and [`crate::compliance`] and [`crate::monitoring`] read it.
//! A site without the file gets the copy shipped with khaosan.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::dates::{BE_OFFSET, start_of_day};
use crate::error::{Problem, toml_problem};
use crate::messages;
use crate::source::Snapshot;

pub const CHECKLIST_FILE: &str = "checklist.toml";

/// The checklist shipped with khaosan, for sites that have none of their own.
pub const BUILTIN: &str = include_str!("../checklist.toml");

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    #[serde(default)]
    pub monitoring: MonitoringSettings,
    #[serde(default, rename = "group")]
    pub groups: Vec<Group>,
    #[serde(default, rename = "item")]
    pub items: Vec<Requirement>,
}

/// Settings of `khaosan report`, from the guideline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonitoringSettings {
    /// The guideline allows two hours from proposal to publication.
    #[serde(default = "default_latency_limit")]
    pub latency_limit_hours: f64,
    /// Cut-off days of the twice-yearly report, `MM-DD`.
    #[serde(default = "default_cutoffs")]
    pub cutoffs: Vec<String>,
}

impl Default for MonitoringSettings {
    fn default() -> MonitoringSettings {
        MonitoringSettings {
            latency_limit_hours: default_latency_limit(),
            cutoffs: default_cutoffs(),
        }
    }
}

/// Section (๒) of the guideline: 30 min + 1 h + 30 min.
fn default_latency_limit() -> f64 {
    2.0
}

/// Section (๓) ๖ of the guideline: rounds cut off on 28 February and 31 July.
fn default_cutoffs() -> Vec<String> {
    vec!["02-28".into(), "07-31".into()]
}

/// Display names of a `group` key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name_th: String,
    #[serde(default)]
    pub name_en: String,
}

/// One required item.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub id: String,
    pub group: String,
    pub name_th: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub edition: Option<String>,
    pub recurrence: Recurrence,
    #[serde(default)]
    pub must_expire: bool,
    #[serde(default)]
    pub expiry_rule: Option<String>,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub maps_to: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub provided_by: ProvidedBy,
    #[serde(default)]
    pub covers: Option<Covers>,
    #[serde(default)]
    pub due_days: Option<u32>,
    /// The official code assessors use ("O22", "MOIT 4"), when the id does not give
    /// it or this year's numbering differs; see [`Requirement::code`].
    #[serde(default)]
    pub code: Option<String>,
    /// (`provided_by = "site"`) The khaosan feature that provides it: `search`
    /// is met only while the built site has its search page.
    #[serde(default)]
    pub feature: Option<String>,
}

/// How often a requirement needs a new instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recurrence {
    Static,
    AsNeeded,
    Monthly,
    Quarterly,
    Semiannual,
    Yearly,
    Continuous,
}

impl Recurrence {
    /// The fiscal period a periodic requirement is counted in; `None` when one
    /// current instance is enough.
    pub fn period_kind(self) -> Option<PeriodKind> {
        match self {
            Recurrence::Monthly => Some(PeriodKind::Month),
            Recurrence::Quarterly => Some(PeriodKind::Quarter),
            Recurrence::Semiannual => Some(PeriodKind::Half),
            Recurrence::Yearly => Some(PeriodKind::Year),
            Recurrence::Static | Recurrence::AsNeeded | Recurrence::Continuous => None,
        }
    }

    pub fn label_th(self) -> &'static str {
        match self {
            Recurrence::Static => "คงที่",
            Recurrence::AsNeeded => "เมื่อมีการเปลี่ยนแปลง",
            Recurrence::Monthly => "รายเดือน",
            Recurrence::Quarterly => "รายไตรมาส",
            Recurrence::Semiannual => "ราย 6 เดือน",
            Recurrence::Yearly => "รายปีงบประมาณ",
            Recurrence::Continuous => "ต่อเนื่อง",
        }
    }
}

/// Who provides a requirement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProvidedBy {
    /// An item of the site must provide it.
    #[default]
    Content,
    /// The website itself (a feature of khaosan or the hosting).
    Site,
    /// A duty of the web masters, shown by other evidence.
    Office,
}

/// Which period an instance of a periodic requirement is evidence for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Covers {
    /// The period it is published in (plans).
    Current,
    /// The period before (reports: October's summary is published in November).
    Previous,
}

/// Days after a period ends (or begins, for `current`) before a missing
/// instance counts as a gap.
pub const DEFAULT_DUE_DAYS: u32 = 30;

impl Requirement {
    pub fn covers(&self) -> Covers {
        self.covers.unwrap_or(match self.recurrence {
            Recurrence::Yearly => Covers::Current,
            _ => Covers::Previous,
        })
    }

    pub fn due_days(&self) -> u32 {
        self.due_days.unwrap_or(DEFAULT_DUE_DAYS)
    }

    /// The code an assessor looks for: `code` when given, else made from the id
    /// (`oit-o22` → `O22`, `moit-4` → `MOIT 4`, `oia9-3` → `ม.9 (3)` / `s.9 (3)`).
    /// Empty for this project's own numbering (`gws2-*`, `feat-*`, `ops-*`).
    pub fn code(&self, english: bool) -> String {
        if let Some(code) = &self.code {
            return code.clone();
        }
        let id = self.id.as_str();
        if let Some(n) = id.strip_prefix("oit-o") {
            return format!("O{n}");
        }
        if let Some(n) = id.strip_prefix("moit-") {
            return format!("MOIT {n}");
        }
        for section in ["7", "9"] {
            if let Some(n) = id.strip_prefix(&format!("oia{section}-")) {
                let word = if english { "s." } else { "ม." };
                return format!("{word}{section} ({n})");
            }
        }
        String::new()
    }

    /// The standard or law the requirement belongs to, for grouping on `/standards/`.
    pub fn family(&self) -> Family {
        Family::of_group(&self.group)
    }

    /// The last moment an instance published at `publish` must stay live to count
    /// for the assessment: the end of its period for a plan of a period shorter than
    /// a year, otherwise the end of the fiscal year it was published in (ITA and
    /// MOIT look at the whole fiscal year). `None` when nothing asks it to stay.
    pub fn needed_until(
        &self,
        publish: DateTime<FixedOffset>,
        tz: Tz,
    ) -> Option<DateTime<FixedOffset>> {
        if self.provided_by != ProvidedBy::Content || self.family() == Family::Website {
            return None;
        }
        let kind = match (self.recurrence.period_kind(), self.covers()) {
            (Some(kind), Covers::Current) => kind,
            _ => PeriodKind::Year,
        };
        Some(Period::containing(kind, publish, tz).end(tz))
    }
}

/// The standards and laws `/standards/` groups requirements by, assessors' first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// NACC's Integrity and Transparency Assessment, open data (OIT).
    Ita,
    /// The Ministry of Public Health's MOIT.
    Moit,
    /// Official Information Act B.E. 2540, sections 7 and 9.
    Oia,
    /// The government website standard and the ministry's guideline.
    Website,
}

impl Family {
    pub const ALL: [Family; 4] = [Family::Ita, Family::Moit, Family::Oia, Family::Website];

    fn of_group(group: &str) -> Family {
        if group.starts_with("ita-") {
            Family::Ita
        } else if group.contains("moit") {
            Family::Moit
        } else if group.starts_with("oia-") {
            Family::Oia
        } else {
            Family::Website
        }
    }

    pub fn name(self, english: bool) -> &'static str {
        match (self, english) {
            (Family::Ita, false) => "การประเมินคุณธรรมและความโปร่งใส (ITA) ตัวชี้วัดการเปิดเผยข้อมูล (OIT)",
            (Family::Ita, true) => "Integrity and Transparency Assessment (ITA): open data (OIT)",
            (Family::Moit, false) => "การประเมินคุณธรรมและความโปร่งใส กระทรวงสาธารณสุข (MOIT)",
            (Family::Moit, true) => "Ministry of Public Health assessment (MOIT)",
            (Family::Oia, false) => "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 7 และมาตรา 9",
            (Family::Oia, true) => "Official Information Act B.E. 2540, sections 7 and 9",
            (Family::Website, false) => "มาตรฐานเว็บไซต์หน่วยงานภาครัฐ และแนวทางของกระทรวง",
            (Family::Website, true) => "Government website standard and the ministry's guideline",
        }
    }
}

impl Checklist {
    /// Parses and checks the file: ids must be unique, cut-offs real days.
    pub fn parse(text: &str) -> Result<Checklist, Problem> {
        let checklist: Checklist =
            toml::from_str(text).map_err(|e| toml_problem(CHECKLIST_FILE, text, 0, &e))?;
        let mut seen = BTreeSet::new();
        for item in &checklist.items {
            if item.id.trim().is_empty() {
                return Err(
                    Problem::new(CHECKLIST_FILE, messages::CHECKLIST_EMPTY_ID.say(&[])).field("id"),
                );
            }
            if !seen.insert(item.id.as_str()) {
                return Err(Problem::new(
                    CHECKLIST_FILE,
                    messages::CHECKLIST_ID_TWICE.say(&[("id", &item.id)]),
                )
                .field("id"));
            }
        }
        if checklist.monitoring.cutoffs.is_empty() {
            return Err(
                Problem::new(CHECKLIST_FILE, messages::CUTOFFS_EMPTY.say(&[]))
                    .field("monitoring.cutoffs"),
            );
        }
        for cutoff in &checklist.monitoring.cutoffs {
            parse_month_day(cutoff).ok_or_else(|| {
                Problem::new(
                    CHECKLIST_FILE,
                    messages::CUTOFF_NOT_A_DAY.say(&[("cutoff", cutoff)]),
                )
                .field("monitoring.cutoffs")
            })?;
        }
        let limit = checklist.monitoring.latency_limit_hours;
        if limit.is_nan() || limit <= 0.0 {
            return Err(
                Problem::new(CHECKLIST_FILE, messages::LATENCY_LIMIT.say(&[]))
                    .field("monitoring.latency_limit_hours"),
            );
        }
        Ok(checklist)
    }

    /// The copy shipped with khaosan.
    pub fn builtin() -> Checklist {
        Checklist::parse(BUILTIN).unwrap_or_else(|_| Checklist {
            monitoring: MonitoringSettings::default(),
            groups: Vec::new(),
            items: Vec::new(),
        })
    }

    /// The site's `checklist.toml` from the loaded snapshot (its approved version
    /// with `verify_git`), or the built-in one when the site has none.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Checklist, Problem> {
        match snapshot.text(CHECKLIST_FILE) {
            Some(text) => Checklist::parse(&text?),
            None => Ok(Checklist::builtin()),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Requirement> {
        self.items.iter().find(|r| r.id == id)
    }

    /// Display names of a group, or the key itself.
    pub fn group_names(&self, id: &str) -> (String, String) {
        self.groups.iter().find(|g| g.id == id).map_or_else(
            || (id.to_string(), id.to_string()),
            |g| (g.name_th.clone(), g.name_en.clone()),
        )
    }

    /// Group keys in display order: those of `[[group]]`, then any others as met.
    pub fn group_order(&self) -> Vec<String> {
        let mut order: Vec<String> = self.groups.iter().map(|g| g.id.clone()).collect();
        for item in &self.items {
            if !order.contains(&item.group) {
                order.push(item.group.clone());
            }
        }
        order
    }
}

/// `"02-28"` → (2, 28), checked against a leap year so 02-29 is allowed.
pub fn parse_month_day(text: &str) -> Option<(u32, u32)> {
    let (m, d) = text.trim().split_once('-')?;
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// The length of a fiscal period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    Month,
    Quarter,
    Half,
    Year,
}

impl PeriodKind {
    fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Half => 6,
            PeriodKind::Year => 12,
        }
    }
}

/// One period of a Thai fiscal year (1 October – 30 September), counted from October.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Period {
    /// Fiscal year in the Buddhist Era (FY 2569 = 1 Oct 2568 – 30 Sep 2569).
    pub fiscal_year: i32,
    pub kind: PeriodKind,
    /// 1-based within the fiscal year: October is month 1, Oct–Dec is quarter 1.
    pub index: u32,
}

impl Period {
    /// The period of `kind` that `at` falls in, in the site's zone.
    pub fn containing(kind: PeriodKind, at: DateTime<FixedOffset>, tz: Tz) -> Period {
        let local = at.with_timezone(&tz);
        let fiscal_year = crate::dates::fiscal_year_be(at, tz);
        // Months since the fiscal year began: October = 0.
        let month_in_fy = (local.month() + 2) % 12;
        Period {
            fiscal_year,
            kind,
            index: month_in_fy / kind.months() + 1,
        }
    }

    fn periods_per_year(self) -> u32 {
        12 / self.kind.months()
    }

    pub fn next(self) -> Period {
        if self.index >= self.periods_per_year() {
            Period {
                fiscal_year: self.fiscal_year + 1,
                index: 1,
                ..self
            }
        } else {
            Period {
                index: self.index + 1,
                ..self
            }
        }
    }

    pub fn prev(self) -> Period {
        if self.index <= 1 {
            Period {
                fiscal_year: self.fiscal_year - 1,
                index: self.periods_per_year(),
                ..self
            }
        } else {
            Period {
                index: self.index - 1,
                ..self
            }
        }
    }

    /// (Common Era year, month 1–12) of the period's first month.
    fn first_month(self) -> (i32, u32) {
        let year_ce = self.fiscal_year - BE_OFFSET - 1;
        let month0 = 9 + (self.index - 1) * self.kind.months();
        (year_ce + (month0 / 12) as i32, month0 % 12 + 1)
    }

    /// Midnight of the first day, in the site's zone.
    pub fn start(self, tz: Tz) -> DateTime<FixedOffset> {
        let (year, month) = self.first_month();
        let date = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
        start_of_day(date, tz)
    }

    /// The start of the next period (exclusive end).
    pub fn end(self, tz: Tz) -> DateTime<FixedOffset> {
        self.next().start(tz)
    }

    /// `ตุลาคม 2568`, `ไตรมาส 1 ปีงบประมาณ 2569`, `ครึ่งปีแรก ปีงบประมาณ 2569`, `ปีงบประมาณ 2569`.
    pub fn label_th(self) -> String {
        match self.kind {
            PeriodKind::Month => crate::dates::thai_date(
                self.start(chrono_tz::UTC),
                chrono_tz::UTC,
                crate::dates::DateForm::Month,
                false,
            ),
            PeriodKind::Quarter => {
                format!("ไตรมาส {} ปีงบประมาณ {}", self.index, self.fiscal_year)
            }
            PeriodKind::Half => format!(
                "{} ปีงบประมาณ {}",
                if self.index == 1 {
                    "ครึ่งปีแรก (ต.ค.–มี.ค.)"
                } else {
                    "ครึ่งปีหลัง (เม.ย.–ก.ย.)"
                },
                self.fiscal_year
            ),
            PeriodKind::Year => format!("ปีงบประมาณ {}", self.fiscal_year),
        }
    }

    /// `October 2025`, `Q1 FY2569`, `first half of FY2569`, `FY2569`.
    pub fn label_en(self) -> String {
        match self.kind {
            PeriodKind::Month => crate::dates::english_date(
                self.start(chrono_tz::UTC),
                chrono_tz::UTC,
                crate::dates::DateForm::Month,
            ),
            PeriodKind::Quarter => format!("Q{} FY{}", self.index, self.fiscal_year),
            PeriodKind::Half => format!(
                "{} half of FY{}",
                if self.index == 1 { "first" } else { "second" },
                self.fiscal_year
            ),
            PeriodKind::Year => format!("FY{}", self.fiscal_year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_now;

    const TZ: Tz = chrono_tz::Asia::Bangkok;

    #[test]
    fn shipped_checklist_parses_with_unique_ids() {
        let checklist = Checklist::parse(BUILTIN).unwrap();
        assert!(checklist.items.len() > 100);
        assert!(checklist.get("moit-1").is_some());
        assert_eq!(checklist.monitoring.cutoffs, ["02-28", "07-31"]);
        assert_eq!(checklist.monitoring.latency_limit_hours, 2.0);
        let (th, en) = checklist.group_names("8-pr");
        assert_eq!(
            (th.as_str(), en.as_str()),
            ("ข่าวประชาสัมพันธ์", "Public relations")
        );
    }

    #[test]
    fn duplicate_ids_and_typos_are_refused() {
        let item =
            "[[item]]\nid = \"a\"\ngroup = \"g\"\nname_th = \"ก\"\nrecurrence = \"static\"\n";
        let e = Checklist::parse(&format!("{item}{item}")).unwrap_err();
        assert!(e.message.contains("listed twice"), "{e}");
        let e = Checklist::parse(&item.replace("recurrence", "recurence")).unwrap_err();
        assert!(e.message.contains("recurence"), "{e}");
        let e = Checklist::parse("[monitoring]\ncutoffs = [\"02-30\"]\n").unwrap_err();
        assert!(e.message.contains("02-30"), "{e}");
    }

    #[test]
    fn fiscal_periods_count_from_october() {
        let at = parse_now("2025-10-15T09:00:00+07:00").unwrap();
        let month = Period::containing(PeriodKind::Month, at, TZ);
        assert_eq!((month.fiscal_year, month.index), (2569, 1));
        assert_eq!(month.label_th(), "ตุลาคม 2568");
        assert_eq!(month.label_en(), "October 2025");
        assert_eq!(month.start(TZ).to_rfc3339(), "2025-10-01T00:00:00+07:00");
        assert_eq!(month.end(TZ).to_rfc3339(), "2025-11-01T00:00:00+07:00");
        let sept = month.prev();
        assert_eq!((sept.fiscal_year, sept.index), (2568, 12));
        assert_eq!(sept.label_th(), "กันยายน 2568");

        let at = parse_now("2026-04-01T00:00:00+07:00").unwrap();
        let half = Period::containing(PeriodKind::Half, at, TZ);
        assert_eq!((half.fiscal_year, half.index), (2569, 2));
        assert_eq!(half.end(TZ).to_rfc3339(), "2026-10-01T00:00:00+07:00");
        let quarter = Period::containing(PeriodKind::Quarter, at, TZ);
        assert_eq!(quarter.label_th(), "ไตรมาส 3 ปีงบประมาณ 2569");
        let year = Period::containing(PeriodKind::Year, at, TZ);
        assert_eq!(year.start(TZ).to_rfc3339(), "2025-10-01T00:00:00+07:00");
        assert_eq!(year.next().label_en(), "FY2570");
    }
}
