//! Search tokens of normalised text: whole words and Thai character bigrams.
//!
//! Text splits into chunks of letters and digits. A chunk with Thai in it is
//! segmented into dictionary words (ICU4X's Thai dictionary) **and** cut into
//! character bigrams. The browser never segments: a Thai query term matches an
//! item holding all its bigrams, and the dictionary words only raise the rank of
//! whole-word hits. So the build's segmentation and the query's never need to
//! agree (ไข้เลือดออก inside โรคไข้เลือดออก, the prefix สาธารณ, จัดซื้อจัดจ้าง split
//! any way all match). Latin chunks are words, with a light plural fold.

use std::borrow::Cow;

use super::normalize::is_thai;
use crate::words::word_breaks;

/// Tokens of one piece of normalised text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    pub words: Vec<String>,
    pub bigrams: Vec<String>,
}

/// Maximal runs of letters, marks and digits in normalised text.
pub fn chunks(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|chunk| !chunk.is_empty())
}

/// Letters, digits and Thai vowel and tone marks (Thai marks are not alphanumeric),
/// but not ฯ ๆ ๏ ๚ ๛ (ต่างๆ = ต่าง ๆ). ASCII and Thai are decided without the
/// slow Unicode tables.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_thai(c) {
        !matches!(
            c,
            '\u{0E2F}' | '\u{0E46}' | '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}'
        )
    } else {
        c.is_alphanumeric()
    }
}

pub fn has_thai(chunk: &str) -> bool {
    chunk.chars().any(is_thai)
}

/// Words and bigrams of normalised `text`.
pub fn tokens(text: &str) -> Tokens {
    let mut out = Tokens::default();
    for_each_token(text, |token| match token {
        Token::Word(w) => out.words.push(w.into_owned()),
        Token::Bigram(g) => out.bigrams.push(g.to_string()),
    });
    out
}

/// One token, borrowed from the text unless it is a folded plural.
#[derive(Debug, Clone)]
pub enum Token<'a> {
    Word(Cow<'a, str>),
    Bigram(&'a str),
}

/// Calls `f` with every token of normalised `text`, allocating only for folded
/// plurals: indexing a large site makes millions of them.
pub fn for_each_token<'a>(text: &'a str, mut f: impl FnMut(Token<'a>)) {
    for chunk in chunks(text) {
        if has_thai(chunk) {
            let breaks = word_breaks(chunk);
            for w in breaks.windows(2) {
                let word = &chunk[w[0]..w[1]];
                if !word.chars().any(is_word_char) {
                    continue;
                }
                if has_thai(word) {
                    f(Token::Word(Cow::Borrowed(word)));
                } else {
                    f(Token::Word(stem(word)));
                }
            }
            let bounds: Vec<usize> = chunk
                .char_indices()
                .map(|(i, _)| i)
                .chain([chunk.len()])
                .collect();
            if bounds.len() <= 2 {
                f(Token::Bigram(chunk));
            }
            for w in bounds.windows(3) {
                f(Token::Bigram(&chunk[w[0]..w[2]]));
            }
        } else {
            f(Token::Word(stem(chunk)));
        }
    }
}

/// Every pair of neighbouring characters; a one-character chunk is its own gram.
pub fn bigrams(chunk: &str) -> Vec<String> {
    let chars: Vec<char> = chunk.chars().collect();
    if chars.len() < 2 {
        return vec![chunk.to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// English plural fold, the same in the browser: policies → policy, vaccines → vaccine.
pub fn stem(word: &str) -> Cow<'_, str> {
    let n = word.chars().count();
    if n > 4 && word.ends_with("ies") {
        Cow::Owned(format!("{}y", &word[..word.len() - 3]))
    } else if n > 3 && word.ends_with('s') && !word.ends_with("ss") && word.is_ascii() {
        Cow::Borrowed(&word[..word.len() - 1])
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::normalize::normalize;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Cases {
        stem: Vec<(String, String)>,
    }

    #[test]
    fn shared_stem_cases() {
        let cases: Cases =
            serde_json::from_str(include_str!("cases.json")).expect("cases.json parses");
        for (input, expected) in cases.stem {
            assert_eq!(stem(&input), expected, "stem({input:?})");
        }
    }

    #[test]
    fn thai_is_segmented_and_cut_into_bigrams() {
        let t = tokens(&normalize("โรคไข้เลือดออก ระบาด"));
        assert!(t.words.contains(&"โรค".to_string()), "{:?}", t.words);
        assert!(t.words.contains(&"ระบาด".to_string()), "{:?}", t.words);
        assert!(t.bigrams.contains(&"ไข".to_string()));
        assert!(t.bigrams.contains(&"ออ".to_string()));
        assert!(!t.bigrams.iter().any(|g| g.contains(' ')));
    }

    #[test]
    fn latin_words_are_folded() {
        let t = tokens(&normalize("Flu VACCINES, café!"));
        assert_eq!(t.words, ["flu", "vaccine", "cafe"]);
        assert!(t.bigrams.is_empty());
    }

    #[test]
    fn repetition_and_abbreviation_marks_separate() {
        assert_eq!(
            chunks("ต่างๆ กรุงเทพฯ").collect::<Vec<_>>(),
            ["ต่าง", "กรุงเทพ"]
        );
    }

    #[test]
    fn digits_inside_thai_stay_words() {
        let t = tokens(&normalize("ปีงบประมาณ๒๕๖๙"));
        assert!(t.words.contains(&"2569".to_string()), "{:?}", t.words);
        assert!(t.bigrams.contains(&"ณ2".to_string()));
    }
}
