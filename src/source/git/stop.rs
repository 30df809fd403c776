//! Why a build in git mode stops before anything is written: data with a code, a
//! Thai label and the way out, like [`super::rule::Refusal`] for single changes.
//! `Display` says it Thai first, English beside.

use crate::messages::{self, Message};
use crate::registry::REGISTRY_FILE;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Stop {
    /// `--require-verify` without `--genesis`.
    #[error("{}", say(&messages::STOP_NEEDS_GENESIS, &[]))]
    NeedsGenesis,
    /// `verify_git` is on, but there is no repository (or not at its top).
    #[error("{}", say(&messages::STOP_NO_HISTORY, &[("where", where_), ("where_en", where_en)]))]
    NoHistory { where_: String, where_en: String },
    /// `verify_git` is on in the working tree, but no commit says so.
    #[error("{}", say(&messages::STOP_NO_START, &[("branch", branch)]))]
    NoStart { branch: String },
    /// Verification was switched on more than once: the trust root is ambiguous.
    #[error("{}", say(&messages::STOP_SWITCHED_TWICE, &[("branch", branch), ("candidates", candidates)]))]
    SwitchedTwice { branch: String, candidates: String },
    /// A shallow clone: the history that proves approvals is missing.
    #[error("{}", say(&messages::STOP_SHALLOW, &[]))]
    Shallow,
    /// A partial clone (`--filter`): history cannot be proven complete.
    #[error("{}", say(&messages::STOP_PARTIAL, &[]))]
    Partial,
    /// `--require-verify`, but the approved registry does not say `verify_git = true`.
    #[error("{}", say(&messages::STOP_VERIFY_OFF, &[("branch", branch)]))]
    VerifyOff { branch: String },
    /// `--genesis` names no commit here.
    #[error("{}", say(&messages::STOP_GENESIS_UNKNOWN, &[("genesis", genesis), ("branch", branch)]))]
    GenesisUnknown { genesis: String, branch: String },
    /// `--genesis` is not on the first-parent history (rewritten history).
    #[error("{}", say(&messages::STOP_GENESIS_OFF, &[("genesis", genesis), ("branch", branch)]))]
    GenesisOff { genesis: String, branch: String },
}

fn say(message: &Message, args: &[(&str, &str)]) -> String {
    let mut args = args.to_vec();
    args.push(("registry", REGISTRY_FILE));
    message.say(&args)
}

impl Stop {
    /// The catalogue's message (its code, Thai label and fix).
    pub fn message(&self) -> &'static Message {
        match self {
            Stop::NeedsGenesis => &messages::STOP_NEEDS_GENESIS,
            Stop::NoHistory { .. } => &messages::STOP_NO_HISTORY,
            Stop::NoStart { .. } => &messages::STOP_NO_START,
            Stop::SwitchedTwice { .. } => &messages::STOP_SWITCHED_TWICE,
            Stop::Shallow => &messages::STOP_SHALLOW,
            Stop::Partial => &messages::STOP_PARTIAL,
            Stop::VerifyOff { .. } => &messages::STOP_VERIFY_OFF,
            Stop::GenesisUnknown { .. } => &messages::STOP_GENESIS_UNKNOWN,
            Stop::GenesisOff { .. } => &messages::STOP_GENESIS_OFF,
        }
    }

    /// A stable code for reports and counts.
    pub fn code(&self) -> &'static str {
        self.message().code
    }
}
