//! The one normalisation of search text, applied to the index at build time and
//! to the query in the browser (`static/js/search.js` repeats it; both are tested
//! against `cases.json`).
//!
//! Unicode NFC; Thai digits ๐–๙ → 0–9; เเ (two SARA E, a common typing variant)
//! → แ and ํา → ำ; Latin lower case with diacritics removed; zero-width
//! characters and soft hyphens removed; dots inside abbreviations dropped
//! (อสม. = อสม, รพ.สต. = รพสต, สขร.1 = สขร1, U.S.A. = usa).

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};

/// Normalises `text` for indexing and matching.
pub fn normalize(text: &str) -> String {
    if plain_thai_or_ascii(text) {
        normalize_plain(text)
    } else {
        join_and_drop_dots(&fold_unicode(text))
    }
}

/// The joins (เเ → แ, ํา → ำ) and the dropped abbreviation dots, over folded text.
fn join_and_drop_dots(composed: &str) -> String {
    let mut out = String::with_capacity(composed.len());
    let mut chars = composed.chars().peekable();
    // The two characters before `c` in the composed text, for abbreviation dots.
    let (mut before, mut before_that) = (None, None);
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let pair = match (c, next) {
            ('เ', Some('เ')) => Some('แ'),
            ('\u{0E4D}', Some('า')) => Some('ำ'),
            _ => None,
        };
        if let Some(joined) = pair {
            out.push(joined);
            chars.next();
            (before, before_that) = (next, Some(c));
            continue;
        }
        if c != '.' || !abbreviation_dot(before, before_that) {
            out.push(c);
        }
        (before, before_that) = (Some(c), before);
    }
    out
}

/// Case and digits folded, Latin diacritics and invisible characters dropped,
/// composed (NFC): the general way, for any text.
fn fold_unicode(text: &str) -> String {
    // Decompose so Latin diacritics stand alone and can be dropped, then compose.
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    let mut folded = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        if is_latin_mark(c) || is_invisible(c) {
            continue;
        }
        match c {
            '๐'..='๙' => folded.push(thai_digit(c)),
            // Thai has no case: skip the case tables for it.
            _ if is_thai(c) => folded.push(c),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(&folded)
        .into_owned()
}

/// What [`fold_unicode`] makes of [`plain_thai_or_ascii`] text, without the
/// normalisation tables: such text is already NFD and NFC (no Thai letter
/// decomposes or composes), so only case and digits are folded.
fn fold_plain_char(c: char) -> char {
    match c {
        '๐'..='๙' => thai_digit(c),
        _ => c.to_ascii_lowercase(),
    }
}

/// [`fold_plain_char`] over a whole text; [`normalize_plain`] does it in passing.
#[cfg(test)]
fn fold_plain(text: &str) -> String {
    text.chars().map(fold_plain_char).collect()
}

/// [`normalize`] of [`plain_thai_or_ascii`] text in one pass over its bytes: the
/// runs between the few bytes that change (capitals, Thai digits, เ, ํ and dots)
/// are copied whole. Nearly every document is such text, and indexing a large
/// site normalises all of them.
fn normalize_plain(text: &str) -> String {
    const SARA_E: &str = "เ";
    const NIKHAHIT: &str = "\u{0E4D}";
    const SARA_AA: &str = "า";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut run, mut at) = (0, 0);
    while at < bytes.len() {
        // What replaces the character at `at`, and how many bytes it took.
        let (with, taken): (Option<char>, usize) = match bytes[at] {
            b'A'..=b'Z' => (Some(bytes[at].to_ascii_lowercase().into()), 1),
            b'.' => {
                // The two characters before the dot, folded as the rest is.
                let mut before = text[..at].chars().rev().map(fold_plain_char);
                let (b1, b2) = (before.next(), before.next());
                if abbreviation_dot(b1, b2) {
                    (None, 1)
                } else {
                    at += 1;
                    continue;
                }
            }
            // Thai (U+0E00–U+0FFF start with E0): a character at a time. Any other
            // byte, a continuation byte included, is copied.
            0xE0 => match text[at..].chars().next() {
                Some('เ') if text[at + SARA_E.len()..].starts_with('เ') => {
                    (Some('แ'), 2 * SARA_E.len())
                }
                Some('\u{0E4D}') if text[at + NIKHAHIT.len()..].starts_with('า') => {
                    (Some('ำ'), NIKHAHIT.len() + SARA_AA.len())
                }
                Some(c @ '๐'..='๙') => (Some(thai_digit(c)), c.len_utf8()),
                Some(c) => {
                    at += c.len_utf8();
                    continue;
                }
                None => break,
            },
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[run..at]);
        if let Some(c) = with {
            out.push(c);
        }
        at += taken;
        run = at;
    }
    out.push_str(&text[run..]);
    out
}

/// ASCII, Thai and general punctuation only (the quotes, dashes and ellipsis
/// Markdown's smart punctuation makes), with the Thai marks that have a
/// combining class (below vowels, phinthu, tone marks) in canonical order: text
/// that decomposing, composing and case folding leave as it is. (U+2010–U+2027
/// and U+2030–U+205E neither decompose nor compose nor have a lower case.)
fn plain_thai_or_ascii(text: &str) -> bool {
    let mut previous = 0;
    for c in text.chars() {
        let plain = c.is_ascii()
            || ('\u{0E00}'..='\u{0E7F}').contains(&c)
            || ('\u{2010}'..='\u{2027}').contains(&c)
            || ('\u{2030}'..='\u{205E}').contains(&c);
        if !plain {
            return false;
        }
        let class = thai_combining_class(c);
        if class != 0 && previous > class {
            return false;
        }
        previous = class;
    }
    true
}

/// The canonical combining class of a Thai character (Unicode's table).
fn thai_combining_class(c: char) -> u8 {
    match c {
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E3A}' => 9,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

fn thai_digit(c: char) -> char {
    char::from(b'0' + (c as u32 - '๐' as u32) as u8)
}

/// Combining marks of Latin letters (U+0300–U+036F); Thai marks are kept.
fn is_latin_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

pub fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// A dot that ends or joins an abbreviation: after a Thai letter (อสม., รพ.สต.),
/// or after a single Latin letter (e.g., U.S.A.). `before` is the character
/// before the dot, `before_that` the one before it.
fn abbreviation_dot(before: Option<char>, before_that: Option<char>) -> bool {
    let Some(before) = before else {
        return false;
    };
    if is_thai(before) {
        return true;
    }
    if before.is_alphabetic() {
        return !before_that.is_some_and(char::is_alphanumeric);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Cases {
        normalize: Vec<(String, String)>,
    }

    /// The shortcut for ASCII and Thai text gives what the general way gives, on
    /// random strings of ASCII, Thai (marks in any order) and a few others.
    #[test]
    fn plain_text_is_folded_as_unicode_text_is() {
        let alphabet: Vec<char> = ('\u{0E01}'..='\u{0E5B}')
            .chain(" .-Aa Zz09\t\n".chars())
            .chain(['\u{0E38}', '\u{0E48}', '\u{0E3A}', '\u{0E39}', '\u{0E49}'])
            .chain(['“', '”', '‘', '’', '–', '—', '…', '‰', '⁞'])
            .chain([
                'é', '\u{0301}', '\u{200B}', 'Ä', 'ﬁ', '\u{2028}', '\u{2060}',
            ])
            .collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut plain = 0;
        for _ in 0..5000 {
            let len = next(12);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            if plain_thai_or_ascii(&text) {
                plain += 1;
                assert_eq!(fold_plain(&text), fold_unicode(&text), "{text:?}");
            }
        }
        assert!(plain > 1000, "{plain}");
        assert!(
            !plain_thai_or_ascii("ก\u{0E48}\u{0E38}"),
            "tone mark before a below vowel"
        );
        assert!(plain_thai_or_ascii("ก\u{0E38}\u{0E48}"));
    }

    /// The joins and dropped dots, as first written (over a vector of characters,
    /// looking back by index), give what both one-pass forms give: over folded
    /// text, and over the bytes of plain text as it comes.
    #[test]
    fn joins_and_dots_match_the_indexed_definition() {
        fn by_index(composed: &str) -> String {
            let chars: Vec<char> = composed.chars().collect();
            let mut out = String::new();
            let mut i = 0;
            while i < chars.len() {
                let (c, next) = (chars[i], chars.get(i + 1).copied());
                match (c, next) {
                    ('เ', Some('เ')) => out.push('แ'),
                    ('\u{0E4D}', Some('า')) => out.push('ำ'),
                    ('.', _)
                        if abbreviation_dot(
                            i.checked_sub(1).map(|j| chars[j]),
                            i.checked_sub(2).map(|j| chars[j]),
                        ) =>
                    {
                        i += 1;
                        continue;
                    }
                    _ => {
                        out.push(c);
                        i += 1;
                        continue;
                    }
                }
                i += 2;
            }
            out
        }
        let alphabet: Vec<char> = "เเ.ําaA1 ก.ขU.S๑๙\u{0E4D}Zz.–…“".chars().collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20000 {
            let len = (seed % 16) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            assert!(plain_thai_or_ascii(&text), "{text:?}");
            let composed = fold_plain(&text);
            assert_eq!(normalize_plain(&text), by_index(&composed), "{text:?}");
            assert_eq!(
                join_and_drop_dots(&composed),
                by_index(&composed),
                "{text:?}"
            );
        }
    }

    /// Every case of the table the browser's script is tested against too.
    #[test]
    fn shared_cases() {
        let cases: Cases =
            serde_json::from_str(include_str!("cases.json")).expect("cases.json parses");
        assert!(cases.normalize.len() >= 15);
        for (input, expected) in cases.normalize {
            assert_eq!(normalize(&input), expected, "normalize({input:?})");
        }
    }
}
