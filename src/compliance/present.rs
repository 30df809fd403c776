//! `khaosan compliance` as people read it: a table for the terminal and Markdown,
//! from the built-in templates `documents/compliance.txt` and
//! `documents/compliance.md`, which a theme may override.

use serde::Serialize;

use super::{Compliance, ItemStatus, State};
use crate::checklist::Checklist;
use crate::documents::Documents;

/// The compliance templates, for [`Documents::load`].
pub const TEMPLATES: &[(&str, &str)] = &[
    (TABLE, include_str!("../documents/compliance.txt")),
    (MARKDOWN, include_str!("../documents/compliance.md")),
];
const TABLE: &str = "documents/compliance.txt";
const MARKDOWN: &str = "documents/compliance.md";

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Provided => "ครบ (provided)",
            State::NoExpiry => "ไม่ระบุวันสิ้นสุด (no expiry)",
            State::Stale => "เลยกำหนดทบทวน (stale)",
            State::PeriodMissing => "ขาดบางงวด (period missing)",
            State::Missing => "ขาด (missing)",
            State::NotByContent => "ไม่ใช่เนื้อหา (not provided by content)",
        }
    }

    /// Two characters at the start of a line of the table.
    fn mark(self) -> &'static str {
        match self {
            State::Provided => "ok",
            State::NotByContent => "--",
            State::NoExpiry | State::Stale | State::PeriodMissing => "!!",
            State::Missing => "XX",
        }
    }
}

/// What the templates get: the result grouped as the checklist orders it, with
/// the gaps and early expiries written out in Thai with English beside.
#[derive(Serialize)]
struct View<'a> {
    now: String,
    now_rfc3339: String,
    counts: Vec<Count>,
    groups: Vec<Group<'a>>,
    early_expiries: Vec<Early<'a>>,
    unknown_ids: &'a [super::UnknownId],
}

#[derive(Serialize)]
struct Count {
    label: &'static str,
    n: usize,
}

#[derive(Serialize)]
struct Group<'a> {
    id: String,
    name_th: String,
    name_en: String,
    rows: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name_th: &'a str,
    mark: &'static str,
    state_label: &'static str,
    newest: Option<String>,
    /// The first provider's URL, the one an assessor wants.
    url: &'a str,
    /// Providers beyond the first.
    more: usize,
    urls: Vec<&'a str>,
    gaps: Vec<String>,
}

#[derive(Serialize)]
struct Early<'a> {
    path: &'a str,
    text: String,
}

fn view<'a>(compliance: &'a Compliance, checklist: &Checklist, docs: &Documents) -> View<'a> {
    let tz = docs.tz();
    let groups = checklist
        .group_order()
        .into_iter()
        .filter_map(|group| {
            let rows: Vec<Row<'a>> = compliance
                .items
                .iter()
                .filter(|i| i.group == group)
                .map(|row: &'a ItemStatus| Row {
                    id: &row.id,
                    name_th: &row.name_th,
                    mark: row.state.mark(),
                    state_label: row.state.label(),
                    newest: row.newest.map(|d| d.to_rfc3339()),
                    url: row.providers.first().map_or("", |p| p.url.as_str()),
                    more: row.providers.len().saturating_sub(1),
                    urls: row.providers.iter().map(|p| p.url.as_str()).collect(),
                    gaps: row.gaps.iter().map(|g| g.describe(tz)).collect(),
                })
                .collect();
            if rows.is_empty() {
                return None;
            }
            let (name_th, name_en) = checklist.group_names(&group);
            Some(Group {
                id: group.to_string(),
                name_th: name_th.to_string(),
                name_en: name_en.to_string(),
                rows,
            })
        })
        .collect();
    View {
        now: compliance.now.to_rfc3339(),
        now_rfc3339: compliance.now.to_rfc3339(),
        counts: compliance
            .counts()
            .into_iter()
            .map(|(state, n)| Count {
                label: state.label(),
                n,
            })
            .collect(),
        groups,
        early_expiries: compliance
            .early_expiries
            .iter()
            .map(|e| Early {
                path: &e.path,
                text: e.describe(tz),
            })
            .collect(),
        unknown_ids: &compliance.unknown_ids,
    }
}

/// `khaosan compliance --format table`: one line per requirement, grouped.
pub fn table(
    compliance: &Compliance,
    checklist: &Checklist,
    docs: &Documents,
) -> anyhow::Result<String> {
    docs.render(TABLE, &view(compliance, checklist, docs))
}

/// `khaosan compliance --format md`: a Markdown table per group.
pub fn markdown(
    compliance: &Compliance,
    checklist: &Checklist,
    docs: &Documents,
) -> anyhow::Result<String> {
    docs.render(MARKDOWN, &view(compliance, checklist, docs))
}
