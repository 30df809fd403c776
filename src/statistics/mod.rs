//! Visit statistics and satisfaction (group 10 of the guideline), as counts kept in
//! the repository.
//!
//! Two commands write one data file, [`STATISTICS_FILE`]: `khaosan stats` counts page
//! views and visitors from the web server's access logs ([`logs`]), and `khaosan
//! survey` summarises the office's satisfaction survey export ([`survey`]). The file
//! holds counts only, never an IP address or an answer's text, so it can be committed,
//! reviewed and approved like any other gated file. The build reads it from the
//! snapshot and draws the charts of `/statistics/` ([`charts`]).

pub mod charts;
pub mod logs;
pub mod survey;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context as _;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::dates::BE_OFFSET;
use crate::error::Problem;
use crate::source::Snapshot;

/// Where the counts live, relative to the site's root (a gated path).
pub const STATISTICS_FILE: &str = "data/statistics.json";

/// How many pages each day keeps in its top list.
pub const PAGES_PER_DAY: usize = 10;

/// The whole data file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticsData {
    #[serde(default)]
    pub visits: Visits,
    /// Satisfaction surveys by fiscal year (B.E., e.g. `"2569"`).
    #[serde(default)]
    pub surveys: BTreeMap<String, SurveySummary>,
}

/// Counts from access logs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Visits {
    /// By day (`YYYY-MM-DD`, Common Era, in the site's time zone).
    #[serde(default)]
    pub days: BTreeMap<String, DayCount>,
    /// Distinct visitors by month (`YYYY-MM`): not the sum of the days, since a
    /// person who comes back on another day is one visitor of the month.
    #[serde(default)]
    pub months: BTreeMap<String, MonthCount>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayCount {
    pub views: u64,
    pub visitors: u64,
    /// The day's most viewed pages (site-relative paths) and their views.
    #[serde(default)]
    pub pages: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthCount {
    pub visitors: u64,
}

/// One fiscal year's satisfaction survey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySummary {
    /// The export it was made from (file name only).
    pub source: String,
    pub respondents: u64,
    /// First and last answer (`YYYY-MM-DD`), when the export has times.
    #[serde(default)]
    pub first: Option<String>,
    #[serde(default)]
    pub last: Option<String>,
    pub questions: Vec<QuestionSummary>,
}

/// One rating question (a 1–5 scale).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSummary {
    pub question: String,
    /// People who answered it.
    pub answers: u64,
    /// Mean rating, 1–5, to two decimals.
    pub mean: f64,
    /// How many answered 1, 2, 3, 4 and 5.
    pub counts: [u64; 5],
}

impl QuestionSummary {
    pub fn from_counts(question: String, counts: [u64; 5]) -> QuestionSummary {
        let answers: u64 = counts.iter().sum();
        let total: u64 = counts
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1) * n)
            .sum();
        let mean = if answers == 0 {
            0.0
        } else {
            (total as f64 / answers as f64 * 100.0).round() / 100.0
        };
        QuestionSummary {
            question,
            answers,
            mean,
            counts,
        }
    }
}

impl StatisticsData {
    pub fn parse(text: &str) -> Result<StatisticsData, Problem> {
        serde_json::from_str(text).map_err(|e| {
            Problem::new(
                STATISTICS_FILE,
                format!(
                    "ไฟล์สถิติอ่านไม่ได้ (cannot read the statistics file): {e}; make it again with `khaosan stats` and `khaosan survey`"
                ),
            )
            .line(e.line())
        })
    }

    /// The data file in the loaded snapshot (its approved version with
    /// `verify_git`); `None` when the site has none.
    pub fn from_snapshot(snapshot: &Snapshot) -> Option<Result<StatisticsData, Problem>> {
        snapshot
            .text(STATISTICS_FILE)
            .map(|text| text.and_then(|t| StatisticsData::parse(&t)))
    }

    /// The file in the working tree, for the commands that add to it.
    pub fn load(root: &Path) -> anyhow::Result<StatisticsData> {
        let path = root.join(STATISTICS_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(StatisticsData::parse(&text)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(StatisticsData::default()),
            Err(e) => Err(e).with_context(|| crate::messages::CANNOT_READ.at(&path)),
        }
    }

    /// Writes the file in the working tree (pretty, so a reviewer can read the diff).
    pub fn save(&self, root: &Path) -> anyhow::Result<()> {
        let path = root.join(STATISTICS_FILE);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| crate::messages::CANNOT_CREATE.at(dir))?;
        }
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        crate::write::replace_file(&path, text.as_bytes())
            .with_context(|| crate::messages::CANNOT_WRITE.at(&path))
    }

    /// Fiscal years (B.E.) that have any count, newest last.
    pub fn fiscal_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self
            .visits
            .days
            .keys()
            .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map(fiscal_year_of)
            .chain(self.surveys.keys().filter_map(|y| y.parse().ok()))
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// The months of fiscal year `fy` (October first) with their views, visitors and
    /// days counted; months without data are left out.
    pub fn months_of(&self, fy: i32) -> Vec<MonthRow> {
        let mut rows: BTreeMap<String, MonthRow> = BTreeMap::new();
        for (day, count) in &self.visits.days {
            let Ok(date) = NaiveDate::parse_from_str(day, "%Y-%m-%d") else {
                continue;
            };
            if fiscal_year_of(date) != fy {
                continue;
            }
            let key = format!("{:04}-{:02}", date.year(), date.month());
            let row = rows.entry(key.clone()).or_insert_with(|| MonthRow {
                month: key.clone(),
                year: date.year(),
                month_number: date.month(),
                views: 0,
                visitors: self.visits.months.get(&key).map_or(0, |m| m.visitors),
                days: 0,
            });
            row.views += count.views;
            row.days += 1;
        }
        rows.into_values().collect()
    }

    /// The most viewed pages of fiscal year `fy`, most first.
    pub fn top_pages(&self, fy: i32) -> Vec<(String, u64)> {
        let mut pages: BTreeMap<&str, u64> = BTreeMap::new();
        for (day, count) in &self.visits.days {
            let in_year = NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .is_ok_and(|date| fiscal_year_of(date) == fy);
            if in_year {
                for (page, views) in &count.pages {
                    *pages.entry(page.as_str()).or_insert(0) += views;
                }
            }
        }
        let mut pages: Vec<(String, u64)> =
            pages.into_iter().map(|(p, n)| (p.to_string(), n)).collect();
        pages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        pages
    }
}

/// One month of visits, for tables and charts.
#[derive(Debug, Clone, Serialize)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    pub year: i32,
    pub month_number: u32,
    pub views: u64,
    pub visitors: u64,
    /// Days with counts (a month of a partial log has fewer).
    pub days: u32,
}

/// The Thai fiscal year (B.E.) of a day: October starts the next one.
pub fn fiscal_year_of(date: NaiveDate) -> i32 {
    let ce = if date.month() >= 10 {
        date.year() + 1
    } else {
        date.year()
    };
    ce + BE_OFFSET
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_years_start_in_october() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(fiscal_year_of(d("2025-09-30")), 2568);
        assert_eq!(fiscal_year_of(d("2025-10-01")), 2569);
    }

    #[test]
    fn means_round_to_two_decimals() {
        let q = QuestionSummary::from_counts("q".into(), [0, 0, 1, 1, 1]);
        assert_eq!((q.answers, q.mean), (3, 4.0));
        let q = QuestionSummary::from_counts("q".into(), [1, 0, 0, 0, 2]);
        assert_eq!(q.mean, 3.67);
    }

    #[test]
    fn months_sum_days_and_keep_month_visitors() {
        let mut data = StatisticsData::default();
        for (day, views) in [("2025-10-01", 5), ("2025-10-02", 7), ("2025-11-01", 1)] {
            data.visits.days.insert(
                day.into(),
                DayCount {
                    views,
                    visitors: 1,
                    pages: BTreeMap::from([("/".to_string(), views)]),
                },
            );
        }
        data.visits
            .months
            .insert("2025-10".into(), MonthCount { visitors: 3 });
        let months = data.months_of(2569);
        assert_eq!(months.len(), 2);
        assert_eq!(
            (months[0].views, months[0].visitors, months[0].days),
            (12, 3, 2)
        );
        assert_eq!(data.top_pages(2569), vec![("/".to_string(), 13)]);
        assert_eq!(data.fiscal_years(), vec![2569]);
        let back = StatisticsData::parse(&serde_json::to_string(&data).unwrap()).unwrap();
        assert_eq!(back, data);
    }
}
