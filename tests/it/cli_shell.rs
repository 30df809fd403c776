//! Shell completions, the man page, and `--now` written as a plain day.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use crate::common::{Fixture, item, khaosan_bin};

fn stdout(args: &[&str]) -> String {
    let output = Command::new(khaosan_bin()).args(args).output().unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn completions_know_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&["completions", shell]);
        for command in ["build", "check", "serve", "preview", "new", "completions"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    assert!(stdout(&["completions", "bash"]).contains("--preview"));
}

#[test]
fn the_man_page_is_roff_and_names_the_commands() {
    let page = stdout(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH khaosan"),
        "{page}"
    );
    assert!(page.contains("serve"));
    assert!(page.contains("status"));
}

#[test]
fn now_as_a_plain_day_is_midnight_site_time() {
    let site = Fixture::new(&format!(
        "-- content/news/a.md --\n{}",
        item(
            "ข่าว",
            "approver = \"inchai\"\npublish = 2026-12-01\nexpires = 2027-01-01",
            "x"
        )
    ));
    let status = |now: &str| {
        let output = Command::new(khaosan_bin())
            .args(["status", "--format", "json", "--now", now, "--root"])
            .arg(site.root())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    // 2026-12-01 is 00:00 in Bangkok: the item is live; a minute before it is not.
    assert!(
        status("2026-12-01").contains("\"live\""),
        "{}",
        status("2026-12-01")
    );
    assert!(!status("2026-11-30T23:59:00+07:00").contains("\"state\": \"live\""));
    let output = Command::new(khaosan_bin())
        .args(["status", "--now", "2569-12-01", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("2026-12-01"));
}
