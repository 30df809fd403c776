//! What `/statistics/` shows from `data/statistics.json`: the visits of a fiscal
//! year by month, its most viewed pages and the satisfaction survey, each as an
//! SVG chart with the same numbers in a table.
//!
//! The most viewed pages are matched to live items (and the home page) and shown by
//! their titles; a path that is not live now (a withdrawn item, a mistyped URL) is
//! left out, so the list cannot bring a withheld page back.

use std::collections::HashMap;

use serde_json::{Value, json};

use crate::content::Lang;
use crate::dates::fiscal_year_be;
use crate::site::Site;
use crate::statistics::charts::{month_label, survey_chart, visits_chart};
use crate::statistics::{StatisticsData, fiscal_year_of};

/// How many of the most viewed pages the page lists.
const TOP_PAGES: usize = 10;

/// The `statistics.visits` and `statistics.survey` of the template, or nulls.
pub(super) fn view(site: &Site<'_>, lang: Lang) -> (Value, Value) {
    let Some(data) = &site.statistics else {
        return (Value::Null, Value::Null);
    };
    let current = fiscal_year_be(site.now, site.tz);
    (
        visits(site, data, current, lang),
        survey(data, current, lang),
    )
}

/// The newest fiscal year, not after `current`, that `has` data.
fn year_to_show(years: impl Iterator<Item = i32>, current: i32) -> Option<i32> {
    years.filter(|y| *y <= current).max()
}

fn visits(site: &Site<'_>, data: &StatisticsData, current: i32, lang: Lang) -> Value {
    let years = data.visits.days.keys().filter_map(|d| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .ok()
            .map(fiscal_year_of)
    });
    let Some(fy) = year_to_show(years, current) else {
        return Value::Null;
    };
    let months = data.months_of(fy);
    let title = match lang {
        Lang::Th => format!("จำนวนการเข้าชมรายเดือน ปีงบประมาณ {fy}"),
        Lang::En => format!("Visits by month, fiscal year {fy}"),
    };
    let chart = visits_chart("chart-visits", &months, &title, lang);
    let live = live_pages(site, lang);
    let top: Vec<Value> = data
        .top_pages(fy)
        .into_iter()
        .filter_map(|(path, views)| {
            live.get(path.as_str())
                .map(|(title, url)| json!({"title": title, "url": url, "views": views}))
        })
        .take(TOP_PAGES)
        .collect();
    json!({
        "fiscal_year": fy,
        "title": title,
        "chart": chart,
        "months": months.iter().map(|m| json!({
            "label": month_label(m, lang),
            "views": m.views,
            "visitors": m.visitors,
            "days": m.days,
        })).collect::<Vec<_>>(),
        "total_views": months.iter().map(|m| m.views).sum::<u64>(),
        "top_pages": top,
    })
}

/// Decoded site paths (`/news/a/`, under the base path) of live pages in `lang`
/// and the home page, with their titles and links.
fn live_pages(site: &Site<'_>, lang: Lang) -> HashMap<String, (String, String)> {
    let decode = |link: &str| {
        percent_encoding::percent_decode_str(link)
            .decode_utf8_lossy()
            .into_owned()
    };
    let mut pages = HashMap::new();
    let home = site.urls.link(lang.prefix());
    let home_title = match lang {
        Lang::Th => "หน้าแรก",
        Lang::En => "Home",
    };
    pages.insert(decode(&home), (home_title.to_string(), home));
    for live in site.items.iter().filter(|l| l.item.lang == lang) {
        let link = site.urls.link(&live.item.url());
        pages.insert(decode(&link), (live.item.front.title.clone(), link));
    }
    pages
}

fn survey(data: &StatisticsData, current: i32, lang: Lang) -> Value {
    let years = data.surveys.keys().filter_map(|y| y.parse::<i32>().ok());
    let Some(fy) = year_to_show(years, current) else {
        return Value::Null;
    };
    let Some(summary) = data.surveys.get(&fy.to_string()) else {
        return Value::Null;
    };
    let title = match lang {
        Lang::Th => format!("ค่าเฉลี่ยความพึงพอใจ (คะแนนเต็ม 5) ปีงบประมาณ {fy}"),
        Lang::En => format!("Mean satisfaction (out of 5), fiscal year {fy}"),
    };
    let answers: u64 = summary.questions.iter().map(|q| q.answers).sum();
    let weighted: f64 = summary
        .questions
        .iter()
        .map(|q| q.mean * q.answers as f64)
        .sum();
    let overall = if answers == 0 {
        0.0
    } else {
        (weighted / answers as f64 * 100.0).round() / 100.0
    };
    json!({
        "fiscal_year": fy,
        "title": title,
        "chart": survey_chart("chart-survey", &summary.questions, &title, lang),
        "respondents": summary.respondents,
        "first": summary.first,
        "last": summary.last,
        "overall": format!("{overall:.2}"),
        "questions": summary.questions.iter().enumerate().map(|(i, q)| json!({
            "number": i + 1,
            "question": q.question,
            "answers": q.answers,
            "mean": format!("{:.2}", q.mean),
            // Highest first, as Thai forms list them: มากที่สุด … น้อยที่สุด.
            "counts": q.counts.iter().rev().collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
