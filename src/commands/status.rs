//! `khaosan status`: the web master's daily view of every item and the next time
//! the site will change, as a table, JSON or CSV.

use std::path::PathBuf;

use chrono::{DateTime, Duration, FixedOffset};
use chrono_tz::Tz;
use serde::Serialize;

use super::{align, local_time};
use crate::decide::{Decision, Reason};
use crate::error::Problem;
use crate::inputs::Inputs;
use crate::source::{LoadOptions, Pending, Trust, TrustRoot};

/// Days ahead in which a live item counts as expiring, unless `--within` says otherwise.
pub const DEFAULT_WITHIN_DAYS: u32 = 14;

/// What `khaosan status` was asked to do.
#[derive(Debug, Clone)]
pub struct StatusOptions {
    pub root: PathBuf,
    /// The clock; `None` means the real time.
    pub now: Option<DateTime<FixedOffset>>,
    /// A live item expiring within this many days is `expiring`.
    pub within_days: u32,
    pub load: LoadOptions,
}

impl StatusOptions {
    pub fn new(root: impl Into<PathBuf>) -> StatusOptions {
        StatusOptions {
            root: root.into(),
            now: None,
            within_days: DEFAULT_WITHIN_DAYS,
            load: LoadOptions::default(),
        }
    }
}

/// Where an item stands at `now`. The order is the order of the table: what needs
/// the web master first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Live, but a later change to it is not approved: the site keeps this version.
    ChangedUnapproved,
    /// Not on the site, for a reason a person must fix or approve.
    Withheld,
    /// Live, and its expiry is within the window.
    Expiring,
    /// Waiting for its publish time.
    Scheduled,
    Live,
    /// Its expiry has passed.
    Expired,
}

impl State {
    pub const ALL: [State; 6] = [
        State::ChangedUnapproved,
        State::Withheld,
        State::Expiring,
        State::Scheduled,
        State::Live,
        State::Expired,
    ];

    /// The name used in JSON, CSV and the table.
    pub fn code(self) -> &'static str {
        match self {
            State::ChangedUnapproved => "changed-unapproved",
            State::Withheld => "withheld",
            State::Expiring => "expiring",
            State::Scheduled => "scheduled",
            State::Live => "live",
            State::Expired => "expired",
        }
    }

    /// Thai, then English.
    pub fn label(self) -> &'static str {
        match self {
            State::ChangedUnapproved => "แก้ไขแล้วรออนุมัติ (changed, not yet approved)",
            State::Withheld => "ระงับ (withheld)",
            State::Expiring => "ใกล้หมดอายุ (expiring)",
            State::Scheduled => "ตั้งเวลาไว้ (scheduled)",
            State::Live => "เผยแพร่ (live)",
            State::Expired => "หมดอายุ (expired)",
        }
    }
}

/// One item's line of the status.
#[derive(Debug, Clone, Serialize)]
pub struct ItemStatus {
    pub path: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub state: State,
    pub publish: Option<DateTime<FixedOffset>>,
    pub expires: Option<DateTime<FixedOffset>>,
    pub approver: Option<String>,
    /// Why it is withheld: a reason code of the build report (`unknown-approver`).
    pub reason: Option<&'static str>,
    /// What the state means for this item, for a person.
    pub detail: String,
    /// A permanent item's `review` date, once it has passed.
    pub review_due: Option<DateTime<FixedOffset>>,
    /// In git mode, whether the approval of the published version carries a
    /// verified signature (see `require_signatures`).
    pub signed: Option<bool>,
}

/// The whole status.
#[derive(Debug, Serialize)]
pub struct Status {
    pub now: DateTime<FixedOffset>,
    pub timezone: String,
    pub within_days: u32,
    pub trust: Trust,
    pub trust_note: &'static str,
    /// When the site will next change (an item goes live or expires).
    pub next_change: Option<DateTime<FixedOffset>>,
    pub items: Vec<ItemStatus>,
    /// File problems that are not one item (stray files, refused links).
    pub problems: Vec<Problem>,
    /// With git verification: where trust starts.
    pub trust_root: Option<TrustRoot>,
    /// Gated files whose newest change is not approved, each with the way out.
    pub pending: Vec<Pending>,
    /// Foxtrot merges found in the history, and how to undo them.
    pub foxtrots: Vec<String>,
    #[serde(skip)]
    pub tz: Tz,
}

impl Status {
    pub fn count(&self, state: State) -> usize {
        self.items.iter().filter(|i| i.state == state).count()
    }
}

/// Loads, decides, and says where every item stands.
pub fn status(options: &StatusOptions) -> anyhow::Result<Status> {
    let now = options.now.unwrap_or_else(crate::dates::now);
    let inputs = Inputs::load(&options.root, &options.load)?;
    let decisions = inputs.decide(now);
    let tz = inputs.settings.site.tz;
    let soon = now + Duration::days(i64::from(options.within_days));
    let mut items: Vec<ItemStatus> = decisions
        .decisions
        .iter()
        .map(|d| item_status(d, now, soon, tz))
        .collect();
    let git = decisions.git.clone().unwrap_or_default();
    for item in &mut items {
        if item.state == State::ChangedUnapproved
            && let Some(p) = git.pending.iter().find(|p| p.path == item.path)
        {
            item.detail
                .push_str(&format!("; ทางออก (way out): {}", p.exit));
        }
    }
    items.sort_by(|a, b| {
        a.state
            .cmp(&b.state)
            .then_with(|| sort_time(a).cmp(&sort_time(b)))
            .then_with(|| a.path.cmp(&b.path))
    });
    Ok(Status {
        now,
        timezone: inputs.settings.site.timezone.clone(),
        within_days: options.within_days,
        trust: decisions.trust,
        trust_note: decisions.trust_note,
        next_change: decisions.next_change,
        items,
        problems: decisions.problems,
        trust_root: git.trust_root,
        pending: git.pending,
        foxtrots: git.foxtrots,
        tz,
    })
}

/// Scheduled items by go-live time, expiring ones by expiry; the rest by path.
fn sort_time(item: &ItemStatus) -> Option<DateTime<FixedOffset>> {
    match item.state {
        State::Scheduled => item.publish,
        State::Expiring => item.expires,
        _ => None,
    }
}

fn item_status(
    decision: &Decision,
    now: DateTime<FixedOffset>,
    soon: DateTime<FixedOffset>,
    tz: Tz,
) -> ItemStatus {
    let front = decision.item.as_ref().map(|item| &item.front);
    let expires = front.and_then(|f| f.expires);
    let later_unapproved = decision
        .approval
        .as_ref()
        .map(|a| a.later_unapproved.as_slice())
        .unwrap_or_default();
    let (state, detail) = match decision.reason() {
        None if !later_unapproved.is_empty() => (
            State::ChangedUnapproved,
            format!(
                "เว็บไซต์ยังแสดงฉบับที่อนุมัติแล้ว รอผู้อนุมัติ (the site keeps the approved version until the change is approved): {}",
                later_unapproved
                    .iter()
                    .map(|n| n.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
        None => match expires {
            Some(at) if at <= soon => (
                State::Expiring,
                format!(
                    "หมดอายุ (expires) {} ({})",
                    local_time(at, tz),
                    in_days(at, now)
                ),
            ),
            _ => (State::Live, String::new()),
        },
        Some(Reason::NotYetPublished { publish }) => (
            State::Scheduled,
            format!(
                "เผยแพร่เมื่อ (goes live) {} ({})",
                local_time(*publish, tz),
                in_days(*publish, now)
            ),
        ),
        Some(Reason::Expired { expires }) => (
            State::Expired,
            format!("หมดอายุเมื่อ (expired) {}", local_time(*expires, tz)),
        ),
        Some(reason) => (
            State::Withheld,
            format!("{}: {}", reason.label(), reason.explain()),
        ),
    };
    let review_due = front
        .and_then(|f| f.review)
        .filter(|review| *review <= now && matches!(state, State::Live | State::Expiring));
    let detail = match review_due {
        Some(review) => {
            let due = format!(
                "ถึงกำหนดทบทวนเนื้อหา (review due) since {}",
                local_time(review, tz)
            );
            if detail.is_empty() {
                due
            } else {
                format!("{detail}; {due}")
            }
        }
        None => detail,
    };
    ItemStatus {
        path: decision.path.clone(),
        url: decision.url.clone(),
        title: decision.title.clone(),
        state,
        publish: front.map(|f| f.publish),
        expires,
        approver: front.and_then(|f| f.approver.clone()),
        reason: decision.reason().map(Reason::code),
        detail,
        review_due,
        signed: decision
            .approval
            .as_ref()
            .map(|a| a.signature == crate::source::Signature::Signed),
    }
}

/// "in 3 days", "in 5 hours", "today".
fn in_days(at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let left = at - now;
    match (left.num_days(), left.num_hours()) {
        (0, 0) => "ภายในชั่วโมงนี้ (within the hour)".to_string(),
        (0, hours) => format!("อีก {hours} ชั่วโมง (in {hours} h)"),
        (1, _) => "อีก 1 วัน (in 1 day)".to_string(),
        (days, _) => format!("อีก {days} วัน (in {days} days)"),
    }
}

/// The aligned table for a terminal, Thai headers with English beside them.
pub fn table(status: &Status) -> String {
    let tz = status.tz;
    let mut out = format!(
        "สถานะเว็บไซต์ ณ (site status at) {} ({}); ใกล้หมดอายุ = ภายใน {} วัน (expiring = within {} days)\n\n",
        local_time(status.now, tz),
        status.timezone,
        status.within_days,
        status.within_days
    );
    let mut rows = vec![vec![
        "สถานะ (state)".to_string(),
        "ตั้งแต่ (publish)".to_string(),
        "ถึง (expires)".to_string(),
        "ที่อยู่ (URL)".to_string(),
        "เรื่อง (title)".to_string(),
    ]];
    for item in &status.items {
        rows.push(vec![
            item.state.code().to_string(),
            item.publish.map_or("-".into(), |t| local_time(t, tz)),
            item.expires.map_or("-".into(), |t| local_time(t, tz)),
            item.url.clone().unwrap_or_else(|| "-".into()),
            item.title.clone().unwrap_or_else(|| item.path.clone()),
        ]);
    }
    let lines = align(&rows);
    let mut lines = lines.lines();
    if let Some(header) = lines.next() {
        out.push_str(header);
        out.push('\n');
    }
    for (line, item) in lines.zip(&status.items) {
        out.push_str(line);
        out.push('\n');
        if !item.detail.is_empty() {
            out.push_str(&format!("    └ {}\n", item.detail));
        }
    }
    if status.items.is_empty() {
        out.push_str("(ไม่มีรายการ / no items)\n");
    }
    out.push('\n');
    let counts: Vec<String> = State::ALL
        .iter()
        .map(|s| format!("{} {}", s.label(), status.count(*s)))
        .collect();
    out.push_str(&format!(
        "รวม (total) {}: {}\n",
        status.items.len(),
        counts.join(" · ")
    ));
    if !status.problems.is_empty() {
        out.push_str(&format!(
            "ไฟล์มีปัญหา (file problems): {}\n",
            status.problems.len()
        ));
        for problem in &status.problems {
            out.push_str(&format!("  - {problem}\n"));
        }
    }
    out.push_str(&format!(
        "เปลี่ยนครั้งถัดไป (next change): {}\n",
        status.next_change.map_or_else(
            || "ไม่มีกำหนด (none scheduled)".to_string(),
            |t| local_time(t, tz)
        )
    ));
    out.push_str(&format!("การอนุมัติ (approval): {}\n", status.trust_note));
    out.push_str(&git_section(status));
    out
}

/// Where trust starts, files held back at their approved version with the way
/// out of each, and foxtrot merges: what the web master must act on in git.
fn git_section(status: &Status) -> String {
    let mut out = String::new();
    match &status.trust_root {
        Some(root) => out.push_str(&format!(
            "จุดเริ่มความเชื่อถือ (trust root): {}\n  ถ้าผู้อนุมัติเดิมย้ายไปโดยไม่ได้มอบหมายผู้แทน ผู้ดูแลระบบย้าย KHAOSAN_GENESIS ไปยัง commit ที่ลงทะเบียนผู้อนุมัติคนใหม่ \
             (if the approver left without handing over, an administrator moves the KHAOSAN_GENESIS variable to a commit that registers the successor)\n",
            root.describe()
        )),
        None if status.trust == Trust::FrontMatter => out.push_str(
            "ผู้อนุมัติอ้างอิงจากข้อมูลส่วนหัวเท่านั้น (the approver is taken from front matter alone: verify_git is off)\n",
        ),
        None => {}
    }
    if !status.pending.is_empty() {
        out.push_str(&format!(
            "แก้ไขแล้วรออนุมัติ เว็บไซต์ใช้ฉบับที่อนุมัติแล้ว (changed without approval; the site keeps the approved version): {}\n",
            status.pending.len()
        ));
        for p in &status.pending {
            out.push_str(&format!(
                "  - {} ({} by {}): {} [{}]: {}\n    → {}\n",
                p.path, p.commit, p.who, p.label, p.cause, p.why, p.exit
            ));
        }
        // Counted by cause, so the web master sees which way out is needed most.
        let mut causes: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for p in &status.pending {
            *causes.entry((p.cause, p.label)).or_default() += 1;
        }
        out.push_str("  แยกตามเหตุ (by cause):");
        for ((code, label), n) in causes {
            out.push_str(&format!(" {label} [{code}] {n};"));
        }
        out.push('\n');
    }
    for foxtrot in &status.foxtrots {
        out.push_str(&format!("⚠ foxtrot merge: {foxtrot}\n"));
    }
    out
}

/// Pretty JSON, times in RFC 3339.
pub fn json(status: &Status) -> anyhow::Result<String> {
    Ok(serde_json::to_string_pretty(status)? + "\n")
}

/// CSV with a header row, times in RFC 3339, and a UTF-8 byte-order mark so that
/// spreadsheet programs read the Thai correctly.
pub fn csv(status: &Status) -> anyhow::Result<String> {
    let mut csv = crate::documents::Csv::new(&[
        "path", "url", "title", "state", "publish", "expires", "approver", "reason", "detail",
    ])?;
    for item in &status.items {
        csv.row([
            item.path.clone(),
            item.url.clone().unwrap_or_default(),
            item.title.clone().unwrap_or_default(),
            item.state.code().to_string(),
            item.publish.map(|t| t.to_rfc3339()).unwrap_or_default(),
            item.expires.map(|t| t.to_rfc3339()).unwrap_or_default(),
            item.approver.clone().unwrap_or_default(),
            item.reason.unwrap_or_default().to_string(),
            item.detail.clone(),
        ])?;
    }
    csv.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_sort_by_urgency_and_serialise_kebab_case() {
        let mut states = [State::Live, State::Expired, State::ChangedUnapproved];
        states.sort();
        assert_eq!(states[0], State::ChangedUnapproved);
        assert_eq!(
            serde_json::to_string(&State::ChangedUnapproved).unwrap(),
            "\"changed-unapproved\""
        );
    }

    #[test]
    fn a_live_item_with_an_unapproved_later_change_is_changed_unapproved() {
        let now = crate::dates::parse_now("2026-06-01T12:00:00+07:00").unwrap();
        let approval = crate::source::Approval {
            commit: "abc".into(),
            approver: "inchai".into(),
            approved_at: now,
            proposed_at: None,
            later_unapproved: vec![crate::source::Notice {
                path: Some("content/news/a.md".into()),
                commit: Some("def".into()),
                at: None,
                kind: crate::source::NoticeKind::Ignored,
                message: "changed in def by wasana, not approved".into(),
            }],
            signature: Default::default(),
        };
        let decision = Decision {
            path: "content/news/a.md".into(),
            url: Some("/news/a/".into()),
            title: Some("a".into()),
            verdict: crate::decide::Verdict::Live,
            approval: Some(approval),
            item: None,
        };
        let row = item_status(&decision, now, now, chrono_tz::Asia::Bangkok);
        assert_eq!(row.state, State::ChangedUnapproved);
        assert!(
            row.detail.contains("changed in def by wasana"),
            "{}",
            row.detail
        );
        let mut unchanged = decision.clone();
        if let Some(a) = unchanged.approval.as_mut() {
            a.later_unapproved.clear();
        }
        let row = item_status(&unchanged, now, now, chrono_tz::Asia::Bangkok);
        assert_eq!(row.state, State::Live);
    }
}
