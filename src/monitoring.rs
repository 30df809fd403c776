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

use std::fmt::Write as _;

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
use crate::render::templates::escape_markup;
use crate::source::{NoticeKind, Trust};
use crate::statistics::{MonthRow, StatisticsData, SurveySummary, fiscal_year_of};

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
            bail!("--to {last} is before --from {first}; give the first day, then the last");
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
            bail!(
                "checklist.toml has no valid cut-off days; write cutoffs = [\"02-28\", \"07-31\"]"
            );
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
            bail!("no completed round before {now}; give --from and --to");
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

/// The theme's Sarabun files as `@font-face` rules with the font inside (base64),
/// so the report prints in Thai on a computer without a Thai font. The files come
/// from the site's theme, or the copies shipped with khaosan.
fn embedded_fonts(loaded: &Inputs) -> String {
    use base64::Engine as _;
    const THAI: &str = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC";
    const LATIN: &str = "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";
    let shipped: [(&str, u16, &str, &[u8]); 4] = [
        (
            "sarabun-thai-400-normal.woff2",
            400,
            THAI,
            include_bytes!("../themes/default/static/fonts/sarabun/sarabun-thai-400-normal.woff2"),
        ),
        (
            "sarabun-thai-700-normal.woff2",
            700,
            THAI,
            include_bytes!("../themes/default/static/fonts/sarabun/sarabun-thai-700-normal.woff2"),
        ),
        (
            "sarabun-latin-400-normal.woff2",
            400,
            LATIN,
            include_bytes!("../themes/default/static/fonts/sarabun/sarabun-latin-400-normal.woff2"),
        ),
        (
            "sarabun-latin-700-normal.woff2",
            700,
            LATIN,
            include_bytes!("../themes/default/static/fonts/sarabun/sarabun-latin-700-normal.woff2"),
        ),
    ];
    let mut css = String::new();
    for (name, weight, range, fallback) in shipped {
        let path = format!(
            "themes/{}/static/fonts/sarabun/{name}",
            loaded.settings.site.theme
        );
        let bytes = loaded
            .snapshot
            .files
            .get(&path)
            .and_then(|f| f.blob.read().ok())
            .map(|b| b.into_owned())
            .unwrap_or_else(|| fallback.to_vec());
        let _ = writeln!(
            css,
            "@font-face {{ font-family: Sarabun; font-style: normal; font-weight: {weight}; src: url(data:font/woff2;base64,{}) format(\"woff2\"); unicode-range: {range}; }}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        );
    }
    css
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
        fonts_css: embedded_fonts(loaded),
    }
}

/// The mean of all ratings of a survey, every answer weighing the same.
fn overall_mean(survey: &SurveySummary) -> f64 {
    let answers: u64 = survey.questions.iter().map(|q| q.answers).sum();
    if answers == 0 {
        return 0.0;
    }
    survey
        .questions
        .iter()
        .map(|q| q.mean * q.answers as f64)
        .sum::<f64>()
        / answers as f64
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

/// `90` → `1 ชม. 30 นาที`.
fn duration_th(minutes: f64) -> String {
    let total = minutes.round() as i64;
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} นาที"),
        (h, 0) => format!("{h} ชม."),
        (h, m) => format!("{h} ชม. {m} นาที"),
    }
}

impl Monitoring {
    /// A few sentences for the executives, in Thai as an office writes to its
    /// director, then the same in English.
    pub fn summary(&self) -> (String, String) {
        let mut th = vec![format!(
            "ในรอบการรายงาน {} สำนักงานได้เผยแพร่ข้อมูลใหม่บนเว็บไซต์ {} เรื่อง ปรับปรุงข้อมูลเดิม {} เรื่อง \
             และนำข้อมูลที่ครบกำหนดระยะเวลาเผยแพร่ออกจากเว็บไซต์ {} เรื่อง",
            self.round.label_th,
            self.published.len(),
            self.updated.len(),
            self.taken_down.len(),
        )];
        let mut en = vec![format!(
            "In {}, the office published {} new items on its website, updated {} and took down {} whose publication period had ended.",
            self.round.label_en,
            self.published.len(),
            self.updated.len(),
            self.taken_down.len(),
        )];
        let hours = self.latency.limit_hours;
        match self.latency.median_minutes {
            Some(median) => {
                th.push(format!(
                    "เรื่องที่ตรวจสอบเวลาได้ {} เรื่อง ใช้เวลาตั้งแต่ขออนุญาตจนได้รับอนุมัติ (ค่ามัธยฐาน) {} {}",
                    self.latency.measured,
                    duration_th(median),
                    if self.latency.late == 0 {
                        format!("ทุกเรื่องอยู่ในกรอบ {hours} ชั่วโมงตามแนวทาง")
                    } else {
                        format!(
                            "โดยมี {} เรื่องที่ใช้เวลาเกินกรอบ {hours} ชั่วโมงตามแนวทาง",
                            self.latency.late
                        )
                    }
                ));
                en.push(format!(
                    "Of {} requests with known times, the median time from request to approval was {median:.0} minutes; {} took longer than the guideline's {hours} hours.",
                    self.latency.measured, self.latency.late
                ));
            }
            None => {
                th.push("รอบนี้ไม่มีข้อมูลเวลาการขออนุญาตและการอนุมัติจากประวัติ git".to_string());
                en.push(
                    "No request and approval times from git are available for this round."
                        .to_string(),
                );
            }
        }
        if self.unapproved.is_empty() {
            th.push("ไม่มีการแก้ไขข้อมูลใดที่เผยแพร่โดยไม่ได้รับอนุมัติ".to_string());
            en.push("No change was published without approval.".to_string());
        } else {
            th.push(format!(
                "มีการแก้ไข {} รายการที่ยังไม่ได้รับอนุมัติ จึงยังไม่ถูกเผยแพร่",
                self.unapproved.len()
            ));
            en.push(format!(
                "{} changes were not approved and so were not published.",
                self.unapproved.len()
            ));
        }
        th.push(format!(
            "เมื่อสิ้นรอบ เว็บไซต์มีข้อมูลครบตามรายการมาตรฐาน {} จาก {} รายการ{}",
            self.provided,
            self.requirements,
            if self.gaps.is_empty() {
                " ไม่มีรายการที่ต้องดำเนินการเพิ่มเติม".to_string()
            } else {
                format!(
                    " ยังมีรายการที่ต้องดำเนินการ {} รายการ ดังรายละเอียดในหัวข้อปัญหาอุปสรรค",
                    self.gaps.len()
                )
            }
        ));
        en.push(format!(
            "At the end of the round {} of {} requirements were met; {} need action (see the problems section).",
            self.provided,
            self.requirements,
            self.gaps.len()
        ));
        if let Some(stats) = &self.statistics {
            if stats.days > 0 {
                th.push(format!(
                    "มีการเข้าชมเว็บไซต์ {} ครั้ง (นับจาก {} วันที่มีข้อมูล)",
                    stats.views, stats.days
                ));
                en.push(format!(
                    "The website had {} page views ({} days counted).",
                    stats.views, stats.days
                ));
            }
            if let (Some(fy), Some(survey)) = (stats.survey_fiscal_year, &stats.survey) {
                let mean = overall_mean(survey);
                th.push(format!(
                    "ผลการสำรวจความพึงพอใจปีงบประมาณ {fy} มีผู้ตอบ {} คน ความพึงพอใจเฉลี่ย {mean:.2} จากคะแนนเต็ม 5",
                    survey.respondents
                ));
                en.push(format!(
                    "The satisfaction survey of fiscal year {fy} had {} respondents, with a mean of {mean:.2} out of 5.",
                    survey.respondents
                ));
            }
        }
        (th.join(" "), en.join(" "))
    }

    /// Markdown, for the web master's notes or a pull request.
    pub fn markdown(&self, tz: Tz) -> String {
        let date = |at: DateTime<FixedOffset>| thai_date(at, tz, DateForm::Full, false);
        let time = |at: DateTime<FixedOffset>| thai_date(at, tz, DateForm::DateTime, false);
        let mut out = String::new();
        let (th, en) = self.summary();
        let _ = writeln!(
            out,
            "# รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลผ่านเว็บไซต์\n\n{}  \n{}  \nจัดทำเมื่อ (prepared) {}\n",
            self.site_title,
            self.round.label_th,
            time(self.now)
        );
        let _ = writeln!(out, "## สรุปสำหรับผู้บริหาร (Summary)\n\n{th}\n\n{en}\n");
        let _ = writeln!(
            out,
            "## จำนวนรายการตามหมวด (By section)\n\n| หมวด (section) | เผยแพร่ (published) | ปรับปรุง (updated) | นำลง (taken down) |\n|---|---:|---:|---:|"
        );
        for s in &self.sections {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                compliance::md_cell(&s.title),
                s.published,
                s.updated,
                s.taken_down
            );
        }
        let _ = writeln!(
            out,
            "| **รวม (total)** | **{}** | **{}** | **{}** |\n",
            self.published.len(),
            self.updated.len(),
            self.taken_down.len()
        );
        for (title, list) in [
            ("เผยแพร่ใหม่ (Published)", &self.published),
            ("ปรับปรุง (Updated)", &self.updated),
            ("นำลงเมื่อครบกำหนด (Taken down)", &self.taken_down),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {title}\n");
            for e in list {
                let _ = writeln!(
                    out,
                    "- {} [{}]({}) ({})",
                    date(e.at),
                    compliance::md_cell(&e.title),
                    e.url,
                    e.path
                );
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "## ระยะเวลาการอนุมัติ (Approval latency, limit {} h)\n",
            self.latency.limit_hours
        );
        match self.latency.median_minutes {
            None => {
                let _ = writeln!(
                    out,
                    "ไม่มีข้อมูลจาก git (no approvals with a known proposal time in the period)\n"
                );
            }
            Some(median) => {
                let _ = writeln!(
                    out,
                    "วัดได้ {} รายการ มัธยฐาน {} เกินกรอบ {} รายการ (measured {}, median {median:.0} min, late {})\n",
                    self.latency.measured,
                    duration_th(median),
                    self.latency.late,
                    self.latency.measured,
                    self.latency.late
                );
                for l in self.latency.items.iter().filter(|l| l.late) {
                    let _ = writeln!(
                        out,
                        "- เกินกรอบ (late): {} เสนอ {} อนุมัติ {} ({}) commit {}",
                        l.path,
                        time(l.proposed_at),
                        time(l.approved_at),
                        duration_th(l.minutes as f64),
                        short(&l.commit)
                    );
                }
                out.push('\n');
            }
        }
        let _ = writeln!(out, "## การเปลี่ยนแปลงที่ไม่ได้รับอนุมัติ (Changes never approved)\n");
        if self.unapproved.is_empty() {
            let _ = writeln!(out, "ไม่มี (none)\n");
        }
        for u in &self.unapproved {
            let _ = writeln!(
                out,
                "- {}{}: {}",
                u.path,
                u.commit
                    .as_deref()
                    .map(|c| format!(" ({})", short(c)))
                    .unwrap_or_default(),
                compliance::md_cell(&u.why)
            );
        }
        if !self.unapproved.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "## ข้อขาดตามรายการมาตรฐาน ณ {} (Gaps at the end of the period)\n\nครบ {} จาก {} รายการ (met {} of {})\n",
            date(self.gaps_at),
            self.provided,
            self.requirements,
            self.provided,
            self.requirements
        );
        for g in &self.gaps {
            let details: Vec<String> = g.gaps.iter().map(|x| x.describe(tz)).collect();
            let _ = writeln!(
                out,
                "- `{}` {}: {}",
                g.id,
                compliance::md_cell(&g.name_th),
                compliance::md_cell(&details.join("; "))
            );
        }
        if let Some(stats) = &self.statistics {
            let _ = writeln!(
                out,
                "\n## สถิติการเข้าชมและความพึงพอใจ (Visits and satisfaction)\n\n| เดือน (month) | การเข้าชม (views) | ผู้เข้าชม (visitors) |\n|---|---:|---:|"
            );
            for m in &stats.months {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    crate::statistics::charts::month_label(m, crate::content::Lang::Th),
                    m.views,
                    m.visitors
                );
            }
            if let (Some(fy), Some(survey)) = (stats.survey_fiscal_year, &stats.survey) {
                let _ = writeln!(
                    out,
                    "\nความพึงพอใจ ปีงบประมาณ {fy} (satisfaction, FY{fy}): ผู้ตอบ {} คน (respondents)\n\n| คำถาม (question) | ผู้ตอบ (answers) | ค่าเฉลี่ย (mean) |\n|---|---:|---:|",
                    survey.respondents
                );
                for q in &survey.questions {
                    let _ = writeln!(
                        out,
                        "| {} | {} | {:.2} |",
                        compliance::md_cell(&q.question),
                        q.answers,
                        q.mean
                    );
                }
            }
        }
        let _ = writeln!(out, "\n## ข้อจำกัดของรายงาน (Limits)\n");
        for l in &self.limits {
            let _ = writeln!(out, "- {l}");
        }
        out
    }

    /// One row per event, for a spreadsheet.
    pub fn csv(&self) -> String {
        let mut out = String::from("event,date,section,path,url,title,detail\n");
        let mut row = |kind: &str,
                       at: String,
                       section: &str,
                       path: &str,
                       url: &str,
                       title: &str,
                       detail: String| {
            let fields = [kind, &at, section, path, url, title, &detail];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        };
        for (kind, list) in [
            ("published", &self.published),
            ("updated", &self.updated),
            ("taken-down", &self.taken_down),
        ] {
            for e in list {
                row(
                    kind,
                    e.at.to_rfc3339(),
                    &e.section,
                    &e.path,
                    &e.url,
                    &e.title,
                    String::new(),
                );
            }
        }
        for l in &self.latency.items {
            row(
                "approval",
                l.approved_at.to_rfc3339(),
                "",
                &l.path,
                &l.url,
                &l.title,
                format!(
                    "proposed {}; {} min; {}",
                    l.proposed_at.to_rfc3339(),
                    l.minutes,
                    if l.late { "late" } else { "on time" }
                ),
            );
        }
        for u in &self.unapproved {
            row(
                "unapproved",
                String::new(),
                "",
                &u.path,
                "",
                "",
                u.why.clone(),
            );
        }
        for g in &self.gaps {
            let state = serde_json::to_value(g.state)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            row(
                "gap",
                self.gaps_at.to_rfc3339(),
                &g.group,
                &g.id,
                "",
                &g.name_th,
                state,
            );
        }
        out
    }

    /// A printable A4 document in Thai with Buddhist Era dates.
    pub fn html(&self, tz: Tz) -> String {
        let date =
            |at: DateTime<FixedOffset>| escape_markup(&thai_date(at, tz, DateForm::Full, false));
        let time = |at: DateTime<FixedOffset>| {
            escape_markup(&thai_date(at, tz, DateForm::DateTime, false))
        };
        let (th, en) = self.summary();
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลผ่านเว็บไซต์ {round}</title>
<style>
{fonts}@page {{ size: A4; margin: 20mm 18mm; }}
body {{ font-family: Sarabun, "TH Sarabun New", "Noto Sans Thai", "Leelawadee UI", Tahoma, sans-serif; font-size: 15px; line-height: 1.6; color: #000; max-width: 180mm; margin: 0 auto; }}
h1 {{ font-size: 20px; text-align: center; margin: 0 0 4px; }}
h2 {{ font-size: 17px; margin: 18px 0 6px; border-bottom: 1px solid #000; }}
p.centre {{ text-align: center; margin: 0; }}
table {{ border-collapse: collapse; width: 100%; margin: 6px 0; }}
th, td {{ border: 1px solid #000; padding: 2px 6px; vertical-align: top; text-align: left; }}
td.n {{ text-align: right; }}
.en {{ color: #333; font-size: 13px; }}
.sign {{ margin-top: 40px; display: flex; justify-content: space-between; }}
.sign div {{ width: 45%; text-align: center; }}
tr, li {{ break-inside: avoid; }}
</style>
</head>
<body>
<h1>รายงานผลการกำกับติดตามการเผยแพร่ข้อมูลต่อสาธารณะผ่านเว็บไซต์</h1>
<p class="centre">{site}</p>
<p class="centre">{round}</p>
<p class="centre en">Website publication monitoring report, {round_en}</p>
<p class="centre">จัดทำเมื่อ {now}</p>
<h2>สรุปสำหรับผู้บริหาร</h2>
<p>{th}</p>
<p class="en">{en}</p>
"#,
            round = escape_markup(&self.round.label_th),
            round_en = escape_markup(&self.round.label_en),
            site = escape_markup(&self.site_title),
            now = time(self.now),
            th = escape_markup(&th),
            en = escape_markup(&en),
            fonts = self.fonts_css,
        );
        let _ = write!(
            out,
            "<h2>จำนวนรายการตามหมวด</h2>\n<table><tr><th>หมวด</th><th>เผยแพร่ใหม่</th><th>ปรับปรุง</th><th>นำลง</th></tr>\n"
        );
        for s in &self.sections {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape_markup(&s.title),
                s.published,
                s.updated,
                s.taken_down
            );
        }
        let _ = writeln!(
            out,
            "<tr><th>รวม</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></table>",
            self.published.len(),
            self.updated.len(),
            self.taken_down.len()
        );
        for (title, list) in [
            ("รายการที่เผยแพร่ใหม่", &self.published),
            ("รายการที่ปรับปรุง", &self.updated),
            ("รายการที่นำลงเมื่อครบระยะเวลาเผยแพร่", &self.taken_down),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "<h2>{title}</h2>\n<table><tr><th>วันที่</th><th>เรื่อง</th><th>URL</th></tr>"
            );
            for e in list {
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    date(e.at),
                    escape_markup(&e.title),
                    escape_markup(&e.url)
                );
            }
            out.push_str("</table>\n");
        }
        let _ = writeln!(
            out,
            "<h2>ระยะเวลาการขออนุญาตและอนุมัติ (กรอบ {} ชั่วโมง)</h2>",
            self.latency.limit_hours
        );
        match self.latency.median_minutes {
            None => out.push_str("<p>ไม่มีข้อมูลจาก git ในช่วงนี้</p>\n"),
            Some(median) => {
                let _ = writeln!(
                    out,
                    "<p>วัดได้ {} รายการ มัธยฐาน {} เกินกรอบ {} รายการ</p>",
                    self.latency.measured,
                    escape_markup(&duration_th(median)),
                    self.latency.late
                );
                let late: Vec<&Latency> = self.latency.items.iter().filter(|l| l.late).collect();
                if !late.is_empty() {
                    out.push_str(
                        "<table><tr><th>เรื่อง</th><th>เสนอ</th><th>อนุมัติ</th><th>ใช้เวลา</th></tr>\n",
                    );
                    for l in late {
                        let _ = writeln!(
                            out,
                            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                            escape_markup(if l.title.is_empty() {
                                &l.path
                            } else {
                                &l.title
                            }),
                            time(l.proposed_at),
                            time(l.approved_at),
                            escape_markup(&duration_th(l.minutes as f64))
                        );
                    }
                    out.push_str("</table>\n");
                }
            }
        }
        out.push_str("<h2>การเปลี่ยนแปลงที่ไม่ได้รับอนุมัติ (ไม่ถูกเผยแพร่)</h2>\n");
        if self.unapproved.is_empty() {
            out.push_str("<p>ไม่มี</p>\n");
        } else {
            out.push_str("<ul>\n");
            for u in &self.unapproved {
                let _ = writeln!(
                    out,
                    "<li>{}: {}</li>",
                    escape_markup(&u.path),
                    escape_markup(&u.why)
                );
            }
            out.push_str("</ul>\n");
        }
        let _ = writeln!(
            out,
            "<h2>ปัญหาอุปสรรค: ข้อขาดตามรายการมาตรฐาน ณ {}</h2>\n<p>ครบถ้วน {} จาก {} รายการ</p>",
            date(self.gaps_at),
            self.provided,
            self.requirements
        );
        if !self.gaps.is_empty() {
            out.push_str("<table><tr><th>รหัส</th><th>รายการ</th><th>ข้อขาด</th></tr>\n");
            for g in &self.gaps {
                let details: Vec<String> = g.gaps.iter().map(|x| x.describe(tz)).collect();
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    escape_markup(&g.id),
                    escape_markup(&g.name_th),
                    escape_markup(&details.join("; "))
                );
            }
            out.push_str("</table>\n");
        }
        if let Some(stats) = &self.statistics {
            out.push_str(&statistics_html(stats));
        }
        out.push_str("<h2>ข้อจำกัดของรายงาน</h2>\n<ul>\n");
        for l in &self.limits {
            let _ = writeln!(out, "<li>{}</li>", escape_markup(l));
        }
        out.push_str(
            "</ul>\n<div class=\"sign\"><div>ลงชื่อ ............................................<br>(............................................)<br>ผู้ดูแลเว็บไซต์ (Web Master)</div>\
             <div>ลงชื่อ ............................................<br>(............................................)<br>ผู้บริหาร</div></div>\n</body>\n</html>\n",
        );
        out
    }
}

/// The visits of the round and the survey, as charts with their numbers beside.
fn statistics_html(stats: &RoundStatistics) -> String {
    use crate::content::Lang;
    use crate::statistics::charts::{month_label, survey_chart, visits_chart};
    let mut out = String::from("<h2>สถิติการเข้าชมและความพึงพอใจ</h2>\n");
    if stats.months.is_empty() {
        out.push_str("<p>ไม่มีข้อมูลสถิติการเข้าชมในรอบนี้</p>\n");
    } else {
        let title = "จำนวนการเข้าชมรายเดือน";
        out.push_str(&visits_chart(
            "report-visits",
            &stats.months,
            title,
            Lang::Th,
        ));
        out.push_str("<table><tr><th>เดือน</th><th>การเข้าชม (ครั้ง)</th><th>ผู้เข้าชม (คน)</th></tr>\n");
        for m in &stats.months {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                escape_markup(&month_label(m, Lang::Th)),
                m.views,
                m.visitors
            );
        }
        out.push_str("</table>\n");
    }
    if let (Some(fy), Some(survey)) = (stats.survey_fiscal_year, &stats.survey) {
        let title = format!(
            "ค่าเฉลี่ยความพึงพอใจ ปีงบประมาณ {fy} (ผู้ตอบ {} คน)",
            survey.respondents
        );
        let _ = writeln!(out, "<p>{}</p>", escape_markup(&title));
        out.push_str(&survey_chart(
            "report-survey",
            &survey.questions,
            &title,
            Lang::Th,
        ));
        out.push_str("<table><tr><th>ข้อ</th><th>คำถาม</th><th>ผู้ตอบ</th><th>ค่าเฉลี่ย</th></tr>\n");
        for (i, q) in survey.questions.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td></tr>",
                i + 1,
                escape_markup(&q.question),
                q.answers,
                q.mean
            );
        }
        out.push_str("</table>\n");
    }
    out
}

fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
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
mod tests {
    use super::*;
    use crate::dates::parse_now;
    use crate::source::{Approval, Blob, Notice, Snapshot, SourceFile};
    use std::sync::Arc;

    const TZ: Tz = chrono_tz::Asia::Bangkok;

    fn cutoffs() -> Vec<String> {
        vec!["02-28".into(), "07-31".into()]
    }

    #[test]
    fn default_round_is_the_last_one_that_ended() {
        let now = parse_now("2026-11-26T12:00:00+07:00").unwrap();
        let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
        assert_eq!(round.from.to_rfc3339(), "2026-03-01T00:00:00+07:00");
        assert_eq!(round.to.to_rfc3339(), "2026-08-01T00:00:00+07:00");
        assert!(
            round.label_th.starts_with("รอบที่ 2 ปีงบประมาณ 2569"),
            "{}",
            round.label_th
        );

        // In March 2028 (a leap year) round 1 of FY 2571 ran 1 Aug 2027 – 29 Feb 2028.
        let now = parse_now("2028-03-01T00:00:00+07:00").unwrap();
        let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
        assert_eq!(round.from.to_rfc3339(), "2027-08-01T00:00:00+07:00");
        assert_eq!(round.to.to_rfc3339(), "2028-03-01T00:00:00+07:00");
        assert!(
            round.label_th.starts_with("รอบที่ 1 ปีงบประมาณ 2571"),
            "{}",
            round.label_th
        );

        // The last day of a round is still inside it.
        let now = parse_now("2028-02-29T23:00:00+07:00").unwrap();
        let round = Round::latest_completed(&cutoffs(), now, TZ).unwrap();
        assert_eq!(round.to.to_rfc3339(), "2027-08-01T00:00:00+07:00");
    }

    #[test]
    fn days_are_common_era_and_in_order() {
        assert!(parse_day("2569-07-31").unwrap_err().contains("2026"));
        assert!(parse_day("31/07/2026").is_err());
        let (a, b) = (
            parse_day("2026-07-31").unwrap(),
            parse_day("2026-03-01").unwrap(),
        );
        assert!(Round::between(a, b, TZ).is_err());
        let round = Round::between(b, a, TZ).unwrap();
        assert_eq!(round.to.to_rfc3339(), "2026-08-01T00:00:00+07:00");
        assert_eq!(round.label_th, "1 มีนาคม 2569 – 31 กรกฎาคม 2569");
    }

    /// A site whose files carry git approvals, as the git source fills them.
    fn loaded_with_approvals(files: &[(&str, &str, Option<Approval>)]) -> Inputs {
        let site = crate::config::SiteConfig::parse(
            "title = \"t\"\nbase_url = \"https://o.example/\"\n[[section]]\nid = \"news\"\ntitle = \"ข่าว\"\n",
        )
        .unwrap();
        let registry = crate::registry::Registry::parse(
            "verify_git = true\n[[person]]\nid = \"inchai\"\nname = \"อินชัย\"\nroles = [\"approver\"]\n",
        )
        .unwrap();
        let mut snapshot = Snapshot {
            trust: Trust::Git,
            ..Snapshot::default()
        };
        for (slug, publish, approval) in files {
            let text = format!(
                "+++\ntitle = \"{slug}\"\napprover = \"inchai\"\npublish = {publish}\nexpires = 2027-01-01\n+++\n"
            );
            snapshot.files.insert(
                format!("content/news/{slug}.md"),
                SourceFile {
                    blob: Blob::Bytes(Arc::from(text.as_bytes())),
                    approval: approval.clone(),
                },
            );
        }
        let settings = crate::settings::Settings {
            site,
            registry,
            checklist: Ok(Checklist::builtin()),
        };
        let parsed = crate::parse::parse(&snapshot, &settings);
        Inputs {
            snapshot,
            settings,
            parsed,
        }
    }

    fn approval(proposed: &str, approved: &str) -> Approval {
        Approval {
            commit: format!("merge-{approved}"),
            approver: "inchai".into(),
            approved_at: parse_now(approved).unwrap(),
            proposed_at: Some(parse_now(proposed).unwrap()),
            later_unapproved: Vec::new(),
            signature: Default::default(),
        }
    }

    #[test]
    fn latency_updates_and_unapproved_changes_from_git_approvals() {
        let mut pending = approval("2026-05-20T08:00:00+07:00", "2026-05-20T08:45:00+07:00");
        pending.later_unapproved.push(Notice {
            path: Some("content/news/e.md".into()),
            commit: Some("abc".into()),
            at: None,
            kind: crate::source::NoticeKind::Ignored,
            message: "changed by wasana, not approved".into(),
        });
        let loaded = loaded_with_approvals(&[
            (
                "a",
                "2026-05-01",
                Some(approval(
                    "2026-04-30T09:00:00+07:00",
                    "2026-04-30T09:30:00+07:00",
                )),
            ),
            (
                "b",
                "2026-05-02",
                Some(approval(
                    "2026-05-01T08:00:00+07:00",
                    "2026-05-01T11:00:00+07:00",
                )),
            ),
            (
                "c",
                "2026-04-01",
                Some(approval(
                    "2026-05-10T09:00:00+07:00",
                    "2026-05-10T10:00:00+07:00",
                )),
            ),
            (
                "d",
                "2026-05-03",
                Some(approval(
                    "2026-05-03T07:00:00+07:00",
                    "2026-05-03T07:10:00+07:00",
                )),
            ),
            ("e", "2026-05-21", Some(pending)),
            ("f", "2026-05-04", None),
        ]);
        let checklist = Checklist::parse("").unwrap();
        let first = parse_day("2026-05-01").unwrap();
        let last = parse_day("2026-05-31").unwrap();
        let m = monitor(
            &loaded,
            &loaded.decide(parse_now("2026-06-15T12:00:00+07:00").unwrap()),
            &checklist,
            Round::between(first, last, TZ).unwrap(),
            TZ,
        );
        // a was approved in April: outside. b 3 h (late), c 1 h, d 10 min, e 45 min.
        let got: Vec<(String, i64, bool)> = m
            .latency
            .items
            .iter()
            .map(|l| (l.path.clone(), l.minutes, l.late))
            .collect();
        assert_eq!(
            got,
            [
                ("content/news/b.md".to_string(), 180, true),
                ("content/news/d.md".to_string(), 10, false),
                ("content/news/c.md".to_string(), 60, false),
                ("content/news/e.md".to_string(), 45, false),
            ]
        );
        assert_eq!(m.latency.median_minutes, Some(52.5));
        assert_eq!(m.latency.late, 1);
        let updated: Vec<&str> = m.updated.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            updated,
            ["content/news/c.md"],
            "approved long after it went out"
        );
        let published: Vec<&str> = m.published.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            published,
            [
                "content/news/a.md",
                "content/news/b.md",
                "content/news/d.md",
                "content/news/e.md"
            ]
        );
        let unapproved: Vec<&str> = m.unapproved.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(unapproved, ["content/news/e.md", "content/news/f.md"]);
        assert!(
            m.limits
                .iter()
                .any(|l| l.contains("newest approved version"))
        );
    }

    #[test]
    fn median_and_late_against_the_limit() {
        let at = parse_now("2026-05-01T10:00:00+07:00").unwrap();
        let latency = |minutes: i64| Latency {
            path: format!("content/news/{minutes}.md"),
            url: String::new(),
            title: String::new(),
            commit: "c".into(),
            approver: "inchai".into(),
            proposed_at: at - Duration::minutes(minutes),
            approved_at: at,
            minutes,
            late: minutes > 120,
        };
        let s = summarise(
            vec![latency(30), latency(60), latency(180), latency(600)],
            2.0,
        );
        assert_eq!(s.median_minutes, Some(120.0));
        assert_eq!(s.late, 2);
        assert_eq!(summarise(vec![latency(45)], 2.0).median_minutes, Some(45.0));
        assert_eq!(summarise(Vec::new(), 2.0).median_minutes, None);
        assert_eq!(duration_th(90.0), "1 ชม. 30 นาที");
    }
}
