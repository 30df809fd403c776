//! The publish workflow's build steps, run locally: a fresh clone with full history
//! of a small site, built by `.github/scripts/build-site.sh` with a prebuilt binary.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{Fixture, INCHAI, git_in, item, khaosan_bin};

const NOW: &str = "2026-06-01T00:05:00+07:00";
const SCRIPT: &str = ".github/scripts/build-site.sh";
const WORKFLOW: &str = ".github/workflows/publish.yml";

fn project_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// A repository with two commits on `main`: a site, then a scheduled item.
fn origin() -> Fixture {
    let site = Fixture::new(&format!(
        "-- content/news/live.md --\n{}\n-- content/news/old.md --\n{}",
        item(
            "ข่าวปัจจุบัน",
            "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
            "x"
        ),
        item(
            "CANARY-EXPIRED",
            "approver = \"inchai\"\npublish = 2026-01-01\nexpires = 2026-06-01",
            "x"
        ),
    ));
    for file in [SCRIPT, WORKFLOW] {
        let text = std::fs::read_to_string(project_file(file)).unwrap();
        site.write(file, &text);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let script = site.root().join(SCRIPT);
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let root = site.root();
    let when = "2026-05-01T09:00:00+07:00";
    git_in(&root, &INCHAI, when, &["init", "-q", "-b", "main"]);
    git_in(&root, &INCHAI, when, &["add", "-A"]);
    git_in(&root, &INCHAI, when, &["commit", "-qm", "site"]);
    site.write(
        "content/news/next.md",
        &item(
            "ข่าวพรุ่งนี้",
            "approver = \"inchai\"\npublish = 2026-06-02T08:30:00+07:00\nexpires = 2026-12-31",
            "x",
        ),
    );
    git_in(&root, &INCHAI, when, &["add", "-A"]);
    git_in(&root, &INCHAI, when, &["commit", "-qm", "scheduled item"]);
    site
}

/// `actions/checkout` with `fetch-depth: 0`: a fresh clone with every commit.
fn fresh_clone(origin: &Fixture) -> PathBuf {
    let clone = origin.dir.path().join("checkout");
    let url = format!("file://{}", origin.root().display());
    let output = Command::new("git")
        .args(["clone", "-q", &url])
        .arg(&clone)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    clone
}

/// The "Build the site" step: the script with the step's environment.
fn build_step(clone: &Path, out: &str, summary: &Path) -> Output {
    Command::new("bash")
        .arg(SCRIPT)
        .current_dir(clone)
        .env("KHAOSAN", khaosan_bin())
        .env("OUT", out)
        .env("BASE_URL", "https://office.github.io/site")
        .env("GENESIS", "")
        .env("NOW", NOW)
        .env("GITHUB_STEP_SUMMARY", summary)
        .env_remove("BRANCH")
        .output()
        .unwrap()
}

#[test]
fn the_workflow_builds_with_the_script_the_test_runs() {
    let workflow = std::fs::read_to_string(project_file(WORKFLOW)).unwrap();
    for needle in [
        "fetch-depth: 0",
        "run: .github/scripts/build-site.sh",
        "OUT: public",
        "BASE_URL: ${{ steps.pages.outputs.base_url }}",
        "path: .khaosan/report.json",
        "path: public",
        "GENESIS: ${{ vars.KHAOSAN_GENESIS }}",
        "PREVIOUS: ${{ steps.live.outputs.commit }}",
    ] {
        assert!(
            workflow.contains(needle),
            "publish.yml no longer has `{needle}`"
        );
    }
}

#[test]
fn build_steps_in_a_fresh_clone_publish_the_site_and_build_info() {
    let origin = origin();
    let clone = fresh_clone(&origin);
    let shallow = git_in(
        &clone,
        &INCHAI,
        NOW,
        &["rev-parse", "--is-shallow-repository"],
    );
    assert_eq!(shallow, "false");
    assert_eq!(
        git_in(&clone, &INCHAI, NOW, &["rev-list", "--count", "HEAD"]),
        "2"
    );
    let head = git_in(&clone, &INCHAI, NOW, &["rev-parse", "HEAD"]);

    let summary = origin.dir.path().join("step-summary.md");
    let output = build_step(&clone, "public", &summary);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("สร้างเว็บไซต์เสร็จ (site built)"), "{stdout}");

    // What the "Package the site" and "Keep the decision report" steps upload.
    let public = clone.join("public");
    let page = std::fs::read_to_string(public.join("news/live/index.html")).unwrap();
    assert!(page.contains("ข่าวปัจจุบัน"));
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml"))
        .unwrap()
        .replace("&#x2F;", "/");
    assert!(
        sitemap.contains("<loc>https://office.github.io/site/news/live/</loc>"),
        "BASE_URL from the Pages step is used, with its trailing slash added: {sitemap}"
    );
    assert!(!public.join("news/old").exists());
    assert!(clone.join(".khaosan/report.json").is_file());

    let info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(public.join("build-info.json")).unwrap())
            .unwrap();
    assert_eq!(info["commit"], head.as_str());
    assert_eq!(info["branch"], "main");
    assert_eq!(info["built_at"], "2026-06-01T00:05:00+07:00");
    assert_eq!(info["next_change"], "2026-06-02T08:00:00+07:00");
    assert_eq!(info["live"], 1);
    assert!(info.get("withheld").is_none());
    assert_eq!(info["trust"], "front-matter");
    assert!(
        !std::fs::read_to_string(public.join("build-info.json"))
            .unwrap()
            .contains("CANARY")
    );

    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("## khaosan build\n\n```text\n"), "{text}");
    assert!(
        text.contains("เปลี่ยนครั้งถัดไป (next change): 2026-06-02T08:30:00+07:00"),
        "{text}"
    );
}

#[test]
fn with_a_genesis_the_build_step_requires_verification() {
    let origin = origin();
    let clone = fresh_clone(&origin);
    let first = git_in(
        &clone,
        &INCHAI,
        NOW,
        &["rev-list", "--max-parents=0", "HEAD"],
    );
    let summary = origin.dir.path().join("step-summary.md");
    let output = Command::new("bash")
        .arg(SCRIPT)
        .current_dir(&clone)
        .env("KHAOSAN", khaosan_bin())
        .env("OUT", "public")
        .env("GENESIS", &first)
        .env("PREVIOUS", &first)
        .env("NOW", NOW)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env_remove("BRANCH")
        .output()
        .unwrap();
    // This history never turned verify_git on: --require-verify refuses it.
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("does not say verify_git = true"), "{err}");
    assert!(!clone.join("public").exists());
}

#[test]
fn a_failed_build_step_fails_and_leaves_the_last_site() {
    let origin = origin();
    let clone = fresh_clone(&origin);
    let summary = origin.dir.path().join("step-summary.md");
    assert!(build_step(&clone, "public", &summary).status.success());
    let before = std::fs::read(clone.join("public/build-info.json")).unwrap();

    // An output folder khaosan must refuse: the site's own content.
    let output = build_step(&clone, "content/out", &summary);
    assert!(!output.status.success(), "the step must fail");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("is inside content/"), "{err}");
    assert_eq!(
        std::fs::read(clone.join("public/build-info.json")).unwrap(),
        before
    );
    assert!(!clone.join("content/out").exists());
    let text = std::fs::read_to_string(&summary).unwrap();
    assert_eq!(
        text.matches("## khaosan build").count(),
        2,
        "each run adds its summary"
    );
}

#[test]
fn a_missing_binary_is_named() {
    let origin = origin();
    let clone = fresh_clone(&origin);
    let output = Command::new("bash")
        .arg(SCRIPT)
        .current_dir(&clone)
        .env("KHAOSAN", "no/such/khaosan")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("KHAOSAN=no/such/khaosan is not an executable file")
    );
}

/// The hourly gate: rebuild only for a new commit or when `next_change` has come.
#[test]
fn hourly_gate_rebuilds_only_when_a_change_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let info = dir.path().join("build-info.json");
    let gate = |commit: &str, now: &str| -> String {
        let output = Command::new("bash")
            .arg(project_file(".github/scripts/change-due.sh"))
            .arg(&info)
            .args([commit, now])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap().trim().to_string()
    };
    assert_eq!(
        gate("abc", "2026-06-02T08:00:00+07:00"),
        "due=true",
        "no live site yet"
    );
    std::fs::write(
        &info,
        r#"{"commit": "abc", "next_change": "2026-06-02T08:30:00+07:00"}"#,
    )
    .unwrap();
    assert_eq!(gate("abc", "2026-06-02T08:29:59+07:00"), "due=false");
    assert_eq!(
        gate("abc", "2026-06-02T01:30:00Z"),
        "due=true",
        "08:30 Bangkok has come"
    );
    assert_eq!(
        gate("def", "2026-06-02T08:00:00+07:00"),
        "due=true",
        "main moved on"
    );
    std::fs::write(&info, r#"{"commit": "abc", "next_change": null}"#).unwrap();
    assert_eq!(gate("abc", "2030-01-01T00:00:00+07:00"), "due=false");
    let workflow = std::fs::read_to_string(project_file(WORKFLOW)).unwrap();
    assert!(
        workflow.contains(".github/scripts/change-due.sh"),
        "the workflow uses the gate"
    );
}
