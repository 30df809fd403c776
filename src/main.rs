//! The `khaosan` command: parses the command line and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use khaosan::build::{BuildOptions, build, summary};
use khaosan::messages as msg;
use khaosan::source::LoadOptions;

/// A build makes millions of short-lived strings (tokens, template values) on
/// every core; mimalloc serves them with less contention than the system's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "khaosan",
    version = khaosan::VERSION,
    about = "ข่าวสาร: เว็บไซต์หน่วยงานราชการที่เผยแพร่เฉพาะข้อมูลที่ผู้บริหารอนุมัติ และเฉพาะช่วงเวลาที่กำหนด\n\
             Publishes an office's website from git: only what the director approved, only while it is current.",
    long_about = None
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// สร้างเว็บไซต์ลงโฟลเดอร์ผลลัพธ์ (Build the public site into the output folder)
    Build(BuildArgs),
    /// เริ่มเว็บไซต์ของหน่วยงานใหม่ในโฟลเดอร์ว่าง พร้อม commit แรก (Start a new office's site repository)
    Init(Box<InitArgs>),
    /// ตรวจ pull request: ข้อมูลทุกรายการ ทะเบียน site.toml และแม่แบบ โดยไม่เขียนไฟล์ใด ๆ (Check a proposed change; writes nothing)
    Check(CheckArgs),
    /// สถานะของทุกรายการ และเวลาที่เว็บไซต์จะเปลี่ยนครั้งถัดไป (Every item's state and the next change)
    Status(StatusArgs),
    /// สร้างไฟล์รายการใหม่พร้อมข้อมูลส่วนหัว แล้วพิมพ์ที่อยู่ไฟล์ (Write a new item with its front matter; prints its path)
    New(NewArgs),
    /// ตรวจความครบถ้วนตามรายการมาตรฐาน (Check completeness against checklist.toml)
    Compliance(ComplianceArgs),
    /// รายงานผลการกำกับติดตามต่อผู้บริหาร (Monitoring report for the executives)
    Report(ReportArgs),
    /// นับการเข้าชมจากบันทึกของเว็บเซิร์ฟเวอร์ลงไฟล์สถิติ (Count page views and visitors from access logs into data/statistics.json)
    Stats(StatsArgs),
    /// สรุปผลแบบสำรวจความพึงพอใจลงไฟล์สถิติ (Summarise a satisfaction survey export into data/statistics.json)
    Survey(SurveyArgs),
    /// คืนไฟล์เป็นฉบับที่อนุมัติแล้วในโฟลเดอร์งาน (Write the approved version of files into the working tree)
    Restore(RestoreArgs),
    // Preview and authoring loop: serve, completions, man page.
    /// เปิดเว็บไซต์บนเครื่องนี้ โหลดใหม่เองทุกครั้งที่บันทึกไฟล์ (Serve the site locally from memory; reloads on every save)
    Serve(ServeArgs),
    /// เขียนตัวอย่างหน้าเว็บของการเปลี่ยนแปลง พร้อมแถบเหตุผล ลงโฟลเดอร์แยก (Write a preview of the pages, withheld items under a banner, to a folder of its own)
    Preview(PreviewArgs),
    /// พิมพ์สคริปต์เติมคำสั่งอัตโนมัติของ shell (Print shell completions: bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
    /// พิมพ์คู่มือแบบ man page (Print the man page, roff)
    Man,
}

#[derive(Args)]
#[command(
    after_help = "ตัวอย่าง (example):\n  khaosan stats /var/log/nginx/access.log /var/log/nginx/access.log.*.gz\n\n\
    อ่านรูปแบบ common/combined ของ nginx และ Apache รวมถึงไฟล์ .gz นับเฉพาะหน้าเว็บที่ตอบ 200 ไม่นับโปรแกรมอัตโนมัติ\n\
    และเก็บเฉพาะจำนวน ไม่เก็บที่อยู่ IP (reads common/combined logs, .gz too; counts GET 200 pages, no robots;\n\
    keeps counts only). A day seen again replaces the stored day, so running twice counts once."
)]
struct StatsArgs {
    /// ไฟล์บันทึกการเข้าถึง (access log files, plain or .gz)
    #[arg(value_name = "LOGFILE")]
    logs: Vec<PathBuf>,
    /// โฟลเดอร์ของเว็บไซต์ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

#[derive(Args)]
#[command(
    after_help = "ตัวอย่าง (examples):\n  khaosan survey แบบสำรวจ.csv\n  khaosan survey responses.xlsx --fiscal-year 2569\n\n\
    รับไฟล์ CSV ของ Google Forms, XLSX ของ Microsoft Forms หรือ CSV ที่บันทึกจาก Excel ภาษาไทย (Windows-874).\n\
    Rating questions are the columns whose answers are all 1–5 or มากที่สุด…น้อยที่สุด."
)]
struct SurveyArgs {
    /// ไฟล์ผลแบบสำรวจ (the survey export: .csv or .xlsx)
    file: PathBuf,
    /// ปีงบประมาณ พ.ศ. ของคำตอบทั้งหมด เมื่อไฟล์ไม่มีคอลัมน์เวลา (fiscal year B.E. for every answer, when the export has no time column)
    #[arg(long, value_name = "YEAR")]
    fiscal_year: Option<i32>,
    /// โฟลเดอร์ของเว็บไซต์ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
}

#[derive(Args)]
#[command(
    after_help = "ตัวอย่าง (example):\n  khaosan restore content/news/2026-05-01-a.md themes/default\n\n\
    ใช้เมื่อ status บอกว่าไฟล์ถูกแก้ไขโดยไม่ได้รับอนุมัติ: คืนฉบับที่อนุมัติ commit แล้วเสนอการแก้ไขใหม่เป็น pull request\n\
    (when status says a change was not approved: restore, commit, then propose the change again as a pull request)"
)]
struct RestoreArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// ไฟล์หรือโฟลเดอร์ที่จะคืน (files or folders to restore, relative to the site folder)
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Args)]
struct SiteArgs {
    /// โฟลเดอร์ของเว็บไซต์ที่มี site.toml และ content/ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// เวลาที่ใช้ตัดสินการเผยแพร่ (the clock: 2026-06-01 = 00:00 site time, or 2026-06-01T12:00:00+07:00; default: now)
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// กิ่งที่สร้างเว็บไซต์ (branch whose first-parent history is built; default: HEAD)
    #[arg(long, value_name = "NAME")]
    branch: Option<String>,
    /// commit ที่เริ่มความเชื่อถือ (commit where git verification starts; must be on the history)
    #[arg(long, value_name = "COMMIT")]
    genesis: Option<String>,
    /// ไม่ตรวจการอนุมัติใน git แม้ verify_git เปิดอยู่ สำหรับดูตัวอย่างเท่านั้น (skip the git check; previews only)
    #[arg(long)]
    trust_front_matter: bool,
    /// commit ของเว็บไซต์ที่เผยแพร่อยู่ จาก build-info.json (the live site's commit: at a foxtrot merge the walk follows the parent that leads to it)
    #[arg(long, value_name = "COMMIT")]
    previous: Option<String>,
    /// ปฏิเสธถ้าทะเบียนที่อนุมัติแล้วไม่เปิด verify_git หรือประวัติไม่ครบ ต้องใช้คู่กับ --genesis (refuse unless approvals are checked in full history; needs --genesis)
    #[arg(long, requires = "genesis", conflicts_with = "trust_front_matter")]
    require_verify: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// โฟลเดอร์ผลลัพธ์ จะถูกแทนที่ทั้งโฟลเดอร์เมื่อสร้างเสร็จ (output folder, replaced only when the build succeeds; default: <root>/public)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// URL ของเว็บไซต์แทนค่าใน site.toml (base URL instead of site.toml's, e.g. for a preview)
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// ล้มเหลวถ้ามีรายการใดผิดพลาด สำหรับตรวจ pull request (fail on any invalid item; for pull-request checks)
    #[arg(long)]
    strict: bool,
    /// ที่เก็บรายงานการตัดสินแบบ JSON (decision report path; default: <root>/.khaosan/report.json)
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
}

#[derive(Args)]
struct ComplianceArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// รูปแบบผลลัพธ์ (output format)
    #[arg(long, value_enum, default_value = "table")]
    format: ComplianceFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ComplianceFormat {
    Table,
    Json,
    Md,
}

#[derive(Args)]
struct ReportArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// วันแรกของช่วงรายงาน ค.ศ. (first day, e.g. 2026-03-01; default: the last completed round)
    #[arg(long, value_name = "DATE", value_parser = khaosan::monitoring::parse_day, requires = "to")]
    from: Option<chrono::NaiveDate>,
    /// วันสุดท้ายของช่วงรายงาน ค.ศ. (last day, e.g. 2026-07-31)
    #[arg(long, value_name = "DATE", value_parser = khaosan::monitoring::parse_day, requires = "from")]
    to: Option<chrono::NaiveDate>,
    /// รูปแบบผลลัพธ์ (output format; html needs --output)
    #[arg(long, value_enum, default_value = "md")]
    format: ReportFormat,
    /// เขียนลงไฟล์แทนการพิมพ์ (write to FILE instead of standard output)
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Csv,
    Json,
}

#[derive(Args)]
#[command(
    after_help = "ผลลัพธ์ (exit status): 0 ผ่าน (no errors), 1 มีข้อผิดพลาด (errors found, or the check could not run).\n\
    ข้อผิดพลาด (errors): invalid items, unknown or missing approvers, missing expiry, file problems, site.toml,\n\
    approvers.toml, theme or template failures, links to attachments that are not beside the item, links from\n\
    the home page's or a section's introduction to pages that do not exist. คำเตือน (warnings): internal links to pages that are withheld,\n\
    not yet live, or expire before the linking page; with --base, problems in files the change does not touch."
)]
struct CheckArgs {
    /// โฟลเดอร์ของเว็บไซต์ที่มี site.toml และ content/ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// เวลาที่ใช้ตัดสินการเผยแพร่ (the clock: 2026-06-01 = 00:00 site time, or 2026-06-01T12:00:00+07:00; default: now)
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// เทียบกับ revision นี้ เพื่อแสดงสิ่งที่การเปลี่ยนแปลงจะเผยแพร่ (git revision to compare with, e.g. origin/main: lists what the change would publish, and who must approve it)
    #[arg(long, value_name = "REV")]
    base: Option<String>,
    /// ต่อท้ายสรุปแบบ Markdown ลงไฟล์นี้แทนการพิมพ์ (append the Markdown summary to this file, e.g. "$GITHUB_STEP_SUMMARY"; default: print it)
    #[arg(long, value_name = "FILE")]
    summary_file: Option<PathBuf>,
    /// พิมพ์ข้อผิดพลาดเป็นคำสั่ง ::error ของ GitHub Actions (print findings as GitHub workflow commands, shown on the lines of the pull request)
    #[arg(long)]
    annotations: bool,
    /// ถือว่าคำเตือนทุกข้อเป็นข้อผิดพลาด (treat every warning as an error)
    #[arg(long)]
    strict: bool,
}

/// รูปแบบผลลัพธ์ของ status (output format of status)
#[derive(Clone, Copy, clap::ValueEnum)]
enum StatusFormat {
    /// ตาราง (an aligned table)
    Table,
    /// JSON สำหรับโปรแกรม (for programs)
    Json,
    /// CSV สำหรับโปรแกรมตารางคำนวณ (for spreadsheets; UTF-8 with a byte-order mark)
    Csv,
}

#[derive(Args)]
#[command(
    after_help = "สถานะ (states): changed-unapproved, withheld, expiring, scheduled, live, expired."
)]
struct StatusArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// รายการที่หมดอายุภายในกี่วันนับเป็น "ใกล้หมดอายุ" (a live item expiring within DAYS is listed as expiring)
    #[arg(long, value_name = "DAYS", default_value_t = khaosan::commands::status::DEFAULT_WITHIN_DAYS)]
    within: u32,
    /// รูปแบบผลลัพธ์ (output format)
    #[arg(long, value_enum, default_value = "table")]
    format: StatusFormat,
}

#[derive(Args)]
#[command(after_help = "ตัวอย่าง (examples):\n  \
    khaosan new news \"ประกาศรับสมัครพนักงานขับรถยนต์\" --author wasana --days 30\n  \
    khaosan new knowledge \"Dengue prevention\" --publish 2026-12-01T08:30:00+07:00\n\n\
    ชื่อไฟล์ (file name): the title in Latin letters (Thai by the Royal Thai General System, an approximation:\n\
    ประกาศรับสมัคร → prakatrapsamak); news items are dated: 2026-11-26-flu-vaccine, also with --slug.\n\
    Choose the exact name with --slug. --bundle writes <slug>/index.md. An existing file is never replaced.\n\
    ผู้อนุมัติ (approver): the first person with the role approver in approvals/approvers.toml.")]
struct NewArgs {
    /// หมวด (section id from site.toml, e.g. news)
    section: String,
    /// ชื่อเรื่อง (the item's title, in quotes)
    title: String,
    /// รหัสผู้เสนอในทะเบียน (your person id in approvals/approvers.toml; default: the person whose e-mail is git's user.email)
    #[arg(long, value_name = "ID")]
    author: Option<String>,
    /// ชื่อไฟล์และ URL (file name and URL, lowercase ASCII and hyphens; default: made from the title)
    #[arg(long, value_name = "SLUG")]
    slug: Option<String>,
    /// วันเริ่มเผยแพร่ (publish date or time, e.g. 2026-12-01 or 2026-12-01T08:30:00+07:00; default: today)
    #[arg(long, value_name = "TIME")]
    publish: Option<String>,
    /// วันสิ้นสุด (expiry date or time: gone from this moment; default: the section's lifetime_days, none for permanent sections)
    #[arg(long, value_name = "TIME", conflicts_with = "days")]
    expires: Option<String>,
    /// เผยแพร่กี่วัน (lifetime in days from the publish date, instead of --expires)
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// โฟลเดอร์ของเว็บไซต์ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// เวลาปัจจุบันแทนนาฬิกาเครื่อง (the clock: 2026-06-01 = 00:00 site time, or RFC 3339; sets "today")
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// สร้างเป็นโฟลเดอร์ <slug>/index.md เพื่อวางไฟล์แนบไว้ข้างกัน (write a folder <slug>/index.md, for attachments beside it)
    #[arg(long)]
    bundle: bool,
}

#[derive(Args)]
#[command(after_help = "ตัวอย่าง (example):\n  \
    khaosan init office-site --name-th \"สำนักงานสาธารณสุขอำเภอตัวอย่าง\" --name-en \"Example District Health Office\" \\\n    \
    --domain www.example-health.go.th --director-name \"นายสมชาย ใจดี\" --director-email somchai@example.go.th ...\n\n\
    คำถาม (questions): on a terminal, khaosan asks for every answer not given by a flag. Without a terminal\n\
    (a script), a missing answer is written as a placeholder such as [[ใส่ชื่อหน่วยงาน]]; khaosan check warns\n\
    about each one until it is replaced.\n\
    khaosan ที่ workflow ติดตั้ง (the khaosan the workflows install): the composite action of --tool-repo at the\n\
    commit --tool-ref, tagged --tool-tag in a comment; by default this binary's own commit and version.")]
struct InitArgs {
    /// โฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง (a new or empty folder for the site repository)
    dir: PathBuf,
    /// ชื่อหน่วยงานภาษาไทย (the office's name in Thai)
    #[arg(long, value_name = "TEXT")]
    name_th: Option<String>,
    /// ชื่อหน่วยงานภาษาอังกฤษ (the office's name in English)
    #[arg(long, value_name = "TEXT")]
    name_en: Option<String>,
    /// ที่อยู่ (address, in Thai)
    #[arg(long, value_name = "TEXT")]
    address: Option<String>,
    /// ที่อยู่ภาษาอังกฤษ (address in English; optional)
    #[arg(long, value_name = "TEXT")]
    address_en: Option<String>,
    /// โทรศัพท์ (phone)
    #[arg(long, value_name = "TEXT")]
    phone: Option<String>,
    /// อีเมลของหน่วยงาน (the office's e-mail)
    #[arg(long, value_name = "ADDRESS")]
    email: Option<String>,
    /// ที่อยู่เว็บไซต์ (domain or base URL, e.g. www.office.go.th)
    #[arg(long, value_name = "DOMAIN")]
    domain: Option<String>,
    /// ชื่อผู้อนุมัติ (the director's name)
    #[arg(long, value_name = "TEXT")]
    director_name: Option<String>,
    /// อีเมล GitHub ของผู้อนุมัติ (the e-mail the director's merges carry)
    #[arg(long, value_name = "ADDRESS")]
    director_email: Option<String>,
    /// รหัสบุคคลของผู้อนุมัติ (the director's person id; default: director)
    #[arg(long, value_name = "ID")]
    director_id: Option<String>,
    /// ตำแหน่งของผู้อนุมัติ (the director's title; default: หัวหน้า + the office's name)
    #[arg(long, value_name = "TEXT")]
    director_title: Option<String>,
    /// ชื่อบัญชี GitHub ของผู้อนุมัติ สำหรับ CODEOWNERS (the director's GitHub user name)
    #[arg(long, value_name = "USER")]
    director_github: Option<String>,
    /// ชื่อ Web Master (the web master's name; the author of the first commit)
    #[arg(long, value_name = "TEXT")]
    webmaster_name: Option<String>,
    /// อีเมล GitHub ของ Web Master (the web master's commit e-mail)
    #[arg(long, value_name = "ADDRESS")]
    webmaster_email: Option<String>,
    /// รหัสบุคคลของ Web Master (the web master's person id; default: webmaster)
    #[arg(long, value_name = "ID")]
    webmaster_id: Option<String>,
    /// คลัง khaosan ที่มี action ติดตั้ง (GitHub OWNER/NAME of khaosan)
    #[arg(long, value_name = "OWNER/NAME", default_value = khaosan::commands::init::DEFAULT_TOOL_REPO)]
    tool_repo: String,
    /// commit ของรุ่น khaosan ที่ใช้ (full commit of the khaosan release; default: this binary's commit)
    #[arg(long, value_name = "COMMIT")]
    tool_ref: Option<String>,
    /// ชื่อรุ่นที่เขียนกำกับ (release tag written beside the commit; default: v + this version)
    #[arg(long, value_name = "TAG")]
    tool_tag: Option<String>,
    /// ไม่ถามคำถาม แม้มี terminal (never ask; missing answers become placeholders)
    #[arg(long)]
    no_input: bool,
    /// ไม่สร้างคลัง git และ commit แรก (write the files only; no git init, no first commit)
    #[arg(long)]
    no_git: bool,
}

fn parse_now(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    khaosan::dates::parse_now_in(text, site_zone())
}

/// The site's time zone for a `--now` written as a plain day: from the `site.toml`
/// of `--root` (or the current folder); Asia/Bangkok, the default, when there is
/// none. The command line is read before the site is loaded, so a `site.toml` that
/// does not parse also gives the default here: loading it then stops the command,
/// or `check` reports it, with the file, the field and the fix.
fn site_zone() -> chrono_tz::Tz {
    let mut args = std::env::args_os().skip(1);
    let mut root = PathBuf::from(".");
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy().into_owned();
        if arg == "--root" {
            if let Some(value) = args.next() {
                root = PathBuf::from(value);
            }
        } else if let Some(value) = arg.strip_prefix("--root=") {
            root = PathBuf::from(value);
        }
    }
    std::fs::read_to_string(root.join(khaosan::config::SITE_FILE))
        .ok()
        .and_then(|text| khaosan::config::SiteConfig::parse(&text).ok())
        .map_or(chrono_tz::Asia::Bangkok, |config| config.tz)
}

impl SiteArgs {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            branch: self.branch.clone(),
            genesis: self.genesis.clone(),
            trust_front_matter: self.trust_front_matter,
            previous: self.previous.clone(),
            require_verify: self.require_verify,
            proposal: None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => run_build(args),
        Command::Init(args) => run_init(*args),
        Command::Compliance(args) => run_compliance(args),
        Command::Report(args) => run_report(args),
        Command::Check(args) => run_check(args),
        Command::Status(args) => run_status(args),
        Command::New(args) => run_new(args),
        Command::Stats(args) => run_stats(args),
        Command::Survey(args) => run_survey(args),
        Command::Restore(args) => run_restore(args),
        Command::Serve(args) => run_serve(args),
        Command::Preview(args) => run_preview(args),
        Command::Completions(args) => run_completions(args),
        Command::Man => run_man(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("ผิดพลาด (error): {}", khaosan::messages::explain(&err));
            ExitCode::FAILURE
        }
    }
}

fn run_build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    let root = args.site.root.clone();
    let out = args.out.clone().unwrap_or_else(|| root.join("public"));
    let options = BuildOptions {
        now: args.site.now,
        base_url: args.base_url.clone(),
        strict: args.strict,
        report: args.report.clone(),
        load: args.site.load_options(),
        ..BuildOptions::new(root, out)
    };
    let outcome = build(&options)?;
    print_out(&format!("{}\n", summary(&outcome)))?;
    Ok(ExitCode::SUCCESS)
}

fn run_compliance(args: ComplianceArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::compliance::{ComplianceOptions, Format, compliance};
    let text = compliance(&ComplianceOptions {
        root: args.site.root.clone(),
        now: args.site.now,
        load: args.site.load_options(),
        format: match args.format {
            ComplianceFormat::Table => Format::Table,
            ComplianceFormat::Json => Format::Json,
            ComplianceFormat::Md => Format::Markdown,
        },
    })?;
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn run_report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::report::{Format, ReportOptions, report};
    let text = report(&ReportOptions {
        root: args.site.root.clone(),
        now: args.site.now,
        load: args.site.load_options(),
        days: args.from.zip(args.to),
        format: match args.format {
            ReportFormat::Md => Format::Markdown,
            ReportFormat::Html => Format::Html,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Json => Format::Json,
        },
    })?;
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| msg::CANNOT_WRITE.at(path))?;
            eprintln!("เขียนรายงานแล้ว (report written) → {}", path.display());
        }
        None if args.format == ReportFormat::Html => {
            anyhow::bail!(msg::REPORT_HTML_NEEDS_OUTPUT.say(&[]))
        }
        None => print_out(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn run_check(args: CheckArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::check;
    let options = check::CheckOptions {
        now: args.now,
        base: args.base,
        strict: args.strict,
        ..check::CheckOptions::new(args.root)
    };
    let outcome = check::check(&options)?;
    if args.annotations {
        print_out(&check::annotations(&outcome))?;
    }
    let summary = check::markdown_summary(&outcome);
    match &args.summary_file {
        Some(path) => {
            use std::io::Write as _;
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .with_context(|| msg::CANNOT_WRITE_SUMMARY.at(path))?;
            writeln!(file, "{summary}").with_context(|| msg::CANNOT_WRITE_SUMMARY.at(path))?;
        }
        None => print_out(&format!("{summary}\n"))?,
    }
    eprint!("{}", check::text_report(&outcome));
    Ok(if outcome.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn run_status(args: StatusArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::status;
    let options = status::StatusOptions {
        now: args.site.now,
        within_days: args.within,
        load: args.site.load_options(),
        ..status::StatusOptions::new(args.site.root.clone())
    };
    let report = status::status(&options)?;
    match args.format {
        StatusFormat::Table => print_out(&status::table(&report))?,
        StatusFormat::Json => print_out(&status::json(&report)?)?,
        StatusFormat::Csv => print_out(&status::csv(&report)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn run_restore(args: RestoreArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::restore;
    let done = restore::restore(&restore::RestoreOptions {
        root: args.site.root.clone(),
        paths: args.paths,
        load: args.site.load_options(),
    })?;
    let mut text: String = done.iter().map(|r| r.describe() + "\n").collect();
    text.push_str(restore::NEXT_STEPS);
    text.push('\n');
    print_out(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn run_new(args: NewArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::new;
    let created = new::new_item(&new::NewOptions {
        root: args.root.clone(),
        now: args.now,
        section: args.section,
        title: args.title,
        author: args.author,
        slug: args.slug,
        publish: args.publish,
        expires: args.expires,
        days: args.days,
        bundle: args.bundle,
    })?;
    let shown = if args.root == std::path::Path::new(".") {
        PathBuf::from(&created.path)
    } else {
        created.file.clone()
    };
    print_out(&format!("{}\n", shown.display()))?;
    eprintln!(
        "สร้างรายการใหม่แล้ว (new item written): {}\n  URL: {}\n  เผยแพร่ (publish): {} · สิ้นสุด (expires): {}\n  ผู้เสนอ (author): {} · ผู้อนุมัติ (approver): {} {}\n  เขียนเนื้อหา แล้วตรวจด้วย khaosan check (write the text, then run khaosan check)",
        shown.display(),
        created.url,
        created.publish,
        created
            .expires
            .as_deref()
            .unwrap_or("ไม่กำหนด (none: permanent section)"),
        created.author,
        created.approver,
        created.approver_name,
    );
    for warning in &created.warnings {
        eprintln!("คำเตือน (warning): {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

fn run_stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::statistics;
    let summary = statistics::stats(&args.root, &args.logs)?;
    print_out(&statistics::stats_text(&summary))?;
    Ok(ExitCode::SUCCESS)
}

fn run_survey(args: SurveyArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::statistics;
    let years = statistics::survey(&args.root, &args.file, args.fiscal_year)?;
    for (fy, respondents, questions) in years {
        print_out(&format!(
            "ปีงบประมาณ (fiscal year) {fy}: ผู้ตอบ (respondents) {respondents}, คำถามให้คะแนน (rating questions) {questions}\n"
        ))?;
    }
    print_out(&format!(
        "บันทึกลงใน (saved in) {}; commit it for approval\n",
        khaosan::statistics::STATISTICS_FILE
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn run_init(args: InitArgs) -> anyhow::Result<ExitCode> {
    use khaosan::commands::init;
    use std::io::IsTerminal as _;
    let mut answers = init::Answers {
        name_th: args.name_th,
        name_en: args.name_en,
        address: args.address,
        address_en: args.address_en,
        phone: args.phone,
        email: args.email,
        domain: args.domain,
        director_name: args.director_name,
        director_email: args.director_email,
        director_id: args.director_id,
        director_title: args.director_title,
        director_github: args.director_github,
        webmaster_name: args.webmaster_name,
        webmaster_email: args.webmaster_email,
        webmaster_id: args.webmaster_id,
    };
    if !args.no_input && std::io::stdin().is_terminal() {
        eprintln!(
            "ตอบคำถาม หรือกด Enter เพื่อเว้นไว้เติมภายหลัง (answer, or press Enter to fill it in later)"
        );
        answers.ask(&mut std::io::stdin().lock(), &mut std::io::stderr());
    }
    let default = init::ToolPin::default();
    let tool = init::ToolPin {
        repo: args.tool_repo,
        commit: args.tool_ref.unwrap_or(default.commit),
        tag: args.tool_tag.unwrap_or(default.tag),
    };
    let done = init::init(&init::InitOptions {
        dir: args.dir.clone(),
        answers,
        tool,
        no_git: args.no_git,
    })?;
    let mut text = String::new();
    for file in &done.files {
        text.push_str(file);
        text.push('\n');
    }
    print_out(&text)?;
    eprintln!(
        "สร้างเว็บไซต์ใหม่แล้ว (new site written): {} ({} files)",
        args.dir.display(),
        done.files.len()
    );
    if let Some(commit) = &done.commit {
        eprintln!(
            "commit แรก (first commit, the trust root): {commit}\n  \
             บันทึกเป็นตัวแปร KHAOSAN_GENESIS ของคลังบน GitHub \
             (record it as the repository variable KHAOSAN_GENESIS: see README.md)"
        );
    }
    if !done.placeholders.is_empty() {
        eprintln!("ยังต้องเติม (still to fill in; khaosan check lists where):");
        for field in &done.placeholders {
            eprintln!("  - {}", field.question());
        }
    }
    eprintln!(
        "ต่อไป (next): cd {} && khaosan check && khaosan compliance",
        args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
#[command(after_help = "ตัวอย่าง (examples):\n  \
    khaosan serve                      # http://127.0.0.1:1111/\n  \
    khaosan serve --preview            # รวมรายการที่ยังไม่เผยแพร่ พร้อมแถบเหตุผล (withheld items too, with a banner)\n  \
    khaosan serve --now 2026-12-01     # เว็บไซต์ ณ วันนั้น (the site as at that day, 00:00 site time)\n\n\
    ไม่อ่านและไม่เขียน public/ (never reads or writes public/); ในโหมด git การแก้ไขที่ยังไม่ merge ถูกตัดสิน\n\
    เหมือนผู้อนุมัติที่ระบุได้ merge แล้ว (in git mode, unmerged edits are judged as if their approver merged them).")]
struct ServeArgs {
    /// โฟลเดอร์ของเว็บไซต์ที่มี site.toml และ content/ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// พอร์ต (port; 0 picks a free one, printed on standard output)
    #[arg(long, default_value_t = 1111, value_name = "N")]
    port: u16,
    /// ที่อยู่ที่รับการเชื่อมต่อ (address to listen on; default: this computer only)
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    bind: String,
    /// เวลาที่ใช้ตัดสินการเผยแพร่ (the clock: 2026-12-01 = 00:00 site time, or 2026-12-01T08:30:00+07:00; default: now)
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// แสดงรายการที่ยังไม่เผยแพร่ด้วย พร้อมแถบบอกเหตุผล (also show withheld items, each under a banner saying why)
    #[arg(long)]
    preview: bool,
}

#[derive(Args)]
#[command(after_help = "ตัวอย่าง (example): khaosan preview --out preview\n\n\
    ไม่ใช่เว็บไซต์จริง: ทุกหน้ามี noindex และเขียนลง public/ ไม่ได้ (not the public site: every page is noindex,\n\
    and public/ or any folder holding build-info.json is refused). Open it with a local web server,\n\
    e.g. python3 -m http.server -d preview, or read the same pages live with khaosan serve --preview.")]
struct PreviewArgs {
    /// โฟลเดอร์ของเว็บไซต์ที่มี site.toml และ content/ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// โฟลเดอร์ตัวอย่าง แยกจาก public/ (the preview folder, never public/)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// เวลาที่ใช้ตัดสินการเผยแพร่ (the clock: 2026-12-01 = 00:00 site time, or RFC 3339; default: now)
    #[arg(long, value_name = "TIME", value_parser = parse_now)]
    now: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// URL ฐานของหน้าตัวอย่าง (base URL of the preview pages; default: /)
    #[arg(long, value_name = "URL", default_value = "/")]
    base_url: String,
}

fn run_preview(args: PreviewArgs) -> anyhow::Result<ExitCode> {
    use khaosan::preview::{PreviewOptions, load_preview};
    let site = load_preview(
        &args.root,
        &PreviewOptions {
            now: args.now.unwrap_or_else(khaosan::dates::now),
            base_url: args.base_url,
            withheld: true,
        },
    )?;
    site.write_to(&args.out, &args.root)?;
    print_out(&format!("{}\n", args.out.display()))?;
    eprintln!(
        "เขียนตัวอย่างแล้ว (preview written): {} ไฟล์ (files), {} รายการเผยแพร่ (live), {} รายการพร้อมแถบ (with a banner)",
        site.len(),
        site.live,
        site.shown.len()
    );
    for shown in &site.shown {
        eprintln!("  {} → {}: {}", shown.path, shown.url, shown.banner);
    }
    for problem in &site.problems {
        eprintln!("  ต้องแก้ไข (to fix): {problem}");
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
struct CompletionsArgs {
    /// shell
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

fn run_serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    khaosan::serve::serve(&khaosan::serve::ServeOptions {
        root: args.root,
        port: args.port,
        bind: args.bind,
        now: args.now,
        preview: args.preview,
    })?;
    Ok(ExitCode::SUCCESS)
}

fn run_completions(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    use clap::CommandFactory as _;
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "khaosan", &mut out);
    print_out(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

fn run_man() -> anyhow::Result<ExitCode> {
    use clap::CommandFactory as _;
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    print_out(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to standard output; a reader that stops early (`khaosan status | head`) is
/// not an error.
fn print_out(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
