//! `khaosan check`: everything a pull request must get right, checked without
//! writing anything.
//!
//! It loads and decides the working tree exactly as `build` does. With `verify_git`,
//! the change is judged as if the approver it names merged it now: the same walk of
//! history and the same rule ([`crate::source::git::proposal`]), so what `check` says
//! will be live is what the build publishes after the merge. Without it, approval
//! rests on front matter, as in the build. It renders the whole site into
//! [`crate::write::Discard`] to prove the templates work, and then:
//!
//! - **errors**: every item withheld for something a person must fix
//!   ([`crate::decide::Reason::is_problem`]), every file problem, and any `site.toml`, registry,
//!   theme or template failure; links that can never work: to an attachment that is
//!   not beside the item, or from an introduction (`_index.md`) to a page that does not
//!   exist;
//! - **warnings**: internal links to items that are withheld, go live later, or expire
//!   before the page that links to them; and, with `--base`, problems in files the
//!   change does not touch (they are not this change's fault, so they do not block it);
//! - with `--base`, the list of what the change would publish, when, until when, and
//!   who must approve it.
//!
//! `--strict` turns every warning into an error.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use crate::content::ContentPath;
use crate::decide::Decisions;
use crate::error::Problem;
use crate::inputs::Inputs;
use crate::registry::Role;
use changes::{changed_files, describe_changes};

mod approvals;
mod changes;
mod links;
mod site;
mod summary;

pub use summary::{annotations, markdown_summary, text_report};

/// What `khaosan check` was asked to do.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub root: PathBuf,
    /// The clock; `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    /// A git revision the change is compared with (`origin/main`).
    pub base: Option<String>,
    /// Warnings count as errors.
    pub strict: bool,
}

impl CheckOptions {
    pub fn new(root: impl Into<PathBuf>) -> CheckOptions {
        CheckOptions {
            root: root.into(),
            now: None,
            base: None,
            strict: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One thing `check` found, with where to fix it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Path relative to the site root, when the finding is about one file.
    pub file: Option<String>,
    pub line: Option<usize>,
    pub field: Option<String>,
    pub message: String,
}

impl Finding {
    fn from_problem(problem: &Problem, severity: Severity, prefix: &str) -> Finding {
        Finding {
            severity,
            file: Some(problem.file.clone()),
            line: problem.line,
            field: problem.field.clone(),
            message: format!("{prefix}{}", problem.message),
        }
    }

    fn site_wide(message: String) -> Finding {
        Finding {
            severity: Severity::Error,
            file: None,
            line: None,
            field: None,
            message,
        }
    }

    /// `content/news/a.md:4`, or `content/news/a.md`, or `(site)`.
    pub fn location(&self) -> String {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            (Some(file), None) => file.clone(),
            (None, _) => "(site)".into(),
        }
    }

    /// The message with its field: "`expires`: expires is not after publish".
    pub fn text(&self) -> String {
        match &self.field {
            Some(field) => format!("`{field}`: {}", self.message),
            None => self.message.clone(),
        }
    }

    /// A GitHub workflow command that shows the finding on the file's line:
    /// `::error file=content/news/a.md,line=4,title=khaosan::message`.
    pub fn annotation(&self) -> String {
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = Vec::new();
        if let Some(file) = &self.file {
            properties.push(format!("file={}", escape_property(file)));
            if let Some(line) = self.line {
                properties.push(format!("line={line}"));
            }
        }
        properties.push("title=khaosan".to_string());
        format!(
            "::{command} {}::{}",
            properties.join(","),
            escape_data(&self.text())
        )
    }
}

/// Workflow-command message escaping (`%`, CR, LF), as GitHub's toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Property values additionally escape `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Modified,
    Deleted,
}

impl ChangeKind {
    fn label(self) -> &'static str {
        match self {
            ChangeKind::Added => "เพิ่ม (added)",
            ChangeKind::Modified => "แก้ไข (modified)",
            ChangeKind::Deleted => "ลบ (deleted)",
        }
    }
}

/// One file that differs between `--base` and the working tree.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub path: String,
    pub kind: ChangeKind,
    /// For an item that still exists: what it would publish.
    pub item: Option<ChangedItem>,
}

/// What a changed item would do once approved.
#[derive(Debug, Clone, Serialize)]
pub struct ChangedItem {
    pub title: Option<String>,
    pub url: Option<String>,
    pub publish: Option<DateTime<FixedOffset>>,
    pub expires: Option<DateTime<FixedOffset>>,
    /// Person id named as `approver`.
    pub approver: Option<String>,
    /// The approver's name and title, when the registry knows them as an approver.
    pub approver_name: Option<String>,
    /// Its state at `now` once merged, Thai then English.
    pub state: String,
    /// Whether it would be withheld for something to fix.
    pub problem: bool,
}

/// Everything `check` found.
#[derive(Debug, Serialize)]
pub struct CheckOutcome {
    pub now: DateTime<FixedOffset>,
    #[serde(skip)]
    pub tz: Tz,
    pub base: Option<String>,
    pub live: usize,
    pub withheld: usize,
    /// Pages rendered in memory; `None` when rendering could not run.
    pub pages: Option<usize>,
    pub next_change: Option<DateTime<FixedOffset>>,
    pub findings: Vec<Finding>,
    /// With `--base`: the changed files, gated ones first.
    pub changes: Option<Vec<Change>>,
    /// Registered approvers (id, name), for "who must approve".
    pub approvers: Vec<(String, String)>,
    /// In git mode: the approver the change was judged as merged by (id); `None`
    /// when approvals rest on front matter.
    pub merged_by: Option<String>,
}

impl CheckOutcome {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    pub fn passed(&self) -> bool {
        self.errors().next().is_none()
    }
}

/// The site as `check` judges it: what it is made from, and its decisions now.
struct Judged {
    inputs: Inputs,
    decisions: Decisions,
}

/// The site as `check --base BASE` judges it at `now`: in git mode the working tree
/// (with the commits of its branch) as if the approver its changed items name merged
/// it into `base`, by the build's own rule. The preview shows this, so what staff
/// see there is what `check` says.
pub fn load_as_merged(
    root: &std::path::Path,
    base: Option<String>,
    now: DateTime<FixedOffset>,
) -> anyhow::Result<MergedView> {
    let mut findings = Vec::new();
    let options = CheckOptions {
        base,
        ..CheckOptions::new(root)
    };
    let changed = changed_paths(root, options.base.as_deref().unwrap_or("HEAD"));
    let judged = approvals::load(&options, &changed, now, &mut findings)?;
    Ok(MergedView {
        inputs: judged.inputs,
        decisions: judged.decisions,
        notes: findings.into_iter().map(|f| f.message).collect(),
        changed,
    })
}

/// Paths that differ between `rev` and the working tree; none when git cannot say.
fn changed_paths(root: &std::path::Path, rev: &str) -> Vec<String> {
    changed_files(root, rev)
        .map(|files| files.into_iter().map(|(path, _)| path).collect())
        .unwrap_or_default()
}

/// What [`load_as_merged`] gives the preview.
pub struct MergedView {
    pub inputs: Inputs,
    pub decisions: Decisions,
    /// Why history could not judge the change, when it could not.
    pub notes: Vec<String>,
    /// Files that differ from the base: shown as if merged.
    pub changed: Vec<String>,
}

/// Runs the check. `Err` only when the check itself cannot run (not a site folder,
/// an unknown `--base` revision); problems in what people wrote are findings.
pub fn check(options: &CheckOptions) -> anyhow::Result<CheckOutcome> {
    let now = options.now.unwrap_or_else(crate::dates::now);
    let changed = match &options.base {
        Some(rev) => Some(changed_files(&options.root, rev)?),
        None => None,
    };
    let mut outcome = CheckOutcome {
        now,
        tz: chrono_tz::Asia::Bangkok,
        base: options.base.clone(),
        live: 0,
        withheld: 0,
        pages: None,
        next_change: None,
        findings: Vec::new(),
        changes: None,
        approvers: Vec::new(),
        merged_by: None,
    };
    // The files whose approver names who would merge: against --base, else HEAD.
    let proposed = match &changed {
        Some(files) => files.iter().map(|(path, _)| path.clone()).collect(),
        None => changed_paths(&options.root, "HEAD"),
    };
    let loaded = match approvals::load(options, &proposed, now, &mut outcome.findings) {
        Ok(loaded) => loaded,
        Err(err) => {
            let Some(problem) = err.downcast_ref::<Problem>() else {
                return Err(err);
            };
            // site.toml or the registry is broken: nothing else can be judged.
            outcome
                .findings
                .push(Finding::from_problem(problem, Severity::Error, ""));
            outcome.changes = changed.map(|files| {
                files
                    .into_iter()
                    .map(|(path, kind)| Change {
                        path,
                        kind,
                        item: None,
                    })
                    .collect()
            });
            return Ok(outcome);
        }
    };
    outcome.tz = loaded.inputs.settings.site.tz;
    outcome.live = loaded.decisions.live_count();
    outcome.withheld = loaded.decisions.decisions.len() - outcome.live;
    outcome.next_change = loaded.decisions.next_change;
    outcome.merged_by = approvals::merged_by(&loaded);
    outcome.approvers = loaded
        .inputs
        .settings
        .registry
        .people
        .iter()
        .filter(|p| p.has_role(Role::Approver))
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();

    let touched = |path: &str| {
        changed
            .as_ref()
            .is_none_or(|files| files.iter().any(|(p, _)| p == path))
    };
    let scope_of = |path: &str| Scope {
        severity: if options.strict || touched(path) {
            Severity::Error
        } else {
            Severity::Warning
        },
        suffix: match (&options.base, touched(path)) {
            (Some(rev), false) => {
                format!(" ({})", crate::messages::NOT_IN_CHANGE.say(&[("rev", rev)]))
            }
            _ => String::new(),
        },
    };
    outcome
        .findings
        .extend(approvals::decision_findings(&loaded, &scope_of));
    outcome
        .findings
        .extend(approvals::proposal_findings(&loaded, changed.as_deref()));

    outcome.pages = site::render_in_memory(&loaded, &mut outcome.findings);
    let link_severity = if options.strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    // With --base, only links this change can affect: from a changed page, or to one.
    let scope = changed.as_ref().map(|files| {
        let mut scope: Vec<String> = Vec::new();
        for (path, _) in files {
            scope.push(path.clone());
            if let ContentPath::Item {
                section,
                slug,
                lang,
                ..
            } = ContentPath::classify(path)
            {
                scope.push(crate::content::item_url(&section, &slug, lang));
            }
        }
        scope
    });
    outcome.findings.extend(links::link_findings(
        &loaded,
        now,
        outcome.tz,
        link_severity,
        scope.as_deref(),
    ));
    outcome.findings.extend(links::dead_file_findings(&loaded));
    outcome.findings.extend(site::source_findings(
        &loaded,
        link_severity,
        scope.as_deref(),
    ));
    outcome.findings.extend(site::placeholder_findings(
        &loaded,
        &options.root,
        link_severity,
    ));
    outcome.findings.extend(site::early_expiry_findings(
        &loaded,
        link_severity,
        scope.as_deref(),
    ));
    // The statistics file is written by `khaosan stats` and `khaosan survey`; a hand
    // edit that breaks it would leave /statistics/ without figures.
    if let Some(Err(problem)) =
        crate::statistics::StatisticsData::from_snapshot(&loaded.inputs.snapshot)
    {
        let scope = scope_of(&problem.file);
        outcome
            .findings
            .push(Finding::from_problem(&problem, scope.severity, ""));
    }
    outcome.changes = changed.map(|files| describe_changes(files, &loaded, outcome.tz));
    Ok(outcome)
}

/// How a finding about one file counts: an error in a file the change touches,
/// a warning (with a note saying so) in one it does not.
pub(crate) struct Scope {
    pub(crate) severity: Severity,
    /// Appended to the message: "(not changed since origin/main)", or nothing.
    pub(crate) suffix: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotation_escapes_as_github_expects() {
        let finding = Finding {
            severity: Severity::Error,
            file: Some("content/news/a,b.md".into()),
            line: Some(4),
            field: Some("expires".into()),
            message: "100% wrong\nsecond line".into(),
        };
        assert_eq!(
            finding.annotation(),
            "::error file=content/news/a%2Cb.md,line=4,title=khaosan::`expires`: 100%25 wrong%0Asecond line"
        );
        let site = Finding::site_wide("x".into());
        assert_eq!(site.annotation(), "::error title=khaosan::x");
    }
}
