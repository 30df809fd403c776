//! The web master's and the pull-request commands besides `build`: each is a peer
//! of `build` over the same stages (load and parse in [`crate::inputs`], then
//! [`crate::decide`]) and only presents their result differently.
//!
//! - [`check`]: `khaosan check`, for pull requests;
//! - [`status`]: `khaosan status`, the web master's daily view;
//! - [`compliance`]: `khaosan compliance`, what the checklist is missing;
//! - [`report`]: `khaosan report`, the monitoring report for the executives;
//! - [`new`]: `khaosan new`, writes a new item with its front matter filled in;
//! - [`init`]: `khaosan init`, a new office's own site repository.
//! - [`statistics`]: `khaosan stats` and `khaosan survey`, which add counts to the
//!   statistics data file.
//! - [`restore`]: `khaosan restore`, writes approved versions back into the working tree;
//! - [`rtgs`]: Thai titles in Latin letters, for the file names `new` makes.

pub mod check;
pub mod compliance;
pub mod init;
pub mod new;
pub mod report;
pub mod restore;
pub mod rtgs;
pub mod statistics;
pub mod status;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

/// A time as a web master reads it: `2026-11-26 08:30` in the site's zone.
pub fn local_time(at: DateTime<FixedOffset>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

pub use crate::documents::{display_width, pad};

/// Rows aligned in columns separated by two spaces; the last column is not padded.
pub fn align(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|cell| display_width(cell))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            if c + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&pad(cell, widths[c]));
                line.push_str("  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn align_pads_by_display_width() {
        let rows = vec![
            vec!["ข่าว".to_string(), "x".to_string()],
            vec!["abcd".to_string(), "y".to_string()],
        ];
        assert_eq!(align(&rows), "ข่าว   x\nabcd  y\n");
    }
}
