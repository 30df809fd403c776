//! `khaosan build`: the pipeline from the repository to the public folder.
//!
//! load → parse → decide → assemble → render → write, each stage a module of its
//! own ([`crate::inputs`] runs the first two for every command). Everything here is
//! library code, so tests drive it exactly as the command line does.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::decide::Decisions;
use crate::inputs::Inputs;
use crate::render::{Rendered, templates::Theme};
use crate::site::Site;
use crate::source::{LoadOptions, Snapshot};
use crate::write::{BUILD_INFO, OutputLock, Sink, Staging};

/// What `khaosan build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// The clock; read once. `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    pub base_url: Option<String>,
    /// Any problem a person must fix fails the build (for pull-request checks).
    pub strict: bool,
    /// Where the decision report goes; default `<root>/.khaosan/report.json`.
    pub report: Option<PathBuf>,
    pub load: LoadOptions,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            out: out.into(),
            now: None,
            base_url: None,
            strict: false,
            report: None,
            load: LoadOptions::default(),
        }
    }

    pub fn report_path(&self) -> PathBuf {
        self.report
            .clone()
            .unwrap_or_else(|| self.root.join(".khaosan/report.json"))
    }
}

/// What one build did, for the summary and for tests.
#[derive(Debug, Serialize)]
pub struct BuildOutcome {
    pub out: PathBuf,
    pub report_path: PathBuf,
    pub rendered: Rendered,
    /// Files unchanged since the previous output, linked rather than written.
    pub unchanged: usize,
    /// Pages whose inputs did not change, taken from the previous output unrendered.
    pub reused: usize,
    #[serde(skip)]
    pub elapsed: Duration,
    #[serde(skip)]
    pub report: Decisions,
}

/// Runs the whole pipeline. The output folder is replaced only if every stage succeeds.
pub fn build(options: &BuildOptions) -> anyhow::Result<BuildOutcome> {
    let started = Instant::now();
    let now = options.now.unwrap_or_else(crate::dates::now);
    refuse_report_in_output(&options.report_path(), &options.out)?;
    crate::timings::mark("start");
    let inputs = Inputs::load(&options.root, &options.load)?;
    crate::timings::mark("load and parse");
    let decisions = inputs.decide(now);
    crate::timings::mark("decide");
    write_report(&options.report_path(), &decisions)?;
    crate::timings::mark("decision report");
    if options.strict && decisions.problem_count() > 0 {
        bail!(crate::messages::STRICT_PROBLEMS.say(&[
            ("count", &decisions.problem_count().to_string()),
            ("report", &options.report_path().display().to_string()),
        ]));
    }
    let config = &inputs.settings.site;
    let base_url = options
        .base_url
        .clone()
        .unwrap_or_else(|| config.base_url.clone());
    let site = Site::assemble(&inputs, &decisions, &base_url);
    let theme = Theme::load(&inputs.snapshot, &config.theme)?;
    crate::timings::mark("assemble");
    let _lock = OutputLock::take(&options.out)?;
    let staging = Staging::begin(&options.out, &options.root)?;
    // Pages unchanged since the previous build into the same output are reused.
    let pages = crate::render::reuse::Pages::open(&options.root, &options.out);
    crate::timings::mark("open the previous build");
    let rendered = crate::render::render_reusing(&site, &theme, &staging, &pages)?;
    let info = build_info(&inputs.snapshot, &decisions, site.items.len())?;
    staging.write(BUILD_INFO, &info)?;
    let unchanged = staging.linked();
    let out = staging.commit()?;
    crate::timings::mark("swap into place");
    let reused = pages.reused();
    pages.save();
    crate::timings::mark("save the manifest");
    Ok(BuildOutcome {
        out,
        report_path: options.report_path(),
        rendered,
        unchanged,
        reused,
        elapsed: started.elapsed(),
        report: decisions,
    })
}

/// `build-info.json`: what was built, when, and when the site will next change, so
/// a stale site can be noticed from outside.
fn build_info(snapshot: &Snapshot, report: &Decisions, live: usize) -> anyhow::Result<Vec<u8>> {
    let info = serde_json::json!({
        "generator": concat!("khaosan ", env!("CARGO_PKG_VERSION")),
        "commit": snapshot.origin.commit,
        "branch": snapshot.origin.branch,
        "built_at": report.now.to_rfc3339(),
        "next_change": report.next_change.map(|t| to_the_hour(t).to_rfc3339()),
        "trust": report.trust,
        "live": live,
        // The khaosan that built the site (version and commit), for upgrades.
        "khaosan_version": crate::VERSION,
        // Where git verification starts (commit, time, who), so anyone can check it.
        "trust_root": report.git.as_ref().and_then(|g| g.trust_root.as_ref()),
    });
    Ok(serde_json::to_vec_pretty(&info)?)
}

/// The hour a change falls in. The public file tells the hourly publish run that
/// something changes within that hour, not the minute a withheld item goes up.
fn to_the_hour(at: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    use chrono::Timelike as _;
    at.with_nanosecond(0)
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_minute(0))
        .unwrap_or(at)
}

/// The decision report names withheld items: it must never land in the public
/// folder, where anyone could read it.
fn refuse_report_in_output(report: &Path, out: &Path) -> anyhow::Result<()> {
    let (report, out) = (resolved(report), resolved(out));
    if report.starts_with(&out) {
        bail!(crate::messages::REPORT_IN_OUTPUT.say(&[
            ("report", &report.display().to_string()),
            ("out", &out.display().to_string()),
        ]));
    }
    Ok(())
}

/// An absolute path with the existing part's links and `..` resolved.
fn resolved(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while existing.symlink_metadata().is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    for part in rest.into_iter().rev() {
        out.push(part);
    }
    out
}

/// The summary's lines about git verification: the trust root, the live commit
/// followed, foxtrot merges, and unapproved changes counted by cause.
fn git_lines(report: &Decisions) -> Vec<String> {
    let Some(git) = &report.git else {
        if report.trust == crate::source::Trust::FrontMatter {
            return vec![
                "  ผู้อนุมัติอ้างอิงจากข้อมูลส่วนหัวเท่านั้น (the approver is taken from front matter alone; \
                 turn on verify_git to prove approvals in git)"
                    .to_string(),
            ];
        }
        return Vec::new();
    };
    let mut lines = Vec::new();
    if let Some(root) = &git.trust_root {
        lines.push(format!(
            "  จุดเริ่มความเชื่อถือ (trust root): {}",
            root.describe()
        ));
    }
    if let Some(previous) = &git.previous {
        lines.push(format!(
            "  ต่อจากเว็บไซต์ที่เผยแพร่อยู่ (live site's commit, --previous): {previous}"
        ));
    }
    for foxtrot in &git.foxtrots {
        lines.push(format!("  ⚠ foxtrot merge: {foxtrot}"));
    }
    if !git.pending.is_empty() {
        lines.push(format!(
            "  ไฟล์ที่แก้ไขแล้วรออนุมัติ ใช้ฉบับที่อนุมัติแล้วแทน (files changed without approval; the approved version is kept): {}",
            git.pending.len()
        ));
        let mut by_cause = std::collections::BTreeMap::new();
        for pending in &git.pending {
            by_cause
                .entry(pending.cause)
                .or_insert((0, pending.label))
                .0 += 1;
        }
        for (count, label) in by_cause.values() {
            lines.push(format!("    {count:>6}  {label}"));
        }
        for pending in git.pending.iter().take(10) {
            lines.push(format!(
                "    - {} ({} by {}): {}\n      → {}",
                pending.path, pending.commit, pending.who, pending.why, pending.exit
            ));
        }
    }
    lines
}

/// The full decision report, kept outside the output folder: it names withheld items.
pub fn write_report(path: &Path, report: &Decisions) -> anyhow::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| crate::messages::CANNOT_CREATE.at(parent))?;
    }
    let json = serde_json::to_vec_pretty(report)?;
    crate::write::replace_file(path, &json).with_context(|| crate::messages::CANNOT_WRITE.at(path))
}

/// The short summary `khaosan build` prints.
pub fn summary(outcome: &BuildOutcome) -> String {
    let report = &outcome.report;
    let mut lines = vec![
        format!(
            "สร้างเว็บไซต์เสร็จ (site built) → {}  [{:.2} s]",
            outcome.out.display(),
            outcome.elapsed.as_secs_f64()
        ),
        format!("  การอนุมัติ (approval): {}", report.trust_note),
        format!("  khaosan:               {}", crate::VERSION),
    ];
    lines.extend(git_lines(report));
    lines.extend([
        format!("  เผยแพร่ (live):        {}", report.live_count()),
        format!(
            "  ระงับ (withheld):      {}",
            report.decisions.len() - report.live_count()
        ),
    ]);
    for (_, (count, label)) in report.withheld_by_reason() {
        lines.push(format!("    {count:>6}  {label}"));
    }
    let to_fix: Vec<_> = report
        .decisions
        .iter()
        .filter_map(|d| d.reason().filter(|r| r.is_problem()).map(|r| (d, r)))
        .collect();
    if !to_fix.is_empty() {
        lines.push(format!("  ต้องแก้ไข (to fix): {}", to_fix.len()));
        for (decision, reason) in to_fix.iter().take(10) {
            lines.push(format!("    - {}: {}", decision.path, reason.explain()));
        }
        if to_fix.len() > 10 {
            lines.push(format!(
                "    … และอีก {} รายการ (and {} more) in the report",
                to_fix.len() - 10,
                to_fix.len() - 10
            ));
        }
    }
    if !report.notices.is_empty() {
        lines.push(format!(
            "  ประวัติ git ที่ควรทราบ (git history notes: ignored changes, deletions): {}",
            report.notices.len()
        ));
    }
    if !report.problems.is_empty() {
        lines.push(format!(
            "  ไฟล์มีปัญหา (file problems): {}",
            report.problems.len()
        ));
        for problem in report.problems.iter().take(10) {
            lines.push(format!("    - {problem}"));
        }
    }
    lines.push(format!(
        "  หน้าเว็บ (pages):       {}  ไฟล์ทั้งหมด (files): {}",
        outcome.rendered.pages, outcome.rendered.files
    ));
    if outcome.unchanged > 0 {
        lines.push(format!(
            "  ไม่เปลี่ยนจากเดิม (unchanged, linked): {}",
            outcome.unchanged
        ));
    }
    if outcome.reused > 0 {
        lines.push(format!(
            "  หน้าที่ไม่ต้องสร้างใหม่ (pages reused, not rendered): {}",
            outcome.reused
        ));
    }
    if let Some(next) = report.next_change {
        lines.push(format!(
            "  เปลี่ยนครั้งถัดไป (next change): {}",
            next.to_rfc3339()
        ));
    }
    lines.push(format!(
        "  รายงานการตัดสิน (decision report): {}",
        outcome.report_path.display()
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_change_is_told_to_the_hour() {
        let at = crate::dates::parse_now("2026-06-01T08:47:13+07:00").unwrap();
        assert_eq!(to_the_hour(at).to_rfc3339(), "2026-06-01T08:00:00+07:00");
    }

    #[test]
    fn report_inside_the_output_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        assert!(refuse_report_in_output(&out.join("report.json"), &out).is_err());
        assert!(refuse_report_in_output(&out.join("a/../x/r.json"), &out).is_err());
        assert!(refuse_report_in_output(&dir.path().join("r.json"), &out).is_ok());
        assert!(refuse_report_in_output(&dir.path().join("public2/r.json"), &out).is_ok());
    }
}
