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
    // Decompose so Latin diacritics stand alone and can be dropped, then compose.
    let decomposed = DecomposingNormalizerBorrowed::new_nfd().normalize(text);
    let mut folded = String::with_capacity(decomposed.len());
    for c in decomposed.chars() {
        if is_latin_mark(c) || is_invisible(c) {
            continue;
        }
        match c {
            '๐'..='๙' => folded.push(char::from(b'0' + (c as u32 - '๐' as u32) as u8)),
            // Thai has no case: skip the case tables for it.
            _ if is_thai(c) => folded.push(c),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    let composed = ComposingNormalizerBorrowed::new_nfc().normalize(&folded);
    let chars: Vec<char> = composed.chars().collect();
    let mut out = String::with_capacity(composed.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('เ', Some('เ')) => {
                out.push('แ');
                i += 2;
                continue;
            }
            ('\u{0E4D}', Some('า')) => {
                out.push('ำ');
                i += 2;
                continue;
            }
            ('.', _) if abbreviation_dot(&chars, i) => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out
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
/// or after a single Latin letter (e.g., U.S.A.).
fn abbreviation_dot(chars: &[char], i: usize) -> bool {
    let Some(&before) = i.checked_sub(1).and_then(|j| chars.get(j)) else {
        return false;
    };
    if is_thai(before) {
        return true;
    }
    if before.is_alphabetic() {
        let start = i < 2 || !chars[i - 2].is_alphanumeric();
        return start;
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
