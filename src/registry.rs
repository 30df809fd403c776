//! `approvals/approvers.toml`: the people who propose, review, approve and publish.

use serde::{Deserialize, Serialize};

use crate::error::{Problem, toml_problem};

pub const REGISTRY_FILE: &str = "approvals/approvers.toml";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registry {
    /// Approvals must be proven by git history, not by front matter alone.
    #[serde(default)]
    pub verify_git: bool,
    #[serde(default, rename = "person")]
    pub people: Vec<Person>,
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
        let registry: Registry =
            toml::from_str(text).map_err(|e| toml_problem(REGISTRY_FILE, text, 0, &e))?;
        let mut seen = std::collections::BTreeSet::new();
        for person in &registry.people {
            if !seen.insert(person.id.as_str()) {
                return Err(Problem::new(
                    REGISTRY_FILE,
                    format!(
                        "person id `{}` is listed twice; each person needs one [[person]] entry",
                        person.id
                    ),
                )
                .field("person.id"));
            }
        }
        Ok(registry)
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
    fn unknown_role_is_refused() {
        let e = Registry::parse("[[person]]\nid = \"a\"\nname = \"A\"\nroles = [\"boss\"]")
            .unwrap_err();
        assert_eq!(e.file, REGISTRY_FILE);
        assert_eq!(e.line, Some(4));
    }
}
