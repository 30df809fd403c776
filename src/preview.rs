//! Previews: the site as staff and the director should read it before a change is
//! merged, for `khaosan serve` and the pull-request preview (`check --preview-out`).
//!
//! A preview is its own type, [`PreviewSite`]: rendered pages held in memory, never a
//! [`crate::site::Site`] and never a [`crate::write::Sink`] of the public folder, so
//! the public writer cannot be handed one. With `withheld` on, items the build would
//! withhold (not approved yet, scheduled, expired) are shown too, each page under a
//! banner saying why, and every page carries `noindex`.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use crate::content::Item;
use crate::decide::Reason;
use crate::decide::{Decisions, Verdict};
use crate::inputs::Inputs;
use crate::render::{render, templates::Theme};
use crate::site::Site;
use crate::source::Trust;
use crate::write::{BUILD_INFO, Memory};

/// A file in every folder a preview is written to; without it a folder is not ours.
pub const PREVIEW_MARKER: &str = ".khaosan-preview";

/// What a preview shows.
#[derive(Debug, Clone)]
pub struct PreviewOptions {
    /// The clock the site is judged at.
    pub now: DateTime<FixedOffset>,
    /// Base URL of the pages (the local server's address, or `/` for a folder).
    pub base_url: String,
    /// Show withheld items under a banner (`--preview`).
    pub withheld: bool,
}

/// One withheld item the preview shows, and why the public site would not.
#[derive(Debug, Clone)]
pub struct Shown {
    pub path: String,
    /// Site-relative URL of its page (`/news/a/`).
    pub url: String,
    /// Thai first, English beside: what the banner says.
    pub banner: String,
}

/// The rendered preview: path → bytes, in memory. Deliberately not a `Site`.
pub struct PreviewSite {
    files: BTreeMap<String, Vec<u8>>,
    /// The withheld items shown, with their banners.
    pub shown: Vec<Shown>,
    /// Problems a person must fix (invalid items, file problems), Thai first.
    pub problems: Vec<String>,
    pub live: usize,
}

impl PreviewSite {
    /// The file at a site-relative path (`news/a/index.html`).
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Writes the preview into `dir`, a folder of its own: never the public output
    /// (a folder holding `build-info.json`, or `<root>/public`).
    pub fn write_to(&self, dir: &Path, root: &Path) -> anyhow::Result<()> {
        refuse_public(dir, root)?;
        if dir.exists() {
            std::fs::remove_dir_all(dir).with_context(|| crate::messages::CANNOT_REMOVE.at(dir))?;
        }
        for (path, bytes) in &self.files {
            if path.split('/').any(|p| p.is_empty() || p == "..") {
                bail!(crate::messages::OUTPUT_PATH_OUTSIDE.say(&[
                    ("path", path),
                    ("folder", "ตัวอย่าง"),
                    ("folder_en", "preview")
                ]));
            }
            let full = dir.join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
            }
            std::fs::write(&full, bytes)
                .with_context(|| crate::messages::CANNOT_WRITE.at(&full))?;
        }
        std::fs::write(
            dir.join(PREVIEW_MARKER),
            "ตัวอย่างจาก khaosan: ห้ามเผยแพร่ (a khaosan preview: never publish this folder)\n",
        )
        .with_context(|| crate::messages::CANNOT_WRITE.at(dir))
    }
}

/// A preview folder may replace only an earlier preview or nothing.
fn refuse_public(dir: &Path, root: &Path) -> anyhow::Result<()> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let dir_abs = absolute(dir);
    if dir_abs == absolute(&root.join("public")) || dir.join(BUILD_INFO).exists() {
        bail!(crate::messages::PREVIEW_INTO_OUTPUT.say(&[("dir", &dir.display().to_string())]));
    }
    if dir.is_dir()
        && !dir.join(PREVIEW_MARKER).exists()
        && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
    {
        bail!(crate::messages::PREVIEW_NOT_EMPTY.say(&[("dir", &dir.display().to_string())]));
    }
    Ok(())
}

/// Loads the site as `check` does (working-tree edits judged as if the named
/// approver merged them) and renders the preview.
pub fn load_preview(root: &Path, options: &PreviewOptions) -> anyhow::Result<PreviewSite> {
    let base = default_base(root);
    let view = crate::commands::check::load_as_merged(root, base, options.now)?;
    let inputs = view.inputs;
    let judged_as_merged = inputs
        .snapshot
        .git
        .as_ref()
        .is_some_and(|git| git.proposal.is_some());
    let pending = if judged_as_merged || inputs.snapshot.trust == Trust::FrontMatterOverride {
        view.changed
    } else {
        Vec::new()
    };
    let mut site = preview(&inputs, view.decisions, options, &pending)?;
    site.problems.extend(view.notes);
    Ok(site)
}

/// The branch a change on another branch would be merged into: the local `main`,
/// else `origin/main`; `None` (HEAD itself) when neither exists.
fn default_base(root: &Path) -> Option<String> {
    let repo = git2::Repository::discover(root).ok()?;
    ["main", "origin/main"]
        .into_iter()
        .find(|rev| repo.revparse_single(rev).is_ok())
        .map(str::to_string)
}

/// Renders `inputs` into a preview. `pending` lists content files that differ from
/// the last commit: in git mode they are live here only as if merged. With
/// `withheld`, the items shown under a banner are made live in this preview's own
/// copy of the decisions, which only this in-memory preview renders.
pub fn preview(
    inputs: &Inputs,
    mut decisions: Decisions,
    options: &PreviewOptions,
    pending: &[String],
) -> anyhow::Result<PreviewSite> {
    let tz = inputs.settings.site.tz;
    let mut shown = Vec::new();
    let mut problems = Vec::new();
    let live = decisions.live_count();
    for decision in &mut decisions.decisions {
        let Some(item) = decision.item.as_ref() else {
            if let Some(reason) = decision.reason() {
                problems.push(format!("{}: {}", decision.path, reason.explain()));
            }
            continue;
        };
        let banner = match decision.reason() {
            None if pending.iter().any(|p| p == &decision.path) => Some(pending_banner(item)),
            None => None,
            Some(reason) => {
                if reason.is_problem() {
                    problems.push(format!("{}: {}", decision.path, reason.explain()));
                }
                banner_for(reason, item, tz)
            }
        };
        let Some(banner) = banner else { continue };
        if options.withheld || decision.is_live() {
            shown.push(Shown {
                path: decision.path.clone(),
                url: item.url(),
                banner,
            });
        }
        if options.withheld {
            decision.verdict = Verdict::Live;
        }
    }
    for problem in &decisions.problems {
        problems.push(problem.to_string());
    }
    let site = Site::assemble(inputs, &decisions, &options.base_url);
    let theme = Theme::load(&inputs.snapshot, &inputs.settings.site.theme)?;
    let memory = Memory::default();
    render(&site, &theme, &memory)?;
    let mut files = memory
        .0
        .into_inner()
        .map_err(|_| anyhow::anyhow!(crate::messages::RENDERER_PANICKED.say(&[])))?;
    let banners: BTreeMap<String, &str> = shown
        .iter()
        .map(|s| (crate::routes::output_path(&s.url), s.banner.as_str()))
        .collect();
    for (path, bytes) in files.iter_mut() {
        if !path.ends_with(".html") {
            continue;
        }
        let banner = banners.get(path).copied();
        if (options.withheld || banner.is_some())
            && let Ok(html) = std::str::from_utf8(bytes)
        {
            *bytes = mark_page(html, banner).into_bytes();
        }
    }
    Ok(PreviewSite {
        files,
        shown,
        problems,
        live,
    })
}

/// Why an item is withheld, as the banner says it; `None` for items that cannot be
/// shown at all (no page can be made of them).
fn banner_for(reason: &Reason, item: &Item, tz: Tz) -> Option<String> {
    use crate::dates::{DateForm, thai_date};
    Some(match reason {
        Reason::NoApprover => {
            "ยังไม่ได้รับอนุมัติ: ยังไม่ได้ระบุผู้อนุมัติ (not approved: no approver named)".into()
        }
        Reason::UnknownApprover { id } => format!(
            "ยังไม่ได้รับอนุมัติ: ไม่พบผู้อนุมัติ {id} ในทะเบียน (not approved: {id} is not in the register)"
        ),
        Reason::NotAnApprover { id } => {
            format!("ยังไม่ได้รับอนุมัติ: {id} ไม่มีสิทธิ์อนุมัติ (not approved: {id} may not approve)")
        }
        Reason::UnknownAuthor { id } => format!(
            "ยังไม่เผยแพร่: ไม่พบผู้เขียน {id} ในทะเบียน (withheld: author {id} is not in the registry)"
        ),
        Reason::NotApprovedInGit { .. } => pending_banner(item),
        Reason::NoExpiry { .. } => {
            "ยังไม่เผยแพร่: ต้องระบุวันสิ้นสุด expires (withheld: this section needs an expiry)".into()
        }
        Reason::NotYetPublished { publish } => format!(
            "จะเผยแพร่ {} (goes live {})",
            thai_date(*publish, tz, DateForm::DateTime, false),
            publish.with_timezone(&tz).format("%Y-%m-%d %H:%M")
        ),
        Reason::Expired { expires } => format!(
            "หมดระยะเวลาเผยแพร่แล้วเมื่อ {} (expired {})",
            thai_date(*expires, tz, DateForm::DateTime, false),
            expires.with_timezone(&tz).format("%Y-%m-%d %H:%M")
        ),
        Reason::Invalid { .. }
        | Reason::Refused { .. }
        | Reason::UnknownSection { .. }
        | Reason::DuplicateUrl { .. } => {
            return None;
        }
    })
}

fn pending_banner(item: &Item) -> String {
    match &item.front.approver {
        Some(id) => {
            format!("ยังไม่ได้รับอนุมัติ: รอผู้อนุมัติ {id} (not approved yet: waiting for {id} to merge)")
        }
        None => "ยังไม่ได้รับอนุมัติ: รอผู้อนุมัติ (not approved yet: waiting for the approver)".into(),
    }
}

const BANNER_STYLE: &str = "background:#fff3cd;color:#3d2c00;border-bottom:3px solid #b8860b;\
padding:.75rem 1rem;font-size:1.05rem;font-weight:bold;text-align:center";

/// `noindex` in the head, and the banner first in the body.
pub fn mark_page(html: &str, banner: Option<&str>) -> String {
    let mut out = html.to_string();
    if let Some(head_end) = out.find("</head>") {
        out.insert_str(head_end, "<meta name=\"robots\" content=\"noindex\">\n");
    }
    if let Some(text) = banner {
        let block = format!(
            "<div class=\"khaosan-preview-banner\" role=\"note\" style=\"{BANNER_STYLE}\">ตัวอย่าง (preview) · {}</div>",
            crate::render::templates::escape_markup(text)
        );
        insert_after_body(&mut out, &block);
    }
    out
}

/// Inserts `block` right after the opening `<body …>` tag (or at the start).
pub fn insert_after_body(html: &mut String, block: &str) {
    let at = html
        .find("<body")
        .and_then(|start| html[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    html.insert_str(at, block);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn banner_and_noindex_are_placed() {
        let page =
            "<html><head><title>t</title></head><body class=\"x\"><main>m</main></body></html>";
        let marked = mark_page(page, Some("จะเผยแพร่ <พรุ่งนี้>"));
        assert!(marked.contains("<meta name=\"robots\" content=\"noindex\">\n</head>"));
        let body = marked.find("<body class=\"x\">").expect("body kept");
        let banner = marked.find("khaosan-preview-banner").expect("banner");
        assert!(banner > body && banner < marked.find("<main>").expect("main"));
        assert!(marked.contains("&lt;พรุ่งนี้&gt;"), "{marked}");
        assert!(!mark_page(page, None).contains("khaosan-preview-banner"));
    }

    #[test]
    fn a_public_folder_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let public = dir.path().join("public");
        assert!(refuse_public(&public, dir.path()).is_err());
        let other = dir.path().join("out");
        std::fs::create_dir(&other).expect("mkdir");
        std::fs::write(other.join(BUILD_INFO), "{}").expect("write");
        assert!(refuse_public(&other, dir.path()).is_err());
        assert!(refuse_public(&dir.path().join("preview"), dir.path()).is_ok());
    }
}
