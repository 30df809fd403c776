//! Charts for `/statistics/` and the monitoring report, drawn as SVG at build time.
//!
//! No script and nothing from another host. Each chart is an image with a title and
//! a description (its accessible name), bars are told apart by shape (solid and
//! outlined), not colour, every bar carries its number, and the page puts the same
//! numbers in a table beside it. Colours come from `currentColor`, so the chart
//! follows the page's text colour, dark mode and high contrast included.

use std::fmt::Write as _;

use super::{MonthRow, QuestionSummary};
use crate::content::Lang;
use crate::render::templates::escape_markup;

const MONTHS_TH: [&str; 12] = crate::dates::MONTHS_SHORT;
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `ต.ค. 68` / `Oct 2025`: a month's short label.
pub fn month_label(row: &MonthRow, lang: Lang) -> String {
    let m = (row.month_number.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Th => format!("{} {:02}", MONTHS_TH[m], (row.year + 543) % 100),
        Lang::En => format!("{} {}", MONTHS_EN[m], row.year),
    }
}

/// Page views (solid) and visitors (outlined) per month, one pair of bars each.
pub fn visits_chart(id: &str, rows: &[MonthRow], title: &str, lang: Lang) -> String {
    let max = rows
        .iter()
        .map(|r| r.views.max(r.visitors))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = 52.0;
    let (top, plot, left) = (34.0, 150.0, 8.0);
    // Wide enough for the legend even with one or two months.
    let width = (left * 2.0 + slot * rows.len().max(1) as f64).max(300.0);
    let height = top + plot + 40.0;
    let (views_word, visitors_word) = match lang {
        Lang::Th => ("การเข้าชม (หน้า)", "ผู้เข้าชม (คน)"),
        Lang::En => ("Page views", "Visitors"),
    };
    let desc: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}: {views_word} {}, {visitors_word} {}",
                month_label(r, lang),
                r.views,
                r.visitors
            )
        })
        .collect();
    let mut svg = open(id, width, height, title, &desc.join("; "));
    legend(&mut svg, views_word, visitors_word);
    for (i, r) in rows.iter().enumerate() {
        let x = left + slot * i as f64 + 6.0;
        for (j, value) in [r.views, r.visitors].into_iter().enumerate() {
            let h = plot * value as f64 / max as f64;
            let bx = x + j as f64 * 20.0;
            let y = top + plot - h;
            let style = if j == 0 {
                r#"fill="currentColor""#
            } else {
                r#"fill="none" stroke="currentColor" stroke-width="2""#
            };
            let _ = write!(
                svg,
                r#"<rect x="{bx:.1}" y="{y:.1}" width="18" height="{h:.1}" {style}/><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle">{value}</text>"#,
                bx + 9.0,
                y - 3.0
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#,
            x + 19.0,
            top + plot + 16.0,
            escape_markup(&month_label(r, lang))
        );
    }
    let _ = write!(
        svg,
        r#"<line x1="{left}" y1="{y}" x2="{:.1}" y2="{y}" stroke="currentColor"/></svg>"#,
        width - left,
        y = top + plot
    );
    svg
}

/// The mean of each rating question on a 1–5 scale, one bar each, labelled `ข้อ 1`….
pub fn survey_chart(id: &str, questions: &[QuestionSummary], title: &str, lang: Lang) -> String {
    let (row_h, top, label_w, scale_w) = (28.0, 8.0, 48.0, 230.0);
    let width = label_w + scale_w + 44.0;
    let height = top + row_h * questions.len().max(1) as f64 + 24.0;
    let word = match lang {
        Lang::Th => "ข้อ",
        Lang::En => "Q",
    };
    let desc: Vec<String> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| format!("{word} {} {}: {:.2}", i + 1, q.question, q.mean))
        .collect();
    let mut svg = open(id, width, height, title, &desc.join("; "));
    for (i, q) in questions.iter().enumerate() {
        let y = top + row_h * i as f64;
        let w = scale_w * q.mean.clamp(0.0, 5.0) / 5.0;
        let _ = write!(
            svg,
            r#"<text x="2" y="{:.1}" font-size="13">{word} {}</text><rect x="{label_w}" y="{y:.1}" width="{w:.1}" height="18" fill="currentColor"/><rect x="{label_w}" y="{y:.1}" width="{scale_w}" height="18" fill="none" stroke="currentColor" stroke-width="0.5"/><text x="{:.1}" y="{:.1}" font-size="13">{:.2}</text>"#,
            y + 13.0,
            i + 1,
            label_w + scale_w + 6.0,
            y + 13.0,
            q.mean
        );
    }
    // The scale 1–5 under the bars.
    let base = top + row_h * questions.len() as f64 + 2.0;
    for n in 0..=5 {
        let x = label_w + scale_w * f64::from(n) / 5.0;
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle">{n}</text>"#,
            base + 10.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn open(id: &str, width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" font-family="inherit" fill="currentColor"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape_markup(title),
        escape_markup(desc)
    )
}

fn legend(svg: &mut String, solid: &str, outlined: &str) {
    let _ = write!(
        svg,
        r#"<rect x="8" y="6" width="12" height="12" fill="currentColor"/><text x="24" y="16" font-size="11">{}</text><rect x="150" y="6" width="12" height="12" fill="none" stroke="currentColor" stroke-width="2"/><text x="166" y="16" font-size="11">{}</text>"#,
        escape_markup(solid),
        escape_markup(outlined)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_carry_names_and_numbers() {
        let rows = [MonthRow {
            month: "2025-10".into(),
            year: 2025,
            month_number: 10,
            views: 120,
            visitors: 45,
            days: 31,
        }];
        let svg = visits_chart("v", &rows, "การเข้าชม <ปี>", Lang::Th);
        assert!(svg.contains(r#"aria-labelledby="v-title v-desc""#));
        assert!(svg.contains("&lt;ปี&gt;"));
        assert!(svg.contains(">120</text>") && svg.contains(">45</text>"));
        assert!(svg.contains("ต.ค. 68"));
        let q = [QuestionSummary::from_counts(
            "ความพึงพอใจ".into(),
            [0, 0, 0, 1, 1],
        )];
        let svg = survey_chart("s", &q, "ความพึงพอใจ", Lang::Th);
        assert!(svg.contains(">4.50</text>") && svg.contains("ข้อ 1"));
    }
}
