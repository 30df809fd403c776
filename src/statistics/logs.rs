//! `khaosan stats LOGFILE…`: page views and visitors from web server access logs.
//!
//! Reads the common and combined log formats that nginx and Apache write, plain or
//! gzip-compressed (rotated logs end in `.gz`). Only page views count: a `GET` that
//! answered 200 for a page (a path ending in `/` or `.html`, or without an
//! extension), not a script, style, image or font, and not a robot by its user agent.
//!
//! A visitor is an address and user agent seen on one day (or month). They are
//! hashed in memory while the logs are read and only the counts are kept: no IP
//! address reaches the data file.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::Context as _;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use super::{DayCount, MonthCount, PAGES_PER_DAY, StatisticsData};

/// Words in a user agent that mark a robot, a monitor or a script.
const ROBOT_WORDS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "curl",
    "wget",
    "python",
    "go-http",
    "headless",
    "uptime",
    "monitor",
    "scan",
    "java/",
    "libwww",
    "httpclient",
    "feedfetcher",
    "facebookexternalhit",
    "preview",
];

/// What one run of `khaosan stats` counted, before it is merged into the data file.
#[derive(Debug, Default)]
pub struct Tally {
    days: BTreeMap<NaiveDate, DayTally>,
    months: BTreeMap<(i32, u32), HashSet<u64>>,
    pub lines: u64,
    pub views: u64,
    pub robots: u64,
    pub assets: u64,
    /// Not `GET`, or not answered with 200.
    pub other_requests: u64,
    /// Lines that are not in common or combined format.
    pub bad_lines: u64,
    /// The first few bad lines, as `file:line`, so the reader can look at them.
    pub bad_examples: Vec<String>,
}

#[derive(Debug, Default)]
struct DayTally {
    views: u64,
    visitors: HashSet<u64>,
    pages: HashMap<String, u64>,
}

/// What `khaosan stats` prints afterwards.
#[derive(Debug, Clone, Serialize)]
pub struct StatsSummary {
    pub lines: u64,
    pub views: u64,
    pub days: usize,
    pub first_day: Option<String>,
    pub last_day: Option<String>,
    pub robots: u64,
    pub assets: u64,
    pub other_requests: u64,
    pub bad_lines: u64,
    pub bad_examples: Vec<String>,
}

/// One request, as read from a line.
#[derive(Debug, PartialEq)]
struct Request<'a> {
    address: &'a str,
    time: DateTime<FixedOffset>,
    method: &'a str,
    target: &'a str,
    status: u16,
    agent: &'a str,
}

impl Tally {
    /// Reads one log file, gzip or plain (recognised by its first bytes).
    pub fn read_file(&mut self, path: &Path, tz: Tz) -> anyhow::Result<()> {
        let file =
            std::fs::File::open(path).with_context(|| crate::messages::CANNOT_READ.at(path))?;
        let mut reader = BufReader::new(file);
        let gzip = reader
            .fill_buf()
            .with_context(|| crate::messages::CANNOT_READ.at(path))?
            .starts_with(&[0x1f, 0x8b]);
        let name = path.display().to_string();
        if gzip {
            let decoder = flate2::read::MultiGzDecoder::new(reader);
            self.read(BufReader::new(decoder), &name, tz)
        } else {
            self.read(reader, &name, tz)
        }
        .with_context(|| crate::messages::CANNOT_READ.at(path))
    }

    /// Reads log lines from any reader; `name` is used in messages.
    pub fn read(&mut self, reader: impl Read, name: &str, tz: Tz) -> anyhow::Result<()> {
        let mut reader = BufReader::new(reader);
        let mut buf = Vec::new();
        let mut number = 0u64;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            number += 1;
            let line = String::from_utf8_lossy(&buf);
            let line = line.trim_end_matches(['\n', '\r']);
            if line.trim().is_empty() {
                continue;
            }
            self.lines += 1;
            match parse_line(line) {
                Some(request) => self.count(&request, tz),
                None => {
                    self.bad_lines += 1;
                    if self.bad_examples.len() < 5 {
                        self.bad_examples.push(format!("{name}:{number}"));
                    }
                }
            }
        }
    }

    fn count(&mut self, request: &Request<'_>, tz: Tz) {
        if request.method != "GET" || request.status != 200 {
            self.other_requests += 1;
            return;
        }
        let agent = request.agent.to_ascii_lowercase();
        if ROBOT_WORDS.iter().any(|w| agent.contains(w)) {
            self.robots += 1;
            return;
        }
        let Some(page) = page_path(request.target) else {
            self.assets += 1;
            return;
        };
        self.views += 1;
        let day = request.time.with_timezone(&tz).date_naive();
        let mut hasher = DefaultHasher::new();
        (request.address, request.agent).hash(&mut hasher);
        let visitor = hasher.finish();
        let tally = self.days.entry(day).or_default();
        tally.views += 1;
        tally.visitors.insert(visitor);
        *tally.pages.entry(page).or_insert(0) += 1;
        self.months
            .entry((day.year(), day.month()))
            .or_default()
            .insert(visitor);
    }

    pub fn summary(&self) -> StatsSummary {
        StatsSummary {
            lines: self.lines,
            views: self.views,
            days: self.days.len(),
            first_day: self.days.keys().next().map(|d| d.to_string()),
            last_day: self.days.keys().next_back().map(|d| d.to_string()),
            robots: self.robots,
            assets: self.assets,
            other_requests: self.other_requests,
            bad_lines: self.bad_lines,
            bad_examples: self.bad_examples.clone(),
        }
    }

    /// Puts the counts into the data file. A day this run saw replaces the stored
    /// day (running twice on the same log counts it once; give all of a day's
    /// rotated files in one run). A month keeps the larger visitor count, since
    /// distinct visitors of two runs cannot be added.
    pub fn merge_into(&self, data: &mut StatisticsData) {
        for (day, tally) in &self.days {
            let mut pages: Vec<(&String, &u64)> = tally.pages.iter().collect();
            pages.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            data.visits.days.insert(
                day.to_string(),
                DayCount {
                    views: tally.views,
                    visitors: tally.visitors.len() as u64,
                    pages: pages
                        .into_iter()
                        .take(PAGES_PER_DAY)
                        .map(|(p, n)| (p.clone(), *n))
                        .collect(),
                },
            );
        }
        for ((year, month), visitors) in &self.months {
            let entry = data
                .visits
                .months
                .entry(format!("{year:04}-{month:02}"))
                .or_insert(MonthCount { visitors: 0 });
            entry.visitors = entry.visitors.max(visitors.len() as u64);
        }
    }
}

/// Reads `address ident user [time] "request" status size ["referer" "agent"]`.
fn parse_line(line: &str) -> Option<Request<'_>> {
    let (address, rest) = line.split_once(' ')?;
    let open = rest.find('[')?;
    let close = open + rest[open..].find(']')?;
    let time = DateTime::parse_from_str(&rest[open + 1..close], "%d/%b/%Y:%H:%M:%S %z").ok()?;
    let rest = rest[close + 1..].trim_start().strip_prefix('"')?;
    let (request, rest) = quoted(rest)?;
    let mut parts = request.split(' ');
    let method = parts.next()?;
    let target = parts.next()?;
    let mut fields = rest.split_ascii_whitespace();
    let status: u16 = fields.next()?.parse().ok()?;
    let size = fields.next()?;
    if size != "-" && size.parse::<u64>().is_err() {
        return None;
    }
    // Combined format adds the referer and the user agent; common format has neither.
    let after_size = &rest[rest.find(size)? + size.len()..];
    let agent = match after_size.trim_start().strip_prefix('"') {
        Some(quoted_part) => {
            let (_referer, more) = quoted(quoted_part)?;
            let more = more.trim_start().strip_prefix('"')?;
            quoted(more)?.0
        }
        None => "",
    };
    Some(Request {
        address,
        time,
        method,
        target,
        status,
        agent,
    })
}

/// Text up to the closing quote (a quote after a backslash does not close), and the rest.
fn quoted(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some((&text[..i], &text[i + 1..])),
            _ => i += 1,
        }
    }
    None
}

/// The page a request asks for (`/news/a/`), or `None` for an asset or a strange target.
fn page_path(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next()?;
    if !path.starts_with('/') {
        return None;
    }
    let path = percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned();
    let last = path.rsplit('/').next().unwrap_or("");
    if last.is_empty() {
        return Some(path);
    }
    if last == "index.html" {
        return Some(path[..path.len() - last.len()].to_string());
    }
    match last.rsplit_once('.') {
        Some((_, ext)) if ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm") => {
            Some(path)
        }
        Some(_) => None,
        None => Some(format!("{path}/")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TZ: Tz = chrono_tz::Asia::Bangkok;

    #[test]
    fn combined_and_common_lines_parse() {
        let line = r#"203.0.113.7 - - [01/Nov/2026:08:15:02 +0700] "GET /news/a/?x=1 HTTP/1.1" 200 5120 "https://www.google.com/" "Mozilla/5.0 (Linux; Android 14) \"quoted\"""#;
        let r = parse_line(line).unwrap();
        assert_eq!(r.address, "203.0.113.7");
        assert_eq!(r.target, "/news/a/?x=1");
        assert_eq!(r.status, 200);
        assert_eq!(r.agent, r#"Mozilla/5.0 (Linux; Android 14) \"quoted\""#);
        let common = r#"198.51.100.2 - user [31/Oct/2026:23:59:59 +0000] "GET / HTTP/1.0" 200 -"#;
        let r = parse_line(common).unwrap();
        assert_eq!((r.agent, r.status), ("", 200));
        assert!(parse_line("garbage").is_none());
        assert!(
            parse_line(r#"1.2.3.4 - - [99/Foo/2026:00:00:00 +0700] "GET / HTTP/1.1" 200 1"#)
                .is_none()
        );
    }

    #[test]
    fn pages_and_assets() {
        assert_eq!(page_path("/").as_deref(), Some("/"));
        assert_eq!(page_path("/news/a/index.html").as_deref(), Some("/news/a/"));
        assert_eq!(page_path("/news/a").as_deref(), Some("/news/a/"));
        assert_eq!(page_path("/404.html").as_deref(), Some("/404.html"));
        assert_eq!(
            page_path("/tags/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/").as_deref(),
            Some("/tags/ข่าว/")
        );
        assert_eq!(page_path("/static/css/site.css"), None);
        assert_eq!(page_path("/news/a/form.pdf"), None);
        assert_eq!(page_path("http://evil.example/"), None);
    }

    #[test]
    fn days_follow_the_site_zone_and_visitors_are_distinct() {
        let log = concat!(
            "203.0.113.1 - - [31/Oct/2026:17:30:00 +0000] \"GET / HTTP/1.1\" 200 10 \"-\" \"Firefox\"\n",
            "203.0.113.1 - - [31/Oct/2026:18:00:00 +0000] \"GET /news/ HTTP/1.1\" 200 10 \"-\" \"Firefox\"\n",
            "203.0.113.2 - - [01/Nov/2026:09:00:00 +0700] \"GET /news/ HTTP/1.1\" 200 10 \"-\" \"Googlebot/2.1\"\n",
        );
        let mut tally = Tally::default();
        tally.read(log.as_bytes(), "access.log", TZ).unwrap();
        let mut data = StatisticsData::default();
        tally.merge_into(&mut data);
        // 17:30 UTC on 31 October is 00:30 on 1 November in Bangkok.
        assert_eq!(data.visits.days["2026-11-01"].views, 2);
        assert_eq!(data.visits.days["2026-11-01"].visitors, 1);
        assert_eq!(tally.robots, 1);
        // A second run over the same log changes nothing.
        let before = data.clone();
        tally.merge_into(&mut data);
        assert_eq!(data, before);
    }
}
