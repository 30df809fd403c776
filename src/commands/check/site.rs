//! Findings about the site as a whole: sources, placeholders, early expiry, templates.

use std::path::Path;

use super::Judged;
use super::links::front_matter_line;
use super::{Finding, Severity};
use crate::messages;
use crate::render::{render, templates::Theme};
use crate::site::Site;
use crate::write::Discard;

/// Items of a `requires_source` section (laws, knowledge) that do not say where they
/// come from; the guideline asks every such item to show its source.
pub(super) fn source_findings(
    loaded: &Judged,
    severity: Severity,
    scope: Option<&[String]>,
) -> Vec<Finding> {
    loaded
        .decisions
        .decisions
        .iter()
        .filter(|d| d.is_live_or_scheduled())
        .filter_map(|d| d.item.as_deref())
        .filter(|item| item.front.source.is_none())
        .filter(|item| {
            loaded
                .inputs
                .settings
                .site
                .section(&item.section)
                .is_some_and(|s| s.requires_source)
        })
        .filter(|item| scope.is_none_or(|s| s.contains(&item.path)))
        .map(|item| Finding {
            severity,
            file: Some(item.path.clone()),
            line: Some(1),
            field: Some("source".into()),
            message: messages::NO_SOURCE.detail(
                &format!("{} (content/{}/)", item.path, item.section),
                &[("section", &item.section)],
            ),
        })
        .collect()
}

/// Text that `khaosan init` left for the office to write (`[[ใส่ชื่อหน่วยงาน]]`), in
/// `site.toml`, the registry, `content/` and `.github/CODEOWNERS`: one finding per line.
pub(super) fn placeholder_findings(
    loaded: &Judged,
    root: &Path,
    severity: Severity,
) -> Vec<Finding> {
    use crate::commands::init::PLACEHOLDER_OPEN;
    let mut texts: Vec<(String, String)> = loaded
        .inputs
        .snapshot
        .files
        .keys()
        .filter(|path| {
            *path == crate::config::SITE_FILE
                || *path == crate::registry::REGISTRY_FILE
                || (path.starts_with("content/") && path.ends_with(".md"))
        })
        .filter_map(|path| {
            let text = loaded.inputs.snapshot.text(path)?.ok()?;
            Some((path.clone(), text))
        })
        .collect();
    let codeowners = ".github/CODEOWNERS";
    if let Ok(text) = std::fs::read_to_string(root.join(codeowners)) {
        texts.push((codeowners.to_string(), text));
    }
    let mut findings = Vec::new();
    for (path, text) in texts {
        for (i, line) in text.lines().enumerate() {
            let Some(start) = line.find(PLACEHOLDER_OPEN) else {
                continue;
            };
            let marker = line[start..]
                .find("]]")
                .map_or(&line[start..], |end| &line[start..start + end + 2]);
            findings.push(Finding {
                severity,
                file: Some(path.clone()),
                line: Some(i + 1),
                field: None,
                message: messages::PLACEHOLDER.detail(marker, &[("marker", marker)]),
            });
        }
    }
    findings
}

/// Items that provide an ITA, MOIT or Official Information Act requirement but
/// expire before its period ends, leaving it without evidence (see
/// [`crate::checklist::Requirement::needed_until`] and
/// [`crate::compliance::vanishing_evidence`]).
pub(super) fn early_expiry_findings(
    loaded: &Judged,
    severity: Severity,
    scope: Option<&[String]>,
) -> Vec<Finding> {
    let Ok(checklist) = &loaded.inputs.settings.checklist else {
        return Vec::new();
    };
    let tz = loaded.inputs.settings.site.tz;
    let items: Vec<&crate::content::Item> = loaded
        .decisions
        .decisions
        .iter()
        .filter(|d| d.is_live_or_scheduled())
        .filter_map(|d| d.item.as_deref())
        .collect();
    crate::compliance::vanishing_evidence(checklist, &items, tz)
        .into_iter()
        .filter(|early| scope.is_none_or(|s| s.contains(&early.path)))
        .map(|early| Finding {
            severity,
            line: loaded
                .inputs
                .snapshot
                .text(&early.path)
                .and_then(Result::ok)
                .and_then(|text| front_matter_line(&text, "expires")),
            file: Some(early.path.clone()),
            field: Some("expires".into()),
            message: early.describe(tz),
        })
        .collect()
}

/// Renders every page into nothing; a theme or template error becomes a finding.
pub(super) fn render_in_memory(loaded: &Judged, findings: &mut Vec<Finding>) -> Option<usize> {
    let site = Site::assemble(
        &loaded.inputs,
        &loaded.decisions,
        &loaded.inputs.settings.site.base_url,
    );
    let rendered = Theme::load(&loaded.inputs.snapshot, &loaded.inputs.settings.site.theme)
        .and_then(|theme| render(&site, &theme, &Discard));
    match rendered {
        Ok(rendered) => Some(rendered.pages),
        Err(err) => {
            findings.push(Finding::site_wide(
                messages::TEMPLATES_FAIL.detail(&messages::explain(&err), &[]),
            ));
            None
        }
    }
}
