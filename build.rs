//! Embeds `themes/default/` into the binary, so any site (one without a
//! `themes/` folder, such as a generated corpus) builds with the default theme.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let theme = Path::new(&manifest).join("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    if theme.is_dir() {
        collect(&theme, &theme, &mut files);
    }
    files.sort();
    let mut code = String::from("pub(super) static FILES: &[(&str, &[u8])] = &[\n");
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={abs}");
        writeln!(code, "    ({rel:?}, include_bytes!({abs:?})),").expect("writing to a String");
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
    git_commit(&manifest);
}

/// The commit khaosan is built from, for `khaosan --version` and `build-info.json`:
/// `KHAOSAN_BUILD_COMMIT` when set (the composite action sets it: its checkout has no
/// `.git`), else `git rev-parse HEAD`, else "unknown".
fn git_commit(manifest: &str) {
    println!("cargo:rerun-if-env-changed=KHAOSAN_BUILD_COMMIT");
    let git = |args: &[&str]| -> Option<String> {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(manifest)
            .output()
            .ok()?;
        let text = String::from_utf8(output.stdout).ok()?.trim().to_string();
        (output.status.success() && !text.is_empty()).then_some(text)
    };
    let from_env = std::env::var("KHAOSAN_BUILD_COMMIT")
        .ok()
        .map(|c| c.trim().to_string())
        .filter(|c| {
            !c.is_empty()
                && c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '_'))
        });
    let full = from_env.or_else(|| git(&["rev-parse", "HEAD"]));
    let full = full.unwrap_or_else(|| "unknown".to_string());
    // A full commit id is shortened for display; a tag name is shown as it is.
    let short: String = if full.len() == 40 && full.chars().all(|c| c.is_ascii_hexdigit()) {
        full.chars().take(7).collect()
    } else {
        full.clone()
    };
    println!("cargo:rustc-env=KHAOSAN_COMMIT={full}");
    println!("cargo:rustc-env=KHAOSAN_COMMIT_SHORT={short}");
    // Rebuild when HEAD moves, watching only files that exist: a missing file would
    // make cargo rerun this script on every build. HEAD changes on checkout; the
    // branch's ref file (or packed-refs) changes on commit.
    let mut watched = Vec::new();
    if let Some(head) = git(&["rev-parse", "--path-format=absolute", "--git-path", "HEAD"]) {
        watched.push(head);
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(r) = git(&["rev-parse", "--path-format=absolute", "--git-path", &branch])
    {
        watched.push(r);
    }
    if let Some(packed) = git(&[
        "rev-parse",
        "--path-format=absolute",
        "--git-path",
        "packed-refs",
    ]) {
        watched.push(packed);
    }
    for path in watched {
        if Path::new(&path).is_file() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect(root, &path, files);
        } else if kind.is_file() {
            let rel = path.strip_prefix(root).expect("walked below root");
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push((rel, path.to_string_lossy().into_owned()));
        }
    }
}
