//! What one signature check costs, for `bench/signatures.sh`: verifies real
//! commits signed by GitHub's web-flow keys (RSA, OpenPGP) and a commit signed
//! here with an ed25519 SSH key, many times each, and prints the time per check.
//!
//!   cargo run --release --example signature_cost [N]
//!
//! The time of each kind is the fastest of several batches, so that other work
//! on the machine inflates it as little as possible.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use khaosan::registry::Registry;
use khaosan::source::git::signature::{Signature, Signed, judge};

const MERGE: &[u8] = include_bytes!("../tests/fixtures/web-flow-commits/zola-merge-dabb03c.commit");
const OLD_KEY_MERGE: &[u8] =
    include_bytes!("../tests/fixtures/web-flow-commits/zola-merge-39bfbcd-oldkey.commit");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let dir = tempfile::tempdir().unwrap();
    let repo = git2::Repository::init_bare(dir.path().join("repo.git")).unwrap();
    let read = |raw: &[u8]| {
        let id = repo
            .odb()
            .unwrap()
            .write(git2::ObjectType::Commit, raw)
            .unwrap();
        let (signature, data) = repo.extract_signature(&id, None).unwrap();
        Signed {
            signature: signature.to_vec(),
            data: data.to_vec(),
        }
    };
    let (ssh, registry) = ssh_signed(dir.path());
    let cases = [
        ("web-flow merge, current key (RSA, OpenPGP)", read(MERGE)),
        (
            "web-flow merge, expired key (RSA, OpenPGP)",
            read(OLD_KEY_MERGE),
        ),
        ("ssh-ed25519 signature", ssh),
    ];
    let started = Instant::now();
    let _ = judge(Some(&cases[0].1), &Registry::default());
    println!(
        "first check, reading the built-in web-flow keys: {:.2} ms",
        started.elapsed().as_secs_f64() * 1e3
    );
    for (label, signed) in &cases {
        let verdict = judge(Some(signed), &registry);
        assert!(
            matches!(verdict, Signature::ByMergeService | Signature::ByPerson(_)),
            "{label}: {verdict:?}"
        );
        let mut best = f64::MAX;
        for _ in 0..5 {
            let started = Instant::now();
            for _ in 0..n / 5 {
                std::hint::black_box(judge(Some(signed), &registry));
            }
            best = best.min(started.elapsed().as_secs_f64() / (n / 5) as f64);
        }
        println!(
            "{label:<46} {:>8.1} µs per check; {n} checks: {:.3} s",
            best * 1e6,
            best * n as f64
        );
    }
}

/// A commit-like text signed with a fresh ed25519 key by ssh-keygen, and a
/// registry in which that key is the director's.
fn ssh_signed(dir: &Path) -> (Signed, Registry) {
    let key = dir.join("key");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "bench", "-f"])
        .arg(&key)
        .status()
        .expect("ssh-keygen runs");
    assert!(made.success());
    let data = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor I <i@x> 1 +0700\ncommitter I <i@x> 1 +0700\n\nm\n";
    let file = dir.join("data");
    std::fs::write(&file, data).unwrap();
    let signed = Command::new("ssh-keygen")
        .args(["-q", "-Y", "sign", "-n", "git", "-f"])
        .arg(&key)
        .arg(&file)
        .status()
        .expect("ssh-keygen runs");
    assert!(signed.success());
    let signature = std::fs::read(dir.join("data.sig")).unwrap();
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    let registry = Registry::parse(&format!(
        "require_signatures = true\n[[person]]\nid = \"inchai\"\nname = \"I\"\nroles = [\"approver\"]\n\
         emails = [\"i@x\"]\nsigning_keys = [\"{}\"]\n",
        public.trim()
    ))
    .unwrap();
    (
        Signed {
            signature,
            data: data.to_vec(),
        },
        registry,
    )
}
