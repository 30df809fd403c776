//! The settings a site is built with, read once from the loaded snapshot: `site.toml`
//! (its time zone a checked [`chrono_tz::Tz`]), the people register, and
//! `checklist.toml`. Every later stage and command reads them from here.

use crate::checklist::Checklist;
use crate::config::{SITE_FILE, SectionConfig, SiteConfig};
use crate::error::Problem;
use crate::registry::{REGISTRY_FILE, Registry};
use crate::source::Snapshot;

/// The settings of one site, as approved.
#[derive(Debug)]
pub struct Settings {
    pub site: SiteConfig,
    pub registry: Registry,
    /// `checklist.toml` (the built-in one when the site has none), or why it does
    /// not parse. A broken checklist never stops a build, so a typo there cannot
    /// stop a takedown: the build leaves the evidence index out, and `compliance`,
    /// `report` and `check` say what to fix.
    pub checklist: Result<Checklist, Problem>,
}

impl Settings {
    /// Reads the settings from `snapshot`; a broken `site.toml` or register is an
    /// error naming the file, the field and the fix, since nothing can be judged
    /// without them.
    pub fn read(snapshot: &Snapshot) -> Result<Settings, Problem> {
        let site = match snapshot.text(SITE_FILE) {
            Some(text) => SiteConfig::parse(&text?)?,
            None => default_site(snapshot),
        };
        let registry = match snapshot.text(REGISTRY_FILE) {
            Some(text) => Registry::parse(&text?)?,
            None => Registry::default(),
        };
        Ok(Settings {
            site,
            registry,
            checklist: Checklist::from_snapshot(snapshot),
        })
    }

    /// The checklist, for the commands that cannot work without it.
    pub fn checklist(&self) -> Result<&Checklist, Problem> {
        self.checklist.as_ref().map_err(Clone::clone)
    }
}

/// The settings of a site without `site.toml`, in the office's defaults.
const DEFAULT_SITE: &str = "title = \"khaosan\"\nbase_url = \"http://localhost/\"\n";

/// Sections whose items need no expiry in a site without `site.toml`: the office's
/// own pages, laws in force, related websites and e-services.
const DEFAULT_PERMANENT: &[&str] = &["about", "laws", "links", "eservice"];

/// A site without `site.toml` (a generated corpus) gets the office defaults and a
/// section per folder of `content/` in the snapshot, so it still builds; the report
/// says so.
fn default_site(snapshot: &Snapshot) -> SiteConfig {
    let mut site = match SiteConfig::parse(DEFAULT_SITE) {
        Ok(site) => site,
        Err(problem) => unreachable!("the default site.toml is valid: {problem}"),
    };
    let reserved = crate::routes::reserved_folders();
    let mut folders: Vec<&str> = snapshot
        .under(crate::content::CONTENT)
        .filter_map(|(path, _)| path[crate::content::CONTENT.len()..].split_once('/'))
        .map(|(folder, _)| folder)
        .filter(|folder| crate::slug::is_slug(folder) && !reserved.iter().any(|r| r == folder))
        .collect();
    folders.sort_unstable();
    folders.dedup();
    site.sections = folders
        .into_iter()
        .map(|id| SectionConfig::named(id, DEFAULT_PERMANENT.contains(&id)))
        .collect();
    site
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_site_is_valid() {
        let site = SiteConfig::parse(DEFAULT_SITE).expect("valid");
        assert_eq!(site.tz, chrono_tz::Asia::Bangkok);
    }

    /// Without `site.toml`, the sections are the folders of the snapshot, not of
    /// the disk: a folder only the working tree has is not one.
    #[test]
    fn without_site_toml_sections_come_from_the_snapshot() {
        use crate::source::{Blob, SourceFile};
        let mut snapshot = Snapshot::default();
        for path in [
            "content/_index.md",
            "content/news/a.md",
            "content/about-us/b.md",
            "content/about/c/index.md",
            "content/tags/d.md",
            "content/Bad Name/e.md",
        ] {
            snapshot.files.insert(
                path.to_string(),
                SourceFile {
                    blob: Blob::Bytes(std::sync::Arc::from(&b"+++\n+++\n"[..])),
                    approval: None,
                },
            );
        }
        let settings = Settings::read(&snapshot).expect("defaults");
        let sections: Vec<(&str, bool)> = settings
            .site
            .sections
            .iter()
            .map(|s| (s.id.as_str(), s.permanent))
            .collect();
        assert_eq!(
            sections,
            [("about", true), ("about-us", false), ("news", false)]
        );
        assert!(settings.site.sections[2].is_news());
    }
}
