//! `khaosan report`: the monitoring report of one round for the executives, from
//! the same stages as every other command.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::documents::Documents;
use crate::inputs::Inputs;
use crate::monitoring::{Round, monitor};
use crate::source::LoadOptions;

/// How the report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    /// Printable A4 with Buddhist Era dates.
    Html,
    Csv,
    Json,
}

/// What `khaosan report` was asked.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub root: PathBuf,
    /// The clock; `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    pub load: LoadOptions,
    /// The round's first and last day; `None`: the last completed round.
    pub days: Option<(NaiveDate, NaiveDate)>,
    pub format: Format,
}

/// Loads, decides at `now`, and writes the report of the round in `format`.
pub fn report(options: &ReportOptions) -> anyhow::Result<String> {
    let now = options.now.unwrap_or_else(crate::dates::now);
    let inputs = Inputs::load(&options.root, &options.load)?;
    let decisions = inputs.decide(now);
    let checklist = inputs.settings.checklist()?;
    let tz = inputs.settings.site.tz;
    let round = match options.days {
        Some((from, to)) => Round::between(from, to, tz)?,
        None => Round::latest_completed(&checklist.monitoring.cutoffs, now, tz)?,
    };
    let report = monitor(&inputs, &decisions, checklist, round, tz);
    // The report is a template a theme may replace, read from the same snapshot.
    let documents = || {
        Documents::load(
            &inputs.snapshot,
            &inputs.settings.site.theme,
            tz,
            crate::monitoring::TEMPLATES,
        )
    };
    Ok(match options.format {
        Format::Markdown => report.markdown(&documents()?)?,
        Format::Csv => report.csv()?,
        Format::Html => report.html(&documents()?)?,
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
    })
}
