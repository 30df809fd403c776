//! `khaosan stats`, `khaosan survey`, the `/statistics/` page they feed, the
//! publication records' data files and the `/standards/` index, on sites made in
//! temporary folders.
#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::process::Command;

use crate::common::{Fixture, item, khaosan_bin};
use khaosan::statistics::StatisticsData;

const NOW: &str = "2026-11-26T12:00:00+07:00";

/// Runs the binary in the fixture's folder; returns (success, stdout, stderr).
fn run(fixture: &Fixture, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(khaosan_bin())
        .args(args)
        .arg("--root")
        .arg(fixture.root())
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn line(ip: &str, time: &str, target: &str, status: u16, agent: &str) -> String {
    format!("{ip} - - [{time} +0700] \"GET {target} HTTP/1.1\" {status} 5120 \"-\" \"{agent}\"\n")
}

const PHONE: &str = "Mozilla/5.0 (Linux; Android 14) Chrome/130.0 Mobile";
const DESKTOP: &str = "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0";

/// A site with two live news items and one that is not approved.
fn site() -> Fixture {
    Fixture::new(&format!(
        "-- content/news/a.md --\n{}\n-- content/news/b.md --\n{}\n-- content/news/secret.md --\n{}\n",
        item(
            "ข่าวเอ",
            "approver = \"inchai\"\npublish = 2026-10-01\nexpires = 2027-10-01",
            "ก"
        ),
        item(
            "ข่าวบี",
            "approver = \"inchai\"\npublish = 2026-10-01\nexpires = 2027-10-01",
            "ข"
        ),
        item("ข่าวลับที่ยังไม่อนุมัติ", "publish = 2026-10-01", "ค"),
    ))
}

#[test]
fn stats_counts_an_nginx_log_and_its_rotated_gzip_by_hand() {
    let fixture = site();
    // 1 November: two people read pages; assets, a robot, a 404, a POST and two
    // broken lines must not count.
    let mut today = String::new();
    today += &line("203.0.113.1", "01/Nov/2026:08:00:00", "/", 200, PHONE);
    today += &line(
        "203.0.113.1",
        "01/Nov/2026:08:00:01",
        "/static/css/site.css",
        200,
        PHONE,
    );
    today += &line(
        "203.0.113.1",
        "01/Nov/2026:08:01:00",
        "/news/a/",
        200,
        PHONE,
    );
    today += &line(
        "203.0.113.2",
        "01/Nov/2026:09:00:00",
        "/news/a/?utm=x",
        200,
        DESKTOP,
    );
    today += &line(
        "203.0.113.2",
        "01/Nov/2026:09:00:05",
        "/news/secret/",
        200,
        DESKTOP,
    );
    today += &line(
        "198.51.100.9",
        "01/Nov/2026:09:30:00",
        "/news/b/",
        200,
        "Googlebot/2.1",
    );
    today += &line(
        "198.51.100.9",
        "01/Nov/2026:09:31:00",
        "/wp-login.php",
        404,
        DESKTOP,
    );
    today += "203.0.113.3 - - [01/Nov/2026:10:00:00 +0700] \"POST /search/ HTTP/1.1\" 200 10 \"-\" \"x\"\n";
    today += "this is not a log line\n";
    today += "203.0.113.4 - - [01/Nov/2026:25:99:00 +0700] \"GET / HTTP/1.1\" 200 10\n";
    // 2 November, common format (no agent), the same address on two days.
    today += "203.0.113.1 - - [02/Nov/2026:07:00:00 +0700] \"GET /news/b/ HTTP/1.1\" 200 900\n";
    let plain = fixture.root().join("access.log");
    std::fs::write(&plain, &today).unwrap();
    // 31 October, from the rotated and compressed log.
    let mut older = String::new();
    older += &line(
        "203.0.113.5",
        "31/Oct/2026:20:00:00",
        "/news/b/index.html",
        200,
        PHONE,
    );
    older += &line(
        "203.0.113.6",
        "31/Oct/2026:21:00:00",
        "/news/b/",
        200,
        DESKTOP,
    );
    older += &line(
        "203.0.113.6",
        "31/Oct/2026:21:00:02",
        "/news/b/form.pdf",
        200,
        DESKTOP,
    );
    let gz = fixture.root().join("access.log.1.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(older.as_bytes()).unwrap();
    encoder.finish().unwrap();

    let (ok, stdout, stderr) = run(
        &fixture,
        &["stats", plain.to_str().unwrap(), gz.to_str().unwrap()],
    );
    assert!(ok, "{stderr}");
    assert!(stdout.contains("บรรทัดที่อ่านไม่ได้ (bad lines) 2"), "{stdout}");
    assert!(stdout.contains("access.log:9"), "{stdout}");
    let data = StatisticsData::load(&fixture.root()).unwrap();
    let nov1 = &data.visits.days["2026-11-01"];
    // /, /news/a/, /news/a/?utm=x, /news/secret/ (counted in the file; the page decides what to show).
    assert_eq!((nov1.views, nov1.visitors), (4, 2));
    assert_eq!(nov1.pages["/news/a/"], 2);
    let nov2 = &data.visits.days["2026-11-02"];
    assert_eq!((nov2.views, nov2.visitors), (1, 1));
    let oct31 = &data.visits.days["2026-10-31"];
    assert_eq!((oct31.views, oct31.visitors), (2, 2));
    assert_eq!(oct31.pages["/news/b/"], 2);
    // Visitors of November: 203.0.113.1 with a phone, .2, and .1 again without an agent.
    assert_eq!(data.visits.months["2026-11"].visitors, 3);
    assert_eq!(data.visits.months["2026-10"].visitors, 2);
    // No address is kept.
    let text = std::fs::read_to_string(fixture.root().join("data/statistics.json")).unwrap();
    assert!(!text.contains("203.0.113"), "{text}");
    assert!(!text.contains("Mozilla"), "{text}");

    // Counting the same logs again changes nothing.
    let (ok, _, stderr) = run(&fixture, &["stats", plain.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert_eq!(StatisticsData::load(&fixture.root()).unwrap(), data);

    // The page shows the counts, and the most viewed pages only where they are live.
    let outcome = fixture.build(NOW);
    let page = fixture.output("statistics/index.html").unwrap();
    assert!(page.contains("<svg"), "{page}");
    assert!(page.contains("ปีงบประมาณ 2570"), "{page}");
    // November: 4 views on the 1st and 1 on the 2nd, by 3 visitors; October: 2 by 2.
    assert!(page.contains("<td>5</td><td>3</td>"), "{page}");
    assert!(page.contains("<td>2</td><td>2</td>"), "{page}");
    assert!(page.contains("ข่าวเอ"), "{page}");
    assert!(!page.contains("secret"), "{page}");
    assert!(outcome.rendered.pages > 0);
    fixture.assert_nowhere("ข่าวลับที่ยังไม่อนุมัติ");
}

#[test]
fn stats_refuses_a_file_with_no_log_line() {
    let fixture = site();
    let path = fixture.root().join("notes.txt");
    std::fs::write(&path, "hello\nworld\n").unwrap();
    let (ok, _, stderr) = run(&fixture, &["stats", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("combined"), "{stderr}");
    assert!(!fixture.root().join("data/statistics.json").exists());
}

/// A Google Forms export: a time column, a respondent type, two rating questions
/// (one with Thai labels, one with numbers) and a comment.
const SURVEY_CSV: &str = "ประทับเวลา,ท่านเป็น,ความพึงพอใจต่อข้อมูลบนเว็บไซต์,ความสะดวกในการใช้งาน (1-5),ข้อเสนอแนะ\n\
15/11/2569 10:00:00,ประชาชน,มากที่สุด,5,ดีมาก\n\
16/11/2569 11:00:00,ประชาชน,มาก,4,\n\
17/11/2569 12:00:00,อสม.,ปานกลาง,,\"มีข่าว, มากขึ้น\"\n\
20/09/2569 09:00:00,ประชาชน,น้อยที่สุด,1,\n";

fn check_survey(data: &StatisticsData) {
    // FY 2570 (from 1 October 2569): three answers; FY 2569: one.
    let fy2570 = &data.surveys["2570"];
    assert_eq!(fy2570.respondents, 3);
    assert_eq!(fy2570.questions.len(), 2, "{:?}", fy2570.questions);
    let q1 = &fy2570.questions[0];
    assert_eq!(q1.question, "ความพึงพอใจต่อข้อมูลบนเว็บไซต์");
    assert_eq!(q1.counts, [0, 0, 1, 1, 1]);
    assert_eq!(q1.mean, 4.0);
    let q2 = &fy2570.questions[1];
    assert_eq!((q2.answers, q2.mean), (2, 4.5));
    assert_eq!(fy2570.first.as_deref(), Some("2026-11-15"));
    assert_eq!(data.surveys["2569"].respondents, 1);
    assert_eq!(data.surveys["2569"].questions[0].counts, [1, 0, 0, 0, 0]);
}

#[test]
fn survey_reads_thai_csv_in_utf8_and_windows_874() {
    let fixture = site();
    let utf8 = fixture.root().join("survey.csv");
    std::fs::write(&utf8, format!("\u{feff}{SURVEY_CSV}")).unwrap();
    let (ok, stdout, stderr) = run(&fixture, &["survey", utf8.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("2570"), "{stdout}");
    check_survey(&StatisticsData::load(&fixture.root()).unwrap());

    let other = site();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_874.encode(SURVEY_CSV);
    assert!(!unmappable);
    let thai_excel = other.root().join("survey-excel.csv");
    std::fs::write(&thai_excel, &bytes).unwrap();
    let (ok, _, stderr) = run(&other, &["survey", thai_excel.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    check_survey(&StatisticsData::load(&other.root()).unwrap());

    // The page and the monitoring report show the survey of FY 2570.
    other.build(NOW);
    let page = other.output("statistics/index.html").unwrap();
    assert!(page.contains("ผู้ตอบแบบสำรวจ 3 คน"), "{page}");
    assert!(
        page.contains("aria-labelledby=\"chart-survey-title chart-survey-desc\""),
        "{page}"
    );
    assert!(!page.contains("ดีมาก"), "comments are not kept: {page}");

    // The monitoring report carries the survey, in natural Thai, with the font inside.
    let report = other.root().join("report.html");
    let out = Command::new(khaosan_bin())
        .args([
            "report",
            "--now",
            NOW,
            "--from",
            "2026-08-01",
            "--to",
            "2026-11-25",
        ])
        .args(["--format", "html", "--output"])
        .arg(&report)
        .arg("--root")
        .arg(other.root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(
        html.matches("@font-face").count(),
        4,
        "Thai and Latin, regular and bold"
    );
    assert!(
        html.contains("src: url(data:font/woff2;base64,d09GMg"),
        "woff2 inside"
    );
    assert!(
        html.contains("ผลการสำรวจความพึงพอใจปีงบประมาณ 2570 มีผู้ตอบ 3 คน"),
        "{html}"
    );
    assert!(
        html.contains("aria-labelledby=\"report-survey-title"),
        "{html}"
    );
}

#[test]
fn survey_reads_a_microsoft_forms_xlsx() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let fixture = site();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (c, h) in ["ID", "เวลาเริ่มต้น", "อีเมล", "ความพึงพอใจโดยรวม"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        (2026, 11, 1, "มาก"),
        (2026, 11, 2, "มากที่สุด"),
        (2026, 9, 30, "น้อย"),
    ];
    for (r, (y, m, d, answer)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, f64::from(r + 10)).unwrap();
        let when = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
        sheet
            .write_datetime_with_format(r, 1, &when, &date)
            .unwrap();
        sheet.write_string(r, 2, "anonymous").unwrap();
        sheet.write_string(r, 3, *answer).unwrap();
    }
    let path = fixture.root().join("responses.xlsx");
    workbook.save(&path).unwrap();
    let (ok, _, stderr) = run(&fixture, &["survey", path.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let data = StatisticsData::load(&fixture.root()).unwrap();
    let fy2570 = &data.surveys["2570"];
    assert_eq!(fy2570.respondents, 2);
    // The ID column (11, 12) is not a 1–5 rating; only the question is.
    assert_eq!(fy2570.questions.len(), 1);
    assert_eq!(fy2570.questions[0].counts, [0, 0, 0, 1, 1]);
    assert_eq!(data.surveys["2569"].questions[0].counts, [0, 1, 0, 0, 0]);
}

#[test]
fn survey_without_a_time_column_needs_the_fiscal_year() {
    let fixture = site();
    let path = fixture.root().join("survey.csv");
    std::fs::write(&path, "คะแนน\n5\n4\n").unwrap();
    let (ok, _, stderr) = run(&fixture, &["survey", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("--fiscal-year"), "{stderr}");
    let (ok, _, stderr) = run(
        &fixture,
        &["survey", path.to_str().unwrap(), "--fiscal-year", "2569"],
    );
    assert!(ok, "{stderr}");
    let data = StatisticsData::load(&fixture.root()).unwrap();
    assert_eq!(data.surveys["2569"].questions[0].mean, 4.5);
}

#[test]
fn records_data_files_carry_live_items_only_with_reviewer_and_web_master() {
    let fixture = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}[[person]]\nid = \"somchai\"\nname = \"นายสมชาย ใจดี\"\ntitle = \"ประธานศูนย์ข้อมูลข่าวสาร\"\nroles = [\"reviewer\"]\n\
         -- content/news/a.md --\n{}\n-- content/news/secret.md --\n{}\n-- content/news/old.md --\n{}\n",
        crate::common::APPROVERS_TOML,
        item(
            "ประกาศ, สำคัญ",
            "approver = \"inchai\"\npublish = 2026-10-05T09:00:00+07:00\nexpires = 2027-10-01",
            "ก"
        ),
        item("ข่าวลับที่ยังไม่อนุมัติ", "publish = 2026-10-01", "ค"),
        item(
            "ข่าวเก่า",
            "approver = \"inchai\"\npublish = 2026-09-01\nexpires = 2027-10-01",
            "ง"
        ),
    ));
    fixture.build(NOW);
    let record = fixture.output("records/news/a/index.html").unwrap();
    assert!(record.contains("นายสมชาย ใจดี"), "{record}");
    assert!(
        record.contains("นางสาววาสนา ป็อกบุญเรือง"),
        "web master: {record}"
    );
    assert!(record.contains("published at"), "{record}");
    let csv = std::fs::read(fixture.out().join("records/2570.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "byte-order mark");
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains("\r\n"), "CRLF");
    assert!(text.contains("\"ประกาศ, สำคัญ\""), "quoted: {text}");
    assert!(text.contains("นายสมชาย ใจดี"), "{text}");
    assert!(
        !text.contains("ข่าวเก่า"),
        "a FY 2569 item is in 2569.csv: {text}"
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&fixture.output("records/2569.json").unwrap()).unwrap();
    assert_eq!(json["records"][0]["title"], "ข่าวเก่า");
    assert_eq!(json["records"][0]["reviewer"], "นายสมชาย ใจดี");
    fixture.assert_nowhere("ข่าวลับที่ยังไม่อนุมัติ");
    let standards = fixture.output("standards/index.html").unwrap();
    assert!(standards.contains("records/2570.csv"), "{standards}");
}

#[test]
fn standards_page_shows_codes_fiscal_year_summary_and_groups() {
    let fixture = Fixture::new(&format!(
        "-- content/news/plan.md --\n{}\n",
        item(
            "ประกาศจัดซื้อ",
            "approver = \"inchai\"\npublish = 2026-10-05\nexpires = 2027-10-01\nstandard = [\"oit-o22\", \"moit-4\"]",
            "ก"
        ),
    ));
    fixture.build(NOW);
    let page = fixture.output("standards/index.html").unwrap();
    assert!(
        page.contains("<strong class=\"standards-code\">O22</strong>"),
        "{page}"
    );
    assert!(
        page.contains("<strong class=\"standards-code\">MOIT 4</strong>"),
        "{page}"
    );
    assert!(
        page.contains("ปีงบประมาณ พ.ศ. <strong>2570</strong>"),
        "{page}"
    );
    assert!(
        page.contains("<details class=\"standards-family\" id=\"standard-ita\">"),
        "{page}"
    );
    assert!(page.contains("id=\"oit-o22\""), "{page}");
    assert!(
        page.contains("href=\"/news/plan/\""),
        "links its evidence: {page}"
    );
    let en = fixture.output("en/standards/index.html").unwrap();
    assert!(en.contains("fiscal year <strong>2570</strong>"), "{en}");
}

#[test]
fn evidence_that_expires_mid_year_is_warned_about() {
    // The only procurement announcement (O22) ends in December; of two news items
    // (O7) one ends early but the other lasts the year, so O7 keeps its evidence.
    let fixture = Fixture::new(&format!(
        "-- content/news/bid.md --\n{}\n-- content/news/short.md --\n{}\n-- content/news/long.md --\n{}\n",
        item(
            "ประกาศประกวดราคา",
            "approver = \"inchai\"\npublish = 2026-10-05\nexpires = 2026-12-01\nstandard = [\"oit-o22\"]",
            "ก"
        ),
        item(
            "ข่าวสั้น",
            "approver = \"inchai\"\npublish = 2026-10-05\nexpires = 2026-12-01\nstandard = [\"oit-o7\"]",
            "ข"
        ),
        item(
            "ข่าวทั้งปี",
            "approver = \"inchai\"\npublish = 2026-10-01\nexpires = 2027-10-01\nstandard = [\"oit-o7\"]",
            "ค"
        ),
    ));
    let out = Command::new(khaosan_bin())
        .args(["compliance", "--now", NOW, "--root"])
        .arg(fixture.root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("!! content/news/bid.md"), "{text}");
    assert!(text.contains("O22"), "{text}");
    assert!(text.contains("expires = 2027-10-01"), "{text}");
    assert!(!text.contains("!! content/news/short.md"), "{text}");
    let out = Command::new(khaosan_bin())
        .args(["check", "--now", NOW, "--root"])
        .arg(fixture.root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "a warning does not fail the check: {text}"
    );
    assert!(
        text.contains("content/news/bid.md:6"),
        "line of expires: {text}"
    );
    assert!(text.contains("O22"), "{text}");
    assert!(!text.contains("content/news/short.md"), "{text}");
}

#[test]
fn new_gives_a_fiscal_year_lifetime_and_warns_about_short_ones() {
    let site_toml = "title = \"t\"\nbase_url = \"https://office.example/\"\n\
        [[section]]\nid = \"news\"\ntitle = \"ข่าว\"\nlifetime_days = 30\n\
        [[section]]\nid = \"oia\"\ntitle = \"ข้อมูลข่าวสาร\"\nlifetime = \"fiscal-year\"\n";
    let fixture = Fixture::new(&format!(
        "-- site.toml --\n{site_toml}-- content/news/old-bid.md --\n{}\n",
        item(
            "ประกาศเดิม",
            "approver = \"inchai\"\npublish = 2026-10-05\nexpires = 2027-10-01\nstandard = [\"oit-o22\"]",
            "ก"
        ),
    ));
    let new = |section: &str, title: &str| {
        Command::new(khaosan_bin())
            .args([
                "new", section, title, "--author", "wasana", "--now", NOW, "--root",
            ])
            .arg(fixture.root())
            .output()
            .unwrap()
    };
    let out = new("oia", "Procurement plan 2570");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("expires = 2027-10-01"), "{text}");
    let out = new("news", "New bid");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("O22") && stderr.contains("2027-10-01"),
        "{stderr}"
    );
}

#[test]
fn with_verify_git_the_page_shows_the_approved_counts_only() {
    use crate::common::{APPROVERS_TOML, INCHAI, WASANA};
    let data = |views: u32| {
        format!(
            "{{\"visits\": {{\"days\": {{\"2026-11-01\": {{\"views\": {views}, \"visitors\": 3}}}}, \"months\": {{\"2026-11\": {{\"visitors\": 3}}}}}}}}\n"
        )
    };
    let fixture = Fixture::new(&format!(
        "-- approvals/approvers.toml --\nverify_git = true\n{APPROVERS_TOML}-- data/statistics.json --\n{}",
        data(4321)
    ));
    let when = "2026-11-20T09:00:00+07:00";
    fixture.git(&INCHAI, when, &["init", "-q", "-b", "main"]);
    fixture.git(&INCHAI, when, &["add", "-A"]);
    fixture.git(
        &INCHAI,
        when,
        &["commit", "-q", "-m", "Start the site with counts"],
    );
    // The web master changes the counts on main without the director's approval.
    fixture.write("data/statistics.json", &data(98765));
    let later = "2026-11-21T09:00:00+07:00";
    fixture.git(&WASANA, later, &["add", "-A"]);
    fixture.git(
        &WASANA,
        later,
        &["commit", "-q", "-m", "Counts, not approved"],
    );
    fixture.build(NOW);
    let page = fixture.output("statistics/index.html").unwrap();
    assert!(page.contains("4321"), "{page}");
    assert!(
        !page.contains("98765"),
        "an unapproved change is not shown: {page}"
    );
}

#[test]
fn check_names_a_broken_statistics_file() {
    let fixture = site();
    fixture.write("data/statistics.json", "{\"visits\": {\"days\": 5}}\n");
    let out = Command::new(khaosan_bin())
        .args(["check", "--now", NOW, "--root"])
        .arg(fixture.root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("data/statistics.json:1"), "{text}");
    assert!(text.contains("khaosan stats"), "says how to fix it: {text}");
    // The build goes on without figures.
    fixture.build(NOW);
    let page = fixture.output("statistics/index.html").unwrap();
    assert!(page.contains("ยังไม่มีข้อมูลสถิติการเข้าชม"), "{page}");
}
