//! The git-backed source: each gated file in its last approved version.
//!
//! Placeholder until verification lands: it refuses to build rather than publish
//! unverified content when `verify_git` is on.

use std::path::Path;

use super::{LoadOptions, Snapshot};

/// Whether history demands verification even if the working tree says otherwise.
pub fn verification_required(_root: &Path) -> anyhow::Result<bool> {
    Ok(false)
}

pub fn load(_root: &Path, _options: &LoadOptions) -> anyhow::Result<Snapshot> {
    anyhow::bail!(
        "verify_git = true in approvals/approvers.toml, but this khaosan cannot check git approvals yet; \
         use --trust-front-matter for a preview"
    )
}
