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
pub fn toml_problem(file: &str, text: &str, first_line: usize, err: &toml::de::Error) -> Problem {
    let mut problem = Problem::new(file, explain_toml_message(err.message()));
    if let Some(span) = err.span() {
        problem = problem.line(first_line + line_of(text, span.start));
        if let Some(key) = key_at(text, span.start) {
            problem = problem.field(key);
        }
    }
    problem
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
    let mut out = format!("unknown key `{key}`");
    match suggestion {
        Some(right) => out.push_str(&format!("; did you mean `{right}`?")),
        None => out.push_str("; free-form data belongs under [extra]"),
    }
    if !candidates.is_empty() {
        out.push_str(&format!(" (known keys: {})", candidates.join(", ")));
    }
    out
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

    #[test]
    fn display_names_file_line_field() {
        let p = Problem::new("content/a.md", "bad").line(3).field("publish");
        assert_eq!(p.to_string(), "content/a.md:3: `publish`: bad");
    }
}
