//! Links that will break: to missing pages and attachments, to withheld pages, to
//! pages that go live later or expire first.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;

use super::super::local_time;
use super::Judged;
use super::{Finding, Severity};
use crate::content::Item;
use crate::decide::{Decision, Reason};
use crate::error::line_of;
use crate::messages;
use crate::render::markdown;
use crate::site::Urls;

/// 1-based line of `key = …` inside the `+++` block of an item file.
pub(super) fn front_matter_line(text: &str, key: &str) -> Option<usize> {
    crate::front_matter::key_line_in_file(text, key)
}

/// Internal links that will break, or point at something the linking page outlives.
///
/// Every item that is live, or scheduled, is checked for the whole time it will be on
/// the site: from its publish time (or now) until its expiry. A linked item must be
/// live for all of it. With a `scope` (the changed paths and their URLs), only links
/// from or to something in it are reported.
pub(super) fn link_findings(
    loaded: &Judged,
    now: DateTime<FixedOffset>,
    tz: Tz,
    severity: Severity,
    scope: Option<&[String]>,
) -> Vec<Finding> {
    let in_scope = |path: &str| scope.is_none_or(|s| s.iter().any(|p| p == path));
    let decisions = &loaded.decisions.decisions;
    let by_url: BTreeMap<&str, &Decision> = decisions
        .iter()
        .filter_map(|d| d.url.as_deref().map(|url| (url, d)))
        .collect();
    let urls = Urls::new(&loaded.inputs.settings.site.base_url);
    let mut findings = Vec::new();
    for decision in decisions {
        let scheduled = matches!(decision.reason(), Some(Reason::NotYetPublished { .. }));
        let Some(item) = decision
            .item
            .as_deref()
            .filter(|_| decision.is_live() || scheduled)
        else {
            continue;
        };
        let from = item.front.publish.max(now);
        for link in markdown::links_of(&item.body) {
            let Some(path) = internal_path(&link, &item.url(), &urls) else {
                continue;
            };
            let target = by_url
                .range(..=path.as_str())
                .next_back()
                .filter(|(url, _)| path.starts_with(*url))
                .map(|(_, d)| *d);
            let concerned = in_scope(&item.path)
                || target.map_or(in_scope(&path), |t| {
                    in_scope(&t.path) || t.url.as_deref().is_some_and(in_scope)
                });
            if !concerned {
                continue;
            }
            let problem = match target {
                None => looks_like_item(&path, loaded)
                    .then(|| messages::LINK_MISSING_PAGE.detail(&link, &[("link", &link)])),
                Some(target) => target_problem(item, target, from, tz),
            };
            if let Some(message) = problem {
                findings.push(Finding {
                    severity,
                    file: Some(item.path.clone()),
                    line: link_line(item, &link),
                    field: None,
                    message,
                });
            }
        }
    }
    findings
}

/// Why a link from `item` (on the site from `from`) to `target` will not hold.
pub(super) fn target_problem(
    item: &Item,
    target: &Decision,
    from: DateTime<FixedOffset>,
    tz: Tz,
) -> Option<String> {
    let what = format!("{} ({})", target.url.as_deref().unwrap_or(""), target.path);
    if let Some(Reason::NotYetPublished { publish }) = target.reason()
        && *publish > from
    {
        let at = local_time(*publish, tz);
        return Some(messages::LINK_NOT_YET_LIVE.detail(
            &format!("{what} เริ่มเผยแพร่ {at} หลังหน้านี้ / goes live at {at}, after this page"),
            &[],
        ));
    }
    match target.reason() {
        None | Some(Reason::NotYetPublished { .. }) => {}
        Some(reason) => {
            return Some(
                messages::LINK_WITHHELD.detail(&format!("{what}: {}", reason.label()), &[]),
            );
        }
    }
    let target_expires = target.item.as_deref()?.front.expires?;
    match item.front.expires {
        Some(own) if own <= target_expires => None,
        own => {
            let at = local_time(target_expires, tz);
            let this = own.map_or_else(
                || "ไม่มีวันหมดอายุ / has no expiry".to_string(),
                |t| {
                    let t = local_time(t, tz);
                    format!("หมดอายุ {t} / at {t}")
                },
            );
            Some(messages::LINK_EXPIRES_FIRST.detail(
                &format!("{what} หมดอายุ {at} / expires at {at}; หน้านี้ (this page): {this}"),
                &[],
            ))
        }
    }
}

/// `/section/slug/` (or `/en/section/slug/`) of a section that exists.
pub(super) fn looks_like_item(path: &str, loaded: &Judged) -> bool {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let parts = match parts.as_slice() {
        ["en", rest @ ..] => rest,
        all => all,
    };
    matches!(parts, [section, _] if loaded.inputs.settings.site.section(section).is_some())
}

/// The site path a link points at, when it points into the site: `/news/a/`.
pub(super) fn internal_path(link: &str, page_url: &str, urls: &Urls) -> Option<String> {
    let link = link.split(['#', '?']).next().unwrap_or("");
    if link.is_empty() {
        return None;
    }
    let path = if let Some(rest) = link.strip_prefix(&urls.base_url) {
        format!("/{rest}")
    } else if link.starts_with("//")
        || link
            .find(':')
            .is_some_and(|colon| !link[..colon].contains('/'))
    {
        return None;
    } else if let Some(rest) = link.strip_prefix(&urls.base_path) {
        format!("/{rest}")
    } else if link.starts_with('/') {
        link.to_string()
    } else {
        format!("{page_url}{link}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if !parts.last().is_some_and(|last| last.contains('.')) && out != "/" {
        out.push('/');
    }
    Some(out)
}

/// Line of the file where `link` is written.
pub(super) fn link_line(item: &Item, link: &str) -> Option<usize> {
    let offset = item
        .body
        .find(&format!("]({link}"))
        .or_else(|| item.body.find(link))?;
    Some(item.body_line + line_of(&item.body, offset) - 1)
}

// ---- Dead links that are always errors: attachments, and pages from introductions ----

/// Links that cannot work on any day, so they fail the check: a file beside an item
/// that is not there (`prakaat.pdf` when the file is `prakat.pdf`), and links from the
/// home page's and sections' introductions to pages that do not exist.
pub(super) fn dead_file_findings(loaded: &Judged) -> Vec<Finding> {
    let urls = Urls::new(&loaded.inputs.settings.site.base_url);
    let item_urls: std::collections::BTreeSet<&str> = loaded
        .decisions
        .decisions
        .iter()
        .filter_map(|d| d.url.as_deref())
        .collect();
    let mut findings = Vec::new();
    for item in loaded
        .decisions
        .decisions
        .iter()
        .filter_map(|d| d.item.as_deref())
    {
        for link in markdown::links_of(&item.body) {
            let Some(path) = internal_path(&link, &item.url(), &urls) else {
                continue;
            };
            if let Some(message) = missing_attachment(&path, &link, loaded) {
                findings.push(Finding {
                    severity: Severity::Error,
                    file: Some(item.path.clone()),
                    line: link_line(item, &link),
                    field: None,
                    message,
                });
            }
        }
    }
    for ((section, lang), intro) in &loaded.inputs.parsed.intros {
        let suffix = if *lang == crate::content::Lang::En {
            ".en"
        } else {
            ""
        };
        let (file, page) = if section.is_empty() {
            (
                format!("content/_index{suffix}.md"),
                lang.prefix().to_string(),
            )
        } else {
            (
                format!("content/{section}/_index{suffix}.md"),
                format!("{}{section}/", lang.prefix()),
            )
        };
        let text = loaded
            .inputs
            .snapshot
            .text(&file)
            .and_then(Result::ok)
            .unwrap_or_default();
        for link in markdown::links_of(&intro.body) {
            let Some(path) = internal_path(&link, &page, &urls) else {
                continue;
            };
            let message = missing_attachment(&path, &link, loaded).or_else(|| {
                (looks_like_item(&path, loaded) && !item_urls.contains(path.as_str()))
                    .then(|| messages::LINK_MISSING_PAGE.detail(&link, &[("link", &link)]))
            });
            if let Some(message) = message {
                findings.push(Finding {
                    severity: Severity::Error,
                    file: Some(file.clone()),
                    line: text
                        .find(&format!("]({link}"))
                        .map(|offset| line_of(&text, offset)),
                    field: None,
                    message,
                });
            }
        }
    }
    findings
}

/// `/news/a/prakaat.pdf` (or `/en/news/a/…`) when `content/news/a/prakaat.pdf` does not
/// exist: what to say, naming the files that are there.
pub(super) fn missing_attachment(path: &str, link: &str, loaded: &Judged) -> Option<String> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    let parts = match parts.as_slice() {
        ["en", rest @ ..] => rest,
        all => all,
    };
    let [section, slug, name @ ..] = parts else {
        return None;
    };
    if name.is_empty() || !name.last().is_some_and(|n| n.contains('.')) {
        return None;
    }
    loaded.inputs.settings.site.section(section)?;
    let dir = format!("content/{section}/{slug}/");
    let name = percent_encoding::percent_decode_str(&name.join("/"))
        .decode_utf8_lossy()
        .into_owned();
    if loaded
        .inputs
        .snapshot
        .files
        .contains_key(&format!("{dir}{name}"))
    {
        return None;
    }
    let beside: Vec<&str> = loaded
        .inputs
        .snapshot
        .under(&dir)
        .filter_map(|(p, _)| p.strip_prefix(&dir))
        .filter(|n| !n.ends_with(".md"))
        .collect();
    let hint = match beside
        .iter()
        .min_by_key(|n| strsim::levenshtein(n, &name))
        .filter(|n| strsim::levenshtein(n, &name) <= 3)
    {
        Some(close) => format!("; ใช่ {close} หรือไม่ (did you mean {close}?)"),
        None if beside.is_empty() => format!("; ไม่มีไฟล์ใดใน {dir} (no files in {dir})"),
        None => format!("; ไฟล์ที่มี (files there): {}", beside.join(", ")),
    };
    Some(messages::LINK_MISSING_ATTACHMENT.detail(
        &format!("{link}: ไม่มี {dir}{name} (no such file){hint}"),
        &[],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_paths_resolve_like_a_browser() {
        let urls = Urls::new("https://office.example/site/");
        let page = "/news/a/";
        let cases = [
            ("/news/b/", Some("/news/b/")),
            ("/news/b", Some("/news/b/")),
            ("../b/", Some("/news/b/")),
            ("../../laws/x/#s2", Some("/laws/x/")),
            ("form.pdf", Some("/news/a/form.pdf")),
            ("/site/news/b/", Some("/news/b/")),
            ("https://office.example/site/news/b/", Some("/news/b/")),
            ("https://other.example/news/b/", None),
            ("mailto:a@b.example", None),
            ("//cdn.example/x", None),
            ("#top", None),
        ];
        for (link, want) in cases {
            assert_eq!(internal_path(link, page, &urls).as_deref(), want, "{link}");
        }
    }

    #[test]
    fn finds_the_line_of_a_front_matter_key() {
        let text = "+++\ntitle = \"t\"\napprover = \"x\"\n+++\napprover = body\n";
        assert_eq!(front_matter_line(text, "approver"), Some(3));
        assert_eq!(front_matter_line(text, "expires"), None);
    }
}
