//! `khaosan report`: the monitoring report the guideline asks the web masters to give
//! the executives twice a year (section (๓) ๖).
//!
//! It reuses the load and decide stages (never renders the site) and reads, for a
//! period: items published, updated and taken down, by section; approval latency
//! from git against the guideline's two hours; changes that were never approved;
//! and the checklist's gaps at the end of the period.
//!
//! **Rounds.** The guideline cuts the tally on 28 February and 31 July. A round runs
//! from the day after the previous cut-off to its own cut-off, so no day is left out:
//! round 1 of fiscal year 2570 is 1 August 2569 – 28 February 2570 and round 2 is
//! 1 March – 31 July 2570. A cut-off of 28 February means the end of February. By
//! default the report covers the most recent round that has ended.

use anyhow::bail;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use crate::checklist::{Checklist, parse_month_day};
use crate::compliance::{self, Compliance, ItemStatus, live_instances};
use crate::content::{ContentPath, Item, item_url};
use crate::dates::{DateForm, start_of_day, thai_date};
use crate::decide::{Decision, Decisions, Reason};
use crate::inputs::Inputs;
use crate::source::{NoticeKind, Trust};
use crate::statistics::{MonthRow, StatisticsData, SurveySummary, fiscal_year_of};

mod present;
pub use present::TEMPLATES;

/// The stretch of time a report covers: `[from, to)` in the site's zone.
#[derive(Debug, Clone, Serialize)]
pub struct Round {
    pub from: DateTime<FixedOffset>,
    /// Exclusive: midnight after the last day.
    pub to: DateTime<FixedOffset>,
    pub label_th: String,
    pub label_en: String,
}

impl Round {
    /// The days `first..=last` as given on the command line.
    pub fn between(first: NaiveDate, last: NaiveDate, tz: Tz) -> anyhow::Result<Round> {
        if last < first {
            bail!(
                crate::messages::REPORT_DAYS_REVERSED
                    .say(&[("last", &last.to_string()), ("first", &first.to_string())])
            );
        }
        let from = start_of_day(first, tz);
        let to = start_of_day(last + Duration::days(1), tz);
        Ok(Round {
            label_th: format!(
                "{} – {}",
                thai_date(from, tz, DateForm::Full, false),
                thai_date(start_of_day(last, tz), tz, DateForm::Full, false)
            ),
            label_en: format!("{first} – {last}"),
            from,
            to,
        })
    }

    /// The most recent guideline round that ended before `now`.
    pub fn latest_completed(
        cutoffs: &[String],
        now: DateTime<FixedOffset>,
        tz: Tz,
    ) -> anyhow::Result<Round> {
        let mut ends: Vec<(NaiveDate, usize)> = Vec::new();
        let mut in_fiscal_order: Vec<(u32, u32)> =
            cutoffs.iter().filter_map(|c| parse_month_day(c)).collect();
        if in_fiscal_order.is_empty() {
            bail!(crate::messages::REPORT_NO_CUTOFF.say(&[]));
        }
        // Round numbers count from October, as the fiscal year does.
        in_fiscal_order.sort_by_key(|&(m, d)| ((m + 2) % 12, d));
        in_fiscal_order.dedup();
        let year = now.with_timezone(&tz).year();
        for y in year - 2..=year {
            for (n, &(m, d)) in in_fiscal_order.iter().enumerate() {
                ends.push((cutoff_day(y, m, d), n + 1));
            }
        }
        ends.sort();
        let completed = ends
            .iter()
            .enumerate()
            .rfind(|(_, (day, _))| start_of_day(*day + Duration::days(1), tz) <= now);
        let Some((i, &(last, number))) = completed else {
            bail!(crate::messages::REPORT_NO_ROUND.say(&[("now", &now.to_string())]));
        };
        let first = match i.checked_sub(1).and_then(|p| ends.get(p)) {
            Some((previous, _)) => *previous + Duration::days(1),
            None => last - Duration::days(365),
        };
        let mut round = Round::between(first, last, tz)?;
        let fiscal_year = crate::dates::fiscal_year_be(start_of_day(last, tz), tz);
        round.label_th = format!("รอบที่ {number} ปีงบประมาณ {fiscal_year} ({})", round.label_th);
        round.label_en = format!("round {number} of FY{fiscal_year} ({})", round.label_en);
        Ok(round)
    }

    fn contains(&self, at: DateTime<FixedOffset>) -> bool {
        self.from <= at && at < self.to
    }
}

/// `02-28` is the end of February in any year; other days as written.
fn cutoff_day(year: i32, month: u32, day: u32) -> NaiveDate {
    let last_of_month = |y: i32, m: u32| {
        let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        NaiveDate::from_ymd_opt(ny, nm, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MIN)
    };
    if month == 2 && day >= 28 {
        return last_of_month(year, 2);
    }
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| last_of_month(year, month))
}

/// Something that happened to one item in the period.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub path: String,
    pub url: String,
    pub title: String,
    pub section: String,
    pub at: DateTime<FixedOffset>,
}

/// Time from proposal to approval of one version.
#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub path: String,
    pub url: String,
    pub title: String,
    pub commit: String,
    pub approver: String,
    pub proposed_at: DateTime<FixedOffset>,
    pub approved_at: DateTime<FixedOffset>,
    pub minutes: i64,
    pub late: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LatencySummary {
    pub limit_hours: f64,
    /// Versions approved in the period with a known proposal time.
    pub measured: usize,
    pub median_minutes: Option<f64>,
    pub late: usize,
    pub items: Vec<Latency>,
}

/// A change that never reached the public because nobody with the right approved it.
#[derive(Debug, Clone, Serialize)]
pub struct UnapprovedChange {
    pub path: String,
    pub commit: Option<String>,
    pub why: String,
}

/// Counts for one section.
#[derive(Debug, Clone, Serialize)]
pub struct SectionCounts {
    pub section: String,
    pub title: String,
    pub published: usize,
    pub updated: usize,
    pub taken_down: usize,
}

/// The whole report.
#[derive(Debug, Serialize)]
pub struct Monitoring {
    pub site_title: String,
    pub round: Round,
    pub now: DateTime<FixedOffset>,
    pub trust: Trust,
    pub published: Vec<Event>,
    pub updated: Vec<Event>,
    pub taken_down: Vec<Event>,
    pub sections: Vec<SectionCounts>,
    pub latency: LatencySummary,
    pub unapproved: Vec<UnapprovedChange>,
    /// Requirements with gaps at the end of the period (or now, if sooner).
    pub gaps_at: DateTime<FixedOffset>,
    pub gaps: Vec<ItemStatus>,
    pub requirements: usize,
    pub provided: usize,
    /// What this report cannot see, said plainly.
    pub limits: Vec<String>,
    /// Visits and satisfaction from `data/statistics.json`, when the site keeps it.
    pub statistics: Option<RoundStatistics>,
    /// `@font-face` rules with the theme's Sarabun files inside, for the HTML form.
    #[serde(skip)]
    pub fonts_css: String,
}

/// Visits in the round and the latest satisfaction survey, for the executives.
#[derive(Debug, Clone, Serialize)]
pub struct RoundStatistics {
    /// Page views on the days of the round that have counts.
    pub views: u64,
    pub days: usize,
    /// Months that overlap the round.
    pub months: Vec<MonthRow>,
    pub survey_fiscal_year: Option<i32>,
    pub survey: Option<SurveySummary>,
}

/// The visits of `round` and the newest survey up to its fiscal year.
fn round_statistics(loaded: &Inputs, round: &Round, tz: Tz) -> Option<RoundStatistics> {
    let data = StatisticsData::from_snapshot(&loaded.snapshot)?.ok()?;
    let first = round.from.with_timezone(&tz).date_naive();
    let last = (round.to - Duration::seconds(1))
        .with_timezone(&tz)
        .date_naive();
    let in_round = |day: &str| {
        NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok_and(|d| d >= first && d <= last)
    };
    let (mut views, mut days) = (0, 0);
    for (day, count) in &data.visits.days {
        if in_round(day) {
            views += count.views;
            days += 1;
        }
    }
    let months = (fiscal_year_of(first)..=fiscal_year_of(last))
        .flat_map(|fy| data.months_of(fy))
        .filter(|m| {
            let start = NaiveDate::from_ymd_opt(m.year, m.month_number, 1);
            start.is_some_and(|s| s <= last && (s + chrono::Months::new(1)) > first)
        })
        .collect();
    let fy = fiscal_year_of(last);
    let survey_fiscal_year = data
        .surveys
        .keys()
        .filter_map(|y| y.parse::<i32>().ok())
        .filter(|y| *y <= fy)
        .max();
    let survey = survey_fiscal_year.and_then(|y| data.surveys.get(&y.to_string()).cloned());
    Some(RoundStatistics {
        views,
        days,
        months,
        survey_fiscal_year,
        survey,
    })
}

/// An item as the decision saw it, if it was ever approved to go out.
fn approved_item(d: &Decision) -> Option<&Item> {
    match d.reason() {
        None | Some(Reason::Expired { .. }) => d.item.as_deref(),
        _ => None,
    }
}

/// Whether a withheld-for-approval item belongs to `round`: by the time its change
/// reached the branch (git), else by the publish date it asked for; when neither is
/// known it is listed rather than hidden.
fn unapproved_in(loaded: &Inputs, d: &crate::decide::Decision, round: &Round) -> bool {
    let from_git = loaded
        .snapshot
        .unapproved
        .iter()
        .find(|u| u.path == d.path)
        .and_then(|u| u.at);
    match from_git.or_else(|| d.item.as_ref().map(|item| item.front.publish)) {
        Some(at) => round.contains(at),
        None => true,
    }
}

fn event(item: &Item, at: DateTime<FixedOffset>) -> Event {
    Event {
        path: item.path.clone(),
        url: item.url(),
        title: item.front.title.clone(),
        section: item.section.clone(),
        at,
    }
}

/// Builds the report for `round` from the site's inputs and their decisions now.
pub fn monitor(
    loaded: &Inputs,
    report: &Decisions,
    checklist: &Checklist,
    round: Round,
    tz: Tz,
) -> Monitoring {
    let round_for_statistics = round.clone();
    let now = report.now;
    let limit = checklist.monitoring.latency_limit_hours;
    let happened = |at: DateTime<FixedOffset>| round.contains(at) && at <= now;
    let mut published = Vec::new();
    let mut updated = Vec::new();
    let mut taken_down = Vec::new();
    let mut latencies = Vec::new();
    let mut unapproved = Vec::new();
    for d in &report.decisions {
        if let Some(item) = approved_item(d) {
            let front = &item.front;
            if happened(front.publish) {
                published.push(event(item, front.publish));
            }
            if let Some(expires) = front.expires
                && happened(expires)
            {
                taken_down.push(event(item, expires));
            }
            // A version approved more than a day after the item went out is an update.
            if let Some(a) = &d.approval
                && happened(a.approved_at)
                && a.approved_at > front.publish + Duration::days(1)
            {
                updated.push(event(item, a.approved_at));
            }
        }
        if let Some(a) = &d.approval {
            if let Some(proposed) = a.proposed_at
                && round.contains(a.approved_at)
            {
                let minutes = (a.approved_at - proposed).num_minutes();
                latencies.push(Latency {
                    path: d.path.clone(),
                    url: d.url.clone().unwrap_or_default(),
                    title: d.title.clone().unwrap_or_default(),
                    commit: a.commit.clone(),
                    approver: a.approver.clone(),
                    proposed_at: proposed,
                    approved_at: a.approved_at,
                    minutes,
                    late: minutes as f64 > limit * 60.0,
                });
            }
            for notice in a
                .later_unapproved
                .iter()
                .filter(|n| n.at.is_none_or(|at| round.contains(at)))
            {
                unapproved.push(UnapprovedChange {
                    path: notice.path.clone().unwrap_or_else(|| d.path.clone()),
                    commit: notice.commit.clone(),
                    why: notice.message.clone(),
                });
            }
        }
        if let Some(reason) = d.reason()
            && matches!(
                reason,
                Reason::NotApprovedInGit { .. }
                    | Reason::NoApprover
                    | Reason::UnknownApprover { .. }
                    | Reason::NotAnApprover { .. }
            )
            && unapproved_in(loaded, d, &round)
        {
            unapproved.push(UnapprovedChange {
                path: d.path.clone(),
                commit: None,
                why: format!("{}: {}", reason.label(), reason.explain()),
            });
        }
    }
    // Deleting an item's file withdraws it at once; with git the deletion has a time.
    for notice in loaded
        .snapshot
        .notices
        .iter()
        .filter(|n| n.kind == NoticeKind::Deleted)
    {
        let (Some(path), Some(at)) = (&notice.path, notice.at) else {
            continue;
        };
        if let ContentPath::Item {
            section,
            slug,
            lang,
            ..
        } = ContentPath::classify(path)
            && happened(at)
        {
            taken_down.push(Event {
                path: path.clone(),
                url: item_url(&section, &slug, lang),
                title: format!("{path} (ลบไฟล์ / file deleted)"),
                section,
                at,
            });
        }
    }
    for list in [&mut published, &mut updated, &mut taken_down] {
        list.sort_by(|a, b| a.at.cmp(&b.at).then(a.path.cmp(&b.path)));
    }
    latencies.sort_by(|a, b| a.approved_at.cmp(&b.approved_at).then(a.path.cmp(&b.path)));
    let sections = loaded
        .settings
        .site
        .sections
        .iter()
        .map(|s| {
            let count = |list: &[Event]| list.iter().filter(|e| e.section == s.id).count();
            SectionCounts {
                section: s.id.clone(),
                title: s.title.clone(),
                published: count(&published),
                updated: count(&updated),
                taken_down: count(&taken_down),
            }
        })
        .collect();
    let gaps_at = round.to.min(now);
    let at_end = if gaps_at == now {
        None
    } else {
        Some(loaded.decide(gaps_at))
    };
    let compliance: Compliance = compliance::apply_site_features(
        compliance::evaluate(
            checklist,
            &live_instances(at_end.as_ref().unwrap_or(report)),
            gaps_at,
            tz,
        ),
        checklist,
        compliance::SiteFeatures::of(&loaded.settings.site),
    );
    let counts = compliance.counts();
    let mut limits = Vec::new();
    if report.trust == Trust::Git {
        limits.push("การปรับปรุงและระยะเวลาอนุมัตินับจากฉบับล่าสุดที่ได้รับอนุมัติของแต่ละไฟล์ใน git (updates and latency count the newest approved version of each file)".into());
    } else {
        limits.push("ไม่ได้ตรวจการอนุมัติใน git (verify_git ปิดอยู่) จึงนับได้เฉพาะการเผยแพร่และการนำลง ไม่มีข้อมูลการปรับปรุงและระยะเวลาอนุมัติ (without git verification only publications and takedowns can be counted; updates and approval latency need git)".into());
    }
    if at_end.is_some() {
        limits.push("ข้อขาด ณ สิ้นรอบ ประเมินจากเนื้อหาฉบับที่อนุมัติปัจจุบัน ตามเวลาสิ้นรอบ (gaps at the end of the period are judged on today's approved content, at that time)".into());
    }
    Monitoring {
        site_title: loaded.settings.site.title.clone(),
        round,
        now,
        trust: report.trust,
        published,
        updated,
        taken_down,
        sections,
        latency: summarise(latencies, limit),
        unapproved,
        gaps_at,
        requirements: compliance.items.len(),
        provided: counts
            .get(&compliance::State::Provided)
            .copied()
            .unwrap_or(0),
        gaps: compliance.gaps().cloned().collect(),
        limits,
        statistics: round_statistics(loaded, &round_for_statistics, tz),
        fonts_css: present::embedded_fonts(loaded),
    }
}

fn summarise(items: Vec<Latency>, limit_hours: f64) -> LatencySummary {
    let mut minutes: Vec<i64> = items.iter().map(|l| l.minutes).collect();
    minutes.sort_unstable();
    let median_minutes = match minutes.len() {
        0 => None,
        n if n % 2 == 1 => Some(minutes[n / 2] as f64),
        n => Some((minutes[n / 2 - 1] + minutes[n / 2]) as f64 / 2.0),
    };
    LatencySummary {
        limit_hours,
        measured: items.len(),
        median_minutes,
        late: items.iter().filter(|l| l.late).count(),
        items,
    }
}

/// Reads a `--from`/`--to` day (Common Era, `YYYY-MM-DD`).
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|e| {
        format!("`{text}` is not a day ({e}); write it like 2026-07-31 (Common Era)")
    })?;
    if day.year() >= 2400 {
        return Err(format!(
            "{text} looks like a Buddhist Era year; write the Common Era year {}",
            day.year() - crate::dates::BE_OFFSET
        ));
    }
    Ok(day)
}

#[cfg(test)]
mod tests;
