//! Thai line breaking for narrow screens.
//!
//! Thai is written without spaces between words. A browser that must fit a long
//! Thai heading or table cell into a narrow column may cut a word mid-syllable
//! (ประวั|ติ). Marking each word boundary with `<wbr>` at build time, from ICU's
//! Thai dictionary, gives the browser the right places to break; the theme's CSS
//! then forbids breaks anywhere else in headings and table cells.

use super::templates::escape_markup;
use crate::words::word_breaks;

fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

/// Prefixes that make one word with what follows (ผู้บริหาร, นักวิชาการ,
/// การประชุม, ความรู้, รายละเอียด), though the dictionary may split them off:
/// a line never ends right after one.
const BOUND_PREFIXES: &[&str] = &["ผู้", "นัก", "การ", "ความ", "ราย", "ชาว", "ช่าง"];

/// Byte offsets inside `text` where a Thai word ends and another Thai word begins.
fn thai_breaks(text: &str) -> Vec<usize> {
    if !text.chars().any(is_thai) {
        return Vec::new();
    }
    let mut last = 0;
    let mut breaks = Vec::new();
    // The dictionary's words are what Thai readers expect of a line break.
    for at in word_breaks(text) {
        if at == 0 || at >= text.len() {
            last = at;
            continue;
        }
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        let thai_both = matches!((before, after), (Some(b), Some(a)) if is_thai(b) && is_thai(a));
        if thai_both && !BOUND_PREFIXES.contains(&&text[last..at]) {
            breaks.push(at);
        }
        last = at;
    }
    breaks
}

/// Escapes `text` for HTML and puts `<wbr>` between Thai words.
pub fn wbr(text: &str) -> String {
    let breaks = thai_breaks(text);
    let mut out = String::with_capacity(text.len() + breaks.len() * 5);
    let mut from = 0;
    for at in breaks {
        out.push_str(&escape_markup(&text[from..at]));
        out.push_str("<wbr>");
        from = at;
    }
    out.push_str(&escape_markup(&text[from..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thai_words_get_break_opportunities_between_them_only() {
        let out = wbr("ประวัติหน่วยงาน");
        assert_eq!(out.replace("<wbr>", ""), "ประวัติหน่วยงาน");
        assert!(out.contains("<wbr>"), "{out}");
        // Never inside a word.
        assert!(!out.contains("ประวั<wbr>ติ"), "{out}");
        assert!(out.starts_with("ประวัติ<wbr>"), "{out}");
    }

    #[test]
    fn executives_is_not_split_and_markup_is_escaped() {
        let out = wbr("ทำเนียบผู้บริหาร <ก&ข>");
        assert!(!out.contains("ผู้<wbr>บริหาร"), "{out}");
        assert!(out.contains("&lt;ก&amp;ข&gt;"), "{out}");
    }

    #[test]
    fn latin_text_is_only_escaped() {
        assert_eq!(wbr("Annual report & plan"), "Annual report &amp; plan");
    }
}
