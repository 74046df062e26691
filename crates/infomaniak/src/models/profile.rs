use crate::ids::UserId;
use serde::Deserialize;

/// The signed-in person (`GET /2/profile`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Profile {
    /// The person's user id.
    pub id: UserId,
    /// The name the Manager shows.
    #[serde(default)]
    pub display_name: String,
    /// First name.
    #[serde(default)]
    pub first_name: String,
    /// Last name.
    #[serde(default)]
    pub last_name: String,
    /// Login e-mail.
    #[serde(default)]
    pub email: String,
    /// Login name, when it differs from the e-mail.
    #[serde(default)]
    pub login: Option<String>,
}

impl Profile {
    /// A name to show: the display name, else first and last name, else the e-mail.
    pub fn shown_name(&self) -> String {
        if !self.display_name.trim().is_empty() {
            return self.display_name.trim().to_owned();
        }
        let full = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        if full.trim().is_empty() {
            self.email.clone()
        } else {
            full.trim().to_owned()
        }
    }
}
