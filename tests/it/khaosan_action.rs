//! The composite action `.github/actions/khaosan` and the office's publish workflow,
//! run locally: the action's steps with a binary built earlier (a cache hit, and a
//! first run with a stand-in for `cargo install`), then the workflow's build step in a
//! fresh clone of a site made by `khaosan init`.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::khaosan_bin;

const ACTION: &str = ".github/actions/khaosan/action.yml";
const INSTALL: &str = ".github/actions/khaosan/install.sh";
const TOOL_REF: &str = "0123456789abcdef0123456789abcdef01234567";

fn project_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn shown(output: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `key=value` lines of a `$GITHUB_OUTPUT` file.
fn outputs(file: &Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_to_string(file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// One step of the action: `install.sh key|install` with the runner's files.
fn step(work: &Path, what: &str, env: &[(&str, &str)]) -> Output {
    let mut command = Command::new("bash");
    command
        .arg(project_file(INSTALL))
        .arg(what)
        .current_dir(work)
        .env("GITHUB_OUTPUT", work.join("github-output"))
        .env("GITHUB_PATH", work.join("github-path"))
        .env("RUNNER_OS", "Linux")
        .env("RUNNER_TEMP", work)
        .env("KHAOSAN_ACTION_REF", TOOL_REF);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

#[test]
fn the_action_caches_the_binary_it_builds_from_its_own_commit() {
    let action = std::fs::read_to_string(project_file(ACTION)).unwrap();
    for needle in [
        "using: composite",
        "uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5",
        "path: ${{ steps.key.outputs.dir }}",
        "key: ${{ steps.key.outputs.key }}",
        r#"run: '"$GITHUB_ACTION_PATH/install.sh" key'"#,
        r#"run: '"$GITHUB_ACTION_PATH/install.sh" install'"#,
        "KHAOSAN_ACTION_REF: ${{ github.action_ref }}",
    ] {
        assert!(action.contains(needle), "action.yml lacks `{needle}`");
    }
    let script = std::fs::read_to_string(project_file(INSTALL)).unwrap();
    assert!(
        script.contains(r#"--path "$tool""#),
        "builds the action's own checkout"
    );
}

#[test]
fn action_steps_restore_or_build_khaosan_and_put_it_on_path() {
    let work = tempfile::tempdir().unwrap();
    let work = work.path();

    // Step 1: the cache key names the version and the sources.
    let key = step(work, "key", &[]);
    assert!(key.status.success(), "{}", shown(&key));
    let out = outputs(&work.join("github-output"));
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        out["key"].starts_with(&format!("khaosan-Linux-{version}-")),
        "{out:?}"
    );
    assert_eq!(
        out["key"].len(),
        format!("khaosan-Linux-{version}-").len() + 16
    );
    let dir = PathBuf::from(&out["dir"]);
    assert!(dir.starts_with(work));
    assert_eq!(
        PathBuf::from(&out["scripts"]).canonicalize().unwrap(),
        project_file(".github/scripts").canonicalize().unwrap()
    );
    let again = step(work, "key", &[]);
    assert!(again.status.success());
    let keys: Vec<String> = std::fs::read_to_string(work.join("github-output"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("key="))
        .map(str::to_string)
        .collect();
    assert_eq!(keys[0], keys[1], "the key is stable");

    // Step 3, first run of this version: `cargo install` of the tool (a stand-in that
    // records its arguments and installs the binary built earlier).
    let fake = work.join("fake-cargo.sh");
    std::fs::write(
        &fake,
        format!(
            "#!/usr/bin/env bash\nset -e\necho \"$@\" > '{log}'\necho \"$KHAOSAN_BUILD_COMMIT\" >> '{log}'\n\
             while [[ $# -gt 0 ]]; do if [[ $1 == --root ]]; then root=$2; fi; shift; done\n\
             mkdir -p \"$root/bin\"\ncp '{bin}' \"$root/bin/khaosan\"\n",
            log = work.join("cargo-args").display(),
            bin = khaosan_bin().display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let dir_text = dir.to_str().unwrap();
    let fake_text = fake.to_str().unwrap();
    let first = step(
        work,
        "install",
        &[("KHAOSAN_DIR", dir_text), ("CARGO", fake_text)],
    );
    let log = shown(&first);
    assert!(first.status.success(), "{log}");
    assert!(log.contains("building from"), "{log}");
    let args = std::fs::read_to_string(work.join("cargo-args")).unwrap();
    let tool = project_file(".").canonicalize().unwrap();
    assert!(
        args.starts_with(&format!(
            "install --locked --path {} --root {dir_text} --force\n",
            tool.display()
        )),
        "{args}"
    );
    assert!(
        args.ends_with(&format!("{TOOL_REF}\n")),
        "the commit is recorded: {args}"
    );
    let path = std::fs::read_to_string(work.join("github-path")).unwrap();
    assert_eq!(path, format!("{}/bin\n", dir_text));
    assert_eq!(
        outputs(&work.join("github-output"))["version"],
        format!("khaosan {}", khaosan::VERSION)
    );

    // Step 3 again, after actions/cache restored the folder: nothing is built.
    std::fs::remove_file(work.join("cargo-args")).unwrap();
    let cached = step(
        work,
        "install",
        &[("KHAOSAN_DIR", dir_text), ("CARGO", fake_text)],
    );
    assert!(cached.status.success(), "{}", shown(&cached));
    assert!(shown(&cached).contains("using the cached binary"));
    assert!(!work.join("cargo-args").exists(), "cargo was not run");
}

/// The `run: |` block of the step named `name` in a workflow, dedented.
fn run_block(workflow: &str, name: &str) -> String {
    let mut lines = workflow
        .lines()
        .skip_while(|l| l.trim() != format!("- name: {name}"));
    lines.next().expect("the step exists");
    let mut block = String::new();
    let mut inside = false;
    for line in lines {
        if inside {
            if !line.trim().is_empty() && !line.starts_with("          ") {
                break;
            }
            block.push_str(line.get(10..).unwrap_or(""));
            block.push('\n');
        } else if line.trim() == "run: |" {
            inside = true;
        }
    }
    block
}

#[test]
fn the_office_build_step_publishes_with_the_installed_khaosan() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    let init = Command::new(khaosan_bin())
        .args(["init", "origin", "--no-input", "--tool-ref", TOOL_REF])
        .args(["--name-th", "สำนักงานทดสอบ", "--name-en", "Test Office"])
        .args(["--domain", "www.test-office.go.th"])
        .args(["--webmaster-name", "Web Master", "--webmaster-email"])
        .arg("web@test-office.go.th")
        .current_dir(work)
        .stdin(Stdio::null())
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(init.status.success(), "{}", shown(&init));

    // actions/checkout with fetch-depth: 0.
    let clone = work.join("checkout");
    let git = |args: &[&str], dir: &Path| {
        let output = Command::new("git")
            .args(args)
            .current_dir(dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", shown(&output));
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    };
    let url = format!("file://{}", work.join("origin").display());
    git(&["clone", "-q", &url, clone.to_str().unwrap()], work);
    let genesis = git(&["rev-list", "--max-parents=0", "HEAD"], &clone);

    // The action put khaosan's folder on PATH; the step finds it there.
    let bin_dir = work.join("khaosan-bin/bin");
    std::fs::create_dir_all(&bin_dir).unwrap();
    std::fs::copy(khaosan_bin(), bin_dir.join("khaosan")).unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );

    let workflow = std::fs::read_to_string(clone.join(".github/workflows/publish.yml")).unwrap();
    let script = run_block(&workflow, "Build the site");
    assert!(script.contains("--genesis"), "{script}");
    let summary = work.join("step-summary.md");
    let output = Command::new("bash")
        .arg("-e")
        .arg("-c")
        .arg(&script)
        .current_dir(&clone)
        .env("PATH", &path)
        .env("BASE_URL", "https://office.github.io/site")
        .env("GENESIS", &genesis)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}\n{script}", shown(&output));

    let info: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(clone.join("public/build-info.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(info["trust"], "git");
    assert_eq!(info["commit"], genesis.as_str());
    assert_eq!(info["khaosan_version"], khaosan::VERSION);
    let sitemap = std::fs::read_to_string(clone.join("public/sitemap.xml"))
        .unwrap()
        .replace("&#x2F;", "/");
    assert!(
        sitemap.contains("<loc>https://office.github.io/site/</loc>"),
        "{sitemap}"
    );
    assert!(clone.join(".khaosan/report.json").is_file());
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.starts_with("## khaosan build\n\n```text\n"), "{text}");
    assert!(text.contains("สร้างเว็บไซต์เสร็จ (site built)"), "{text}");
    assert!(text.contains(&format!("khaosan:               {}", khaosan::VERSION)));
    assert!(text.trim_end().ends_with("```"), "{text}");

    // A trust root that is not on the history fails the step; nothing is replaced.
    let before = std::fs::read(clone.join("public/build-info.json")).unwrap();
    let failed = Command::new("bash")
        .arg("-e")
        .arg("-c")
        .arg(&script)
        .current_dir(&clone)
        .env("PATH", &path)
        .env("BASE_URL", "")
        .env("GENESIS", "1111111111111111111111111111111111111111")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert!(!failed.status.success(), "{}", shown(&failed));
    assert_eq!(
        std::fs::read(clone.join("public/build-info.json")).unwrap(),
        before
    );
}
