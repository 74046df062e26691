//! Roles in an organisation and the states of its users.

use serde::{Deserialize, Serialize};

/// A user's role in an organisation (`role_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleType {
    /// Legal representative.
    Owner,
    /// Administrator.
    Admin,
    /// Collaborator, limited to chosen products.
    Normal,
    /// A role this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

impl RoleType {
    /// The API's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleType::Owner => "owner",
            RoleType::Admin => "admin",
            RoleType::Normal => "normal",
            RoleType::Unknown => "unknown",
        }
    }
}

/// Whether a user of the list is a member or a pending invitation (`state_in_account`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Invited, not yet accepted.
    Pending,
    /// A member.
    Valid,
    /// A state this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

impl State {
    /// The API's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Valid => "valid",
            State::Unknown => "unknown",
        }
    }
}
