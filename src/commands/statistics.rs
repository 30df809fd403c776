//! `khaosan stats` and `khaosan survey`: read the office's logs and survey export and
//! add their counts to `data/statistics.json` in the working tree. The change is
//! then committed and approved like any other, and the next build shows it.

use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono_tz::Tz;

use crate::config::{SITE_FILE, SiteConfig};
use crate::statistics::logs::{StatsSummary, Tally};
use crate::statistics::{STATISTICS_FILE, StatisticsData, survey};

/// The site's time zone from `site.toml` in the working tree (Bangkok without one).
fn site_zone(root: &Path) -> anyhow::Result<Tz> {
    match std::fs::read_to_string(root.join(SITE_FILE)) {
        Ok(text) => Ok(SiteConfig::parse(&text)?.tz),
        Err(_) => Ok(chrono_tz::Asia::Bangkok),
    }
}

/// Counts `logs` and merges the counts into the data file under `root`.
pub fn stats(root: &Path, logs: &[PathBuf]) -> anyhow::Result<StatsSummary> {
    if logs.is_empty() {
        bail!(crate::messages::STATS_NO_LOG.say(&[]));
    }
    let tz = site_zone(root)?;
    let mut data = StatisticsData::load(root)?;
    let mut tally = Tally::default();
    for log in logs {
        tally.read_file(log, tz)?;
    }
    if tally.lines > 0 && tally.bad_lines == tally.lines {
        bail!(
            crate::messages::STATS_LOG_FORMAT.say(&[("examples", &tally.bad_examples.join(", "))])
        );
    }
    tally.merge_into(&mut data);
    data.save(root)?;
    Ok(tally.summary())
}

/// What `khaosan stats` prints.
pub fn stats_text(summary: &StatsSummary) -> String {
    let mut out = format!(
        "นับแล้ว (counted) {} บรรทัด (lines): การเข้าชมหน้าเว็บ (page views) {} ใน {} วัน (days){}\n\
         ไม่นับ (not counted): โปรแกรมอัตโนมัติ (robots) {}, ไฟล์ประกอบ (assets) {}, คำขออื่นหรือไม่สำเร็จ (not GET 200) {}, บรรทัดที่อ่านไม่ได้ (bad lines) {}\n",
        summary.lines,
        summary.views,
        summary.days,
        match (&summary.first_day, &summary.last_day) {
            (Some(a), Some(b)) => format!(" ({a} – {b})"),
            _ => String::new(),
        },
        summary.robots,
        summary.assets,
        summary.other_requests,
        summary.bad_lines,
    );
    if !summary.bad_examples.is_empty() {
        out.push_str(&format!(
            "  บรรทัดที่อ่านไม่ได้ เช่น (bad lines, e.g.) {}\n",
            summary.bad_examples.join(", ")
        ));
    }
    out.push_str(&format!(
        "บันทึกเฉพาะจำนวนลงใน {STATISTICS_FILE} ไม่มีที่อยู่ IP (only counts saved, no IP address); commit it for approval\n"
    ));
    out
}

/// Summarises a survey export and puts each fiscal year it covers into the data file.
/// Returns the years written and their respondents.
pub fn survey(
    root: &Path,
    file: &Path,
    fiscal_year: Option<i32>,
) -> anyhow::Result<Vec<(i32, u64, usize)>> {
    let table = survey::read_table(file)?;
    let source = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let years = survey::summarise(&table, &source, fiscal_year)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let mut data = StatisticsData::load(root)?;
    let mut written = Vec::new();
    for (fy, summary) in years {
        written.push((fy, summary.respondents, summary.questions.len()));
        data.surveys.insert(fy.to_string(), summary);
    }
    data.save(root)?;
    Ok(written)
}
