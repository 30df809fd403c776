//! Problems with what a person wrote: they name the file, the line or field, and the fix.

use serde::Serialize;
use std::fmt;

/// One problem in one file, precise enough for an editor or a CI annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// The front-matter or settings key at fault, when known.
    pub field: Option<String>,
    /// What is wrong and what to write instead.
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.into(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    pub fn line(mut self, line: usize) -> Problem {
        self.line = Some(line);
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Problem {
        self.field = Some(field.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Problem {}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Turns a TOML error into a [`Problem`]; `first_line` is the line of the file the
/// parsed text starts on (front matter starts after the opening `+++`).
///
/// serde's words ("invalid type: string \"ร\u{e31}บ…\", expected a sequence") are
/// mapped to what staff understand, from the catalogue ([`crate::messages`]), with
/// the value shown exactly as it was written in the file.
pub fn toml_problem(file: &str, text: &str, first_line: usize, err: &toml::de::Error) -> Problem {
    let span = err.span();
    let key = span.as_ref().and_then(|s| key_at(text, s.start));
    let written = span
        .as_ref()
        .and_then(|s| text.get(s.clone()))
        .map(str::trim)
        .filter(|v| !v.is_empty() && !v.contains('\n'))
        .or_else(|| key_line_value(text, span.as_ref().map(|s| s.start)))
        .unwrap_or("");
    let mut problem = Problem::new(file, explain_toml(err.message(), key.as_deref(), written));
    if let Some(span) = span {
        problem = problem.line(first_line + line_of(text, span.start));
        if let Some(key) = key {
            problem = problem.field(key);
        }
    }
    problem
}

/// Keys whose values are dates, in front matter and settings.
const DATE_KEYS: &[&str] = &[
    "publish", "expires", "review", "updated", "start", "end", "date",
];

/// The value after `=` on the line of `offset`.
fn key_line_value(text: &str, offset: Option<usize>) -> Option<&str> {
    let offset = offset?.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    Some(line.split_once('=')?.1.trim())
}

/// What to tell a person about a TOML or serde error at `key`, whose value reads
/// `written` in the file.
fn explain_toml(message: &str, key: Option<&str>, written: &str) -> String {
    use crate::messages as m;
    if message.starts_with("unknown field `") {
        return explain_toml_message(message);
    }
    if message.starts_with("missing field `") {
        // Said by the caller, which knows which fields a file needs.
        return message.to_string();
    }
    let key_name = key.unwrap_or("");
    if message.contains("expected a sequence") {
        let value = if written.starts_with('"') {
            written
        } else {
            "\"...\""
        };
        return m::EXPECTED_LIST.say(&[("key", key_name), ("value", value)]);
    }
    if key.is_some_and(|k| DATE_KEYS.contains(&k))
        || message.contains("datetime")
        || message.contains("date-time")
    {
        return m::DATE_FORMAT.say(&[("key", key_name), ("value", written)]);
    }
    if message.contains("expected a string") {
        return m::EXPECTED_TEXT.say(&[("key", key_name)]);
    }
    m::TOML_SYNTAX.say(&[("detail", &unescape_debug(message.trim()))])
}

/// serde quotes values with Rust's `Debug`, which writes Thai vowels as
/// `\u{e31}`; put the characters back so the text reads as it was written.
pub fn unescape_debug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\u{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let decoded = after.find('}').and_then(|close| {
            let c = u32::from_str_radix(&after[..close], 16)
                .ok()
                .and_then(char::from_u32)?;
            Some((c, close))
        });
        match decoded {
            Some((c, close)) => {
                out.push(c);
                rest = &after[close + 1..];
            }
            None => {
                out.push_str("\\u{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// serde says "unknown field `expire`, expected one of ..."; say what to write instead.
fn explain_toml_message(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((key, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let suggestion = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(key, c), *c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c);
    let (th, en) = match suggestion {
        Some(right) => (
            format!("ใช่ `{right}` หรือไม่"),
            format!("did you mean `{right}`?"),
        ),
        None => (
            "ข้อมูลอื่นของหน่วยงานเขียนไว้ใต้ [extra]".to_string(),
            "free-form data belongs under [extra]".to_string(),
        ),
    };
    let known = if candidates.is_empty() {
        String::new()
    } else {
        format!(" (known keys: {})", candidates.join(", "))
    };
    crate::messages::UNKNOWN_KEY.say(&[
        ("key", key),
        ("suggestion", &th),
        ("suggestion_en", &format!("{en}{known}")),
    ])
}

/// The key on the line of `offset`, if that line looks like `key = value`.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim();
    (!key.is_empty() && !key.starts_with('[')).then(|| key.trim_matches('"').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_suggests_the_near_one() {
        let msg = explain_toml_message(
            "unknown field `expire`, expected one of `title`, `expires`, `publish`",
        );
        assert!(msg.contains("did you mean `expires`?"), "{msg}");
    }

    #[test]
    fn far_unknown_key_points_to_extra() {
        let msg = explain_toml_message("unknown field `colour`, expected `title` or `expires`");
        assert!(msg.contains("[extra]"), "{msg}");
    }

    fn problem_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> Problem {
        let err = toml::from_str::<T>(text).unwrap_err();
        toml_problem("content/news/a.md", text, 2, &err)
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Front {
        publish: Option<toml::value::Datetime>,
        tags: Option<Vec<String>>,
        title: Option<String>,
    }

    #[test]
    fn a_thai_style_date_says_how_to_write_dates() {
        let p = problem_of::<Front>("publish = 01/12/2569\n");
        assert!(p.message.contains("2026-12-01"), "{p}");
        assert!(p.message.contains("ปี ค.ศ."), "{p}");
        assert_eq!(p.line, Some(3));
        let p = problem_of::<Front>("publish = \"1 ธันวาคม 2569\"\n");
        assert!(p.message.contains("2026-12-01"), "{p}");
        assert!(p.message.contains("1 ธันวาคม 2569"), "{p}");
    }

    #[test]
    fn a_string_where_a_list_is_expected_shows_the_list() {
        let p = problem_of::<Front>("tags = \"รับสมัครงาน\"\n");
        assert!(p.message.contains("tags = [\"รับสมัครงาน\"]"), "{p}");
        assert_eq!(p.field.as_deref(), Some("tags"));
        assert!(!p.message.contains("\\u{"), "{p}");
    }

    #[test]
    fn serde_debug_escapes_are_undone() {
        assert_eq!(unescape_debug("\"ร\\u{e31}บ\""), "\"รับ\"");
        assert_eq!(unescape_debug("a\\u{zz}"), "a\\u{zz}");
    }

    #[test]
    fn display_names_file_line_field() {
        let p = Problem::new("content/a.md", "bad").line(3).field("publish");
        assert_eq!(p.to_string(), "content/a.md:3: `publish`: bad");
    }
}
