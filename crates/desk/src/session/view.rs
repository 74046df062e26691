//! What the UI is shown of profiles and sign-in: plain data, never a secret.

use super::ProfileId;
use crate::organisations::Organisation;
use serde::{Deserialize, Serialize};

/// A profile as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: ProfileId,
    pub label: String,
    pub display_name: String,
    pub email: String,
    pub demo: bool,
    pub signed_in: bool,
    /// The API refused the token (revoked in the Manager, or expired): a new one is needed.
    pub token_refused: bool,
}

/// Which profiles exist and which one is in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub profiles: Vec<ProfileSummary>,
    pub active_profile: Option<ProfileId>,
    pub demo_available: bool,
    /// The API the app talks to, when it is not Infomaniak's own (a local test API).
    pub api_override: Option<String>,
    /// Where the local data file went when it was found damaged at start (the app started
    /// afresh: the cache is fetched again; settings, reminder history and activity log are lost).
    pub store_set_aside: Option<String>,
}

/// What signing in found: who, their organisations, and what the token cannot do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SignInOutcome {
    pub profile: ProfileSummary,
    /// `None` when the token may not list organisations (`accounts` scope missing).
    pub organisations: Option<Vec<Organisation>>,
    /// Scopes the API said the token lacks.
    pub missing_scopes: Vec<String>,
    /// Whether the token was kept in the OS keyring (else: for this session only).
    pub remembered: bool,
}
