//! Signed approvals (`require_signatures = true`): real repositories whose commits
//! are signed with real keys made in the test (ssh-keygen, and an OpenPGP key made
//! with rPGP), one scenario per test. Forged authors never reach the output.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{APPROVERS_TOML, Fixture, INCHAI, WASANA, Who, item};
use khaosan::build::BuildOutcome;
use khaosan::decide::Decision;

const NOW: &str = "2026-06-01T12:00:00+07:00";
const A: &str = "content/news/a.md";

/// The director as GitHub records them when they merge in the web interface with
/// their e-mail kept private.
const INCHAI_WEB: Who = Who {
    name: "Inchai",
    email: "1001+inchai@users.noreply.github.com",
};

/// Someone else's key, registered for nobody.
const STRANGER: &str = "stranger";

/// Keys made for one test: the director's, a staff member's, the test's merge
/// service's (standing in for GitHub's web-flow) and a stranger's.
struct Keys {
    dir: tempfile::TempDir,
}

impl Keys {
    fn new() -> Keys {
        let keys = Keys {
            dir: tempfile::tempdir().unwrap(),
        };
        for name in ["inchai", "wasana", "web", STRANGER] {
            let out = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f"])
                .arg(keys.path(name))
                .output()
                .expect("ssh-keygen runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        keys
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The public key line, as the registry holds it.
    fn public(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name).with_extension("pub"))
            .unwrap()
            .trim()
            .to_string()
    }
}

/// The registry: inchai (approver, own key, office and no-reply addresses),
/// wasana (staff, own key) and the test's merge-service key.
fn registry(keys: &Keys, require: bool, extra_inchai_key: Option<&str>) -> String {
    let require = if require {
        "require_signatures = true\n"
    } else {
        ""
    };
    let mut inchai_keys = vec![toml_string(&keys.public("inchai"))];
    inchai_keys.extend(extra_inchai_key.map(toml_string));
    let people = APPROVERS_TOML
        .replace(
            "emails = [\"inchai@office.example\"]",
            &format!(
                "emails = [\"inchai@office.example\", \"{}\"]\nsigning_keys = [{}]",
                INCHAI_WEB.email,
                inchai_keys.join(", ")
            ),
        )
        .replace(
            "emails = [\"wasana@office.example\"]",
            &format!(
                "emails = [\"wasana@office.example\"]\nsigning_keys = [{}]",
                toml_string(&keys.public("wasana"))
            ),
        );
    format!(
        "verify_git = true\n{require}{people}\n[merge_service]\nkeys = [{}]\n",
        toml_string(&keys.public("web"))
    )
}

/// A TOML multi-line literal string (keys hold no `'''`).
fn toml_string(text: &str) -> String {
    format!("'''\n{text}'''")
}

/// The `n`th minute of the history's day.
fn at(n: u32) -> String {
    format!("2026-05-01T{:02}:{:02}:00+07:00", 9 + n / 60, n % 60)
}

fn news(text: &str) -> String {
    item(
        text,
        "approver = \"inchai\"\npublish = 2026-05-01\nexpires = 2026-12-31",
        text,
    )
}

/// A site whose first commit turns verification (and signatures) on.
fn site(keys: &Keys, require: bool, extra_inchai_key: Option<&str>) -> Fixture {
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}",
        registry(keys, require, extra_inchai_key)
    ));
    site.git(&INCHAI, &at(0), &["init", "-q", "-b", "main"]);
    site.git(&INCHAI, &at(1), &["add", "-A"]);
    site.git(&INCHAI, &at(1), &["commit", "-q", "-m", "Start the site"]);
    site
}

/// `git args` as `who`, signing with SSH key `key` when given.
fn git(site: &Fixture, who: &Who, minute: u32, key: Option<&Path>, args: &[&str]) -> String {
    let mut all: Vec<String> = Vec::new();
    if let Some(key) = key {
        all.extend([
            "-c".into(),
            "gpg.format=ssh".into(),
            "-c".into(),
            format!("user.signingkey={}", key.display()),
        ]);
    }
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    site.git(who, &at(minute), &all)
}

/// `author` commits `text` as item A on the current branch, signed with `key`.
fn commit(site: &Fixture, author: &Who, minute: u32, key: Option<&Path>, text: &str) {
    site.write(A, &news(text));
    git(site, author, minute, None, &["add", "-A"]);
    let sign = if key.is_some() { "-S" } else { "--no-gpg-sign" };
    git(
        site,
        author,
        minute,
        key,
        &["commit", "-q", sign, "-m", "Change a"],
    );
}

/// A pull request by wasana, merged into main by `merger` with a merge commit
/// signed with `key` (as GitHub's web interface signs with its web-flow key).
fn web_merge(site: &Fixture, merger: &Who, key: Option<&Path>, text: &str) {
    git(site, &WASANA, 10, None, &["checkout", "-q", "-b", "pr"]);
    commit(site, &WASANA, 10, None, text);
    git(site, merger, 11, None, &["checkout", "-q", "main"]);
    let sign = if key.is_some() { "-S" } else { "--no-gpg-sign" };
    git(
        site,
        merger,
        12,
        key,
        &[
            "merge",
            "-q",
            "--no-ff",
            sign,
            "-m",
            "Merge pull request #1",
            "pr",
        ],
    );
}

fn decision<'a>(outcome: &'a BuildOutcome, path: &str) -> &'a Decision {
    outcome
        .report
        .decisions
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("no decision for {path}"))
}

/// Everything the build said: the withholding reason and every notice.
fn said(outcome: &BuildOutcome) -> String {
    let mut text: Vec<String> = outcome
        .report
        .notices
        .iter()
        .map(|n| n.message.clone())
        .collect();
    if let Some(reason) = decision(outcome, A).reason() {
        text.push(reason.explain());
    }
    text.join("\n")
}

/// Builds and checks that the canary is withheld everywhere, and that the build
/// said `expected` about it.
fn assert_withheld(site: &Fixture, canary: &str, expected: &str) {
    let outcome = site.build(NOW);
    assert!(!decision(&outcome, A).is_live(), "{canary} went live");
    site.assert_nowhere(canary);
    let said = said(&outcome);
    assert!(said.contains(expected), "expected «{expected}» in:\n{said}");
}

/// Builds and checks that `text` is live, approved by inchai, with a signed approval.
fn assert_published(site: &Fixture, text: &str, signed: bool) {
    let outcome = site.build(NOW);
    let d = decision(&outcome, A);
    assert!(d.is_live(), "{text} withheld: {}", said(&outcome));
    assert!(site.output("news/a/index.html").unwrap().contains(text));
    let approval = d.approval.clone().unwrap();
    assert_eq!(approval.approver, "inchai");
    let expected = if signed {
        khaosan::source::Signature::Signed
    } else {
        khaosan::source::Signature::NotChecked
    };
    assert_eq!(approval.signature, expected);
    assert_eq!(
        serde_json::to_value(&approval).unwrap()["signature"],
        if signed { "signed" } else { "not-checked" }
    );
    // `khaosan status` and the publication record say the same.
    let mut options = khaosan::commands::status::StatusOptions::new(site.root());
    options.now = Some(khaosan::dates::parse_now(NOW).unwrap());
    let status = khaosan::commands::status::status(&options).unwrap();
    let item = status.items.iter().find(|i| i.path == A).unwrap();
    assert_eq!(item.signed, Some(signed));
    let record = site.output("records/news/a/index.html").unwrap();
    assert_eq!(record.contains("(signed, verified)"), signed);
}

// --- attacks -----------------------------------------------------------------

#[test]
fn forged_author_unsigned_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    // wasana writes the director's e-mail as the author and pushes.
    commit(&site, &INCHAI, 5, None, "CANARY-UNSIGNED");
    assert_withheld(&site, "CANARY-UNSIGNED", "ไม่มีลายมือชื่อดิจิทัล / unsigned");
}

#[test]
fn staff_key_with_the_directors_email_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    commit(
        &site,
        &INCHAI,
        5,
        Some(&keys.path("wasana")),
        "CANARY-STAFF-KEY",
    );
    assert_withheld(&site, "CANARY-STAFF-KEY", "signed with the key of wasana");
}

#[test]
fn unregistered_key_with_the_directors_email_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    commit(
        &site,
        &INCHAI,
        5,
        Some(&keys.path(STRANGER)),
        "CANARY-STRANGER",
    );
    assert_withheld(
        &site,
        "CANARY-STRANGER",
        "ลายมือชื่อไม่ถูกต้อง / bad signature: signed with SSH key SHA256:",
    );
}

#[test]
fn rebased_commit_signed_by_the_merge_service_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    // "Rebase and merge": the commit lands with one parent, the director's
    // no-reply address as author, signed by the merge service.
    commit(
        &site,
        &INCHAI_WEB,
        5,
        Some(&keys.path("web")),
        "CANARY-REBASED",
    );
    assert_withheld(&site, "CANARY-REBASED", "not a merge commit");
}

#[test]
fn web_merge_with_the_office_address_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    web_merge(
        &site,
        &INCHAI,
        Some(&keys.path("web")),
        "CANARY-OFFICE-ADDRESS",
    );
    assert_withheld(
        &site,
        "CANARY-OFFICE-ADDRESS",
        "not a GitHub no-reply address registered for inchai",
    );
}

#[test]
fn directors_key_on_a_commit_authored_by_staff_is_withheld() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    commit(
        &site,
        &WASANA,
        5,
        Some(&keys.path("inchai")),
        "CANARY-DIRECTOR-KEY",
    );
    assert_withheld(&site, "CANARY-DIRECTOR-KEY", "who is not an approver");
}

#[test]
fn unsigned_web_merge_is_withheld_and_the_approved_version_stays() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    commit(
        &site,
        &INCHAI,
        5,
        Some(&keys.path("inchai")),
        "APPROVED-FIRST",
    );
    web_merge(&site, &INCHAI_WEB, None, "CANARY-UNSIGNED-MERGE");
    let outcome = site.build(NOW);
    assert!(decision(&outcome, A).is_live());
    assert!(
        site.output("news/a/index.html")
            .unwrap()
            .contains("APPROVED-FIRST")
    );
    site.assert_nowhere("CANARY-UNSIGNED-MERGE");
    assert!(said(&outcome).contains("unsigned"), "{}", said(&outcome));
}

// --- honest paths ------------------------------------------------------------

#[test]
fn signed_direct_commit_by_the_director_is_published() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    commit(
        &site,
        &INCHAI,
        5,
        Some(&keys.path("inchai")),
        "SIGNED-DIRECT",
    );
    assert_published(&site, "SIGNED-DIRECT", true);
}

#[test]
fn web_merge_by_the_directors_no_reply_address_is_published() {
    let keys = Keys::new();
    let site = site(&keys, true, None);
    web_merge(
        &site,
        &INCHAI_WEB,
        Some(&keys.path("web")),
        "SIGNED-WEB-MERGE",
    );
    assert_published(&site, "SIGNED-WEB-MERGE", true);
}

#[test]
fn without_require_signatures_unsigned_approvals_still_count_and_say_so() {
    let keys = Keys::new();
    let site = site(&keys, false, None);
    web_merge(&site, &INCHAI, None, "UNSIGNED-ALLOWED");
    assert_published(&site, "UNSIGNED-ALLOWED", false);
}

#[test]
fn openpgp_signed_commit_by_the_director_is_published() {
    use pgp::composed::{
        ArmorOptions, DetachedSignature, KeyType, SecretKeyParamsBuilder, SignedPublicKey,
    };
    use pgp::crypto::hash::HashAlgorithm;
    use pgp::types::Password;

    let mut rng = rand::thread_rng();
    let secret = SecretKeyParamsBuilder::default()
        .key_type(KeyType::Ed25519)
        .can_sign(true)
        .can_certify(true)
        .primary_user_id("Inchai <inchai@office.example>".into())
        .build()
        .unwrap()
        .generate(&mut rng)
        .unwrap();
    let public: SignedPublicKey = secret.to_public_key();
    let armored = public.to_armored_string(ArmorOptions::default()).unwrap();

    let keys = Keys::new();
    let site = site(&keys, true, Some(&armored));
    // git commits as usual; the signature is made here with rPGP over the
    // commit's bytes and put in its gpgsig header, as gpg would.
    commit(&site, &INCHAI, 5, None, "OPENPGP-SIGNED");
    let raw = git(&site, &INCHAI, 5, None, &["cat-file", "commit", "HEAD"]) + "\n";
    let signature = DetachedSignature::sign_binary_data(
        &mut rng,
        &secret.primary_key,
        &Password::empty(),
        HashAlgorithm::Sha256,
        raw.as_bytes(),
    )
    .unwrap()
    .to_armored_string(ArmorOptions::default())
    .unwrap();
    let header = format!("gpgsig {}\n", signature.trim_end().replace('\n', "\n "));
    let (head, body) = raw.split_once("\n\n").unwrap();
    let signed = format!("{head}\n{header}\n{body}");
    let file = site.dir.path().join("signed.commit");
    std::fs::write(&file, &signed).unwrap();
    let file = file.display().to_string();
    let id = git(
        &site,
        &INCHAI,
        5,
        None,
        &["hash-object", "-t", "commit", "-w", &file],
    );
    git(&site, &INCHAI, 5, None, &["update-ref", "HEAD", &id]);
    assert!(
        git(&site, &INCHAI, 5, None, &["cat-file", "-p", "HEAD"]).contains("BEGIN PGP SIGNATURE")
    );
    assert_published(&site, "OPENPGP-SIGNED", true);

    // The same commit with one byte of its author line changed does not verify.
    let forged = signed.replacen("author Inchai", "author Inchaj", 1);
    std::fs::write(site.dir.path().join("forged.commit"), &forged).unwrap();
    let forged_file = site.dir.path().join("forged.commit").display().to_string();
    git(
        &site,
        &INCHAI,
        6,
        None,
        &["reset", "-q", "--hard", "HEAD~1"],
    );
    let id = git(
        &site,
        &INCHAI,
        6,
        None,
        &["hash-object", "-t", "commit", "-w", &forged_file],
    );
    git(&site, &INCHAI, 6, None, &["update-ref", "HEAD", &id]);
    git(&site, &INCHAI, 6, None, &["reset", "-q", "--hard"]);
    assert_withheld(&site, "OPENPGP-SIGNED", "does not match the commit");
}

#[test]
fn an_unreadable_key_names_its_owner() {
    let keys = Keys::new();
    let site = Fixture::new(&format!(
        "-- approvals/approvers.toml --\n{}",
        registry(&keys, true, Some("ssh-ed25519 AAAAnotakey inchai-laptop"))
    ));
    let e = khaosan::build::build(&site.options(NOW)).unwrap_err();
    let e = format!("{e:#}");
    assert!(e.contains("`inchai`"), "{e}");
    assert!(e.contains("ssh-ed25519 AAAAnotakey"), "{e}");
}
