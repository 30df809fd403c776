//! Word boundaries of Thai text, from ICU4X's Thai dictionary, shared by the
//! search index (its whole-word tokens) and the theme's line breaks (`<wbr>`).
//!
//! Dictionary segmentation is the costliest step of indexing a Thai site, and an
//! office's texts repeat the same runs again and again: its name, its sections'
//! names, set phrases of official letters (ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ),
//! the site title on every page. So each thread remembers the boundaries of the
//! short texts it has segmented, as a tokenizer's word cache does. The result is
//! the segmenter's own, whether remembered or not.

use std::cell::RefCell;
use std::sync::LazyLock;

use icu_segmenter::WordSegmenter;
use icu_segmenter::WordSegmenterBorrowed;
use icu_segmenter::options::WordBreakInvariantOptions;

/// The dictionary segmenter: for Thai it follows the dictionary, which is what
/// Thai readers expect of a word; its data is compiled into the binary.
static SEGMENTER: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));

/// Texts longer than this (in bytes) are segmented every time: they seldom recur.
const REMEMBERED_TEXT: usize = 256;

/// What one thread may hold, in bytes of text and boundaries, before it forgets
/// everything and starts again (small in tests, so they reach it quickly).
const MEMORY: usize = if cfg!(test) { 64 << 10 } else { 8 << 20 };

/// One thread's remembered boundaries.
#[derive(Default)]
struct Memo {
    breaks: foldhash::HashMap<Box<str>, Box<[u32]>>,
    bytes: usize,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// The byte offsets of the word boundaries in `text`, from 0 to `text.len()`,
/// as ICU4X's dictionary segmenter gives them.
pub fn word_breaks(text: &str) -> Vec<usize> {
    if text.len() > REMEMBERED_TEXT {
        return segment(text);
    }
    let remembered = MEMO.with_borrow(|memo| {
        memo.breaks
            .get(text)
            .map(|b| b.iter().map(|&at| at as usize).collect())
    });
    if let Some(breaks) = remembered {
        return breaks;
    }
    let breaks = segment(text);
    MEMO.with_borrow_mut(|memo| {
        let cost = text.len() + breaks.len() * 4 + 64;
        if memo.bytes + cost > MEMORY {
            memo.breaks.clear();
            memo.bytes = 0;
        }
        memo.bytes += cost;
        let offsets = breaks.iter().map(|&at| at as u32).collect();
        memo.breaks.insert(text.into(), offsets);
    });
    breaks
}

fn segment(text: &str) -> Vec<usize> {
    SEGMENTER.segment_str(text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_boundaries_are_the_segmenters() {
        let texts = [
            "",
            "ก",
            "โรคไข้เลือดออก",
            "สำนักงานสาธารณสุขอำเภอพาน",
            "ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ",
            "ปีงบประมาณ2569",
            "abc",
        ];
        for _ in 0..3 {
            for text in texts {
                assert_eq!(word_breaks(text), segment(text), "{text:?}");
            }
        }
        let long = "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ".repeat(8);
        assert!(long.len() > REMEMBERED_TEXT);
        assert_eq!(word_breaks(&long), segment(&long));
        assert_eq!(word_breaks(&long), segment(&long));
    }

    #[test]
    fn a_full_memo_starts_again_and_still_answers_right() {
        let mut n = 0u32;
        let mut text = String::new();
        // Enough distinct texts to pass MEMORY at least once.
        while MEMO.with_borrow(|m| m.bytes) + 200 < MEMORY && n < 20_000 {
            text.clear();
            text.push_str("การประชุม");
            text.push_str(&n.to_string());
            text.push_str(&"ก".repeat(60));
            word_breaks(&text);
            n += 1;
        }
        for _ in 0..200 {
            text.push('ข');
            if text.len() > REMEMBERED_TEXT {
                break;
            }
            assert_eq!(word_breaks(&text), segment(&text));
        }
        assert!(MEMO.with_borrow(|m| m.bytes) <= MEMORY);
        assert_eq!(word_breaks("โรคไข้เลือดออก"), segment("โรคไข้เลือดออก"));
    }
}
