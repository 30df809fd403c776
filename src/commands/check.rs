//! `khaosan check`: everything a pull request must get right, checked without
//! writing anything.
//!
//! It loads and decides the working tree exactly as `build` does (approval taken from
//! front matter: the pull request is not merged yet, so git cannot have approved it),
//! renders the whole site into [`Discard`] to prove the templates work, and then:
//!
//! - **errors**: every item withheld for something a person must fix
//!   ([`Reason::is_problem`]), every file problem, and any `site.toml`, registry,
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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use super::local_time;
use crate::content::{ContentPath, Item};
use crate::decide::Decisions;
use crate::decide::{Decision, Reason};
use crate::error::{Problem, line_of};
use crate::inputs::Inputs;
use crate::registry::Role;
use crate::render::{markdown, render, templates::Theme};
use crate::site::{Site, Urls};
use crate::source::{LoadOptions, is_gated};
use crate::write::Discard;

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
    };
    // The proposal is judged on what it says; the director's merge is what approves it.
    let load = LoadOptions {
        trust_front_matter: true,
        ..LoadOptions::default()
    };
    let loaded = match Inputs::load(&options.root, &load) {
        Ok(inputs) => Judged {
            decisions: inputs.decide(now),
            inputs,
        },
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
    let not_in_change = options
        .base
        .as_deref()
        .map(|rev| format!(" (ไฟล์นี้ไม่ได้เปลี่ยนเมื่อเทียบกับ {rev} / not changed since {rev})"))
        .unwrap_or_default();
    let severity_of = |path: &str| {
        if options.strict || touched(path) {
            Severity::Error
        } else {
            Severity::Warning
        }
    };
    let suffix = |path: &str| {
        if touched(path) {
            String::new()
        } else {
            not_in_change.clone()
        }
    };

    for decision in &loaded.decisions.decisions {
        let Some(reason) = decision.reason().filter(|r| r.is_problem()) else {
            continue;
        };
        let severity = severity_of(&decision.path);
        let prefix = format!("{}: ", reason.label());
        match reason {
            Reason::Invalid { problems } | Reason::Refused { problems } => {
                for problem in problems {
                    let mut finding = Finding::from_problem(problem, severity, &prefix);
                    finding.message.push_str(&suffix(&problem.file));
                    outcome.findings.push(finding);
                }
            }
            other => {
                let text = loaded
                    .inputs
                    .snapshot
                    .text(&decision.path)
                    .and_then(Result::ok)
                    .unwrap_or_default();
                let field = match other {
                    Reason::NoApprover
                    | Reason::UnknownApprover { .. }
                    | Reason::NotAnApprover { .. } => Some("approver"),
                    Reason::NoExpiry { .. } => Some("expires"),
                    _ => None,
                };
                let line = match field {
                    Some(key) => front_matter_line(&text, key).or(Some(1)),
                    None => None,
                };
                outcome.findings.push(Finding {
                    severity,
                    file: Some(decision.path.clone()),
                    line,
                    field: field.map(str::to_string),
                    message: format!("{prefix}{}{}", other.explain(), suffix(&decision.path)),
                });
            }
        }
    }
    // A broken checklist does not stop a build, so the check is where it is caught.
    let checklist_problem = loaded.inputs.settings.checklist.as_ref().err();
    for problem in loaded.decisions.problems.iter().chain(checklist_problem) {
        let mut finding = Finding::from_problem(
            problem,
            severity_of(&problem.file),
            "ไฟล์มีปัญหา (file problem): ",
        );
        finding.message.push_str(&suffix(&problem.file));
        outcome.findings.push(finding);
    }

    outcome.pages = render_in_memory(&loaded, &mut outcome.findings);
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
    outcome.findings.extend(link_findings(
        &loaded,
        now,
        outcome.tz,
        link_severity,
        scope.as_deref(),
    ));
    outcome.findings.extend(dead_file_findings(&loaded));
    outcome
        .findings
        .extend(source_findings(&loaded, link_severity, scope.as_deref()));
    outcome
        .findings
        .extend(placeholder_findings(&loaded, &options.root, link_severity));
    outcome.findings.extend(early_expiry_findings(
        &loaded,
        link_severity,
        scope.as_deref(),
    ));
    // The statistics file is written by `khaosan stats` and `khaosan survey`; a hand
    // edit that breaks it would leave /statistics/ without figures.
    if let Some(Err(problem)) =
        crate::statistics::StatisticsData::from_snapshot(&loaded.inputs.snapshot)
    {
        outcome.findings.push(Finding::from_problem(
            &problem,
            severity_of(&problem.file),
            "",
        ));
    }
    outcome.changes = changed.map(|files| describe_changes(files, &loaded, outcome.tz));
    Ok(outcome)
}

/// Items of a `requires_source` section (laws, knowledge) that do not say where they
/// come from; the guideline asks every such item to show its source.
fn source_findings(loaded: &Judged, severity: Severity, scope: Option<&[String]>) -> Vec<Finding> {
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
            message: format!(
                "ไม่ได้ระบุแหล่งที่มา (no source): items in {} must show where they come from; \
                 add `source = \"https://...\"`",
                item.section
            ),
        })
        .collect()
}

/// Text that `khaosan init` left for the office to write (`[[ใส่ชื่อหน่วยงาน]]`), in
/// `site.toml`, the registry, `content/` and `.github/CODEOWNERS`: one finding per line.
fn placeholder_findings(loaded: &Judged, root: &Path, severity: Severity) -> Vec<Finding> {
    use super::init::PLACEHOLDER_OPEN;
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
                message: format!(
                    "ข้อความที่ต้องแทนที่ (placeholder left by khaosan init): {marker}; \
                     write the office's own text here"
                ),
            });
        }
    }
    findings
}

/// Items that provide an ITA, MOIT or Official Information Act requirement but
/// expire before its period ends, leaving it without evidence (see
/// [`crate::checklist::Requirement::needed_until`] and
/// [`crate::compliance::vanishing_evidence`]).
fn early_expiry_findings(
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
fn render_in_memory(loaded: &Judged, findings: &mut Vec<Finding>) -> Option<usize> {
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
            findings.push(Finding::site_wide(format!(
                "แม่แบบแสดงผลไม่ได้ (the templates do not render): {err:#}"
            )));
            None
        }
    }
}

/// 1-based line of `key = …` inside the `+++` block of an item file.
fn front_matter_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim_end() != "+++")
        .find(|(_, line)| line.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|(i, _)| i + 1)
}

/// Internal links that will break, or point at something the linking page outlives.
///
/// Every item that is live, or scheduled, is checked for the whole time it will be on
/// the site: from its publish time (or now) until its expiry. A linked item must be
/// live for all of it. With a `scope` (the changed paths and their URLs), only links
/// from or to something in it are reported.
fn link_findings(
    loaded: &Judged,
    now: DateTime<FixedOffset>,
    tz: Tz,
    severity: Severity,
    scope: Option<&[String]>,
) -> Vec<Finding> {
    let in_scope = |path: &str| scope.is_none_or(|s| s.iter().any(|p| p == path));
    let decisions = &loaded.decisions.decisions;
    let by_url: BTreeMap<&str, &Decision> = decisions
        .iter()
        .filter_map(|d| d.url.as_deref().map(|url| (url, d)))
        .collect();
    let urls = Urls::new(&loaded.inputs.settings.site.base_url);
    let mut findings = Vec::new();
    for decision in decisions {
        let scheduled = matches!(decision.reason(), Some(Reason::NotYetPublished { .. }));
        let Some(item) = decision
            .item
            .as_deref()
            .filter(|_| decision.is_live() || scheduled)
        else {
            continue;
        };
        let from = item.front.publish.max(now);
        for link in markdown::links_of(&item.body) {
            let Some(path) = internal_path(&link, &item.url(), &urls) else {
                continue;
            };
            let target = by_url
                .range(..=path.as_str())
                .next_back()
                .filter(|(url, _)| path.starts_with(*url))
                .map(|(_, d)| *d);
            let concerned = in_scope(&item.path)
                || target.map_or(in_scope(&path), |t| {
                    in_scope(&t.path) || t.url.as_deref().is_some_and(in_scope)
                });
            if !concerned {
                continue;
            }
            let problem = match target {
                None => looks_like_item(&path, loaded).then(|| {
                    format!("ลิงก์ไปยังหน้าที่ไม่มี (link to a page that does not exist): {link} matches no item; check the address")
                }),
                Some(target) => target_problem(item, target, from, tz),
            };
            if let Some(message) = problem {
                findings.push(Finding {
                    severity,
                    file: Some(item.path.clone()),
                    line: link_line(item, &link),
                    field: None,
                    message,
                });
            }
        }
    }
    findings
}

/// Why a link from `item` (on the site from `from`) to `target` will not hold.
fn target_problem(
    item: &Item,
    target: &Decision,
    from: DateTime<FixedOffset>,
    tz: Tz,
) -> Option<String> {
    let what = format!("{} ({})", target.url.as_deref().unwrap_or(""), target.path);
    if let Some(Reason::NotYetPublished { publish }) = target.reason()
        && *publish > from
    {
        return Some(format!(
            "ลิงก์ไปยังหน้าที่ยังไม่เผยแพร่ (link to a page not yet live): {what} goes live at {}, after this page",
            local_time(*publish, tz)
        ));
    }
    match target.reason() {
        None | Some(Reason::NotYetPublished { .. }) => {}
        Some(reason) => {
            return Some(format!(
                "ลิงก์ไปยังหน้าที่ถูกระงับ (link to a withheld page): {what} is withheld: {}",
                reason.label()
            ));
        }
    }
    let target_expires = target.item.as_deref()?.front.expires?;
    match item.front.expires {
        Some(own) if own <= target_expires => None,
        own => Some(format!(
            "ลิงก์ไปยังหน้าที่หมดอายุก่อน (link to a page that expires first): {what} expires at {}, this page {}",
            local_time(target_expires, tz),
            own.map_or("has no expiry".to_string(), |t| format!(
                "at {}",
                local_time(t, tz)
            ))
        )),
    }
}

/// `/section/slug/` (or `/en/section/slug/`) of a section that exists.
fn looks_like_item(path: &str, loaded: &Judged) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let parts = match parts.as_slice() {
        ["en", rest @ ..] => rest,
        all => all,
    };
    matches!(parts, [section, _] if loaded.inputs.settings.site.section(section).is_some())
}

/// The site path a link points at, when it points into the site: `/news/a/`.
fn internal_path(link: &str, page_url: &str, urls: &Urls) -> Option<String> {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return None;
    }
    let path = if let Some(rest) = link.strip_prefix(&urls.base_url) {
        format!("/{rest}")
    } else if link.starts_with("//")
        || link
            .find(':')
            .is_some_and(|colon| !link[..colon].contains('/'))
    {
        return None;
    } else if let Some(rest) = link.strip_prefix(&urls.base_path) {
        format!("/{rest}")
    } else if link.starts_with('/') {
        link.to_string()
    } else {
        format!("{page_url}{link}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if !parts.last().is_some_and(|last| last.contains('.')) && out != "/" {
        out.push('/');
    }
    Some(out)
}

/// Line of the file where `link` is written.
fn link_line(item: &Item, link: &str) -> Option<usize> {
    let offset = item
        .body
        .find(&format!("]({link}"))
        .or_else(|| item.body.find(link))?;
    Some(item.body_line + line_of(&item.body, offset) - 1)
}

// ---- Dead links that are always errors: attachments, and pages from introductions ----

/// Links that cannot work on any day, so they fail the check: a file beside an item
/// that is not there (`prakaat.pdf` when the file is `prakat.pdf`), and links from the
/// home page's and sections' introductions to pages that do not exist.
fn dead_file_findings(loaded: &Judged) -> Vec<Finding> {
    let urls = Urls::new(&loaded.inputs.settings.site.base_url);
    let item_urls: std::collections::BTreeSet<&str> = loaded
        .decisions
        .decisions
        .iter()
        .filter_map(|d| d.url.as_deref())
        .collect();
    let mut findings = Vec::new();
    for item in loaded
        .decisions
        .decisions
        .iter()
        .filter_map(|d| d.item.as_deref())
    {
        for link in markdown::links_of(&item.body) {
            let Some(path) = internal_path(&link, &item.url(), &urls) else {
                continue;
            };
            if let Some(message) = missing_attachment(&path, &link, loaded) {
                findings.push(Finding {
                    severity: Severity::Error,
                    file: Some(item.path.clone()),
                    line: link_line(item, &link),
                    field: None,
                    message,
                });
            }
        }
    }
    for ((section, lang), intro) in &loaded.inputs.parsed.intros {
        let suffix = if *lang == crate::content::Lang::En {
            ".en"
        } else {
            ""
        };
        let (file, page) = if section.is_empty() {
            (
                format!("content/_index{suffix}.md"),
                lang.prefix().to_string(),
            )
        } else {
            (
                format!("content/{section}/_index{suffix}.md"),
                format!("{}{section}/", lang.prefix()),
            )
        };
        let text = loaded
            .inputs
            .snapshot
            .text(&file)
            .and_then(Result::ok)
            .unwrap_or_default();
        for link in markdown::links_of(&intro.body) {
            let Some(path) = internal_path(&link, &page, &urls) else {
                continue;
            };
            let message = missing_attachment(&path, &link, loaded).or_else(|| {
                (looks_like_item(&path, loaded) && !item_urls.contains(path.as_str())).then(|| {
                    format!(
                        "ลิงก์ไปยังหน้าที่ไม่มี (link to a page that does not exist): {link} matches no item; check the address"
                    )
                })
            });
            if let Some(message) = message {
                findings.push(Finding {
                    severity: Severity::Error,
                    file: Some(file.clone()),
                    line: text
                        .find(&format!("]({link}"))
                        .map(|offset| line_of(&text, offset)),
                    field: None,
                    message,
                });
            }
        }
    }
    findings
}

/// `/news/a/prakaat.pdf` (or `/en/news/a/…`) when `content/news/a/prakaat.pdf` does not
/// exist: what to say, naming the files that are there.
fn missing_attachment(path: &str, link: &str, loaded: &Judged) -> Option<String> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let parts = match parts.as_slice() {
        ["en", rest @ ..] => rest,
        all => all,
    };
    let [section, slug, name @ ..] = parts else {
        return None;
    };
    if name.is_empty() || !name.last().is_some_and(|n| n.contains('.')) {
        return None;
    }
    loaded.inputs.settings.site.section(section)?;
    let dir = format!("content/{section}/{slug}/");
    let name = percent_encoding::percent_decode_str(&name.join("/"))
        .decode_utf8_lossy()
        .into_owned();
    if loaded
        .inputs
        .snapshot
        .files
        .contains_key(&format!("{dir}{name}"))
    {
        return None;
    }
    let beside: Vec<&str> = loaded
        .inputs
        .snapshot
        .under(&dir)
        .filter_map(|(p, _)| p.strip_prefix(&dir))
        .filter(|n| !n.ends_with(".md"))
        .collect();
    let hint = match beside
        .iter()
        .min_by_key(|n| strsim::levenshtein(n, &name))
        .filter(|n| strsim::levenshtein(n, &name) <= 3)
    {
        Some(close) => format!("; ใช่ {close} หรือไม่ (did you mean {close}?)"),
        None if beside.is_empty() => format!("; ไม่มีไฟล์ใดใน {dir} (no files in {dir})"),
        None => format!("; ไฟล์ที่มี (files there): {}", beside.join(", ")),
    };
    Some(format!(
        "ลิงก์ไปยังไฟล์แนบที่ไม่มี (link to a missing attachment): {link}: ไม่มี {dir}{name} (no such file){hint}"
    ))
}

/// Files that differ between the merge base of `rev` and HEAD, and the working tree
/// (staged, unstaged and untracked), relative to `root`.
fn changed_files(root: &Path, rev: &str) -> anyhow::Result<Vec<(String, ChangeKind)>> {
    let repo = git2::Repository::discover(root).with_context(|| {
        format!(
            "--base needs a git repository, and {} is not in one",
            root.display()
        )
    })?;
    let workdir = repo
        .workdir()
        .context("--base needs a checkout with files, not a bare repository")?;
    let prefix = root
        .canonicalize()
        .with_context(|| format!("cannot read {}", root.display()))?
        .strip_prefix(workdir.canonicalize()?)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let base = repo
        .revparse_single(rev)
        .and_then(|object| object.peel_to_commit())
        .with_context(|| {
            format!(
                "--base {rev}: no such commit or branch here; fetch it first (in CI: fetch-depth: 0)"
            )
        })?;
    // Compare with where the branch left `rev`, so changes made on `rev` since then
    // are not shown as this change undoing them.
    let start = repo
        .head()
        .ok()
        .and_then(|head| head.target())
        .and_then(|head| repo.merge_base(base.id(), head).ok())
        .unwrap_or(base.id());
    let tree = repo.find_commit(start)?.tree()?;
    let mut diff_options = git2::DiffOptions::new();
    diff_options
        .include_untracked(true)
        .recurse_untracked_dirs(true);
    let diff = repo.diff_tree_to_workdir_with_index(Some(&tree), Some(&mut diff_options))?;
    let mut files = Vec::new();
    for delta in diff.deltas() {
        let kind = match delta.status() {
            git2::Delta::Added | git2::Delta::Untracked => ChangeKind::Added,
            git2::Delta::Deleted => ChangeKind::Deleted,
            _ => ChangeKind::Modified,
        };
        let Some(path) = delta.new_file().path().or_else(|| delta.old_file().path()) else {
            continue;
        };
        let Ok(rel) = path.strip_prefix(&prefix) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        files.push((rel.join("/"), kind));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    Ok(files)
}

fn describe_changes(files: Vec<(String, ChangeKind)>, loaded: &Judged, tz: Tz) -> Vec<Change> {
    let mut changes: Vec<Change> = files
        .into_iter()
        .map(|(path, kind)| {
            let item = match (kind, ContentPath::classify(&path)) {
                (ChangeKind::Deleted, _) => None,
                (_, ContentPath::Item { .. }) => loaded
                    .decisions
                    .decisions
                    .iter()
                    .find(|d| d.path == path)
                    .map(|d| changed_item(d, loaded, tz)),
                _ => None,
            };
            Change { path, kind, item }
        })
        .collect();
    changes.sort_by_key(|c| (!is_gated(&c.path), c.item.is_none()));
    changes
}

fn changed_item(decision: &Decision, loaded: &Judged, tz: Tz) -> ChangedItem {
    let front = decision.item.as_deref().map(|item| &item.front);
    let approver = front.and_then(|f| f.approver.clone());
    let approver_name = approver
        .as_deref()
        .and_then(|id| loaded.inputs.settings.registry.person(id))
        .filter(|p| p.has_role(Role::Approver))
        .map(|p| {
            if p.title.is_empty() {
                p.name.clone()
            } else {
                format!("{} ({})", p.name, p.title)
            }
        });
    let state = match decision.reason() {
        None => match front.and_then(|f| f.expires) {
            Some(expires) => {
                let until = local_time(expires, tz);
                format!("เผยแพร่เมื่อรวม ถึง {until} (live once merged, until {until})")
            }
            None => "เผยแพร่เมื่อรวม (live once merged)".to_string(),
        },
        Some(Reason::NotYetPublished { publish }) => {
            format!("ตั้งเวลาไว้ เริ่ม {} (scheduled)", local_time(*publish, tz))
        }
        Some(Reason::Expired { .. }) => {
            "หมดอายุแล้ว จะไม่ปรากฏ (already expired: will not appear)".to_string()
        }
        Some(reason) => format!("จะถูกระงับ (would be withheld): {}", reason.label()),
    };
    ChangedItem {
        title: decision.title.clone(),
        url: decision.url.clone(),
        publish: front.map(|f| f.publish),
        expires: front.and_then(|f| f.expires),
        approver,
        approver_name,
        state,
        problem: decision.reason().is_some_and(Reason::is_problem),
    }
}

/// A Markdown table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// The Markdown summary, for `$GITHUB_STEP_SUMMARY` or a terminal.
pub fn markdown_summary(outcome: &CheckOutcome) -> String {
    let tz = outcome.tz;
    let errors: Vec<&Finding> = outcome.errors().collect();
    let warnings: Vec<&Finding> = outcome.warnings().collect();
    let mut md = String::new();
    if errors.is_empty() {
        md.push_str("## khaosan check: ✅ ผ่าน (passed)\n\n");
    } else {
        md.push_str(&format!(
            "## khaosan check: ❌ ต้องแก้ไข {} รายการ ({} error(s) to fix)\n\n",
            errors.len(),
            errors.len()
        ));
    }
    md.push_str(&format!(
        "- ตรวจ ณ เวลา (checked at): {} ({tz})\n",
        local_time(outcome.now, tz)
    ));
    md.push_str(&format!(
        "- เผยแพร่ (live): {} · ระงับ (withheld): {}",
        outcome.live, outcome.withheld
    ));
    if let Some(pages) = outcome.pages {
        md.push_str(&format!(" · หน้าเว็บที่แสดงผลได้ (pages rendered): {pages}"));
    }
    md.push('\n');
    if let Some(next) = outcome.next_change {
        md.push_str(&format!(
            "- เปลี่ยนครั้งถัดไป (next change): {}\n",
            local_time(next, tz)
        ));
    }
    md.push_str(
        "- การอนุมัติ (approval): ตรวจจากข้อมูลส่วนหัว การรวมโดยผู้อนุมัติคือการอนุมัติ (checked from front matter; the approver's merge is the approval)\n",
    );
    for (title, list) in [
        ("ข้อผิดพลาด (errors)", &errors),
        ("คำเตือน (warnings)", &warnings),
    ] {
        if list.is_empty() {
            continue;
        }
        md.push_str(&format!(
            "\n### {title}\n\n| ไฟล์ (file) | ปัญหาและวิธีแก้ (problem and fix) |\n|---|---|\n"
        ));
        for finding in list.iter() {
            md.push_str(&format!(
                "| `{}` | {} |\n",
                cell(&finding.location()),
                cell(&finding.text())
            ));
        }
    }
    match &outcome.changes {
        None => md.push_str(
            "\nใช้ `--base <revision>` เพื่อดูรายการที่การเปลี่ยนแปลงจะเผยแพร่ (pass `--base <revision>` to list what a change would publish)\n",
        ),
        Some(changes) => changes_markdown(&mut md, outcome, changes),
    }
    md
}

fn changes_markdown(md: &mut String, outcome: &CheckOutcome, changes: &[Change]) {
    let tz = outcome.tz;
    let base = outcome.base.as_deref().unwrap_or("");
    if changes.is_empty() {
        md.push_str(&format!(
            "\nไม่มีไฟล์ที่เปลี่ยนเมื่อเทียบกับ `{base}` (no files changed since `{base}`)\n"
        ));
        return;
    }
    let items: Vec<(&Change, &ChangedItem)> = changes
        .iter()
        .filter_map(|c| c.item.as_ref().map(|item| (c, item)))
        .collect();
    if !items.is_empty() {
        md.push_str(&format!(
            "\n### สิ่งที่การเปลี่ยนแปลงนี้จะเผยแพร่ (what this change would publish, compared with `{base}`)\n\n\
             | เรื่อง (title) | ที่อยู่ (URL) | ตั้งแต่ (from) | ถึง (until) | ผู้อนุมัติ (approver) | สถานะเมื่อรวม (once merged) |\n\
             |---|---|---|---|---|---|\n"
        ));
        for (change, item) in &items {
            let approver = match (&item.approver, &item.approver_name) {
                (Some(id), Some(name)) => format!("`{id}` {name}"),
                (Some(id), None) => format!("`{id}` ❌"),
                (None, _) => "❌".to_string(),
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                cell(item.title.as_deref().unwrap_or(&change.path)),
                item.url
                    .as_deref()
                    .map_or(String::new(), |u| format!("`{}`", cell(u))),
                item.publish.map_or(String::new(), |t| local_time(t, tz)),
                item.expires
                    .map_or_else(|| "ไม่กำหนด (none)".to_string(), |t| local_time(t, tz)),
                cell(&approver),
                cell(&item.state),
            ));
        }
    }
    md.push_str(&format!(
        "\n### ไฟล์ที่เปลี่ยน (changed files, compared with `{base}`)\n\n"
    ));
    for change in changes {
        let note = if is_gated(&change.path) {
            "ส่วนของเว็บไซต์ ต้องได้รับอนุมัติ (part of the public site: needs an approver's merge)"
        } else if is_build_file(&change.path) {
            "เปลี่ยนวิธีสร้างเว็บไซต์ ให้ผู้ดูแลเว็บอธิบายก่อนอนุมัติ (changes how the site is built: ask the web master before approving)"
        } else {
            "ไม่อยู่บนเว็บไซต์ (not part of the public site)"
        };
        md.push_str(&format!(
            "- `{}`: {} · {note}\n",
            cell(&change.path),
            change.kind.label()
        ));
    }
    let named: Vec<String> = {
        let mut ids: Vec<String> = items
            .iter()
            .filter_map(|(_, item)| {
                item.approver_name
                    .as_ref()
                    .map(|name| format!("`{}` {name}", item.approver.as_deref().unwrap_or("")))
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let others = changes
        .iter()
        .any(|c| c.item.is_none() && (is_gated(&c.path) || is_build_file(&c.path)));
    md.push_str("\n### ผู้ที่ต้องอนุมัติ (who must approve)\n\n");
    if !named.is_empty() {
        md.push_str(&format!(
            "- ผู้อนุมัติที่ระบุในรายการ ต้องเป็นผู้รวม (merge) ด้วย merge commit (the approver each item names must merge it, with a merge commit): {}\n",
            named.join(", ")
        ));
    }
    if others || named.is_empty() {
        let all: Vec<String> = outcome
            .approvers
            .iter()
            .map(|(id, name)| format!("`{id}` {name}"))
            .collect();
        md.push_str(&format!(
            "- ไฟล์อื่นที่เปลี่ยน: ผู้อนุมัติในทะเบียนคนใดก็ได้ (other changed files: any registered approver): {}\n",
            if all.is_empty() {
                "ไม่มีผู้อนุมัติในทะเบียน (none registered)".to_string()
            } else {
                all.join(", ")
            }
        ));
    }
}

/// Files that change how the site is built rather than what it shows.
fn is_build_file(path: &str) -> bool {
    path.starts_with("src/")
        || path.starts_with(".github/")
        || path.starts_with("Cargo.")
        || path == "build.rs"
}

/// The findings as lines for a terminal (standard error).
pub fn text_report(outcome: &CheckOutcome) -> String {
    let mut out = String::new();
    for finding in &outcome.findings {
        let label = match finding.severity {
            Severity::Error => "ผิดพลาด (error)",
            Severity::Warning => "คำเตือน (warning)",
        };
        out.push_str(&format!(
            "{label}: {}: {}\n",
            finding.location(),
            finding.text()
        ));
    }
    let errors = outcome.errors().count();
    let warnings = outcome.warnings().count();
    if errors == 0 {
        out.push_str(&format!(
            "ผ่าน (passed): ไม่มีข้อผิดพลาด (no errors), คำเตือน {warnings} รายการ ({warnings} warning(s))\n"
        ));
    } else {
        out.push_str(&format!(
            "ไม่ผ่าน (failed): ข้อผิดพลาด {errors} รายการ ({errors} error(s)), คำเตือน {warnings} รายการ ({warnings} warning(s))\n"
        ));
    }
    out
}

/// Every finding as a GitHub workflow command, one a line.
pub fn annotations(outcome: &CheckOutcome) -> String {
    outcome
        .findings
        .iter()
        .map(|f| f.annotation() + "\n")
        .collect()
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

    #[test]
    fn internal_paths_resolve_like_a_browser() {
        let urls = Urls::new("https://office.example/site/");
        let page = "/news/a/";
        let cases = [
            ("/news/b/", Some("/news/b/")),
            ("/news/b", Some("/news/b/")),
            ("../b/", Some("/news/b/")),
            ("../../laws/x/#s2", Some("/laws/x/")),
            ("form.pdf", Some("/news/a/form.pdf")),
            ("/site/news/b/", Some("/news/b/")),
            ("https://office.example/site/news/b/", Some("/news/b/")),
            ("https://other.example/news/b/", None),
            ("mailto:a@b.example", None),
            ("//cdn.example/x", None),
            ("#top", None),
        ];
        for (link, want) in cases {
            assert_eq!(internal_path(link, page, &urls).as_deref(), want, "{link}");
        }
    }

    #[test]
    fn finds_the_line_of_a_front_matter_key() {
        let text = "+++\ntitle = \"t\"\napprover = \"x\"\n+++\napprover = body\n";
        assert_eq!(front_matter_line(text, "approver"), Some(3));
        assert_eq!(front_matter_line(text, "expires"), None);
    }
}
