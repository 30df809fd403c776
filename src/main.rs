//! The `khaosan` command: parses the command line and calls the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use khaosan::build::{BuildOptions, build, summary};
use khaosan::source::LoadOptions;

#[derive(Parser)]
#[command(
    name = "khaosan",
    version,
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
    /// ตรวจความครบถ้วนตามรายการมาตรฐาน (Check completeness against checklist.toml)
    Compliance(ComplianceArgs),
    /// รายงานผลการกำกับติดตามต่อผู้บริหาร (Monitoring report for the executives)
    Report(ReportArgs),
}

#[derive(Args)]
struct SiteArgs {
    /// โฟลเดอร์ของเว็บไซต์ที่มี site.toml และ content/ (the site's folder)
    #[arg(long, default_value = ".", value_name = "DIR")]
    root: PathBuf,
    /// เวลาที่ใช้ตัดสินการเผยแพร่ แบบ RFC 3339 (the clock, e.g. 2026-06-01T12:00:00+07:00; default: now)
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

fn parse_now(text: &str) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    khaosan::dates::parse_now(text)
}

impl SiteArgs {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            branch: self.branch.clone(),
            genesis: self.genesis.clone(),
            trust_front_matter: self.trust_front_matter,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => run_build(args),
        Command::Compliance(args) => run_compliance(args),
        Command::Report(args) => run_report(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("ผิดพลาด (error): {err:#}");
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
    println!("{}", summary(&outcome));
    Ok(ExitCode::SUCCESS)
}

fn run_compliance(args: ComplianceArgs) -> anyhow::Result<ExitCode> {
    use khaosan::compliance;
    let now = args.site.now.unwrap_or_else(khaosan::dates::now);
    let loaded = khaosan::build::load_and_decide(&args.site.root, &args.site.load_options(), now)?;
    let checklist = khaosan::checklist::Checklist::from_snapshot(&loaded.snapshot)?;
    let tz = loaded.config.tz()?;
    let result = compliance::evaluate(
        &checklist,
        &compliance::live_instances(&loaded.report),
        now,
        tz,
    );
    let text = match args.format {
        ComplianceFormat::Table => compliance::table(&result, &checklist, tz),
        ComplianceFormat::Md => compliance::markdown(&result, &checklist, tz),
        ComplianceFormat::Json => serde_json::to_string_pretty(&result)? + "\n",
    };
    print!("{text}");
    Ok(ExitCode::SUCCESS)
}

fn run_report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    use khaosan::monitoring::{Round, monitor};
    let now = args.site.now.unwrap_or_else(khaosan::dates::now);
    let loaded = khaosan::build::load_and_decide(&args.site.root, &args.site.load_options(), now)?;
    let checklist = khaosan::checklist::Checklist::from_snapshot(&loaded.snapshot)?;
    let tz = loaded.config.tz()?;
    let round = match (args.from, args.to) {
        (Some(from), Some(to)) => Round::between(from, to, tz)?,
        _ => Round::latest_completed(&checklist.monitoring.cutoffs, now, tz)?,
    };
    let report = monitor(&loaded, &checklist, round, tz);
    let text = match args.format {
        ReportFormat::Md => report.markdown(tz),
        ReportFormat::Csv => report.csv(),
        ReportFormat::Html => report.html(tz),
        ReportFormat::Json => serde_json::to_string_pretty(&report)? + "\n",
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, text)
                .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", path.display()))?;
            eprintln!("เขียนรายงานแล้ว (report written) → {}", path.display());
        }
        None if args.format == ReportFormat::Html => {
            anyhow::bail!("--format html writes a printable file: add --output report.html")
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
