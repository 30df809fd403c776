//! Slugs: the names in URLs and folders. Four kinds, one way of joining words:
//!
//! - [`is_slug`]: what a section id or an item's file name must be (ASCII);
//! - [`tag_slug`]: a tag page's folder, Thai kept;
//! - [`heading_slug`]: a heading's `id`, Thai kept;
//! - [`ascii_slug`]: a file name `khaosan new` makes from a romanised title.
//!
//! Each keeps some characters (lowercased), turns others into a word break, and
//! writes each run of breaks as one `-`, never at the start or the end.

/// Longest slug `khaosan new` makes, in bytes.
pub const MAX_SLUG: usize = 60;

/// What to do with one character of the text a slug is made from.
enum Part {
    Keep,
    Break,
    Drop,
}

/// The kept characters lowercased, with one `-` for each run of breaks between them.
fn join_words(text: &str, part: impl Fn(char) -> Part) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        match part(c) {
            Part::Keep => slug.extend(c.to_lowercase()),
            Part::Break if !slug.is_empty() && !slug.ends_with('-') => slug.push('-'),
            Part::Break | Part::Drop => {}
        }
    }
    let kept = slug.trim_end_matches('-').len();
    slug.truncate(kept);
    slug
}

/// Lowercase ASCII letters, digits and inner hyphens: a section id or item file name.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Folder name of a tag page: spaces and slashes become hyphens, Thai is kept.
pub fn tag_slug(tag: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    // One spelling per tag: the same Thai word typed on a Mac (decomposed) and on
    // Windows (composed) is one tag page, not two folders that look alike.
    let composed: String = tag.trim().nfc().collect();
    let slug = join_words(&composed, |c| {
        if c.is_whitespace() || matches!(c, '/' | '\\' | '?' | '#' | '%') {
            Part::Break
        } else {
            Part::Keep
        }
    });
    let slug = slug.trim_matches('-');
    // `.` and `..` would name the folder itself or its parent: no tag page for them.
    if slug.chars().all(|c| c == '.') {
        String::new()
    } else {
        slug.to_string()
    }
}

/// A heading's id: lowercase words joined by `-`; Thai letters and marks are kept.
pub fn heading_slug(text: &str) -> String {
    let slug = join_words(text.trim(), |c| {
        // Thai first: `is_alphanumeric` searches Unicode's tables for every Thai letter.
        if ('\u{0E00}'..='\u{0E7F}').contains(&c) || c.is_alphanumeric() {
            Part::Keep
        } else if c.is_whitespace() || c == '-' {
            Part::Break
        } else {
            Part::Drop
        }
    });
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// Lowercase ASCII letters and digits, other characters as single hyphens, at most
/// [`MAX_SLUG`] bytes (cut at a word break).
pub fn ascii_slug(title: &str) -> String {
    let mut slug = join_words(title, |c| {
        if c.is_ascii_alphanumeric() {
            Part::Keep
        } else {
            Part::Break
        }
    });
    if slug.len() > MAX_SLUG {
        let cut = slug[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_ascii_slugs() {
        assert!(is_slug("news") && is_slug("2026-11-a"));
        assert!(!is_slug("") && !is_slug("-a") && !is_slug("a-") && !is_slug("ข่าว"));
        assert!(!is_slug("News"));
    }

    #[test]
    fn tag_slugs_keep_thai() {
        assert_eq!(tag_slug("รับสมัคร งาน"), "รับสมัคร-งาน");
        assert_eq!(tag_slug(" COVID/19 "), "covid-19");
        assert_eq!(tag_slug(".."), "");
        assert_eq!(tag_slug(" . "), "");
        assert_eq!(tag_slug("Cafe\u{301}"), tag_slug("caf\u{e9}"));
        // Hyphens the writer typed are kept inside, trimmed at the ends.
        assert_eq!(tag_slug("-a -b-"), "a--b");
    }

    #[test]
    fn heading_slugs_keep_thai_and_drop_punctuation() {
        assert_eq!(heading_slug("ขั้นตอนการขอรับบริการ"), "ขั้นตอนการขอรับบริการ");
        assert_eq!(heading_slug(" Steps -- Here! "), "steps-here");
        assert_eq!(heading_slug("!!!"), "section");
    }

    #[test]
    fn ascii_slugs_are_short_and_valid() {
        assert_eq!(ascii_slug("Flu Vaccine 2026!"), "flu-vaccine-2026");
        assert_eq!(ascii_slug("  --PM2.5 alert-- "), "pm2-5-alert");
        let long = ascii_slug(&"word ".repeat(30));
        assert!(long.len() <= MAX_SLUG && is_slug(&long), "{long}");
    }
}
