//! The report as people read it: sentences for the executives, then the same
//! figures as Markdown, a printable A4 page (both from the built-in templates
//! `documents/report.md` and `documents/report.html`, which a theme may override)
//! and a spreadsheet.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Latency, Monitoring, RoundStatistics};
use crate::content::Lang;
use crate::documents::{Csv, Documents};
use crate::inputs::Inputs;
use crate::statistics::SurveySummary;
use crate::statistics::charts::{month_label, survey_chart, visits_chart};

/// The report's templates, for [`Documents::load`].
pub const TEMPLATES: &[(&str, &str)] = &[
    (MARKDOWN, include_str!("../documents/report.md")),
    (HTML, include_str!("../documents/report.html")),
];
const MARKDOWN: &str = "documents/report.md";
const HTML: &str = "documents/report.html";

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

/// `90` → `1 ชม. 30 นาที`.
pub(super) fn duration_th(minutes: f64) -> String {
    let total = minutes.round() as i64;
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} นาที"),
        (h, 0) => format!("{h} ชม."),
        (h, m) => format!("{h} ชม. {m} นาที"),
    }
}

fn short(commit: &str) -> &str {
    commit.get(..10).unwrap_or(commit)
}

/// What the templates get besides the report's own fields: sentences, durations
/// and numbers already written out, and the charts.
#[derive(Serialize)]
struct View<'a> {
    #[serde(flatten)]
    report: &'a Monitoring,
    summary_th: String,
    summary_en: String,
    latency_view: LatencyView,
    unapproved_view: Vec<UnapprovedView<'a>>,
    gaps_view: Vec<GapView<'a>>,
    statistics_view: Option<StatisticsView>,
    /// `@font-face` rules with the fonts inside, for the HTML form.
    fonts_css: &'a str,
}

#[derive(Serialize)]
struct LatencyView {
    /// `2`, `1.5`: as the checklist gives it.
    limit_hours: String,
    /// The median as `1 ชม. 30 นาที`, and in whole minutes; absent without data.
    median_th: Option<String>,
    median_minutes: Option<String>,
    late: Vec<LateView>,
}

#[derive(Serialize)]
struct LateView {
    path: String,
    title: String,
    proposed_at: String,
    approved_at: String,
    duration_th: String,
    commit: String,
}

#[derive(Serialize)]
struct UnapprovedView<'a> {
    path: &'a str,
    commit: Option<&'a str>,
    why: &'a str,
}

#[derive(Serialize)]
struct GapView<'a> {
    id: &'a str,
    name_th: &'a str,
    /// Every gap of the requirement, one after another.
    details: String,
}

#[derive(Serialize)]
struct StatisticsView {
    months: Vec<MonthView>,
    visits_chart: String,
    survey: Option<SurveyView>,
}

#[derive(Serialize)]
struct MonthView {
    label: String,
    views: u64,
    visitors: u64,
}

#[derive(Serialize)]
struct SurveyView {
    fiscal_year: i32,
    respondents: u64,
    title: String,
    chart: String,
    questions: Vec<QuestionView>,
}

#[derive(Serialize)]
struct QuestionView {
    question: String,
    answers: u64,
    /// Two decimals.
    mean: String,
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
    pub fn markdown(&self, docs: &Documents) -> anyhow::Result<String> {
        docs.render(MARKDOWN, &self.view(docs))
    }

    /// A printable A4 document in Thai with Buddhist Era dates.
    pub fn html(&self, docs: &Documents) -> anyhow::Result<String> {
        docs.render(HTML, &self.view(docs))
    }

    fn view(&self, docs: &Documents) -> View<'_> {
        let tz = docs.tz();
        let (summary_th, summary_en) = self.summary();
        let late = self
            .latency
            .items
            .iter()
            .filter(|l| l.late)
            .map(|l: &Latency| LateView {
                path: l.path.clone(),
                title: l.title.clone(),
                proposed_at: l.proposed_at.to_rfc3339(),
                approved_at: l.approved_at.to_rfc3339(),
                duration_th: duration_th(l.minutes as f64),
                commit: short(&l.commit).to_string(),
            })
            .collect();
        View {
            report: self,
            summary_th,
            summary_en,
            latency_view: LatencyView {
                limit_hours: self.latency.limit_hours.to_string(),
                median_th: self.latency.median_minutes.map(duration_th),
                median_minutes: self.latency.median_minutes.map(|m| format!("{m:.0}")),
                late,
            },
            unapproved_view: self
                .unapproved
                .iter()
                .map(|u| UnapprovedView {
                    path: &u.path,
                    commit: u.commit.as_deref().map(short),
                    why: &u.why,
                })
                .collect(),
            gaps_view: self
                .gaps
                .iter()
                .map(|g| GapView {
                    id: &g.id,
                    name_th: &g.name_th,
                    details: g
                        .gaps
                        .iter()
                        .map(|x| x.describe(tz))
                        .collect::<Vec<_>>()
                        .join("; "),
                })
                .collect(),
            statistics_view: self.statistics.as_ref().map(statistics_view),
            fonts_css: &self.fonts_css,
        }
    }

    /// One row per event, for a spreadsheet.
    pub fn csv(&self) -> anyhow::Result<String> {
        let mut csv = Csv::new(&["event", "date", "section", "path", "url", "title", "detail"])?;
        for (kind, list) in [
            ("published", &self.published),
            ("updated", &self.updated),
            ("taken-down", &self.taken_down),
        ] {
            for e in list {
                csv.row([
                    kind,
                    &e.at.to_rfc3339(),
                    &e.section,
                    &e.path,
                    &e.url,
                    &e.title,
                    "",
                ])?;
            }
        }
        for l in &self.latency.items {
            let detail = format!(
                "proposed {}; {} min; {}",
                l.proposed_at.to_rfc3339(),
                l.minutes,
                if l.late { "late" } else { "on time" }
            );
            csv.row([
                "approval",
                &l.approved_at.to_rfc3339(),
                "",
                &l.path,
                &l.url,
                &l.title,
                &detail,
            ])?;
        }
        for u in &self.unapproved {
            csv.row(["unapproved", "", "", &u.path, "", "", &u.why])?;
        }
        for g in &self.gaps {
            let state = serde_json::to_value(g.state)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            csv.row([
                "gap",
                &self.gaps_at.to_rfc3339(),
                &g.group,
                &g.id,
                "",
                &g.name_th,
                &state,
            ])?;
        }
        csv.into_string()
    }
}

/// The visits of the round and the survey, with their charts drawn.
fn statistics_view(stats: &RoundStatistics) -> StatisticsView {
    let survey = match (stats.survey_fiscal_year, &stats.survey) {
        (Some(fy), Some(survey)) => {
            let title = format!(
                "ค่าเฉลี่ยความพึงพอใจ ปีงบประมาณ {fy} (ผู้ตอบ {} คน)",
                survey.respondents
            );
            Some(SurveyView {
                fiscal_year: fy,
                respondents: survey.respondents,
                chart: survey_chart("report-survey", &survey.questions, &title, Lang::Th),
                title,
                questions: survey
                    .questions
                    .iter()
                    .map(|q| QuestionView {
                        question: q.question.clone(),
                        answers: q.answers,
                        mean: format!("{:.2}", q.mean),
                    })
                    .collect(),
            })
        }
        _ => None,
    };
    StatisticsView {
        months: stats
            .months
            .iter()
            .map(|m| MonthView {
                label: month_label(m, Lang::Th),
                views: m.views,
                visitors: m.visitors,
            })
            .collect(),
        visits_chart: if stats.months.is_empty() {
            String::new()
        } else {
            visits_chart(
                "report-visits",
                &stats.months,
                "จำนวนการเข้าชมรายเดือน",
                Lang::Th,
            )
        },
        survey,
    }
}

/// The theme's Sarabun files as `@font-face` rules with the font inside (base64),
/// so the report prints in Thai on a computer without a Thai font. The files come
/// from the site's theme, or the copies shipped with khaosan.
pub(super) fn embedded_fonts(loaded: &Inputs) -> String {
    use base64::Engine as _;
    const THAI: &str = "U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC";
    const LATIN: &str = "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";
    let shipped: [(&str, u16, &str, &[u8]); 4] = [
        (
            "sarabun-thai-400-normal.woff2",
            400,
            THAI,
            include_bytes!(
                "../../themes/default/static/fonts/sarabun/sarabun-thai-400-normal.woff2"
            ),
        ),
        (
            "sarabun-thai-700-normal.woff2",
            700,
            THAI,
            include_bytes!(
                "../../themes/default/static/fonts/sarabun/sarabun-thai-700-normal.woff2"
            ),
        ),
        (
            "sarabun-latin-400-normal.woff2",
            400,
            LATIN,
            include_bytes!(
                "../../themes/default/static/fonts/sarabun/sarabun-latin-400-normal.woff2"
            ),
        ),
        (
            "sarabun-latin-700-normal.woff2",
            700,
            LATIN,
            include_bytes!(
                "../../themes/default/static/fonts/sarabun/sarabun-latin-700-normal.woff2"
            ),
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
