//! Requirements judged against small sets of items.

use super::*;
use crate::content::parse_item;
use crate::dates::parse_now;

const TZ: Tz = chrono_tz::Asia::Bangkok;

fn checklist() -> Checklist {
    Checklist::parse(
        r#"
[[item]]
id = "history"
group = "1-general"
name_th = "ประวัติ"
recurrence = "static"

[[item]]
id = "skr1"
group = "8-pr"
name_th = "สรุปผลจัดซื้อจัดจ้างรายเดือน"
recurrence = "monthly"

[[item]]
id = "plan"
group = "1-general"
name_th = "แผนปฏิบัติราชการ"
recurrence = "yearly"
must_expire = true

[[item]]
id = "feat-search"
group = "feature"
name_th = "ค้นหา"
recurrence = "static"
provided_by = "site"
"#,
    )
    .unwrap()
}

fn item(slug: &str, front: &str) -> Item {
    let text = format!("+++\ntitle = \"{slug}\"\n{front}\n+++\nbody\n");
    parse_item(
        &format!("content/news/{slug}.md"),
        &text,
        crate::content::ItemAt {
            section: "news",
            slug,
            lang: Lang::Th,
            bundle: false,
            news: true,
        },
        TZ,
    )
    .unwrap()
}

fn run(items: &[Item], now: &str) -> Compliance {
    let live: Vec<Instance<'_>> = items
        .iter()
        .map(|item| Instance {
            item,
            approval: None,
        })
        .collect();
    evaluate(&checklist(), &live, parse_now(now).unwrap(), TZ)
}

fn of<'c>(c: &'c Compliance, id: &str) -> &'c ItemStatus {
    c.items.iter().find(|i| i.id == id).unwrap()
}

#[test]
fn missing_provided_stale_and_not_by_content() {
    let items = [item(
        "history",
        "publish = 2026-01-01\nreview = 2026-06-01\nstandard = [\"history\", \"nosuch-id\"]",
    )];
    let before = run(&items, "2026-05-01T00:00:00+07:00");
    assert_eq!(of(&before, "history").state, State::Provided);
    assert_eq!(of(&before, "history").providers[0].url, "/news/history/");
    assert_eq!(of(&before, "skr1").state, State::Missing);
    assert_eq!(of(&before, "skr1").gaps, vec![Gap::Missing]);
    assert_eq!(of(&before, "feat-search").state, State::NotByContent);
    assert_eq!(before.unknown_ids[0].id, "nosuch-id");
    let after = run(&items, "2026-06-01T00:00:00+07:00");
    assert_eq!(of(&after, "history").state, State::Stale);
}

#[test]
fn search_is_met_only_while_the_site_has_its_search_page() {
    let checklist = Checklist::parse(
        "[[item]]\nid = \"feat-search\"\ngroup = \"feature\"\nname_th = \"ค้นหา\"\nrecurrence = \"static\"\nprovided_by = \"site\"\nfeature = \"search\"\n",
    )
    .unwrap();
    let now = parse_now("2026-05-01T00:00:00+07:00").unwrap();
    let evaluate_with = |search: bool| {
        apply_site_features(
            evaluate(&checklist, &[], now, TZ),
            &checklist,
            SiteFeatures { search },
        )
    };
    let on = evaluate_with(true);
    assert_eq!(of(&on, "feat-search").state, State::Provided);
    assert_eq!(of(&on, "feat-search").providers[0].url, "/search/");
    let off = evaluate_with(false);
    assert_eq!(of(&off, "feat-search").state, State::Missing);
    assert_eq!(of(&off, "feat-search").gaps, vec![Gap::Missing]);
    assert!(off.gaps().any(|g| g.id == "feat-search"));
}

#[test]
fn monthly_report_counts_for_the_month_before_and_gaps_name_the_month() {
    // Summaries for Oct and Dec 2568 (FY 2569), published the month after; November's is missing.
    let items = [
        item("oct", "publish = 2025-11-10\nstandard = [\"skr1\"]"),
        item("dec", "publish = 2026-01-09\nstandard = [\"skr1\"]"),
    ];
    let c = run(&items, "2026-02-15T00:00:00+07:00");
    let skr1 = of(&c, "skr1");
    assert_eq!(skr1.state, State::PeriodMissing);
    let labels: Vec<String> = skr1
        .gaps
        .iter()
        .map(|g| match g {
            Gap::PeriodMissing { label_th, .. } => label_th.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    // Checked from October 2567 (start of the previous fiscal year) to December 2568,
    // whose due date (30 days after the month) has passed; January 2569 is not due yet.
    assert_eq!(labels.len(), 12 + 3 - 2, "{labels:?}");
    assert!(labels.contains(&"พฤศจิกายน 2568".to_string()), "{labels:?}");
    assert!(!labels.contains(&"ตุลาคม 2568".to_string()), "{labels:?}");
    assert!(!labels.contains(&"ธันวาคม 2568".to_string()), "{labels:?}");
    assert_eq!(labels[0], "ตุลาคม 2567");
    assert_eq!(
        skr1.newest.unwrap().to_rfc3339(),
        "2026-01-09T00:00:00+07:00"
    );
}

#[test]
fn yearly_plan_must_cover_the_current_fiscal_year_and_expire() {
    let old = [item(
        "plan-2569",
        "publish = 2025-10-15\nexpires = 2026-10-01\nstandard = [\"plan\"]",
    )];
    let c = run(&old, "2026-09-15T00:00:00+07:00");
    assert_eq!(of(&c, "plan").state, State::Provided);
    let c = run(&old, "2026-10-20T00:00:00+07:00");
    assert_eq!(
        of(&c, "plan").state,
        State::Provided,
        "not due until 31 Oct"
    );
    // 1 Nov 2569: FY 2570 began on 1 Oct and its 30 days have passed.
    let c = run(&old, "2026-11-01T00:00:00+07:00");
    assert!(matches!(
        &of(&c, "plan").gaps[..],
        [Gap::PeriodMissing { label_th, .. }] if label_th == "ปีงบประมาณ 2570"
    ));
    // Approved in September for the coming year: counts.
    let early = [item(
        "plan-2570",
        "publish = 2026-09-20\nstandard = [\"plan\"]",
    )];
    let c = run(&early, "2026-11-01T00:00:00+07:00");
    assert_eq!(
        of(&c, "plan").gaps,
        vec![Gap::NoExpiry {
            url: "/news/plan-2570/".into()
        }]
    );
    assert_eq!(of(&c, "plan").state, State::NoExpiry);
}

#[test]
fn a_translation_is_not_a_second_instance() {
    let th = item("oct", "publish = 2025-11-10\nstandard = [\"skr1\"]");
    let text = "+++\ntitle = \"oct\"\npublish = 2025-11-10\nstandard = [\"skr1\"]\n+++\n";
    let en = parse_item(
        "content/news/oct.en.md",
        text,
        crate::content::ItemAt {
            section: "news",
            slug: "oct",
            lang: Lang::En,
            bundle: false,
            news: true,
        },
        TZ,
    )
    .unwrap();
    let c = run(&[th, en], "2026-01-15T00:00:00+07:00");
    let labels: Vec<String> = of(&c, "skr1")
        .gaps
        .iter()
        .filter_map(|g| match g {
            Gap::PeriodMissing { label_en, .. } => Some(label_en.clone()),
            _ => None,
        })
        .collect();
    assert!(labels.contains(&"November 2025".to_string()), "{labels:?}");
    assert_eq!(of(&c, "skr1").providers.len(), 2);
    assert_eq!(of(&c, "skr1").providers[0].lang, Lang::Th);
}
