//! `khaosan compliance`: what the live items provide of `checklist.toml` at `now`,
//! requirement by requirement (provided, missing, stale, or a period missing).

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::compliance;
use crate::documents::Documents;
use crate::inputs::Inputs;
use crate::source::LoadOptions;

/// How the result is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An aligned table for a terminal.
    Table,
    Json,
    /// Markdown tables, for a pull request or a wiki.
    Markdown,
}

/// What `khaosan compliance` was asked.
#[derive(Debug, Clone)]
pub struct ComplianceOptions {
    pub root: PathBuf,
    /// The clock; `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    pub load: LoadOptions,
    pub format: Format,
}

/// Loads, decides at `now`, and writes the checklist's state in `format`.
pub fn compliance(options: &ComplianceOptions) -> anyhow::Result<String> {
    let now = options.now.unwrap_or_else(crate::dates::now);
    let inputs = Inputs::load(&options.root, &options.load)?;
    let decisions = inputs.decide(now);
    let checklist = inputs.settings.checklist()?;
    let config = &inputs.settings.site;
    let result = compliance::apply_site_features(
        compliance::evaluate(
            checklist,
            &compliance::live_instances(&decisions),
            now,
            config.tz,
        ),
        checklist,
        compliance::SiteFeatures::of(config),
    );
    // The tables are templates a theme may replace, read from the same snapshot.
    let documents = || {
        Documents::load(
            &inputs.snapshot,
            &config.theme,
            config.tz,
            compliance::TEMPLATES,
        )
    };
    Ok(match options.format {
        Format::Table => compliance::table(&result, checklist, &documents()?)?,
        Format::Markdown => compliance::markdown(&result, checklist, &documents()?)?,
        Format::Json => serde_json::to_string_pretty(&result)? + "\n",
    })
}
