//! The `+++` block at the top of an item file: where it is, and on which line a
//! key is written. Every reader of front matter (parsing, the git approval rule,
//! `check`) finds it here, so they agree on what the block is.

/// An item file cut into its front matter and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML text between the `+++` lines (starts on line 2 of the file).
    pub front: &'a str,
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Why a file has no front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The first line is not `+++`.
    NotOpened,
    /// No second `+++` line; `last_line` is the file's last line.
    NotClosed { last_line: usize },
}

/// First line of the front matter text within the file.
pub const FRONT_LINE: usize = 2;

/// Splits `text` (a byte-order mark first is ignored) at its `+++` lines.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some("+++") {
        return Err(SplitError::NotOpened);
    }
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for line in lines {
        if line.trim_end() == "+++" {
            let body_start = offset + line.len();
            return Ok(Split {
                front: &text[after_open..offset],
                body: &text[body_start..],
                body_line: line_of(text, body_start),
            });
        }
        offset += line.len();
    }
    Err(SplitError::NotClosed {
        last_line: line_of(text, text.len()),
    })
}

/// 1-based line within `front` of the top-level `key = ...` line.
pub fn key_line(front: &str, key: &str) -> Option<usize> {
    front
        .lines()
        .position(|line| line.split_once('=').is_some_and(|(k, _)| k.trim() == key))
        .map(|i| i + 1)
}

/// 1-based line of the file where `key = ...` is written in its front matter.
pub fn key_line_in_file(text: &str, key: &str) -> Option<usize> {
    let front = split(text).ok()?.front;
    key_line(front, key).map(|n| n + FRONT_LINE - 1)
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    crate::error::line_of(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_plus_lines() {
        let s = split("\u{feff}+++\r\ntitle = \"t\"\r\n+++\r\nbody\n").unwrap();
        assert_eq!(s.front, "title = \"t\"\r\n");
        assert_eq!(s.body, "body\n");
        assert_eq!(s.body_line, 4);
        assert_eq!(split("title = 1\n"), Err(SplitError::NotOpened));
        assert_eq!(split(""), Err(SplitError::NotOpened));
        assert_eq!(
            split("+++\na = 1\n"),
            Err(SplitError::NotClosed { last_line: 3 })
        );
        assert_eq!(split("+++\n+++").unwrap().body, "");
    }

    #[test]
    fn finds_the_line_of_a_key() {
        let text = "+++\ntitle = \"t\"\n  approver = \"x\"\n+++\napprover = \"body\"\n";
        assert_eq!(key_line(split(text).unwrap().front, "approver"), Some(2));
        assert_eq!(key_line_in_file(text, "approver"), Some(3));
        assert_eq!(key_line_in_file(text, "expires"), None);
    }
}
