//! Profile ids and the signed-in sessions held in memory.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A profile: one Infomaniak login at one API. Also the keyring entry's account name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
pub struct ProfileId(String);

impl ProfileId {
    /// Wraps an id.
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// The session-only demo profile.
    pub fn demo() -> Self {
        Self::new("demo")
    }

    /// The id for a user at an API: stable across sign-ins, so a new token replaces the old one.
    pub fn for_user(api_base: &str, user: infomaniak::UserId) -> Self {
        if api_base == infomaniak::PRODUCTION_BASE_URL {
            Self(format!("user-{user}"))
        } else {
            // A profile of another API (a local test API) never collides with a real one.
            let host = api_base
                .trim_start_matches("http://")
                .trim_start_matches("https://");
            Self(format!("user-{user}@{host}"))
        }
    }

    /// Whether this is the demo profile.
    pub fn is_demo(&self) -> bool {
        self.0 == "demo"
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProfileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A profile signed in for this run: its client (holding the token) and who it is.
#[derive(Debug, Clone)]
pub(crate) struct Session {
    pub client: infomaniak::Client,
    pub summary: crate::session::ProfileSummary,
}
