//! Hostile and clumsy input: the checks that keep one bad file from stopping the
//! build or carrying script onto the office's domain.
//!
//! Every check here returns [`Problem`]s (Thai first, English beside, naming the file,
//! the line or field, and the fix). The decide stage turns them into a withholding
//! reason, and `khaosan check` reports that same reason, so the two always agree.
//! The checks are linear scans that run before Markdown or HTML parsing, so a huge
//! or deeply nested body is refused before it can cost anything.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization as _;

use crate::error::{Problem, line_of};
use crate::messages;
use crate::source::Blob;

/// Deepest nesting of block quotes, lists or HTML elements an item may have.
pub const MAX_NESTING: usize = 100;
/// Largest item file by default, in megabytes (`[limits] item_size_mb`).
pub const DEFAULT_ITEM_MB: u64 = 2;
/// The most `item_size_mb` may be set to.
pub const MAX_ITEM_MB: u64 = 64;
/// File systems allow 255 bytes per name; Thai letters take 3 bytes each in UTF-8.
pub const MAX_NAME_BYTES: usize = 255;

/// A character as its Unicode code point, `U+000B`: how the messages name an
/// invisible character.
fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Characters that Windows or macOS refuse in file names, or that a web server
/// treats specially; `/` separates folders and never reaches here.
const REFUSED_IN_NAMES: &[char] = &['\\', ':', '*', '?', '"', '<', '>', '|'];

/// Names Windows reserves for devices, whatever their extension.
const DEVICE_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Attachment types an office publishes, when `site.toml` does not list its own:
/// PDF, Office and OpenDocument files, images, archives and CSV.
pub const DEFAULT_ATTACHMENT_TYPES: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "jpg", "jpeg", "png",
    "gif", "webp", "zip", "7z", "rar", "csv",
];

/// Extensions that run in a browser on the site's origin, or that khaosan itself
/// generates: never an attachment, whatever `site.toml` allows, so no attachment can
/// carry script or replace a generated page.
pub const NEVER_ATTACHMENT_TYPES: &[&str] = &[
    "html",
    "htm",
    "xhtml",
    "xht",
    "shtml",
    "svg",
    "svgz",
    "xml",
    "xsl",
    "xslt",
    "js",
    "mjs",
    "cjs",
    "json",
    "css",
    "wasm",
    "swf",
    "php",
    "txt",
    "md",
    "map",
    "webmanifest",
    "appcache",
];

/// Why `name` cannot be one path component (a tag page folder, an attachment, a
/// folder inside a bundle), or `None` when it can.
pub fn name_problem(name: &str) -> Option<String> {
    path_problem(name).or_else(|| checkout_problem(name))
}

/// Control characters, length, and characters file systems refuse.
fn path_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some(messages::NAME_EMPTY.say(&[]));
    }
    if let Some(c) = name.chars().find(|c| c.is_control()) {
        return Some(messages::NAME_CONTROL.say(&[("code", &code_point(c))]));
    }
    if name.len() > MAX_NAME_BYTES {
        return Some(messages::NAME_TOO_LONG.say(&[("bytes", &name.len().to_string())]));
    }
    if let Some(c) = name.chars().find(|c| REFUSED_IN_NAMES.contains(c)) {
        return Some(messages::NAME_REFUSED_CHARACTER.say(&[("char", &c.to_string())]));
    }
    if name == "." || name == ".." {
        return Some(messages::NAME_DOTS.say(&[]));
    }
    None
}

/// Names a Windows checkout of the repository cannot hold. Attachments live in the
/// repository; tag folders only in the output, so tags (`ร.ร.`) skip this.
fn checkout_problem(name: &str) -> Option<String> {
    if name.ends_with('.') || name.ends_with(' ') {
        return Some(messages::NAME_TRAILING_DOT.say(&[]));
    }
    let stem = name.split('.').next().unwrap_or(name).to_lowercase();
    if DEVICE_NAMES.contains(&stem.as_str()) {
        return Some(messages::NAME_RESERVED_BY_WINDOWS.say(&[("name", &stem)]));
    }
    None
}

/// The form two names are compared in: NFC, lowercase. Two names with the same key
/// are one file on macOS and Windows, and look the same to a reader.
pub fn collision_key(name: &str) -> String {
    name.nfc().collect::<String>().to_lowercase()
}

/// Front-matter tags: each becomes a folder `tags/<tag>/`.
pub fn tag_problems(path: &str, tags: &[String], line: Option<usize>) -> Vec<Problem> {
    tags.iter()
        .filter_map(|tag| {
            // The folder is the tag's slug; a tag without one (`..`, empty) has no
            // page at all, so it cannot make a bad folder name.
            let slug = crate::render::view::tag_slug(tag);
            if slug.is_empty() {
                return None;
            }
            let why = path_problem(&slug)?;
            let shown: String = tag.chars().filter(|c| !c.is_control()).take(40).collect();
            let mut p = Problem::new(path, messages::TAG_NAME.detail(&why, &[("tag", &shown)]))
                .field("tags");
            if let Some(line) = line {
                p = p.line(line);
            }
            Some(p)
        })
        .collect()
}

/// Control characters break the Atom feed (XML cannot carry them at all) and hide
/// text from readers; a Word paste often brings U+000B or U+000C. Tab, line feed
/// and carriage return are text.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    // Read as bytes: every item's whole text passes here, and in UTF-8 the lead
    // bytes looked for never occur inside another character.
    let bytes = text.as_bytes();
    // Nearly every text has none of the bytes looked for: a branch-free pass over
    // blocks says so quickly.
    let suspect = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) | (b == 0x7F) | (b == 0xC2) | (b == 0xEF)
    };
    if !bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |found, &b| found | suspect(b)))
    {
        return None;
    }
    let char_at = |at: usize| text[at..].chars().next().map(|c| (at, c));
    let control = bytes.iter().enumerate().find_map(|(at, &b)| match b {
        b'\t' | b'\n' | b'\r' => None,
        0x00..=0x1F | 0x7F => char_at(at),
        // U+0080 to U+009F.
        0xC2 if matches!(bytes.get(at + 1), Some(0x80..=0x9F)) => char_at(at),
        _ => None,
    });
    control.or_else(|| {
        bytes
            .windows(3)
            .position(|w| matches!(w, [0xEF, 0xBF, 0xBE | 0xBF]))
            .and_then(char_at)
    })
}

/// A problem for a control character at byte `offset` of `text`, which starts on
/// line `first_line` of the file.
pub fn control_problem(
    path: &str,
    text: &str,
    first_line: usize,
    offset: usize,
    c: char,
) -> Problem {
    Problem::new(
        path,
        messages::CONTROL_CHARACTER.say(&[("code", &code_point(c))]),
    )
    .line(first_line + line_of(text, offset) - 1)
}

/// A file larger than the limit is refused before it is read as text.
pub fn size_problem(path: &str, len: u64, limit_mb: u64) -> Option<Problem> {
    (len > limit_mb * 1024 * 1024).then(|| {
        Problem::new(
            path,
            messages::ITEM_TOO_LARGE.say(&[
                ("limit", &limit_mb.to_string()),
                ("size", &format!("{:.1}", len as f64 / 1_048_576.0)),
            ]),
        )
    })
}

/// Nesting deeper than [`MAX_NESTING`], found in one linear pass before Markdown is
/// parsed: block-quote and list markers at the start of a line (with indentation),
/// and HTML elements opened and not yet closed.
pub fn nesting_problem(path: &str, body: &str, body_line: usize) -> Option<Problem> {
    let refuse = |offset: usize, (what_th, what): (&str, &str)| {
        Problem::new(
            path,
            messages::TOO_DEEP.say(&[("what_th", what_th), ("what", what)]),
        )
        .line(body_line + line_of(body, offset) - 1)
    };
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        if line_depth(line) > MAX_NESTING {
            return Some(refuse(offset, ("อ้างอิงหรือรายการ", "block quotes or lists")));
        }
        offset += line.len();
    }
    html_depth_exceeds(body, MAX_NESTING).map(|at| refuse(at, ("แท็ก HTML", "HTML elements")))
}

/// Containers opened at the start of one line: each `>` or list marker, and two
/// columns of indentation before the first marker, count as one level.
fn line_depth(line: &str) -> usize {
    let bytes = line.as_bytes();
    let (mut depth, mut columns, mut i) = (0, 0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b' ' if depth == 0 => columns += 1,
            b'\t' if depth == 0 => columns += 4,
            b' ' | b'\t' => {}
            b'>' => depth += 1,
            b'-' | b'*' | b'+' if bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) => {
                depth += 1
            }
            b'0'..=b'9' => {
                let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                match bytes.get(i + digits) {
                    Some(b'.' | b')') => {
                        depth += 1;
                        i += digits;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        i += 1;
    }
    depth + columns / 2
}

/// HTML elements that close themselves, or whose end tag the parser implies: they
/// do not deepen the tree.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp",
];

/// The byte offset where open HTML elements first exceed `max`, if they do.
fn html_depth_exceeds(body: &str, max: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[i..]) {
        let at = i + found;
        let rest = &bytes[at + 1..];
        let closing = rest.first() == Some(&b'/');
        let name_start = usize::from(closing);
        let name_len = rest[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        i = at + 1;
        if name_len == 0 || !rest[name_start].is_ascii_alphabetic() {
            continue;
        }
        // `<https://…>` and `<a@b.example>` are autolinks, not elements.
        if !rest
            .get(name_start + name_len)
            .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
        {
            continue;
        }
        let name = body[at + 1 + name_start..at + 1 + name_start + name_len].to_ascii_lowercase();
        if FLAT_ELEMENTS.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let tag_end = rest.iter().position(|b| *b == b'>' || *b == b'<');
        let self_closing = tag_end.is_some_and(|e| e > 0 && rest[e - 1] == b'/');
        if !self_closing {
            depth += 1;
            if depth > max {
                return Some(at);
            }
        }
    }
    None
}

/// What `site.toml` allows as attachments, checked against the refused types.
#[derive(Debug, Clone)]
pub struct AttachmentTypes(Vec<String>);

impl Default for AttachmentTypes {
    fn default() -> Self {
        AttachmentTypes(
            DEFAULT_ATTACHMENT_TYPES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        )
    }
}

impl AttachmentTypes {
    /// The list from `site.toml`; types that may run script are refused.
    pub fn new(types: &[String]) -> Result<AttachmentTypes, String> {
        let mut out = Vec::new();
        for t in types {
            let t = t.trim().trim_start_matches('.').to_ascii_lowercase();
            if NEVER_ATTACHMENT_TYPES.contains(&t.as_str()) {
                return Err(messages::ATTACHMENT_TYPE_REFUSED.say(&[("type", &t)]));
            }
            if t != "csv" && !infer_knows(&t) {
                return Err(messages::ATTACHMENT_TYPE_UNKNOWN.say(&[("type", &t)]));
            }
            out.push(t);
        }
        Ok(AttachmentTypes(out))
    }

    fn allows(&self, ext: &str) -> bool {
        self.0.iter().any(|t| t == ext)
    }

    pub fn list(&self) -> String {
        self.0.join(", ")
    }
}

/// `infer` recognises this extension (or it is an alias of one it does).
fn infer_knows(ext: &str) -> bool {
    infer::is_supported(canonical_ext(ext))
}

/// Spellings of one type: `jpeg` is `jpg`, `tiff` is `tif`.
fn canonical_ext(ext: &str) -> &str {
    match ext {
        "jpeg" | "jpe" => "jpg",
        "tiff" => "tif",
        other => other,
    }
}

/// Office files are containers: a `.docx` is a zip archive, and `infer` may name an
/// old Word file as Excel (they share one format). Types in one family agree.
fn family(ext: &str) -> &str {
    match ext {
        "docx" | "xlsx" | "pptx" | "odt" | "ods" | "odp" | "zip" | "epub" => "zip",
        "doc" | "xls" | "ppt" | "msi" => "ole",
        other => other,
    }
}

/// How many bytes of an attachment the content check reads first.
const HEAD_BYTES: usize = 1 << 20;

/// The checks for every attachment of one bundle: names, types (by name and by
/// content) and collisions. `files` are (name within the bundle, path, content).
pub fn attachment_problems<'a>(
    files: impl Iterator<Item = (&'a str, &'a str, &'a Blob)>,
    types: &AttachmentTypes,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (name, path, blob) in files {
        if let Some(why) = name.split('/').find_map(|part| {
            name_problem(part).map(|w| (part, w)).or_else(|| {
                let ext = part.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
                ext.filter(|e| NEVER_ATTACHMENT_TYPES.contains(&e.as_str()))
                    .map(|_| (part, never_message(part)))
            })
        }) {
            problems.push(Problem::new(
                path,
                messages::ATTACHMENT_NAME.detail(&why.1, &[("name", why.0)]),
            ));
            continue;
        }
        if let Some(first) = seen.insert(collision_key(name), path) {
            problems.push(Problem::new(
                path,
                messages::ATTACHMENT_SAME_NAME.say(&[("first", first)]),
            ));
            continue;
        }
        if let Some(why) = type_problem(name, blob, types) {
            problems.push(Problem::new(path, why));
        }
    }
    problems
}

fn never_message(name: &str) -> String {
    messages::ATTACHMENT_RUNS_SCRIPT.say(&[("name", name)])
}

/// The type by extension must be allowed, and the content must agree with it.
fn type_problem(name: &str, blob: &Blob, types: &AttachmentTypes) -> Option<String> {
    let file = name.rsplit('/').next().unwrap_or(name);
    let Some(ext) = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty())
    else {
        return Some(messages::ATTACHMENT_NO_EXTENSION.say(&[("types", &types.list())]));
    };
    if !types.allows(&ext) {
        return Some(
            messages::ATTACHMENT_TYPE_NOT_ALLOWED.say(&[("ext", &ext), ("types", &types.list())]),
        );
    }
    let head = match read_head(blob, HEAD_BYTES) {
        Ok(head) => head,
        Err(e) => {
            // The operating system's reason, in Thai first, then its own words.
            let why = format!("{}: {e}", messages::os_reason(e.kind()).label(&[]));
            return Some(messages::ATTACHMENT_UNREADABLE.detail(&why, &[]));
        }
    };
    let detected = infer::get(&head).map(|t| t.extension());
    if ext == "csv" {
        return match detected {
            None if looks_like_text(&head) => None,
            _ => Some(mismatch(&ext, detected.unwrap_or("binary"))),
        };
    }
    // An old Office file keeps its directory anywhere in the file: read it whole.
    let detected = match detected {
        None if family(&ext) == "ole" && blob.len() > HEAD_BYTES as u64 => blob
            .read()
            .ok()
            .and_then(|all| infer::get(&all).map(|t| t.extension())),
        other => other,
    };
    match detected {
        Some(kind) if family(canonical_ext(&ext)) == family(kind) => None,
        Some(kind) => Some(mismatch(&ext, kind)),
        None => Some(mismatch(&ext, "unknown")),
    }
}

fn mismatch(ext: &str, found: &str) -> String {
    messages::ATTACHMENT_CONTENT_MISMATCH.say(&[("ext", ext), ("found", found)])
}

/// CSV cannot be recognised by content: it must at least be text (UTF-8 or a Thai
/// code page), without the control bytes of a binary file.
fn looks_like_text(bytes: &[u8]) -> bool {
    !bytes
        .iter()
        .any(|&b| b == 0x7f || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
}

fn read_head(blob: &Blob, n: usize) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
    match blob {
        Blob::Bytes(bytes) => Ok(std::borrow::Cow::Borrowed(&bytes[..bytes.len().min(n)])),
        Blob::Disk { path, .. } => {
            use std::io::Read as _;
            let mut head = Vec::new();
            std::fs::File::open(path)?
                .take(n as u64)
                .read_to_end(&mut head)?;
            Ok(std::borrow::Cow::Owned(head))
        }
    }
}

/// Schemes a link in `site.toml` may use; anything else (`javascript:`, `data:`)
/// could run script from the office's pages.
pub const ALLOWED_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// Why `url` may not be a link from the site's settings, or `None` when it may:
/// `https:`, `http:`, `mailto:`, `tel:` or a site-relative path.
pub fn url_problem(url: &str) -> Option<String> {
    // Browsers drop tabs and line breaks inside a URL and spaces around it, so
    // `java\tscript:` is `javascript:` to them: judge the URL as they read it.
    let seen: String = url
        .trim_matches(|c: char| c.is_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if seen.is_empty() {
        return None;
    }
    if let Some(c) = seen.chars().find(|c| c.is_control()) {
        return Some(messages::LINK_CONTROL.say(&[("code", &code_point(c))]));
    }
    let scheme_end = seen.find(':').filter(|&i| {
        let s = &seen[..i];
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme_end {
        Some(i) => {
            let scheme = seen[..i].to_ascii_lowercase();
            (!ALLOWED_SCHEMES.contains(&scheme.as_str()))
                .then(|| messages::LINK_SCHEME.say(&[("scheme", &scheme)]))
        }
        None if seen.starts_with("//") || seen.starts_with("/\\") || seen.starts_with('\\') => {
            Some(messages::LINK_OTHER_HOST.say(&[]))
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte scan finds what a scan by characters finds.
    #[test]
    fn first_control_agrees_with_the_character_definition() {
        let by_chars = |text: &str| {
            text.char_indices()
                .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                .or_else(|| {
                    text.char_indices()
                        .find(|(_, c)| matches!(c, '\u{FFFE}' | '\u{FFFF}'))
                })
        };
        for text in [
            "",
            "ข่าว\tประชา\r\nสัมพันธ์",
            "ก\u{000B}ข",
            "ab\u{007F}",
            "ภาษาไทย\u{0085}x",
            "\u{0080}\u{009F}",
            "ok\u{00A0}\u{00C2}\u{00E9}",
            "x\u{FFFF}y\u{0001}",
            "\u{FFFE}",
            "\u{FFFD}\u{EFBF}\u{FFBE}",
            "ทดสอบ 😀 ๑๒๓",
        ] {
            assert_eq!(first_control(text), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn the_messages_state_the_limits_in_force() {
        let n = |v: u64| v.to_string();
        assert!(
            messages::NAME_TOO_LONG
                .en
                .contains(&n(MAX_NAME_BYTES as u64))
        );
        assert!(messages::TOO_DEEP.en.contains(&n(MAX_NESTING as u64)));
        assert!(messages::ITEM_TOO_LARGE.fix_en.contains(&n(MAX_ITEM_MB)));
        assert!(
            messages::ITEM_SIZE_MB
                .en
                .contains(&format!("1 to {MAX_ITEM_MB}"))
        );
        assert!(
            messages::ITEM_SIZE_MB
                .en
                .contains(&format!("default {DEFAULT_ITEM_MB} MB"))
        );
    }
    use std::sync::Arc;

    #[test]
    fn names() {
        assert!(name_problem("ข่าว").is_none());
        assert!(name_problem("form.pdf").is_none());
        assert!(name_problem(&"ก".repeat(85)).is_none());
        assert!(name_problem(&"ก".repeat(86)).unwrap().contains("too long"));
        assert!(name_problem("a\u{0}b").unwrap().contains("U+0000"));
        assert!(name_problem("a\\b.pdf").unwrap().contains("`\\`"));
        assert!(name_problem("a:b").is_some());
        assert!(name_problem("con.pdf").unwrap().contains("Windows"));
        assert!(name_problem("a.").is_some());
        assert_eq!(collision_key("Form.PDF"), collision_key("form.pdf"));
        let tags = ["ร.ร.".to_string(), "..".into(), String::new(), "con".into()];
        assert!(tag_problems("a.md", &tags, Some(3)).is_empty());
        let bad = tag_problems("a.md", &["a\u{0}".into(), "ก".repeat(86)], Some(3));
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].line, Some(3));
        assert_eq!(collision_key("e\u{301}"), collision_key("\u{e9}"));
    }

    #[test]
    fn a_thai_tag_is_named_as_written_with_the_fix() {
        let tag = "รับสมัครงาน".repeat(8);
        let bad = tag_problems("a.md", std::slice::from_ref(&tag), None);
        let said = &bad[0].message;
        assert!(said.contains("รับสมัครงาน"), "{said}");
        assert!(!said.contains("\\u{"), "{said}");
        assert!(
            said.contains("too long") && said.contains("ตั้งให้สั้นลง"),
            "{said}"
        );
        assert!(said.ends_with(messages::TAG_NAME.fix_en), "{said}");
    }

    #[test]
    fn nesting_is_found_without_parsing() {
        assert!(nesting_problem("a.md", &"> ".repeat(50), 3).is_none());
        let deep = "> ".repeat(50_000);
        let p = nesting_problem("a.md", &format!("ok\n\n{deep}"), 10).unwrap();
        assert_eq!(p.line, Some(12));
        let lines: String = (1..200).map(|i| format!("{}x\n", ">".repeat(i))).collect();
        assert!(nesting_problem("a.md", &lines, 1).is_some());
        let list: String = (0..150)
            .map(|i| format!("{}- x\n", "  ".repeat(i)))
            .collect();
        assert!(nesting_problem("a.md", &list, 1).is_some());
        assert!(nesting_problem("a.md", &"<div>".repeat(101), 1).is_some());
        assert!(nesting_problem("a.md", &"<div>x</div>".repeat(10_000), 1).is_none());
        assert!(nesting_problem("a.md", &"<p>x<br>".repeat(10_000), 1).is_none());
        assert!(nesting_problem("a.md", "- a\n  - b\n    1. c\n\n> q\n> > r\n", 1).is_none());
        assert!(nesting_problem("a.md", &format!("{}x\n", "> ".repeat(99)), 1).is_none());
        assert!(
            nesting_problem(
                "a.md",
                &"<https://a.example/> <a@b.example>\n".repeat(500),
                1
            )
            .is_none()
        );
    }

    #[test]
    fn controls_and_sizes() {
        assert_eq!(first_control("ab\tc\n"), None);
        assert_eq!(first_control("ab\u{b}c"), Some((2, '\u{b}')));
        let p = control_problem("a.md", "x\ny\u{c}", 4, 3, '\u{c}');
        assert_eq!(p.line, Some(5));
        assert!(size_problem("a.md", 3 * 1024 * 1024, 2).is_some());
        assert!(size_problem("a.md", 1024, 2).is_none());
    }

    #[test]
    fn urls() {
        for ok in [
            "https://a.example/x",
            "http://a",
            "mailto:a@b",
            "tel:+6653",
            "/about/",
            "static/logo.png",
            "",
        ] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "//evil.example/",
            "\\\\evil",
        ] {
            assert!(url_problem(bad).is_some(), "{bad}");
        }
    }

    fn blob(bytes: &[u8]) -> Blob {
        Blob::Bytes(Arc::from(bytes))
    }

    #[test]
    fn attachment_types_by_name_and_content() {
        let types = AttachmentTypes::default();
        let pdf = blob(b"%PDF-1.4\n...");
        let png = blob(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let html = blob(b"<html><script>alert(1)</script></html>");
        let csv = blob("ชื่อ,จำนวน\nก,1\n".as_bytes());
        let check = |name: &'static str, b: &'static Blob| {
            attachment_problems([(name, name, b)].into_iter(), &types)
        };
        let leak = |b: Blob| -> &'static Blob { Box::leak(Box::new(b)) };
        let (pdf, png, html, csv) = (leak(pdf), leak(png), leak(html), leak(csv));
        assert!(check("form.pdf", pdf).is_empty());
        assert!(check("ภาพ.png", png).is_empty());
        assert!(check("data.csv", csv).is_empty());
        assert!(check("form.pdf", html)[0].message.contains("not a .pdf"));
        assert!(
            check("index.html", html)[0]
                .message
                .contains("never published")
        );
        assert!(check("a.svg", html)[0].message.contains("never published"));
        assert!(
            check("index.html/form.pdf", pdf)[0]
                .message
                .contains("never")
        );
        assert!(check("x.exe", pdf)[0].message.contains("not an allowed"));
        assert!(check("data.csv", pdf)[0].message.contains("not a .csv"));
        assert!(check("a\\b.pdf", pdf)[0].message.contains("`\\`"));
        let both = attachment_problems(
            [("Form.pdf", "Form.pdf", pdf), ("form.pdf", "form.pdf", pdf)].into_iter(),
            &types,
        );
        assert_eq!(both.len(), 1);
        assert!(both[0].message.contains("same name"));
    }

    #[test]
    fn allow_list_refuses_script_types() {
        assert!(AttachmentTypes::new(&["pdf".into(), "svg".into()]).is_err());
        assert!(AttachmentTypes::new(&["html".into()]).is_err());
        assert!(AttachmentTypes::new(&["nonsense".into()]).is_err());
        let t = AttachmentTypes::new(&["PDF".into(), ".jpeg".into(), "csv".into()]).unwrap();
        assert!(t.allows("pdf") && t.allows("jpeg") && t.allows("csv"));
    }
}
