//! Reaching the office from a phone: tap-to-call links, QR codes for LINE and
//! Facebook made at build time (no request to another host), quick-link tiles
//! and the mourning switch, as plain values for the templates.

use chrono::{DateTime, FixedOffset};
use qrcode::{Color, QrCode};
use serde_json::{Value, json};

use crate::config::SiteConfig;
use crate::content::Lang;
use crate::site::Urls;

/// `0 5372 1234 ต่อ 102` → `tel:053721234,102` (the comma dials the extension
/// after the call connects); `1669` → `tel:1669`.
pub fn tel_href(number: &str) -> String {
    let lower = number.to_lowercase();
    let (main, ext) = ["ต่อ", "ext.", "ext", "#"]
        .iter()
        .find_map(|sep| lower.split_once(sep))
        .map_or((lower.as_str(), ""), |(m, e)| (m, e));
    // Thai digits dial too: read them as 0-9 first.
    let digits = |s: &str| -> String {
        thai_to_arabic(s)
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    };
    let (main, ext) = (digits(main), digits(ext));
    if ext.is_empty() {
        format!("tel:{main}")
    } else {
        format!("tel:{main},{ext}")
    }
}

fn thai_to_arabic(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '๐'..='๙' => char::from_u32(c as u32 - '๐' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// An inline SVG QR code of `url`, named for screen readers by `label`. Dark
/// modules are drawn as one path of horizontal runs, so the code stays a few KB.
pub fn qr_svg(url: &str, label: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    const QUIET: usize = 4;
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let run = row[x..].iter().take_while(|c| **c == Color::Dark).count();
                path.push_str(&format!("M{} {}h{run}v1h-{run}z", x + QUIET, y + QUIET));
                x += run;
            } else {
                x += 1;
            }
        }
    }
    let label = super::templates::escape_markup(label);
    Some(format!(
        "<svg role=\"img\" aria-label=\"{label}\" class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"132\" height=\"132\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\"/></svg>"
    ))
}

/// A link from `site.toml`: a site path becomes a link under the base path.
fn link(urls: &Urls, url: &str) -> String {
    if url.is_empty()
        || url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
    {
        url.to_string()
    } else {
        // Keep a `#fragment` as written: only the path is encoded.
        match url.split_once('#') {
            Some((path, fragment)) => format!("{}#{fragment}", urls.link(path)),
            None => urls.link(url),
        }
    }
}

fn pick<'a>(th: &'a str, en: &'a str, lang: Lang) -> &'a str {
    if lang == Lang::En && !en.is_empty() {
        en
    } else {
        th
    }
}

/// What the header, footer and home page need to help people reach the office.
pub fn context(config: &SiteConfig, urls: &Urls, lang: Lang) -> Value {
    let c = &config.contact;
    let hotlines: Vec<Value> = c
        .hotlines
        .iter()
        .map(|h| {
            json!({
                "name": pick(&h.name, &h.name_en, lang),
                "name_lang": if lang == Lang::En && h.name_en.is_empty() { "th" } else { lang.code() },
                "number": h.number,
                "tel": tel_href(&h.number),
            })
        })
        .collect();
    let (line_label, facebook_label) = match lang {
        Lang::Th => ("คิวอาร์โค้ด LINE ของสำนักงาน", "คิวอาร์โค้ด Facebook ของสำนักงาน"),
        Lang::En => (
            "QR code of the office's LINE account",
            "QR code of the office's Facebook page",
        ),
    };
    json!({
        "phone_tel": tel_href(&c.phone),
        "hours": pick(&c.hours, &c.hours_en, lang),
        "hours_lang": if lang == Lang::En && c.hours_en.is_empty() { "th" } else { lang.code() },
        "hotlines": hotlines,
        "line_url": c.line_url,
        "line_qr": (!c.line_url.is_empty()).then(|| qr_svg(&c.line_url, line_label)).flatten(),
        "facebook_url": c.facebook_url,
        "facebook_qr": (!c.facebook_url.is_empty()).then(|| qr_svg(&c.facebook_url, facebook_label)).flatten(),
        "map_image": link(urls, &c.map_image),
        "contact_url": link(urls, &localised(&c.contact_url, lang)),
        "complaint_url": link(urls, &c.complaint_url),
        "corruption_url": link(urls, &c.corruption_url),
    })
}

/// The English page of a Thai site path, when the path is the site's own (`/about/contact/` → `/en/about/contact/`).
/// Only used for the contact page, which has an English translation in most offices.
fn localised(url: &str, lang: Lang) -> String {
    if lang == Lang::En && url.starts_with('/') && !url.starts_with("/en/") {
        format!("/en{url}")
    } else {
        url.to_string()
    }
}

/// The quick-link tiles of the home page.
pub fn quick_links(config: &SiteConfig, urls: &Urls, lang: Lang) -> Vec<Value> {
    config
        .quick_links
        .iter()
        .map(|q| {
            json!({
                "title": pick(&q.title, &q.title_en, lang),
                "title_lang": if lang == Lang::En && q.title_en.is_empty() { "th" } else { lang.code() },
                "url": link(urls, &q.url),
                "icon": q.icon,
            })
        })
        .collect()
}

/// The mourning switch at build time: on from `start` until `end` (exclusive).
pub fn mourning(config: &SiteConfig, now: DateTime<FixedOffset>) -> bool {
    config.in_mourning(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_become_tel_links_with_extensions() {
        assert_eq!(tel_href("1669"), "tel:1669");
        assert_eq!(tel_href("0 5372 1234"), "tel:053721234");
        assert_eq!(tel_href("0 5372 1234 ต่อ 102"), "tel:053721234,102");
        assert_eq!(tel_href("๑๔๒๒"), "tel:1422");
        assert_eq!(tel_href("+66 53 721 234 ext. 5"), "tel:+6653721234,5");
    }

    #[test]
    fn site_links_keep_their_fragment() {
        let urls = Urls::new("https://office.example/repo/");
        assert_eq!(
            link(&urls, "/services/a/#corruption"),
            "/repo/services/a/#corruption"
        );
        assert_eq!(link(&urls, "https://x.example/#a"), "https://x.example/#a");
    }

    #[test]
    fn qr_codes_are_inline_svg_with_a_name() {
        let svg = qr_svg("https://line.me/R/ti/p/@phanhealth", "LINE <QR>").unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"LINE &lt;QR&gt;\" class=\"qr\" xmlns="),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
        assert!(svg.ends_with("</svg>"));
    }
}
