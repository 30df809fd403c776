//! khaosan (ข่าวสาร): publishes a Thai government office's website from a git
//! repository, showing only what the director approved, only while it is current.
//!
//! The build is a pipeline, one module per stage:
//!
//! 1. [`source`] **load**: the working tree, or approved blobs from git history;
//! 2. [`decide`] **decide**: which items are live at `now`, and why the rest are not;
//! 3. [`render`] **render**: Markdown and Tera templates, in parallel, from the
//!    live-only [`site::Site`];
//! 4. [`write`] **write**: a staging folder swapped in atomically.
//!
//! [`build`] runs the stages in order for `khaosan build`; [`commands`] holds
//! `check`, `status` and `new`, which reuse the load and decide stages;
//! [`compliance`] and [`monitoring`] read the [`checklist`] for `compliance` and `report`.

pub mod build;
pub mod checklist;
pub mod commands;
pub mod compliance;
pub mod config;
pub mod content;
pub mod dates;
pub mod decide;
pub mod documents;
pub mod error;
pub mod front_matter;
pub mod messages;
pub mod monitoring;
pub mod preview;
pub mod registry;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod source;
pub mod statistics;
pub mod validate;
pub mod write;

/// khaosan's version and the commit it was built from, as `khaosan --version` shows
/// them and `build-info.json` records them: `0.2.0 (1a2b3c4)`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("KHAOSAN_COMMIT_SHORT"),
    ")"
);

/// The full commit khaosan was built from, or `unknown` (built outside git).
pub const COMMIT: &str = env!("KHAOSAN_COMMIT");
