//! `approvals/approvers.toml`: the people who propose, review, approve and publish.

use serde::{Deserialize, Serialize};

use crate::error::{Problem, toml_problem};
use crate::source::git::signature::{Keyring, PublicKey};

pub const REGISTRY_FILE: &str = "approvals/approvers.toml";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Approvals must be proven by git history, not by front matter alone.
    #[serde(default)]
    pub verify_git: bool,
    /// Approvals count only from signed commits (see `source::git::signature`).
    #[serde(default)]
    pub require_signatures: bool,
    #[serde(default, rename = "person")]
    pub people: Vec<Person>,
    /// Keys of merge services besides GitHub's built-in web-flow keys.
    #[serde(default)]
    pub merge_service: MergeService,
    /// Every key above, read once by [`Registry::parse`].
    #[serde(skip)]
    pub(crate) keys: Keyring,
}

/// `[merge_service]`: who else signs merges made in a web interface.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeService {
    /// OpenPGP public key blocks or OpenSSH public key lines.
    #[serde(default)]
    pub keys: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// Commit e-mail addresses that identify this person in git history.
    #[serde(default)]
    pub emails: Vec<String>,
    /// Public keys this person signs commits with: OpenSSH public key lines
    /// (git's `gpg.format = ssh`) or OpenPGP public key blocks.
    #[serde(default)]
    pub signing_keys: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Approver,
    Reviewer,
    Webmaster,
    Author,
}

impl Registry {
    pub fn parse(text: &str) -> Result<Registry, Problem> {
        let mut registry: Registry =
            toml::from_str(text).map_err(|e| toml_problem(REGISTRY_FILE, text, 0, &e))?;
        let mut seen = std::collections::BTreeSet::new();
        for person in &registry.people {
            if !seen.insert(person.id.as_str()) {
                return Err(Problem::new(
                    REGISTRY_FILE,
                    crate::messages::PERSON_TWICE.say(&[("id", &person.id)]),
                )
                .field("person.id"));
            }
        }
        registry.keys = registry.read_keys()?;
        Ok(registry)
    }

    /// Reads every registered key; a key that cannot be read is an error that
    /// names its owner, since signed approvals by that person would silently fail.
    fn read_keys(&self) -> Result<Keyring, Problem> {
        let mut keyring = Keyring::default();
        for person in &self.people {
            for (n, text) in person.signing_keys.iter().enumerate() {
                let keys = PublicKey::parse(text).map_err(|why| {
                    Problem::new(
                        REGISTRY_FILE,
                        crate::messages::SIGNING_KEY_UNREADABLE.detail(
                            &why.to_string(),
                            &[
                                ("n", &(n + 1).to_string()),
                                ("id", &person.id),
                                ("key", &key_label(text)),
                            ],
                        ),
                    )
                    .field("person.signing_keys")
                })?;
                keyring
                    .people
                    .extend(keys.into_iter().map(|k| (person.id.clone(), k)));
            }
        }
        for (n, text) in self.merge_service.keys.iter().enumerate() {
            let keys = PublicKey::parse(text).map_err(|why| {
                Problem::new(
                    REGISTRY_FILE,
                    crate::messages::MERGE_SERVICE_KEY_UNREADABLE.detail(
                        &why.to_string(),
                        &[("n", &(n + 1).to_string()), ("key", &key_label(text))],
                    ),
                )
                .field("merge_service.keys")
            })?;
            keyring.merge_service.extend(keys);
        }
        Ok(keyring)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person whose registered e-mail matches a commit's author e-mail (case-insensitive).
    pub fn person_by_email(&self, email: &str) -> Option<&Person> {
        self.people
            .iter()
            .find(|p| p.emails.iter().any(|e| e.eq_ignore_ascii_case(email)))
    }
}

impl Person {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether `email` is one of this person's registered GitHub no-reply
    /// addresses (`ID+login@users.noreply.github.com` or `login@users.noreply.github.com`):
    /// only that GitHub account can author a web merge with it.
    pub fn has_github_noreply(&self, email: &str) -> bool {
        let email = email.to_ascii_lowercase();
        email.ends_with("@users.noreply.github.com")
            && self.emails.iter().any(|e| e.eq_ignore_ascii_case(&email))
    }
}

/// A short label for a key in messages: its first 40 characters.
fn key_label(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"
verify_git = true
[[person]]
id = "inchai"
name = "นายอินชัย อุ่นน้อย"
roles = ["approver"]
emails = ["Inchai@Example.go.th"]
"#;

    #[test]
    fn finds_people_by_id_and_email() {
        let r = Registry::parse(TEXT).unwrap();
        assert!(r.verify_git);
        assert!(r.person("inchai").unwrap().has_role(Role::Approver));
        assert_eq!(
            r.person_by_email("inchai@example.go.th").unwrap().id,
            "inchai"
        );
        assert!(r.person_by_email("other@example.go.th").is_none());
    }

    #[test]
    fn signing_keys_and_merge_service_keys_are_read() {
        let text = format!(
            "require_signatures = true\n{TEXT}signing_keys = [\"{ED25519}\"]\n\
             [merge_service]\nkeys = [\"{ED25519}\"]\n"
        );
        let r = Registry::parse(&text).unwrap();
        assert!(r.require_signatures);
        assert_eq!(r.keys.people.len(), 1);
        assert_eq!(r.keys.people[0].0, "inchai");
        assert_eq!(r.keys.merge_service.len(), 1);
    }

    #[test]
    fn an_unreadable_key_names_the_person_and_the_key() {
        let text = format!("{TEXT}signing_keys = [\"ssh-ed25519 AAAAbroken laptop\"]\n");
        let e = Registry::parse(&text).unwrap_err();
        let message = e.to_string();
        assert!(message.contains("`inchai`"), "{message}");
        assert!(message.contains("ssh-ed25519 AAAAbroken"), "{message}");
        let text = "[merge_service]\nkeys = [\"-----BEGIN PGP PUBLIC KEY BLOCK-----\\n\\nAAAA\\n-----END PGP PUBLIC KEY BLOCK-----\"]\n";
        let e = Registry::parse(text).unwrap_err();
        assert!(e.to_string().contains("merge-service key 1"), "{e}");
    }

    #[test]
    fn only_registered_no_reply_addresses_count_for_web_merges() {
        let text = TEXT.replace(
            "emails = [\"Inchai@Example.go.th\"]",
            "emails = [\"Inchai@Example.go.th\", \"1001+Inchai@users.noreply.github.com\"]",
        );
        let r = Registry::parse(&text).unwrap();
        let p = r.person("inchai").unwrap();
        assert!(p.has_github_noreply("1001+inchai@users.noreply.github.com"));
        assert!(!p.has_github_noreply("inchai@example.go.th"));
        assert!(!p.has_github_noreply("1002+inchai@users.noreply.github.com"));
    }

    const ED25519: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAC0PLLyU18XWlVcCHJM5Z/4l5MQ52xfuPErZA6VfbuY test";

    #[test]
    fn unknown_role_is_refused() {
        let e = Registry::parse("[[person]]\nid = \"a\"\nname = \"A\"\nroles = [\"boss\"]")
            .unwrap_err();
        assert_eq!(e.file, REGISTRY_FILE);
        assert_eq!(e.line, Some(4));
    }
}
