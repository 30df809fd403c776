//! Tera templates: the theme's, overridden by name from the site's `templates/`,
//! with built-in defaults for the machine-read files (sitemap, robots, Atom), and
//! filters for Thai dates that theme authors can use.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Context as _, anyhow};
use chrono::DateTime;
use chrono_tz::Tz;
use serde_json::Value;

use crate::dates::{DateForm, english_date, english_until, thai_date, thai_until, to_thai_digits};
use crate::source::{Blob, Snapshot};

/// Files of the default theme, compiled into the binary so any site builds
/// without a `themes/` folder of its own.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// Built-in templates a theme may override by giving a file of the same name.
const BUILTIN: &[(&str, &str)] = &[
    ("sitemap.xml", include_str!("builtin/sitemap.xml")),
    ("robots.txt", include_str!("builtin/robots.txt")),
    ("atom.xml", include_str!("builtin/atom.xml")),
];

/// A theme's files as the build sees them: from the snapshot, or built in.
pub struct Theme {
    /// Template name (`item.html`) → source text.
    pub templates: BTreeMap<String, String>,
    /// Static file path (`css/site.css`) → content.
    pub statics: BTreeMap<String, Blob>,
    /// UI strings per language (`i18n/th.toml`).
    pub strings: BTreeMap<String, toml::Table>,
}

impl Theme {
    /// The theme named in `site.toml`, with the site's `templates/` on top.
    pub fn load(snapshot: &Snapshot, name: &str) -> anyhow::Result<Theme> {
        let prefix = format!("themes/{name}/");
        let mut files: BTreeMap<String, Blob> = snapshot
            .under(&prefix)
            .map(|(path, f)| (path[prefix.len()..].to_string(), f.blob.clone()))
            .collect();
        if files.is_empty() {
            if name != "default" {
                anyhow::bail!(crate::messages::THEME_MISSING.say(&[("name", name)]));
            }
            files = embedded::FILES
                .iter()
                .map(|(path, bytes)| (path.to_string(), Blob::Bytes(std::sync::Arc::from(*bytes))))
                .collect();
        }
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        for (name, text) in BUILTIN {
            theme.templates.insert(name.to_string(), text.to_string());
        }
        for (path, blob) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                theme
                    .templates
                    .insert(name.to_string(), text_of(&prefix, &path, &blob)?);
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.statics.insert(name.to_string(), blob);
            } else if let Some(lang) = path
                .strip_prefix("i18n/")
                .and_then(|f| f.strip_suffix(".toml"))
            {
                let text = text_of(&prefix, &path, &blob)?;
                let table: toml::Table = toml::from_str(&text).with_context(|| {
                    crate::messages::THEME_STRINGS_NOT_TOML.at(format!("{prefix}{path}"))
                })?;
                theme.strings.insert(lang.to_string(), table);
            }
        }
        for (path, file) in snapshot.under("templates/") {
            theme.templates.insert(
                path["templates/".len()..].to_string(),
                text_of("", path, &file.blob)?,
            );
        }
        Ok(theme)
    }
}

fn text_of(prefix: &str, path: &str, blob: &Blob) -> anyhow::Result<String> {
    let bytes = blob
        .read()
        .with_context(|| crate::messages::CANNOT_READ.at(format!("{prefix}{path}")))?;
    String::from_utf8(bytes.into_owned())
        .map_err(|_| anyhow!(crate::messages::THEME_FILE_NOT_TEXT.at(format!("{prefix}{path}"))))
}

/// Escapes text for HTML and XML alike. Tera's default also escapes `/`, which
/// bloats every URL in a page to `&#x2F;` for no safety gain inside quoted attributes.
pub fn escape_markup(text: &str) -> String {
    // Byte by byte: the five characters are ASCII, which never occurs inside
    // another character's UTF-8, and the runs between them (most of a Thai
    // text) are copied whole rather than a character at a time.
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&text[from..]);
    out
}

/// Settings the filters need.
#[derive(Clone, Copy)]
pub struct FilterSettings {
    pub tz: Tz,
    pub thai_digits: bool,
}

/// Compiles the templates and registers khaosan's filters.
pub fn engine(theme: &Theme, settings: FilterSettings) -> anyhow::Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str())),
    )
    .map_err(|e| {
        anyhow!(
            crate::messages::TEMPLATE_DOES_NOT_COMPILE
                .detail(&tera_chain(&e), &[("name", failing_template(&e))])
        )
    })?;
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_markup);
    let FilterSettings { tz, thai_digits } = settings;
    tera.register_filter(
        "thai_date",
        move |value: &Value, args: &HashMap<String, Value>| {
            let (at, form) = date_args(value, args)?;
            Ok(Value::String(thai_date(at, tz, form, thai_digits)))
        },
    );
    tera.register_filter(
        "en_date",
        move |value: &Value, args: &HashMap<String, Value>| {
            let (at, form) = date_args(value, args)?;
            Ok(Value::String(english_date(at, tz, form)))
        },
    );
    // The end of a period (`expires`, mourning): the last day shown, or the exact time.
    tera.register_filter(
        "thai_until",
        move |value: &Value, args: &HashMap<String, Value>| {
            let (at, _) = date_args(value, args)?;
            Ok(Value::String(thai_until(at, tz, thai_digits)))
        },
    );
    tera.register_filter(
        "en_until",
        move |value: &Value, args: &HashMap<String, Value>| {
            let (at, _) = date_args(value, args)?;
            Ok(Value::String(english_until(at, tz)))
        },
    );
    // Escapes text and marks Thai word boundaries with <wbr>; use as `| wbr | safe`.
    tera.register_filter("wbr", |value: &Value, _: &HashMap<String, Value>| {
        let text = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("wbr expects text"))?;
        Ok(Value::String(super::thai::wbr(text)))
    });
    tera.register_filter(
        "thai_digits",
        move |value: &Value, _: &HashMap<String, Value>| {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Ok(Value::String(if thai_digits {
                to_thai_digits(&text)
            } else {
                text
            }))
        },
    );
    tera.register_filter("filesize", |value: &Value, _: &HashMap<String, Value>| {
        let bytes = value
            .as_u64()
            .ok_or_else(|| tera::Error::msg("filesize expects a number of bytes"))?;
        Ok(Value::String(human_size(bytes)))
    });
    tera.register_filter("urlencode", |value: &Value, _: &HashMap<String, Value>| {
        let text = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("urlencode expects text"))?;
        Ok(Value::String(crate::site::encode_path(text)))
    });
    Ok(tera)
}

fn date_args(
    value: &Value,
    args: &HashMap<String, Value>,
) -> tera::Result<(DateTime<chrono::FixedOffset>, DateForm)> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("date filters expect an RFC 3339 date string"))?;
    let at = DateTime::parse_from_rfc3339(text)
        .map_err(|e| tera::Error::msg(format!("`{text}` is not a date: {e}")))?;
    let form_name = args.get("form").and_then(Value::as_str).unwrap_or("full");
    let form = DateForm::parse(form_name).ok_or_else(|| {
        tera::Error::msg(format!(
            "form=\"{form_name}\": use full, short, datetime or month"
        ))
    })?;
    Ok((at, form))
}

/// `1536` → `1.5 KB`; sizes people read on a download link.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{size:.1} {}", UNITS[unit])
    }
}

/// Tera hides the cause of an error in its source chain; show all of it.
/// The template a Tera error is about: Tera names it first, in single quotes
/// ("Failed to parse 'item.html'").
fn failing_template(err: &tera::Error) -> &str {
    let text = match err.kind {
        tera::ErrorKind::Msg(ref text) => text.as_str(),
        _ => "",
    };
    text.split('\'').nth(1).unwrap_or("*")
}

pub fn tera_chain(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_as_character_by_character() {
        let by_char = |text: &str| -> String {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect()
        };
        for text in [
            "",
            "&",
            "ประกาศ <b>\"สำคัญ\"</b> & 'ด่วน'",
            "<script>alert('x')</script>",
            "a/b?c=1&d=2",
            "ไม่มีอักขระพิเศษ",
            "ท้าย&",
            "é & 😀 > ฿",
        ] {
            assert_eq!(escape_markup(text), by_char(text), "{text:?}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(human_size(900), "900 B");
        assert_eq!(human_size(1536), "1.5 KB");
        assert_eq!(human_size(3 * 1024 * 1024), "3.0 MB");
    }

    #[test]
    fn thai_date_filter_in_a_template() {
        let mut theme = Theme {
            templates: BTreeMap::new(),
            statics: BTreeMap::new(),
            strings: BTreeMap::new(),
        };
        theme.templates.insert(
            "t.html".into(),
            "{{ d | thai_date }}|{{ d | thai_date(form=\"short\") }}|{{ d | en_date }}|{{ d | thai_until }}|{{ d | en_until }}".into(),
        );
        let tera = engine(
            &theme,
            FilterSettings {
                tz: chrono_tz::Asia::Bangkok,
                thai_digits: true,
            },
        )
        .unwrap();
        let mut ctx = tera::Context::new();
        ctx.insert("d", "2026-12-30T17:00:00Z");
        assert_eq!(
            tera.render("t.html", &ctx).unwrap(),
            "๓๑ ธันวาคม ๒๕๖๙|๓๑ ธ.ค. ๖๙|31 December 2026|๓๐ ธันวาคม ๒๕๖๙|30 December 2026"
        );
    }
}
