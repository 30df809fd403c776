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
