//! How `check` speaks: the Markdown summary, terminal lines, workflow annotations.

use super::super::local_time;
use super::changes::is_build_file;
use super::{Change, ChangedItem, CheckOutcome, Finding, Severity};
use crate::render::templates::{FilterSettings, Theme, engine, tera_chain};
use crate::source::is_gated;

/// A Markdown table cell: one line, `|` escaped.
pub(super) fn cell(text: &str) -> String {
    crate::documents::md_cell(text)
}

/// The check summary's template: built in, rendered with the same `thai_date`
/// filters as the theme's pages.
const TEMPLATE: &str = include_str!("templates/check-summary.md");

/// The Markdown summary, for `$GITHUB_STEP_SUMMARY` or a terminal, rendered from
/// one template; the rows are prepared here (table cells escaped, times local).
pub fn markdown_summary(outcome: &CheckOutcome) -> String {
    let tz = outcome.tz;
    let errors: Vec<&Finding> = outcome.errors().collect();
    let warnings: Vec<&Finding> = outcome.warnings().collect();
    let mut context = tera::Context::new();
    context.insert("errors", &errors.len());
    context.insert("now", &outcome.now.to_rfc3339());
    context.insert("now_local", &local_time(outcome.now, tz));
    context.insert("tz", &tz.to_string());
    context.insert("live", &outcome.live);
    context.insert("withheld", &outcome.withheld);
    context.insert("pages", &outcome.pages);
    context.insert(
        "next_change",
        &outcome.next_change.map(|t| local_time(t, tz)),
    );
    context.insert("merged_by", &outcome.merged_by);
    let sections: Vec<serde_json::Value> = [
        ("ข้อผิดพลาด (errors)", &errors),
        ("คำเตือน (warnings)", &warnings),
    ]
    .into_iter()
    .filter(|(_, list)| !list.is_empty())
    .map(|(title, list)| {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|f| serde_json::json!({"location": cell(&f.location()), "text": cell(&f.text())}))
            .collect();
        serde_json::json!({"title": title, "rows": rows})
    })
    .collect();
    context.insert("sections", &sections);
    context.insert("has_base", &outcome.changes.is_some());
    context.insert("base", outcome.base.as_deref().unwrap_or(""));
    if let Some(changes) = &outcome.changes {
        changes_context(&mut context, outcome, changes);
    }
    render(&context, tz)
        .unwrap_or_else(|err| format!("khaosan check: {}\n", crate::messages::explain(&err)))
}

fn render(context: &tera::Context, tz: chrono_tz::Tz) -> anyhow::Result<String> {
    let theme = Theme {
        templates: [("check-summary.md".to_string(), TEMPLATE.to_string())].into(),
        statics: Default::default(),
        strings: Default::default(),
    };
    let tera = engine(
        &theme,
        FilterSettings {
            tz,
            thai_digits: false,
        },
    )?;
    tera.render("check-summary.md", context).map_err(|e| {
        anyhow::anyhow!(crate::messages::INTERNAL_BUG.detail(
            &tera_chain(&e),
            &[("what", "the check summary does not render")]
        ))
    })
}

fn changes_context(context: &mut tera::Context, outcome: &CheckOutcome, changes: &[Change]) {
    let tz = outcome.tz;
    context.insert("no_changes", &changes.is_empty());
    let items: Vec<(&Change, &ChangedItem)> = changes
        .iter()
        .filter_map(|c| c.item.as_ref().map(|item| (c, item)))
        .collect();
    let rows: Vec<serde_json::Value> = items
        .iter()
        .map(|(change, item)| {
            let approver = match (&item.approver, &item.approver_name) {
                (Some(id), Some(name)) => format!("`{id}` {name}"),
                (Some(id), None) => format!("`{id}` ❌"),
                (None, _) => "❌".to_string(),
            };
            serde_json::json!({
                "title": cell(item.title.as_deref().unwrap_or(&change.path)),
                "url": item.url.as_deref().map_or(String::new(), |u| format!("`{}`", cell(u))),
                "from": item.publish.map_or(String::new(), |t| local_time(t, tz)),
                "until": item.expires.map_or_else(|| "ไม่กำหนด (none)".to_string(), |t| local_time(t, tz)),
                "approver": cell(&approver),
                "state": cell(&item.state),
            })
        })
        .collect();
    context.insert("items", &rows);
    let files: Vec<serde_json::Value> = changes
        .iter()
        .map(|change| {
            let note = if is_gated(&change.path) {
                "ส่วนของเว็บไซต์ ต้องได้รับอนุมัติ (part of the public site: needs an approver's merge)"
            } else if is_build_file(&change.path) {
                "เปลี่ยนวิธีสร้างเว็บไซต์ ให้ผู้ดูแลเว็บอธิบายก่อนอนุมัติ (changes how the site is built: ask the web master before approving)"
            } else {
                "ไม่อยู่บนเว็บไซต์ (not part of the public site)"
            };
            serde_json::json!({"path": cell(&change.path), "kind": change.kind.label(), "note": note})
        })
        .collect();
    context.insert("files", &files);
    let mut named: Vec<String> = items
        .iter()
        .filter_map(|(_, item)| {
            item.approver_name
                .as_ref()
                .map(|name| format!("`{}` {name}", item.approver.as_deref().unwrap_or("")))
        })
        .collect();
    named.sort();
    named.dedup();
    let others = changes
        .iter()
        .any(|c| c.item.is_none() && (is_gated(&c.path) || is_build_file(&c.path)));
    context.insert("named", &named.join(", "));
    context.insert("others", &(others || named.is_empty()));
    let all: Vec<String> = outcome
        .approvers
        .iter()
        .map(|(id, name)| format!("`{id}` {name}"))
        .collect();
    context.insert(
        "all_approvers",
        &if all.is_empty() {
            "ไม่มีผู้อนุมัติในทะเบียน (none registered)".to_string()
        } else {
            all.join(", ")
        },
    );
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
