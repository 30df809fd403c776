//! Documents khaosan makes for people rather than for the website: the monitoring
//! report and the compliance tables, as built-in Tera templates a theme may
//! override, with the same date filters as the theme's pages; their spreadsheets
//! (one CSV writer); and the cells of their Markdown tables (one escaper).
//!
//! A theme (or the site's `templates/` folder) overrides a built-in document by
//! shipping a file of the same name, such as `templates/documents/report.html`.

use std::collections::{BTreeMap, HashMap};

use anyhow::anyhow;
use chrono_tz::Tz;
use serde::Serialize;
use serde_json::Value;

use crate::render::templates::{FilterSettings, Theme, engine, tera_chain};
use crate::source::Snapshot;

/// Templates for documents, compiled with khaosan's filters.
pub struct Documents {
    tera: tera::Tera,
    tz: Tz,
}

impl Documents {
    /// The `builtin` templates (name, text), each replaced by the theme's file of
    /// the same name when the site's theme (or `templates/` folder) has one.
    /// Documents print dates with Arabic digits, as offices type them.
    pub fn load(
        snapshot: &Snapshot,
        theme: &str,
        tz: Tz,
        builtin: &[(&str, &str)],
    ) -> anyhow::Result<Documents> {
        let theme = Theme::load(snapshot, theme)?;
        Self::compile(&theme, tz, builtin)
    }

    /// The built-in templates only (tests, and sites whose theme is not at hand).
    pub fn builtin(tz: Tz, builtin: &[(&str, &str)]) -> anyhow::Result<Documents> {
        let theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        Self::compile(&theme, tz, builtin)
    }

    fn compile(theme: &Theme, tz: Tz, builtin: &[(&str, &str)]) -> anyhow::Result<Documents> {
        // Only the documents' own templates: a page template that does not compile
        // is the build's business, not the report's.
        let chosen = Theme {
            templates: builtin
                .iter()
                .map(|(name, text)| {
                    let text = theme.templates.get(*name).map_or(*text, String::as_str);
                    (name.to_string(), text.to_string())
                })
                .collect(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        let mut tera = engine(
            &chosen,
            FilterSettings {
                tz,
                thai_digits: false,
            },
        )?;
        tera.register_filter("md_cell", |value: &Value, _: &HashMap<String, Value>| {
            Ok(Value::String(md_cell(&text_of(value))))
        });
        tera.register_filter("pad", |value: &Value, args: &HashMap<String, Value>| {
            let width = args
                .get("width")
                .and_then(Value::as_u64)
                .ok_or_else(|| tera::Error::msg("pad needs width=<columns>"))?;
            Ok(Value::String(pad(
                &text_of(value),
                usize::try_from(width).unwrap_or(usize::MAX),
            )))
        });
        Ok(Documents { tera, tz })
    }

    /// The site's time zone, in which the date filters write.
    pub fn tz(&self) -> Tz {
        self.tz
    }

    /// `name` rendered with `context`.
    pub fn render(&self, name: &str, context: &impl Serialize) -> anyhow::Result<String> {
        let context = tera::Context::from_serialize(context).map_err(|e| {
            anyhow!(crate::messages::DOCUMENT_FAILED.detail(&tera_chain(&e), &[("name", name)]))
        })?;
        self.tera.render(name, &context).map_err(|e| {
            anyhow!(crate::messages::DOCUMENT_FAILED.detail(&tera_chain(&e), &[("name", name)]))
        })
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Keeps text in one cell of a Markdown table: `|` escaped, line breaks as spaces.
pub fn md_cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// Columns a string takes in a terminal: Thai vowel and tone marks written above
/// or below a consonant (and other combining marks) take none.
pub fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` padded with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_string();
    for _ in display_width(text)..width {
        out.push(' ');
    }
    out
}

/// A CSV file as a spreadsheet in Thailand opens it: UTF-8 with a byte-order mark
/// (without it Excel shows Thai as garbage), CRLF line ends, RFC 4180 quoting.
pub struct Csv {
    writer: csv::Writer<Vec<u8>>,
}

impl Csv {
    /// A file that starts with the `header` row.
    pub fn new(header: &[&str]) -> anyhow::Result<Csv> {
        let mut csv = Csv {
            writer: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .has_headers(false)
                .from_writer(b"\xEF\xBB\xBF".to_vec()),
        };
        csv.row(header)?;
        Ok(csv)
    }

    /// One row of text fields.
    pub fn row<T: AsRef<[u8]>>(
        &mut self,
        fields: impl IntoIterator<Item = T>,
    ) -> anyhow::Result<()> {
        self.writer.write_record(fields)?;
        Ok(())
    }

    /// One row from a struct's fields, in order.
    pub fn serialize(&mut self, record: impl Serialize) -> anyhow::Result<()> {
        self.writer.serialize(record)?;
        Ok(())
    }

    /// The file's bytes.
    pub fn into_bytes(self) -> anyhow::Result<Vec<u8>> {
        self.writer.into_inner().map_err(|e| {
            anyhow!(crate::messages::INTERNAL_BUG.say(&[(
                "what",
                &format!("cannot finish the CSV file: {}", e.error())
            )]))
        })
    }

    /// The file as text (it is always UTF-8).
    pub fn into_string(self) -> anyhow::Result<String> {
        String::from_utf8(self.into_bytes()?).map_err(|_| {
            anyhow!(crate::messages::INTERNAL_BUG.say(&[("what", "CSV output is not UTF-8")]))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_byte_order_mark_crlf_and_quotes_what_needs_quoting() {
        let mut csv = Csv::new(&["a", "b"]).unwrap();
        csv.row(["ข่าว", "b,c"]).unwrap();
        csv.row(["say \"hi\"", "x\ny"]).unwrap();
        assert_eq!(
            csv.into_string().unwrap(),
            "\u{feff}a,b\r\nข่าว,\"b,c\"\r\n\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
    }

    #[test]
    fn markdown_cells_stay_on_one_line() {
        assert_eq!(md_cell("a | b\nc\r\nd"), "a \\| b c  d");
    }

    #[test]
    fn thai_marks_take_no_column() {
        assert_eq!(display_width("ข่าว"), 3);
        assert_eq!(display_width("สถานะ"), 5);
        assert_eq!(display_width("live"), 4);
        assert_eq!(pad("ข่าว", 5), "ข่าว  ");
    }

    #[test]
    fn a_theme_template_replaces_the_builtin_one() {
        let builtin = [("documents/t.md", "built-in {{ x | md_cell }}")];
        let docs = Documents::builtin(chrono_tz::Asia::Bangkok, &builtin).unwrap();
        let ctx = serde_json::json!({ "x": "a|b" });
        assert_eq!(
            docs.render("documents/t.md", &ctx).unwrap(),
            "built-in a\\|b"
        );
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        theme.templates.insert(
            "documents/t.md".into(),
            "ours {{ d | thai_date }}|{{ x | pad(width=5) }}|".into(),
        );
        let docs = Documents::compile(&theme, chrono_tz::Asia::Bangkok, &builtin).unwrap();
        let ctx = serde_json::json!({ "x": "ab", "d": "2026-12-30T17:00:00Z" });
        assert_eq!(
            docs.render("documents/t.md", &ctx).unwrap(),
            "ours 31 ธันวาคม 2569|ab   |"
        );
    }
}
