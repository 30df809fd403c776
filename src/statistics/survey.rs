//! `khaosan survey FILE`: the satisfaction survey's answers, summarised per fiscal year.
//!
//! Reads what the office's form tool exports: Google Forms CSV (UTF-8), Microsoft
//! Forms XLSX, or a CSV saved by Thai Excel (Windows-874). A column is a rating
//! question when every answer in it is a 1–5 rating: a number, or a label such as
//! มากที่สุด … น้อยที่สุด or "Very satisfied" … "Very dissatisfied". The time column
//! (ประทับเวลา, Timestamp, Start time, …) puts each answer in its fiscal year; an
//! export without one needs `--fiscal-year`. Only counts are kept, never a name, an
//! e-mail address or a comment.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::NaiveDate;

use super::{QuestionSummary, SurveySummary, fiscal_year_of};
use crate::dates::BE_OFFSET;

/// Headers of the column that says when an answer was given (lower case).
const TIME_HEADERS: &[&str] = &[
    "ประทับเวลา",
    "timestamp",
    "เวลาที่เสร็จสมบูรณ์",
    "completion time",
    "เวลาเริ่มต้น",
    "start time",
    "วันที่ตอบ",
    "วันที่",
    "date",
];

/// Thai and English rating labels, longest first so "มากที่สุด" is not read as "มาก".
const LABELS: &[(&str, u8)] = &[
    ("very dissatisfied", 1),
    ("very satisfied", 5),
    ("dissatisfied", 2),
    ("satisfied", 4),
    ("neutral", 3),
    ("มากที่สุด", 5),
    ("น้อยที่สุด", 1),
    ("ปานกลาง", 3),
    ("มาก", 4),
    ("น้อย", 2),
];

/// One cell of the export.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

/// The export as a table: the header row, then one row per respondent.
#[derive(Debug, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Reads an export by its extension: `.xlsx` with calamine, anything else as CSV.
pub fn read_table(path: &Path) -> anyhow::Result<Table> {
    let bytes = std::fs::read(path).with_context(|| crate::messages::CANNOT_READ.at(path))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if ext == "xlsx" || ext == "xlsm" {
        read_xlsx(bytes).with_context(|| {
            crate::messages::SURVEY_NOT_XLSX.say(&[("file", &path.display().to_string())])
        })
    } else {
        read_csv(&bytes).with_context(|| {
            crate::messages::SURVEY_NOT_CSV.say(&[("file", &path.display().to_string())])
        })
    }
}

/// CSV in UTF-8 (with or without a byte-order mark) or, when it is not UTF-8,
/// Windows-874, the code page Thai Excel saves in.
pub fn read_csv(bytes: &[u8]) -> anyhow::Result<Table> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_874.decode(bytes).0.into_owned(),
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record?;
        rows.push(
            record
                .iter()
                .map(|v| {
                    if v.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(v.trim().to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Table { headers, rows })
}

/// The first worksheet of an XLSX workbook (Microsoft Forms puts the answers there).
pub fn read_xlsx(bytes: Vec<u8>) -> anyhow::Result<Table> {
    use calamine::{Data, Reader};
    let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes))?;
    let Some(range) = workbook.worksheet_range_at(0) else {
        bail!(crate::messages::SURVEY_NO_WORKSHEET.say(&[]));
    };
    let range = range?;
    let mut rows = range.rows();
    let headers = rows
        .next()
        .map(|r| r.iter().map(|c| c.to_string().trim().to_string()).collect())
        .unwrap_or_default();
    let rows = rows
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => Cell::Empty,
                    Data::Int(n) => Cell::Number(*n as f64),
                    Data::Float(f) => Cell::Number(*f),
                    Data::DateTime(dt) => dt
                        .as_datetime()
                        .map_or(Cell::Empty, |d| Cell::Date(d.date())),
                    other => {
                        let text = other.to_string();
                        if text.trim().is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(text.trim().to_string())
                        }
                    }
                })
                .collect()
        })
        .collect();
    Ok(Table { headers, rows })
}

/// A rating 1–5 from a cell, or `None` when it is not one. A label must be the
/// whole answer (`มาก`, `พึงพอใจมากที่สุด`, `5 - มากที่สุด`), so a comment such as
/// "ดีมาก" is not read as a rating.
pub fn rating(cell: &Cell) -> Option<u8> {
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && (1.0..=5.0).contains(n) => Some(*n as u8),
        Cell::Text(text) => {
            let text = from_thai_digits(text.trim());
            if let Ok(n) = text.parse::<f64>() {
                return rating(&Cell::Number(n));
            }
            let digits: Vec<char> = text.chars().filter(char::is_ascii_digit).collect();
            let words: String = text
                .chars()
                .filter(|c| !c.is_ascii_digit() && !" -–().:=".contains(*c))
                .collect::<String>()
                .to_lowercase();
            let words = ["ระดับ", "พึงพอใจ", "พอใจ"]
                .iter()
                .fold(words.as_str(), |w, prefix| {
                    w.strip_prefix(prefix).unwrap_or(w)
                })
                .to_string();
            let label = LABELS
                .iter()
                .find(|(label, _)| label.replace(' ', "") == words)
                .map(|(_, n)| *n);
            match (digits.as_slice(), label) {
                ([], label) => label,
                ([d @ '1'..='5'], None) if words.is_empty() => d.to_digit(10).map(|d| d as u8),
                ([d @ '1'..='5'], Some(n)) if d.to_digit(10) == Some(u32::from(n)) => Some(n),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The day of a time cell: a date, or text such as `2026/11/15 10:23:45 AM GMT+7`,
/// `15/11/2569 10:23` (Buddhist Era) or `11/15/2026 10:23:45`.
pub fn day_of(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        Cell::Text(text) => {
            let head = text.split([' ', ',', 'T']).next()?;
            let parts: Vec<i32> = head
                .split(['/', '-', '.'])
                .map(|p| from_thai_digits(p).parse().ok())
                .collect::<Option<Vec<i32>>>()?;
            let [a, b, c] = parts[..] else {
                return None;
            };
            let (y, m, d) = if a > 31 {
                (a, b, c)
            } else if a > 12 {
                (c, b, a)
            } else if b > 12 {
                (c, a, b)
            } else {
                // Both could be a month: Thai and Google's Thai locale write day first.
                (c, b, a)
            };
            let y = if y > 2400 { y - BE_OFFSET } else { y };
            NaiveDate::from_ymd_opt(y, u32::try_from(m).ok()?, u32::try_from(d).ok()?)
        }
        _ => None,
    }
}

/// Summarises the table per fiscal year. `fiscal_year` (B.E.) puts every answer in
/// one year, for exports without a time column.
pub fn summarise(
    table: &Table,
    source: &str,
    fiscal_year: Option<i32>,
) -> anyhow::Result<BTreeMap<i32, SurveySummary>> {
    let time_column = table.headers.iter().position(|h| {
        let h = h.to_lowercase();
        TIME_HEADERS.iter().any(|t| h == *t || h.starts_with(t))
    });
    if time_column.is_none() && fiscal_year.is_none() {
        bail!(crate::messages::SURVEY_NO_TIME_COLUMN.say(&[]));
    }
    let questions: Vec<usize> = (0..table.headers.len())
        .filter(|&c| Some(c) != time_column)
        .filter(|&c| {
            let mut answers = table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .filter(|cell| **cell != Cell::Empty)
                .peekable();
            answers.peek().is_some() && answers.all(|cell| rating(cell).is_some())
        })
        .collect();
    if questions.is_empty() {
        bail!(crate::messages::SURVEY_NO_RATING.say(&[]));
    }
    struct Year {
        respondents: u64,
        first: Option<NaiveDate>,
        last: Option<NaiveDate>,
        counts: Vec<[u64; 5]>,
    }
    let mut years: BTreeMap<i32, Year> = BTreeMap::new();
    let mut undated = 0;
    for row in &table.rows {
        if row.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let day = time_column.and_then(|c| row.get(c)).and_then(day_of);
        let Some(fy) = fiscal_year.or(day.map(fiscal_year_of)) else {
            undated += 1;
            continue;
        };
        let year = years.entry(fy).or_insert_with(|| Year {
            respondents: 0,
            first: None,
            last: None,
            counts: vec![[0; 5]; questions.len()],
        });
        year.respondents += 1;
        if let Some(day) = day {
            year.first = Some(year.first.map_or(day, |f| f.min(day)));
            year.last = Some(year.last.map_or(day, |l| l.max(day)));
        }
        for (q, &c) in questions.iter().enumerate() {
            if let Some(n) = row.get(c).and_then(rating) {
                year.counts[q][usize::from(n) - 1] += 1;
            }
        }
    }
    if undated > 0 && years.is_empty() {
        bail!(crate::messages::SURVEY_NO_READABLE_TIME.say(&[("rows", &undated.to_string())]));
    }
    Ok(years
        .into_iter()
        .map(|(fy, year)| {
            let summary = SurveySummary {
                source: source.to_string(),
                respondents: year.respondents,
                first: year.first.map(|d| d.to_string()),
                last: year.last.map(|d| d.to_string()),
                questions: questions
                    .iter()
                    .zip(year.counts)
                    .map(|(&c, counts)| {
                        QuestionSummary::from_counts(table.headers[c].clone(), counts)
                    })
                    .collect(),
            };
            (fy, summary)
        })
        .collect())
}

/// `๒๕๖๙` → `2569`: Thai Excel and Thai forms may write Thai digits.
fn from_thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_u32(c as u32 - '๐' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn ratings_from_numbers_and_labels() {
        assert_eq!(rating(&text("5")), Some(5));
        assert_eq!(rating(&text("๔")), Some(4));
        assert_eq!(rating(&text("มากที่สุด")), Some(5));
        assert_eq!(rating(&text("มาก")), Some(4));
        assert_eq!(rating(&text("น้อยที่สุด")), Some(1));
        assert_eq!(rating(&text("3 - ปานกลาง")), Some(3));
        assert_eq!(rating(&text("Very dissatisfied")), Some(1));
        assert_eq!(rating(&Cell::Number(2.0)), Some(2));
        assert_eq!(rating(&text("7")), None);
        assert_eq!(rating(&text("ดีครับ")), None);
        assert_eq!(rating(&text("ดีมาก")), None, "a comment, not a label");
        assert_eq!(rating(&text("พึงพอใจมากที่สุด")), Some(5));
        assert_eq!(rating(&text("5 (มากที่สุด)")), Some(5));
        assert_eq!(rating(&text("2 มากที่สุด")), None);
    }

    #[test]
    fn days_in_the_forms_of_the_exports() {
        let d = |s: &str| day_of(&text(s)).map(|d| d.to_string());
        assert_eq!(
            d("2026/11/15 10:23:45 AM GMT+7").as_deref(),
            Some("2026-11-15")
        );
        assert_eq!(d("15/11/2569 10:23").as_deref(), Some("2026-11-15"));
        assert_eq!(d("11/15/2026 10:23:45").as_deref(), Some("2026-11-15"));
        assert_eq!(d("2026-11-15T10:00:00").as_deref(), Some("2026-11-15"));
        assert_eq!(d("ไม่ทราบ"), None);
    }
}
