//! Markdown to safe HTML: CommonMark plus tables, footnotes, strikethrough, task
//! lists and heading ids, then sanitised so raw HTML in an item cannot run script.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// What rendering one body yields.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    /// The first paragraph as plain text, for lists and feeds when `summary` is absent.
    pub first_paragraph: String,
    /// Link targets, for link checks.
    pub links: Vec<String>,
}

const SUMMARY_CHARS: usize = 220;

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

pub fn render(markdown: &str) -> Rendered {
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, OPTIONS).collect();
    add_heading_ids(&mut events);
    keep_phone_numbers_whole(&mut events);
    let links = link_targets(events.iter());
    let first_paragraph = first_paragraph(events.iter().cloned());
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events.into_iter());
    Rendered {
        html: SANITIZER.clean(&raw).to_string(),
        first_paragraph,
        links,
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

/// Gives every heading without an explicit `{#id}` a stable id from its text.
fn add_heading_ids(events: &mut [Event<'_>]) {
    let mut used: HashSet<String> = HashSet::new();
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
                let base = heading_slug(&text);
                let mut candidate = base.clone();
                let mut n = 1;
                while !used.insert(candidate.clone()) {
                    candidate = format!("{base}-{n}");
                    n += 1;
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

/// Lowercase words joined by `-`; Thai letters and marks are kept as they are.
fn heading_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || ('\u{0E00}'..='\u{0E7F}').contains(&c) {
            slug.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-') && !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// The first paragraph as plain text, reading no further into the body than that.
pub fn summary_of(markdown: &str) -> String {
    first_paragraph(Parser::new_ext(markdown, OPTIONS))
}

fn first_paragraph<'e>(events: impl Iterator<Item = Event<'e>>) -> String {
    let mut text = String::new();
    let mut inside = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    truncate_chars(text.trim(), SUMMARY_CHARS)
}

/// At most `max` characters, cut at a character boundary with an ellipsis.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
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
        let r = render("# T\n\nแรก *หนึ่ง* [ลิงก์](/news/a/)\nต่อ\n\nสอง\n");
        assert_eq!(r.first_paragraph, "แรก หนึ่ง ลิงก์ ต่อ");
        assert_eq!(r.links, vec!["/news/a/"]);
        assert_eq!(
            links_of("# T\n\n[ลิงก์](/news/a/) ![ภาพ](a.png)\n"),
            ["/news/a/", "a.png"]
        );
        assert_eq!(
            summary_of("# T\n\nแรก *หนึ่ง* [ลิงก์](/news/a/)\nต่อ\n\nสอง\n"),
            r.first_paragraph
        );
    }

    #[test]
    fn phone_numbers_do_not_break() {
        let r = render("โทร [0 5372 1234](tel:+6653721234) หรือ [หน้า ติดต่อ](/about/contact/)");
        assert!(r.html.contains(">0&nbsp;5372&nbsp;1234</a>"), "{}", r.html);
        assert!(r.html.contains(">หน้า ติดต่อ</a>"), "{}", r.html);
    }

    #[test]
    fn truncates_on_char_boundary() {
        assert_eq!(truncate_chars("สวัสดีครับ", 3), "สวั…");
        assert_eq!(truncate_chars("ab", 3), "ab");
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
