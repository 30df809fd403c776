//! Who signed a commit: the check behind `require_signatures = true`.
//!
//! Anyone can write the director's e-mail as the author of a commit; only the
//! holder of a key can sign it. [`judge`] says, as data, whether a commit's
//! signature verifies and with whose key: an approver's own key (SSH as git's
//! `gpg.format = ssh` makes, or OpenPGP) or a merge service's key (GitHub's
//! web-flow keys, compiled in below, and any under `[merge_service] keys`).
//! What a verified signature is worth (whose approval, merges only for the merge
//! service) is the approval rule's business ([`super::rule`]).
//!
//! Both formats are verified in process (`ssh-key`, `pgp`); gpg and ssh-keygen
//! are never run, so a build needs no keyring and reads no one's home folder.

use std::io::Cursor;
use std::sync::{LazyLock, OnceLock};

use git2::{Oid, Repository};
use pgp::composed::{Deserializable as _, DetachedSignature, SignedPublicKey};
use pgp::packet::{Signature as PgpSignature, SignatureType};
use pgp::types::{KeyDetails, Timestamp};
use ssh_key::{HashAlg, SshSig};

use crate::registry::Registry;

/// GitHub's web-flow public keys, which sign merges and other commits made in
/// GitHub's web interface: 5DE3 E050 9C47 EA3C F04A 42D3 4AEE 18F8 3AFD EB23
/// (expired on 2024-01-16) and 9684 79A1 AFF9 27E3 7D1A 566B B569 0EEE BB95 2194.
const GITHUB_WEB_FLOW: &str = include_str!("github-web-flow.asc");

/// The SSH signature namespace git signs commits in (`ssh-keygen -Y sign -n git`).
const GIT_NAMESPACE: &str = "git";

/// What a commit's signature proves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signature {
    /// The commit carries no signature.
    Unsigned,
    /// The commit carries a signature that does not prove anything: it does not
    /// verify, its key is not registered, or its key had expired when it signed.
    Bad(String),
    /// Verified with a key registered for this person (their id).
    ByPerson(String),
    /// Verified with a merge service's key (GitHub's web-flow or `[merge_service]`).
    ByMergeService,
}

impl Signature {
    /// Why this signature does not make a commit an approver's, in Thai and English;
    /// `None` when it verified.
    pub fn problem(&self) -> Option<String> {
        match self {
            Signature::Unsigned => {
                Some("ไม่มีลายมือชื่อดิจิทัล / unsigned: the commit carries no signature".into())
            }
            Signature::Bad(why) => Some(format!("ลายมือชื่อไม่ถูกต้อง / bad signature: {why}")),
            Signature::ByPerson(_) | Signature::ByMergeService => None,
        }
    }
}

/// A public key that can verify commit signatures.
#[derive(Debug, Clone)]
pub enum PublicKey {
    Ssh(Box<ssh_key::PublicKey>),
    OpenPgp(Box<SignedPublicKey>),
}

impl PublicKey {
    /// Reads one key as written in the registry: an OpenSSH public key line
    /// (`ssh-ed25519 AAAA… comment`) or an ASCII-armored OpenPGP public key block
    /// (which may hold several keys: each becomes one [`PublicKey`]).
    pub fn parse(text: &str) -> Result<Vec<PublicKey>, String> {
        let text = text.trim();
        if text.starts_with("-----BEGIN PGP PUBLIC KEY BLOCK-----") {
            let (keys, _) = SignedPublicKey::from_armor_many(Cursor::new(text.as_bytes()))
                .map_err(|e| format!("not a readable OpenPGP public key block ({e})"))?;
            let mut out = Vec::new();
            for key in keys {
                let key = key.map_err(|e| format!("not a readable OpenPGP public key ({e})"))?;
                key.verify_bindings().map_err(|e| {
                    format!(
                        "OpenPGP key {} has self-signatures that do not verify ({e})",
                        key.fingerprint()
                    )
                })?;
                out.push(PublicKey::OpenPgp(Box::new(key)));
            }
            if out.is_empty() {
                return Err("the OpenPGP block holds no public key".into());
            }
            return Ok(out);
        }
        if text.starts_with("-----BEGIN") {
            return Err(
                "only OpenSSH public keys (ssh-ed25519 AAAA…) and OpenPGP public key blocks \
                 (-----BEGIN PGP PUBLIC KEY BLOCK-----) are accepted; paste the public key, \
                 never the private one"
                    .into(),
            );
        }
        ssh_key::PublicKey::from_openssh(text)
            .map(|key| vec![PublicKey::Ssh(Box::new(key))])
            .map_err(|e| {
                format!(
                    "not an OpenSSH public key ({e}); paste the whole line of the .pub file, \
                     such as `ssh-ed25519 AAAAC3Nza… name`"
                )
            })
    }
}

/// The keys a registry trusts: each person's own, and the merge services'.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    /// (person id, key), in registry order.
    pub(crate) people: Vec<(String, PublicKey)>,
    /// Keys listed under `[merge_service] keys`, besides GitHub's built-in ones.
    pub(crate) merge_service: Vec<PublicKey>,
}

/// GitHub's web-flow keys, parsed once.
static WEB_FLOW: LazyLock<Vec<PublicKey>> = LazyLock::new(|| {
    PublicKey::parse(GITHUB_WEB_FLOW).expect("the built-in web-flow keys are valid")
});

/// A commit's signature and the bytes it signs (the commit without its `gpgsig`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    pub signature: Vec<u8>,
    pub data: Vec<u8>,
}

/// The signature of commit `id`, if it has one.
pub(crate) fn extract(repo: &Repository, id: Oid) -> anyhow::Result<Option<Signed>> {
    match repo.extract_signature(&id, None) {
        Ok((signature, data)) => Ok(Some(Signed {
            signature: signature.to_vec(),
            data: data.to_vec(),
        })),
        Err(e) if e.code() == git2::ErrorCode::NotFound => Ok(None),
        Err(e) => Err(anyhow::Error::new(e).context(
            crate::messages::GIT_CANNOT_READ.say(&[("what", &format!("signature of commit {id}"))]),
        )),
    }
}

/// A commit's signature, read once, and what it proves, judged once.
///
/// The verdict is kept for every file the commit changes: [`super::rule::CommitFacts`]
/// are made afresh for each commit, and the registry that judges a commit (the
/// one in effect before it) does not change while its files are judged.
#[derive(Debug, Default)]
pub struct CommitSignature {
    signed: Option<Signed>,
    verdict: OnceLock<Signature>,
}

impl CommitSignature {
    pub(crate) fn read(repo: &Repository, id: Oid) -> anyhow::Result<CommitSignature> {
        Ok(CommitSignature {
            signed: extract(repo, id)?,
            verdict: OnceLock::new(),
        })
    }

    /// A commit made in memory (a proposal's merge), taken to verify as `verdict`.
    pub(crate) fn assumed(verdict: Signature) -> CommitSignature {
        CommitSignature {
            signed: None,
            verdict: OnceLock::from(verdict),
        }
    }

    /// What the signature proves under `registry` (see [`judge`]).
    pub fn judge(&self, registry: &Registry) -> &Signature {
        self.verdict
            .get_or_init(|| judge(self.signed.as_ref(), registry))
    }
}

/// Whose key, if any, verifies `signed` among the keys of `registry` and the
/// built-in merge-service keys. A person's key is tried before the merge service's.
pub fn judge(signed: Option<&Signed>, registry: &Registry) -> Signature {
    let Some(signed) = signed else {
        return Signature::Unsigned;
    };
    let Ok(text) = std::str::from_utf8(&signed.signature) else {
        return Signature::Bad("the signature is not text".into());
    };
    let text = text.trim();
    if text.starts_with("-----BEGIN SSH SIGNATURE-----") {
        judge_ssh(text, &signed.data, &registry.keys)
    } else if text.starts_with("-----BEGIN PGP SIGNATURE-----") {
        judge_pgp(text, &signed.data, &registry.keys)
    } else {
        Signature::Bad(
            "not an SSH or OpenPGP signature (X.509 signatures are not supported)".into(),
        )
    }
}

fn judge_ssh(text: &str, data: &[u8], keys: &Keyring) -> Signature {
    let sig = match SshSig::from_pem(text) {
        Ok(sig) => sig,
        Err(e) => return Signature::Bad(format!("the SSH signature cannot be read ({e})")),
    };
    if sig.namespace() != GIT_NAMESPACE {
        return Signature::Bad(format!(
            "the SSH signature is for `{}`, not for git commits",
            sig.namespace()
        ));
    }
    let check = |key: &ssh_key::PublicKey| match key.verify(GIT_NAMESPACE, data, &sig) {
        Ok(()) => None,
        Err(_) => Some(Signature::Bad(
            "the SSH signature does not match the commit: the commit was changed after signing"
                .into(),
        )),
    };
    for (id, key) in &keys.people {
        if let PublicKey::Ssh(key) = key
            && key.key_data() == sig.public_key()
        {
            return check(key).unwrap_or_else(|| Signature::ByPerson(id.clone()));
        }
    }
    for key in keys.merge_service.iter().chain(WEB_FLOW.iter()) {
        if let PublicKey::Ssh(key) = key
            && key.key_data() == sig.public_key()
        {
            return check(key).unwrap_or(Signature::ByMergeService);
        }
    }
    let fingerprint = sig.public_key().fingerprint(HashAlg::Sha256);
    Signature::Bad(format!(
        "signed with SSH key {fingerprint}, which is not registered in approvals/approvers.toml"
    ))
}

fn judge_pgp(text: &str, data: &[u8], keys: &Keyring) -> Signature {
    let sig = match DetachedSignature::from_armor_single(Cursor::new(text.as_bytes())) {
        Ok((sig, _)) => sig.signature,
        Err(e) => return Signature::Bad(format!("the OpenPGP signature cannot be read ({e})")),
    };
    // git signs the commit's bytes as they are (`gpg --detach-sign`); a text-mode
    // signature would also verify the same commit with other line endings.
    if sig.typ() != Some(SignatureType::Binary) {
        return Signature::Bad("the OpenPGP signature is not a binary-data signature".into());
    }
    let people = keys.people.iter().map(|(id, key)| (Some(id), key));
    let services = keys
        .merge_service
        .iter()
        .chain(WEB_FLOW.iter())
        .map(|key| (None, key));
    for (id, key) in people.chain(services) {
        let PublicKey::OpenPgp(key) = key else {
            continue;
        };
        if let Some(verdict) = verify_pgp(&sig, data, key) {
            return match (verdict, id) {
                (Ok(()), Some(id)) => Signature::ByPerson(id.clone()),
                (Ok(()), None) => Signature::ByMergeService,
                (Err(why), _) => Signature::Bad(why),
            };
        }
    }
    let issuer = sig
        .issuer_fingerprint()
        .first()
        .map(|f| f.to_string())
        .or_else(|| sig.issuer_key_id().first().map(|k| k.to_string()))
        .unwrap_or_else(|| "(no issuer named)".into());
    Signature::Bad(format!(
        "signed with OpenPGP key {issuer}, which is not registered in approvals/approvers.toml"
    ))
}

/// `None` when `sig` was not made by `key` or any of its subkeys; otherwise
/// whether it verifies.
///
/// rPGP's `verify` checks only the mathematics, not time. The rule here: a
/// signature counts when it was made while the signing key was valid, i.e. at or
/// after the key's creation and before its expiry as its newest self-signature
/// states. So a signature made by GitHub's web-flow key 4AEE18F83AFDEB23 before
/// it expired on 2024-01-16 still counts, and one dated later does not.
fn verify_pgp(
    sig: &PgpSignature,
    data: &[u8],
    key: &SignedPublicKey,
) -> Option<Result<(), String>> {
    let made = sig.created();
    if issued_by(sig, &key.primary_key) {
        let self_sigs = key
            .details
            .users
            .iter()
            .flat_map(|u| u.signatures.iter())
            .chain(key.details.direct_signatures.iter())
            .filter(|s| issued_by(s, &key.primary_key));
        let expires = expiry(key.primary_key.created_at(), self_sigs);
        return Some(check_pgp(
            sig,
            data,
            &key.primary_key,
            made,
            key.primary_key.created_at(),
            expires,
        ));
    }
    for sub in &key.public_subkeys {
        if issued_by(sig, &sub.key) {
            let expires = expiry(sub.key.created_at(), sub.signatures.iter());
            return Some(check_pgp(
                sig,
                data,
                &sub.key,
                made,
                sub.key.created_at(),
                expires,
            ));
        }
    }
    None
}

fn check_pgp(
    sig: &PgpSignature,
    data: &[u8],
    key: &impl pgp::types::VerifyingKey,
    made: Option<Timestamp>,
    created: Timestamp,
    expires: Option<u64>,
) -> Result<(), String> {
    sig.verify(key, data).map_err(|_| {
        format!(
            "the OpenPGP signature by key {} does not match the commit: the commit was changed \
             after signing",
            key.fingerprint()
        )
    })?;
    let Some(made) = made else {
        return Err("the OpenPGP signature has no creation time".into());
    };
    let made = u64::from(made.as_secs());
    if made < u64::from(created.as_secs()) {
        return Err(format!(
            "the OpenPGP signature is dated before key {} was created",
            key.fingerprint()
        ));
    }
    if let Some(expires) = expires
        && made >= expires
    {
        return Err(format!(
            "key {} had expired ({}) when it signed ({})",
            key.fingerprint(),
            date(expires),
            date(made)
        ));
    }
    Ok(())
}

/// When a key expires (seconds since the epoch), from its newest self-signature
/// or binding signature; `None` when it does not.
fn expiry<'a>(created: Timestamp, sigs: impl Iterator<Item = &'a PgpSignature>) -> Option<u64> {
    let newest = sigs.max_by_key(|s| s.created().map(|t| t.as_secs()))?;
    let lifetime = newest.key_expiration_time()?.as_secs();
    if lifetime == 0 {
        return None;
    }
    Some(u64::from(created.as_secs()) + u64::from(lifetime))
}

fn issued_by(sig: &PgpSignature, key: &impl KeyDetails) -> bool {
    sig.issuer_key_id()
        .iter()
        .any(|&id| *id == key.legacy_key_id())
        || sig
            .issuer_fingerprint()
            .iter()
            .any(|&f| *f == key.fingerprint())
}

fn date(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .map_or_else(
            || secs.to_string(),
            |t| t.format("%Y-%m-%d %H:%M UTC").to_string(),
        )
}

/// The gate `require_signatures` puts on the approval rule: whether `commit`,
/// authored by the approver `person`, is really theirs.
///
/// - signed with one of `person`'s own keys: theirs (a key of someone else, even
///   another approver, is not: author and signer must be the same person);
/// - signed by a merge service: theirs only for a merge (two parents) whose author
///   e-mail is one of `person`'s GitHub no-reply addresses, which only their
///   account can use. A rebased or squashed commit signed by the merge service
///   records the pull request's author, not who pressed the button: no approval.
pub(crate) fn gate(
    commit: &super::rule::CommitFacts,
    registry: &Registry,
    person: &crate::registry::Person,
) -> Result<(), SignatureRefusal> {
    match commit.signature.judge(registry).clone() {
        Signature::ByPerson(id) if id == person.id => Ok(()),
        Signature::ByPerson(id) => Err(SignatureRefusal::OthersKey {
            signer: id,
            author: person.id.clone(),
        }),
        Signature::ByMergeService if !commit.is_merge => Err(SignatureRefusal::NotAMerge {
            id: person.id.clone(),
        }),
        Signature::ByMergeService if !person.has_github_noreply(&commit.author_email) => {
            Err(SignatureRefusal::NotNoReply {
                email: commit.author_email.clone(),
                id: person.id.clone(),
            })
        }
        Signature::ByMergeService => Ok(()),
        Signature::Unsigned => Err(SignatureRefusal::Unsigned),
        Signature::Bad(why) => Err(SignatureRefusal::Bad(why)),
    }
}

/// Why a commit's signature does not make it the approver's: data with a code, so
/// reports can count causes, and words (Thai, then English) from `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureRefusal {
    /// The commit carries no signature.
    Unsigned,
    /// The signature does not verify, or its key is unknown or had expired.
    Bad(String),
    /// Signed with someone else's key than the author's.
    OthersKey { signer: String, author: String },
    /// Signed by the merge service, but not a merge (a rebase or squash).
    NotAMerge { id: String },
    /// A web-interface merge whose author e-mail is not the approver's registered
    /// GitHub no-reply address.
    NotNoReply { email: String, id: String },
}

impl SignatureRefusal {
    /// A stable code for reports and counts.
    pub fn code(&self) -> &'static str {
        match self {
            SignatureRefusal::Unsigned => "unsigned",
            SignatureRefusal::Bad(_) => "bad-signature",
            SignatureRefusal::OthersKey { .. } => "signed-by-another",
            SignatureRefusal::NotAMerge { .. } => "merge-service-not-a-merge",
            SignatureRefusal::NotNoReply { .. } => "not-a-noreply-address",
        }
    }

    /// Thai, with English beside it.
    pub fn label(&self) -> &'static str {
        match self {
            SignatureRefusal::Unsigned => "ไม่มีลายมือชื่อดิจิทัล (unsigned)",
            SignatureRefusal::Bad(_) => "ลายมือชื่อไม่ถูกต้อง (bad signature)",
            SignatureRefusal::OthersKey { .. } => "ลายมือชื่อไม่ตรงกับผู้เขียน (signed by another)",
            SignatureRefusal::NotAMerge { .. } => "ไม่ใช่การรวมงาน (not a merge commit)",
            SignatureRefusal::NotNoReply { .. } => {
                "ที่อยู่อีเมลไม่ใช่ no-reply ของ GitHub (not a GitHub no-reply address)"
            }
        }
    }
}

impl std::fmt::Display for SignatureRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignatureRefusal::Unsigned => {
                write!(
                    f,
                    "ไม่มีลายมือชื่อดิจิทัล / unsigned: the commit carries no signature"
                )
            }
            SignatureRefusal::Bad(why) => write!(f, "ลายมือชื่อไม่ถูกต้อง / bad signature: {why}"),
            SignatureRefusal::OthersKey { signer, author } => write!(
                f,
                "ลายมือชื่อไม่ตรงกับผู้เขียน / signed with the key of {signer}, but the author is \
                 {author}: an approval must be signed with the approver's own key"
            ),
            SignatureRefusal::NotAMerge { id } => write!(
                f,
                "ไม่ใช่การรวมงาน / signed by the merge service but not a merge commit (a rebased or \
                 squashed pull request), so it does not record that {id} approved it; merge pull \
                 requests with \"Create a merge commit\""
            ),
            SignatureRefusal::NotNoReply { email, id } => write!(
                f,
                "ที่อยู่อีเมลไม่ใช่ no-reply ของ GitHub / merged in the web interface as <{email}>, \
                 which is not a GitHub no-reply address registered for {id}; register \
                 ID+login@users.noreply.github.com and keep the e-mail private on GitHub"
            ),
        }
    }
}

/// Whether `commit`'s signature makes it `approver`'s own, whatever the registry
/// requires: for the publication record ("signed" or not).
pub(crate) fn signed_by(
    commit: &super::rule::CommitFacts,
    registry: &Registry,
    approver: &str,
) -> bool {
    registry
        .person(approver)
        .is_some_and(|person| gate(commit, registry, person).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MERGE: &[u8] =
        include_bytes!("../../../tests/fixtures/web-flow-commits/zola-merge-dabb03c.commit");
    const OLD_KEY_MERGE: &[u8] =
        include_bytes!("../../../tests/fixtures/web-flow-commits/zola-merge-39bfbcd-oldkey.commit");
    const SQUASH: &[u8] =
        include_bytes!("../../../tests/fixtures/web-flow-commits/checkout-squash-f548e57.commit");

    /// Writes a raw commit object into a fresh repository and reads its
    /// signature back the way the build does; checks the id is the real one.
    fn signed(raw: &[u8], id: &str) -> (Option<Signed>, Repository, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let oid = repo
            .odb()
            .unwrap()
            .write(git2::ObjectType::Commit, raw)
            .unwrap();
        assert_eq!(oid.to_string(), id);
        (extract(&repo, oid).unwrap(), repo, dir)
    }

    fn registry() -> Registry {
        Registry::parse(
            "require_signatures = true\n[[person]]\nid = \"keats\"\nname = \"K\"\nroles = [\"approver\"]\n\
             emails = [\"1024025+Keats@users.noreply.github.com\"]\n",
        )
        .unwrap()
    }

    fn facts(raw: &[u8], id: &str) -> super::super::rule::CommitFacts {
        let (signed, repo, _dir) = signed(raw, id);
        let _ = repo;
        let t = chrono::DateTime::parse_from_rfc3339("2026-01-16T10:00:00+00:00").unwrap();
        let text = String::from_utf8_lossy(raw);
        let author = text.lines().find(|l| l.starts_with("author ")).unwrap();
        let email = author.split('<').nth(1).unwrap().split('>').next().unwrap();
        super::super::rule::CommitFacts {
            id: id.into(),
            is_merge: text.lines().filter(|l| l.starts_with("parent ")).count() > 1,
            parents: text.lines().filter(|l| l.starts_with("parent ")).count(),
            author_name: "x".into(),
            author_email: email.into(),
            author_time: t,
            committer_time: t,
            proposed_at: None,
            signature: Arc::new(CommitSignature {
                signed,
                verdict: OnceLock::new(),
            }),
        }
    }

    use std::sync::Arc;

    #[test]
    fn a_web_merge_verifies_with_the_current_web_flow_key() {
        let (s, _, _d) = signed(MERGE, "dabb03c5d80a673462e37d31a9031ce3c252e238");
        assert_eq!(
            judge(s.as_ref(), &Registry::default()),
            Signature::ByMergeService
        );
    }

    #[test]
    fn a_merge_signed_by_the_expired_key_before_it_expired_verifies() {
        let (s, _, _d) = signed(OLD_KEY_MERGE, "39bfbcd0199340ce5de4d0b951a2050cc9fc239e");
        assert_eq!(
            judge(s.as_ref(), &Registry::default()),
            Signature::ByMergeService
        );
    }

    #[test]
    fn the_old_web_flow_key_expired_on_2024_01_16_and_later_signatures_are_refused() {
        let old = WEB_FLOW
            .iter()
            .find_map(|k| match k {
                PublicKey::OpenPgp(k)
                    if k.fingerprint()
                        .to_string()
                        .to_uppercase()
                        .contains("3AFDEB23") =>
                {
                    Some(k)
                }
                _ => None,
            })
            .expect("the old web-flow key is built in");
        let self_sigs = old.details.users.iter().flat_map(|u| u.signatures.iter());
        let expires = expiry(old.primary_key.created_at(), self_sigs).unwrap();
        assert!(date(expires).starts_with("2024-01-16"), "{}", date(expires));
        // The real signature, judged as if it had been made a day after expiry.
        let (s, _, _d) = signed(OLD_KEY_MERGE, "39bfbcd0199340ce5de4d0b951a2050cc9fc239e");
        let s = s.unwrap();
        let text = std::str::from_utf8(&s.signature).unwrap();
        let sig = DetachedSignature::from_armor_single(Cursor::new(text.as_bytes()))
            .unwrap()
            .0
            .signature;
        let late = Timestamp::from_secs(u32::try_from(expires + 86_400).unwrap());
        let why = check_pgp(
            &sig,
            &s.data,
            &old.primary_key,
            Some(late),
            old.primary_key.created_at(),
            Some(expires),
        )
        .unwrap_err();
        assert!(why.contains("had expired"), "{why}");
        let made = sig.created();
        assert!(
            check_pgp(
                &sig,
                &s.data,
                &old.primary_key,
                made,
                old.primary_key.created_at(),
                Some(expires)
            )
            .is_ok()
        );
    }

    #[test]
    fn a_squash_is_signed_by_web_flow_but_is_no_approval() {
        let (s, _, _d) = signed(SQUASH, "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a");
        assert_eq!(
            judge(s.as_ref(), &Registry::default()),
            Signature::ByMergeService
        );
        let facts = facts(SQUASH, "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a");
        assert!(!facts.is_merge);
        let mut registry = registry();
        registry.people[0].emails.push(facts.author_email.clone());
        let why = gate(&facts, &registry, &registry.people[0])
            .unwrap_err()
            .to_string();
        assert!(why.contains("not a merge commit"), "{why}");
    }

    #[test]
    fn a_web_merge_counts_only_for_the_registered_no_reply_address() {
        let facts = facts(MERGE, "dabb03c5d80a673462e37d31a9031ce3c252e238");
        let mut registry = registry();
        registry.people[0].emails = vec![facts.author_email.clone()];
        // The merge's author address is an ordinary one: not proof, since anyone
        // who controls that mail server could add it to their own GitHub account.
        assert_eq!(facts.author_email, "balthek@gmail.com");
        let why = gate(&facts, &registry, &registry.people[0])
            .unwrap_err()
            .to_string();
        assert!(why.contains("no-reply"), "{why}");
    }

    #[test]
    fn changing_one_byte_of_a_signed_commit_breaks_the_signature() {
        for (raw, id) in [
            (MERGE, "dabb03c5d80a673462e37d31a9031ce3c252e238"),
            (OLD_KEY_MERGE, "39bfbcd0199340ce5de4d0b951a2050cc9fc239e"),
        ] {
            let text = String::from_utf8(raw.to_vec()).unwrap();
            let forged = text.replacen("author ", "author X", 1);
            let dir = tempfile::tempdir().unwrap();
            let repo = Repository::init_bare(dir.path()).unwrap();
            let oid = repo
                .odb()
                .unwrap()
                .write(git2::ObjectType::Commit, forged.as_bytes())
                .unwrap();
            assert_ne!(oid.to_string(), id);
            let s = extract(&repo, oid).unwrap();
            let verdict = judge(s.as_ref(), &Registry::default());
            assert!(
                matches!(&verdict, Signature::Bad(why) if why.contains("does not match")),
                "{verdict:?}"
            );
            assert!(
                verdict
                    .problem()
                    .unwrap()
                    .starts_with("ลายมือชื่อไม่ถูกต้อง / bad signature")
            );
        }
    }

    #[test]
    fn an_unsigned_commit_is_unsigned() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init_bare(dir.path()).unwrap();
        let raw = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nm\n";
        let oid = repo
            .odb()
            .unwrap()
            .write(git2::ObjectType::Commit, raw)
            .unwrap();
        let s = extract(&repo, oid).unwrap();
        assert_eq!(s, None);
        let verdict = judge(None, &Registry::default());
        assert_eq!(verdict, Signature::Unsigned);
        assert!(
            verdict
                .problem()
                .unwrap()
                .starts_with("ไม่มีลายมือชื่อดิจิทัล / unsigned")
        );
    }

    #[test]
    fn unreadable_keys_are_refused_with_the_reason() {
        assert!(
            PublicKey::parse("ssh-ed25519 notbase64 me")
                .unwrap_err()
                .contains("OpenSSH")
        );
        assert!(
            PublicKey::parse("-----BEGIN OPENSSH PRIVATE KEY-----\nabc")
                .unwrap_err()
                .contains("never the private")
        );
        assert!(
            PublicKey::parse(
                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxx\n-----END PGP PUBLIC KEY BLOCK-----"
            )
            .is_err()
        );
        assert_eq!(WEB_FLOW.len(), 2);
    }
}
