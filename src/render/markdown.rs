//! Markdown to safe HTML: CommonMark plus tables, footnotes, strikethrough, task
//! lists and heading ids, then sanitised so raw HTML in an item cannot run script.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// What rendering one body yields.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
}

/// Length of a summary made from the first paragraph, in user-perceived characters.
const SUMMARY_GRAPHEMES: usize = 220;

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Sanitised HTML is made a chunk of whole top-level blocks at a time (the
/// sanitiser builds a full DOM of what it is given), so a large item costs
/// memory in proportion to one chunk, not to the whole body many times over.
const CHUNK_BYTES: usize = 256 * 1024;

pub fn render(markdown: &str) -> Rendered {
    let out = Rc::new(RefCell::new(Chunks::default()));
    let mut blocks = Blocks {
        parser: Parser::new_ext(markdown, OPTIONS),
        pending: VecDeque::new(),
        used_ids: HeadingIds::default(),
        out: Rc::clone(&out),
    };
    // One HTML writer for the whole body keeps footnote numbers in sequence.
    let _ = pulldown_cmark::html::write_html_fmt(Writer(Rc::clone(&out)), &mut blocks);
    drop(blocks);
    let mut chunks = out.take();
    chunks.flush();
    Rendered { html: chunks.html }
}

/// Raw HTML waiting to be sanitised, and the sanitised HTML so far.
#[derive(Default)]
struct Chunks {
    raw: String,
    html: String,
    /// Elements opened and not yet closed by raw HTML in `raw`: a chunk ends only
    /// where raw HTML is balanced, so an element a writer opened in one block and
    /// closed in a later one is sanitised whole.
    open_raw_elements: i64,
}

impl Chunks {
    fn flush(&mut self) {
        if !self.raw.is_empty() {
            self.html.push_str(&SANITIZER.clean(&self.raw).to_string());
            self.raw.clear();
        }
        self.open_raw_elements = 0;
    }
}

struct Writer(Rc<RefCell<Chunks>>);

impl std::fmt::Write for Writer {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.borrow_mut().raw.push_str(s);
        Ok(())
    }
}

/// The parser's events a top-level block at a time, each block given its heading
/// ids and unbroken phone numbers.
struct Blocks<'a> {
    parser: Parser<'a>,
    pending: VecDeque<Event<'a>>,
    used_ids: HeadingIds,
    out: Rc<RefCell<Chunks>>,
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        if self.pending.is_empty() {
            // Everything before this point is written: a block boundary.
            {
                let mut out = self.out.borrow_mut();
                if out.raw.len() >= CHUNK_BYTES && out.open_raw_elements <= 0 {
                    out.flush();
                }
            }
            let mut block: Vec<Event<'a>> = Vec::new();
            let mut depth = 0usize;
            for event in self.parser.by_ref() {
                match &event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                block.push(event);
                if depth == 0 {
                    break;
                }
            }
            add_heading_ids(&mut block, &mut self.used_ids);
            keep_phone_numbers_whole(&mut block);
            let mut block = link_phone_numbers(block);
            thai_breaks_in_headings_and_cells(&mut block);
            let mut out = self.out.borrow_mut();
            for event in &block {
                if let Event::Html(html) | Event::InlineHtml(html) = event {
                    out.open_raw_elements += open_elements(html);
                }
            }
            self.pending = block.into();
        }
        self.pending.pop_front()
    }
}

/// Elements a piece of raw HTML opens minus those it closes (roughly: enough to
/// tell a wrapper `<div>` from a complete `<img>` or `<p>…</p>`).
fn open_elements(html: &str) -> i64 {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    let mut count = 0;
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        if let Some(closing) = rest.strip_prefix('/') {
            if closing.starts_with(|c: char| c.is_ascii_alphabetic()) {
                count -= 1;
            }
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let name: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            let tag_end = rest.find('>').unwrap_or(rest.len());
            let self_closing = rest[..tag_end].ends_with('/');
            if !VOID.contains(&name.as_str()) && !self_closing {
                count += 1;
            }
        }
    }
    count
}

/// The text of the first paragraph, gathered as events pass.
#[derive(Default)]
struct Summary {
    text: String,
    inside: bool,
    done: bool,
    /// Lists open at this point.
    lists: usize,
    /// Whether the paragraph is inside a list.
    in_list: bool,
}

impl Summary {
    fn take(&mut self, event: &Event<'_>) {
        if self.done {
            return;
        }
        match event {
            Event::Start(Tag::List(_)) => self.lists += 1,
            Event::End(TagEnd::List(_)) => self.lists = self.lists.saturating_sub(1),
            Event::Start(Tag::Paragraph) => {
                self.inside = true;
                self.in_list = self.lists > 0;
            }
            Event::End(TagEnd::Paragraph) if self.inside => self.done = true,
            Event::Text(t) | Event::Code(t) if self.inside => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak if self.inside => self.text.push(' '),
            _ => {}
        }
    }
}

/// Link and image targets of a body, without rendering it (for link checks).
pub fn links_of(markdown: &str) -> Vec<String> {
    link_targets(
        Parser::new_ext(markdown, OPTIONS)
            .collect::<Vec<_>>()
            .iter(),
    )
}

fn link_targets<'a, 'e: 'a>(events: impl Iterator<Item = &'a Event<'e>>) -> Vec<String> {
    events
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// Sanitiser for item bodies: no script, no event handlers, no `javascript:` URLs.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class"])
        .add_tags(["input", "figure", "figcaption"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("th", ["style"])
        .filter_style_properties(["text-align"].into_iter().collect::<HashSet<_>>())
        .link_rel(Some("noopener"));
    builder
});

/// Heading ids given so far, and for each slug the next number to try, so that a
/// heading repeated many times costs no more than distinct ones.
#[derive(Default)]
struct HeadingIds {
    used: HashSet<String>,
    next_number: HashMap<String, usize>,
}

/// Gives every heading without an explicit `{#id}` a stable id from its text,
/// unique among the ids given before.
fn add_heading_ids(events: &mut [Event<'_>], ids: &mut HeadingIds) {
    let HeadingIds { used, next_number } = ids;
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i] {
            if let Some(id) = id {
                used.insert(id.to_string());
            } else {
                let text: String = events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let base = crate::slug::heading_slug(&text);
                let mut candidate = base.clone();
                let n = next_number.entry(base.clone()).or_insert(1);
                while !used.insert(candidate.clone()) {
                    candidate = format!("{base}-{n}");
                    *n += 1;
                }
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                    *id = Some(CowStr::from(candidate));
                }
            }
        }
        i += 1;
    }
}

/// The text of a `tel:` link never breaks across lines: its spaces become
/// non-breaking, as a phone number on a notice should read.
fn keep_phone_numbers_whole(events: &mut [Event<'_>]) {
    let mut in_tel = false;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_tel = dest_url
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("tel:");
            }
            Event::End(TagEnd::Link) => in_tel = false,
            Event::Text(text) if in_tel && text.contains(' ') => {
                *text = CowStr::from(text.replace(' ', "\u{a0}"));
            }
            _ => {}
        }
    }
}

/// Headings and table cells are where narrow screens squeeze Thai text: mark
/// the word boundaries there with `<wbr>` (see [`super::thai`]).
fn thai_breaks_in_headings_and_cells(events: &mut [Event<'_>]) {
    let mut depth = 0usize;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::TableCell) => depth += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::TableCell) => depth = depth.saturating_sub(1),
            Event::Text(text) if depth > 0 => {
                let marked = super::thai::wbr(text);
                if marked.contains("<wbr>") {
                    *event = Event::InlineHtml(CowStr::from(marked));
                }
            }
            _ => {}
        }
    }
}

/// Words after which a number is one to call.
const CALL_WORDS: &[&str] = &["โทรศัพท์", "โทร", "สายด่วน", "Tel", "Phone", "phone"];

/// [`CALL_WORDS`], each made ready to search for once rather than for every
/// piece of text.
static CALL_WORD_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        CALL_WORDS
            .iter()
            .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
            .collect()
    });

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('๐'..='๙').contains(&c)
}

/// The byte range of the first phone number after a call word in `text`
/// ("โทร 0 5372 1234 ต่อ 102", "สายด่วน 1669"), from `from` on.
fn find_phone(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    while search < text.len() {
        // The earliest call word, and its length.
        let (at, word_len) = CALL_WORD_FINDERS
            .iter()
            .filter_map(|f| {
                let at = f.find(&text.as_bytes()[search..])?;
                Some((search + at, f.needle().len()))
            })
            .min_by_key(|(at, _)| *at)?;
        let mut start = at + word_len;
        for c in text[start..].chars() {
            if c == ' ' || c == '.' || c == ':' || c == '\u{a0}' {
                start += c.len_utf8();
            } else {
                break;
            }
        }
        let (mut end, mut digits, mut last_digit_end) = (start, 0, start);
        for c in text[start..].chars() {
            if is_digit(c) {
                digits += 1;
                end += c.len_utf8();
                last_digit_end = end;
            } else if (c == ' ' || c == '-') && digits > 0 {
                end += c.len_utf8();
            } else {
                break;
            }
        }
        if digits >= 4 {
            let mut end = last_digit_end;
            for ext in [" ต่อ ", " ext. ", " ext "] {
                if let Some(rest) = text[end..].strip_prefix(ext) {
                    let n: usize = rest
                        .chars()
                        .take_while(|c| is_digit(*c))
                        .map(char::len_utf8)
                        .sum();
                    if n > 0 {
                        end += ext.len() + n;
                    }
                    break;
                }
            }
            return Some((start, end));
        }
        search = at + word_len;
    }
    None
}

/// Phone numbers written after "โทร", "สายด่วน" or "Tel" become tap-to-call
/// links, as people on a phone expect; numbers inside links and code are left alone.
fn link_phone_numbers(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_link_or_code = 0usize;
    for event in events {
        match &event {
            Event::Start(Tag::Link { .. } | Tag::CodeBlock(_) | Tag::Heading { .. }) => {
                in_link_or_code += 1
            }
            Event::End(TagEnd::Link | TagEnd::CodeBlock | TagEnd::Heading(_)) => {
                in_link_or_code = in_link_or_code.saturating_sub(1);
            }
            Event::Text(text) if in_link_or_code == 0 && find_phone(text, 0).is_some() => {
                let text = text.to_string();
                let mut from = 0;
                let mut written = 0;
                while let Some((start, end)) = find_phone(&text, from) {
                    out.push(Event::Text(CowStr::from(text[written..start].to_string())));
                    let number = &text[start..end];
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<a class=\"tel\" href=\"{}\">{}</a>",
                        super::contact::tel_href(number),
                        super::templates::escape_markup(&number.replace(' ', "\u{a0}"))
                    ))));
                    written = end;
                    from = end;
                }
                out.push(Event::Text(CowStr::from(text[written..].to_string())));
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Wraps every table of a sanitised body in a labelled, focusable box that
/// scrolls sideways on its own, so a wide table never widens the page.
/// `label` names the box for screen readers ("ตารางที่"); tables are numbered.
pub fn wrap_tables(html: &str, label: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut n = 0;
    while let Some(at) = rest.find("<table>") {
        n += 1;
        out.push_str(&rest[..at]);
        out.push_str(&format!(
            "<section class=\"table-wrap\" tabindex=\"0\" aria-label=\"{} {n}\">",
            super::templates::escape_markup(label)
        ));
        let after = &rest[at..];
        match after.find("</table>") {
            Some(end) => {
                let end = end + "</table>".len();
                out.push_str(&after[..end]);
                out.push_str("</section>");
                rest = &after[end..];
            }
            None => {
                out.push_str(after);
                out.push_str("</section>");
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first paragraph as plain text, reading no further into the body than that.
/// The parser reads a whole document's blocks before the first event, so a large
/// body is cut to its first part (at a blank line) when that holds the paragraph.
pub fn summary_of(markdown: &str) -> String {
    // A paragraph inside a list is not trusted from the start alone: a blank line
    // further on may make the list loose, and its first item a paragraph.
    if let Some(prefix) = summary_source(markdown)
        && let Some((found, false)) = first_paragraph_in(Parser::new_ext(prefix, OPTIONS))
    {
        return found;
    }
    first_paragraph(Parser::new_ext(markdown, OPTIONS)).unwrap_or_default()
}

/// The start of a body, ending at a blank line within its first 2 KB; `None` when
/// the body is short, or when a reference definition further on (`[x]: url`)
/// could change the text of the first paragraph. Blocks before a blank line do
/// not depend on what follows it, except a list that goes on (a looser list
/// makes paragraphs of its items), so [`summary_of`] reads the whole body when
/// the paragraph it found is in a list. Every card needs its summary on every
/// build, so this is worth it.
fn summary_source(markdown: &str) -> Option<&str> {
    const PREFIX: usize = 2 * 1024;
    if markdown.len() <= PREFIX {
        return None;
    }
    let mut end = PREFIX;
    while !markdown.is_char_boundary(end) {
        end -= 1;
    }
    let cut = markdown[..end].rfind("\n\n")?;
    (!markdown[cut..].contains("]:")).then(|| &markdown[..cut])
}

/// The text a reader sees in a body, blocks separated by new lines, without
/// markup or raw HTML (search indexes this).
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition,
            ) => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// The first paragraph's text, if the events hold a whole one.
fn first_paragraph<'e>(events: impl Iterator<Item = Event<'e>>) -> Option<String> {
    first_paragraph_in(events).map(|(text, _)| text)
}

/// [`first_paragraph`], and whether that paragraph is inside a list.
fn first_paragraph_in<'e>(events: impl Iterator<Item = Event<'e>>) -> Option<(String, bool)> {
    let mut summary = Summary::default();
    for event in events {
        summary.take(&event);
        if summary.done {
            break;
        }
    }
    summary.done.then(|| {
        (
            truncate_graphemes(summary.text.trim(), SUMMARY_GRAPHEMES),
            summary.in_list,
        )
    })
}

/// At most `max` user-perceived characters (grapheme clusters), with an ellipsis
/// when cut: a Thai vowel or tone mark is never cut off its consonant.
pub fn truncate_graphemes(text: &str, max: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation as _;
    let cut = thai_cluster_start(text, max)
        .unwrap_or_else(|| text.grapheme_indices(true).nth(max).map(|(at, _)| at));
    match cut {
        Some(cut) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

/// Where the cluster numbered `n` starts in text of ASCII and Thai only, where
/// clusters are simple: a Thai vowel or tone mark (Extend) and sara am
/// (SpacingMark) stay with what they follow unless that is a control, and CR LF
/// is one. `None`: other scripts are there, ask the full rules. `Some(None)`: the
/// text has no cluster `n`. (Every summary is cut, so this path is worth having.)
fn thai_cluster_start(text: &str, n: usize) -> Option<Option<usize>> {
    let mut count = 0;
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        if !c.is_ascii() && !('\u{0E00}'..='\u{0E7F}').contains(&c) {
            return None;
        }
        let joins = matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
        let after_control = previous.is_some_and(|p| p.is_ascii_control());
        let starts = match previous {
            None => true,
            Some('\r') if c == '\n' => false,
            Some(_) => !joins || after_control,
        };
        if starts {
            if count == n {
                return Some(Some(at));
            }
            count += 1;
        }
        previous = Some(c);
    }
    Some(None)
}

// ---- Links under a sub-path (base_url such as https://owner.github.io/office/) ----

/// Root-relative links written in Markdown (`/oia/guideline-2564/`) put under the
/// site's base path (`/office/oia/guideline-2564/`), as the theme's own links are,
/// so a site that lives under a sub-path has no dead links. Works on the sanitised
/// HTML: a `<` in text is always escaped there, so only real tags match.
pub fn rebase_links(html: &str, base_path: &str) -> String {
    if base_path == "/" || base_path.is_empty() {
        return html.to_string();
    }
    let base = base_path.trim_end_matches('/');
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        out.push_str(&rebase_tag(&rest[at..tag_end], base));
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    out
}

/// One tag with its `href="/…"` and `src="/…"` put under `base`.
fn rebase_tag(tag: &str, base: &str) -> String {
    let mut tag = tag.to_string();
    for attr in [" href=\"", " src=\""] {
        let mut from = 0;
        while let Some(found) = tag[from..].find(attr) {
            let value = from + found + attr.len();
            let rest = &tag[value..];
            let rooted = rest.starts_with('/') && !rest.starts_with("//");
            let already =
                rest.starts_with(&format!("{base}/")) || rest.starts_with(&format!("{base}\""));
            if rooted && !already {
                tag.insert_str(value, base);
            }
            from = value;
        }
    }
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick cut of ASCII and Thai text agrees with the full Unicode rules.
    #[test]
    fn thai_clusters_are_cut_as_the_unicode_rules_cut_them() {
        use unicode_segmentation::UnicodeSegmentation as _;
        let alphabet: Vec<char> = ('\u{0E00}'..='\u{0E7F}')
            .chain(['a', 'Z', ' ', '1', '\r', '\n', '\t', '.', '\u{7F}'])
            .collect();
        let mut seed: u32 = 7;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 8) as usize
        };
        let mut texts: Vec<String> = vec![
            "น้ำใจ สวัสดีครับ ไข้เลือดออก".into(),
            "\r\nกำ\u{0E33}\u{0E48}".into(),
            "\u{0E31}\u{0E48}leading marks".into(),
            "\n\u{0E49}x\u{7F}\u{0E4C}".into(),
        ];
        for _ in 0..2000 {
            let len = next() % 12;
            texts.push(
                (0..len)
                    .map(|_| alphabet[next() % alphabet.len()])
                    .collect(),
            );
        }
        for text in &texts {
            for n in 0..14 {
                let full = text.grapheme_indices(true).nth(n).map(|(at, _)| at);
                assert_eq!(thai_cluster_start(text, n), Some(full), "{text:?} {n}");
            }
        }
        assert_eq!(
            thai_cluster_start("café", 3),
            None,
            "other scripts: the full rules"
        );
    }

    #[test]
    fn thai_headings_and_cells_break_between_words_only() {
        let r = render(
            "## ประวัติหน่วยงาน\n\n| ตำแหน่ง | ชื่อ |\n|---|---|\n| ผู้บริหาร | นายสมชาย |\n\nประวัติหน่วยงาน",
        );
        assert!(
            r.html.contains("<h2 id=\"ประวัติหน่วยงาน\">ประวัติ<wbr>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("ประวั<wbr>"), "{}", r.html);
        assert!(r.html.contains("<td>ผู้บริหาร</td>"), "{}", r.html);
        assert!(r.html.contains("<td>นาย<wbr>สมชาย</td>"), "{}", r.html);
        // Paragraphs are left to the browser.
        assert!(r.html.contains("<p>ประวัติหน่วยงาน</p>"), "{}", r.html);
    }

    #[test]
    fn phone_numbers_after_call_words_are_tap_to_call() {
        let html = render("สอบถาม โทร 0 5372 1234 ต่อ 102 หรือสายด่วน 1669 ในวันที่ 12 ธันวาคม 2569\n\n[โทร 1422](tel:1422) `โทร 1111`").html;
        assert!(html.contains("โทร <a class=\"tel\" href=\"tel:053721234,102\" rel=\"noopener\">0&nbsp;5372&nbsp;1234&nbsp;ต่อ&nbsp;102</a> หรือ"), "{html}");
        assert!(
            html.contains(
                "<a class=\"tel\" href=\"tel:1669\" rel=\"noopener\">1669</a> ในวันที่ 12 ธันวาคม"
            ),
            "{html}"
        );
        assert_eq!(html.matches("tel:1422").count(), 1, "{html}");
        assert!(html.contains("<code>โทร 1111</code>"), "{html}");
        // A year or a count is not a phone number without a call word.
        assert!(!render("ปี 2569 มี 1669 คน").html.contains("tel:"));
    }

    #[test]
    fn tables_scroll_in_their_own_labelled_box() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\ntext\n\n| c |\n|---|\n| 3 |").html;
        let wrapped = wrap_tables(&html, "ตารางที่");
        assert_eq!(
            wrapped
                // A named <section> is a region landmark.
                .matches("<section class=\"table-wrap\" tabindex=\"0\"")
                .count(),
            2,
            "{wrapped}"
        );
        assert!(wrapped.contains("aria-label=\"ตารางที่ 2\""), "{wrapped}");
        assert_eq!(
            wrapped.matches("</table></section>").count(),
            2,
            "{wrapped}"
        );
        assert_eq!(wrap_tables("<p>x</p>", "t"), "<p>x</p>");
    }

    #[test]
    fn extensions_render() {
        let r = render(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ text[^1]\n\n[^1]: note\n\n- [x] done\n",
        );
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(r.html.contains("type=\"checkbox\""), "{}", r.html);
    }

    #[test]
    fn headings_get_unique_ids_thai_kept() {
        let r =
            render("## ขั้นตอนการขอรับบริการ\n\n## Steps Here\n\n## Steps here\n\n## Custom {#mine}\n");
        assert!(r.html.contains("id=\"ขั้นตอนการขอรับบริการ\""), "{}", r.html);
        assert!(r.html.contains("id=\"steps-here\""));
        assert!(r.html.contains("id=\"steps-here-1\""));
        assert!(r.html.contains("id=\"mine\""));
    }

    #[test]
    fn raw_html_is_sanitised() {
        let r = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n<a href=\"javascript:alert(3)\">x</a>\n\n[y](javascript:alert(4))\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<p onclick=\"x()\" style=\"color:red\">ok</p>",
        );
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "alert(",
            "<iframe",
            "onclick",
            "color:red",
        ] {
            assert!(!r.html.contains(bad), "{bad} survived: {}", r.html);
        }
        assert!(r.html.contains("ok"));
    }

    #[test]
    fn first_paragraph_and_links() {
        assert_eq!(
            links_of("# T\n\n[ลิงก์](/news/a/) ![ภาพ](a.png)\n"),
            ["/news/a/", "a.png"]
        );
        assert_eq!(
            summary_of("# T\n\nแรก *หนึ่ง* [ลิงก์](/news/a/)\nต่อ\n\nสอง\n"),
            "แรก หนึ่ง ลิงก์ ต่อ"
        );
    }

    #[test]
    fn phone_numbers_do_not_break() {
        let r = render("โทร [0 5372 1234](tel:+6653721234) หรือ [หน้า ติดต่อ](/about/contact/)");
        assert!(r.html.contains(">0&nbsp;5372&nbsp;1234</a>"), "{}", r.html);
        assert!(r.html.contains(">หน้า ติดต่อ</a>"), "{}", r.html);
    }

    #[test]
    fn large_bodies_render_as_small_ones_do() {
        // Blocks from across the chunk boundaries: footnotes keep their numbers,
        // heading ids stay unique, a raw HTML wrapper spanning blocks stays whole.
        let block = "## หัวข้อ\n\nข้อความ[^n] *เน้น* [ลิงก์](/a/) <b>หนา</b>\n\n<div class=\"note\">\n\nภายใน\n\n</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
        let mut body = String::from("แรก\n\n");
        while body.len() < 2 * CHUNK_BYTES + CHUNK_BYTES / 2 {
            body.push_str(block);
        }
        body.push_str("[^n]: หมายเหตุ\n\n<script>alert(1)</script>\n");
        let chunked = render(&body);
        let whole = {
            let mut events: Vec<Event<'_>> = Parser::new_ext(&body, OPTIONS).collect();
            add_heading_ids(&mut events, &mut HeadingIds::default());
            let mut raw = String::new();
            pulldown_cmark::html::push_html(&mut raw, events.into_iter());
            SANITIZER.clean(&raw).to_string()
        };
        assert!(chunked.html == whole, "chunked output differs");
        assert!(!chunked.html.contains("<script"));
        assert_eq!(summary_of(&body), "แรก");
        let ids = chunked.html.matches("id=\"หัวข้อ-").count();
        assert!(ids > 100, "{ids}");
    }

    #[test]
    fn summary_of_a_long_body_reads_its_start() {
        let mut body = String::from("# T\n\nแรก [ลิงก์][r]\n\n");
        body.push_str(&"ต่อไป\n\n".repeat(20_000));
        body.push_str("[r]: /news/a/\n");
        assert!(
            summary_source(&body).is_none(),
            "a reference definition follows"
        );
        assert_eq!(summary_of(&body), "แรก ลิงก์");
        let plain = format!("# T\n\nแรก\n\n{}", "ต่อไป\n\n".repeat(20_000));
        assert!(summary_source(&plain).is_some_and(|p| p.len() < plain.len()));
        assert_eq!(summary_of(&plain), "แรก");
        let late = format!(
            "{}\n\nแรก\n",
            "```\n".to_string() + &"code\n\n".repeat(20_000) + "```"
        );
        assert_eq!(summary_of(&late), "แรก");
    }

    #[test]
    fn a_list_that_goes_on_past_the_start_is_read_whole() {
        let long = "c".repeat(3000);
        // Loose by a blank line after the start: "a" is the first paragraph.
        assert_eq!(
            summary_of(&format!("- a\n  > quote\n- b\n\n- {long}\n")),
            "a"
        );
        assert_eq!(
            summary_of(&format!("- a\n  - x\n\n    y\n- b\n\n- {long}\n")),
            "a"
        );
    }

    #[test]
    fn summary_from_the_start_equals_summary_from_the_whole() {
        let filler = "ข้อความต่อท้าย ".repeat(40) + "\n\n";
        let starts = [
            "แรก\n\n",
            "# หัวข้อ\n\nแรก *เน้น*\nต่อ\n\n",
            "- หนึ่ง\n- สอง\n\n- สาม\n\n",
            "- หนึ่ง\n\n  ย่อหน้าในรายการ\n\n",
            "- ก\n  > อ้าง\n- ข\n\n",
            "- ก\n  - x\n\n    y\n- ข\n\n",
            "1. หนึ่ง\n2. สอง\n\nหลังรายการ\n\n",
            "```\nโค้ด\n\nยังเป็นโค้ด\n\n",
            "<!--\nความเห็น\n\n",
            "<div>\nกล่อง\n\nหลังกล่อง\n\n",
            "    โค้ดเยื้อง\n\n    ต่อ\n\n",
            "> อ้างอิง\n\nหลังอ้างอิง\n\n",
            "| ก | ข |\n|---|---|\n| 1 | 2 |\n\nหลังตาราง\n\n",
            "[ลิงก์][r] แรก\n\n",
            "เชิงอรรถ[^1]\n\n",
        ];
        let ends = ["", "[r]: /news/a/\n", "[^1]: หมายเหตุ\n", "```\n", "-->\n"];
        for start in starts {
            for end in ends {
                for repeat in [1, 4, 8] {
                    let body = format!("{start}{}{end}", filler.repeat(repeat));
                    let whole =
                        first_paragraph(Parser::new_ext(&body, OPTIONS)).unwrap_or_default();
                    assert_eq!(summary_of(&body), whole, "{start:?} … {end:?} ×{repeat}");
                }
            }
        }
    }

    #[test]
    fn truncation_keeps_thai_marks_on_their_letters() {
        // สวัสดี: ส, วั, ส, ดี: the vowel sign ั and ี stay with their consonants.
        assert_eq!(truncate_graphemes("สวัสดีครับ", 2), "สวั…");
        assert_eq!(truncate_graphemes("สวัสดีครับ", 4), "สวัสดี…");
        // น้ำ is one cluster of three code points (consonant, tone mark, vowel).
        assert_eq!(truncate_graphemes("น้ำใจ", 1), "น้ำ…");
        assert_eq!(truncate_graphemes("ab", 3), "ab");
        let summary = summary_of(&format!("{}\n", "ที่นี่".repeat(200)));
        assert!(
            summary.ends_with("ที่…") || summary.ends_with("นี่…"),
            "{summary}"
        );
    }

    #[test]
    fn root_relative_links_go_under_the_base_path() {
        let html = render(
            "[a](/oia/guideline-2564/) [b](https://x.example/y) [c](//cdn.example/z) [d](form.pdf) ![i](/static/x.png)\n\n`<a href=\"/code/\">`\n",
        )
        .html;
        let rebased = rebase_links(&html, "/office/");
        assert!(
            rebased.contains("href=\"/office/oia/guideline-2564/\""),
            "{rebased}"
        );
        assert!(
            rebased.contains("src=\"/office/static/x.png\""),
            "{rebased}"
        );
        assert!(rebased.contains("href=\"https://x.example/y\""));
        assert!(rebased.contains("href=\"//cdn.example/z\""));
        assert!(rebased.contains("href=\"form.pdf\""));
        assert!(
            rebased.contains("&lt;a href=\"/code/\"&gt;"),
            "text is not a tag: {rebased}"
        );
        assert_eq!(
            rebase_links(&rebased, "/office/"),
            rebased,
            "applied once only"
        );
        assert_eq!(rebase_links(&html, "/"), html);
    }
}
