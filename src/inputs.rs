//! What a site is made from, loaded once: the snapshot of its files, its settings
//! and its parsed content. This is the front half every command shares (`build`,
//! `check`, `status`, `compliance`, `report`, `new`, the preview); each then
//! decides at the time it asks about, with [`Inputs::decide`].

use std::path::Path;

use anyhow::bail;
use chrono::{DateTime, FixedOffset};

use crate::config::SITE_FILE;
use crate::decide::{Decisions, decide};
use crate::parse::{Parsed, parse};
use crate::settings::Settings;
use crate::source::{self, LoadOptions, Snapshot};

/// The loaded, read and parsed site, before anything is decided.
#[derive(Debug)]
pub struct Inputs {
    pub snapshot: Snapshot,
    pub settings: Settings,
    pub parsed: Parsed,
}

impl Inputs {
    /// Stages 1 and 2: load the sources, read the settings, parse the content.
    pub fn load(root: &Path, options: &LoadOptions) -> anyhow::Result<Inputs> {
        if !root.join(SITE_FILE).exists() && !root.join("content").exists() {
            bail!(crate::messages::NOT_A_SITE.say(&[("root", &root.display().to_string())]));
        }
        let snapshot = source::load(root, options)?;
        crate::timings::mark("load");
        let settings = Settings::read(&snapshot)?;
        let parsed = parse(&snapshot, &settings);
        Ok(Inputs {
            snapshot,
            settings,
            parsed,
        })
    }

    /// Stage 3: every item judged at `now`.
    pub fn decide(&self, now: DateTime<FixedOffset>) -> Decisions {
        decide(&self.parsed, &self.settings, now)
    }
}
