//! Support access of the signed-in person (`unverified` routes).

use super::lenient;
use serde::Deserialize;

/// What the support team may look into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportContent {
    /// Mail.
    Mail,
    /// kDrive.
    Kdrive,
    /// kChat.
    Kchat,
    /// Content this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

impl SupportContent {
    /// The API's name for it, `None` for [`SupportContent::Unknown`].
    pub fn as_str(self) -> Option<&'static str> {
        match self {
            SupportContent::Mail => Some("mail"),
            SupportContent::Kdrive => Some("kdrive"),
            SupportContent::Kchat => Some("kchat"),
            SupportContent::Unknown => None,
        }
    }
}

/// One support access (`GET /2/profile/support_accesses`); it ends by itself 7 days after
/// granting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SupportAccess {
    /// Mail, kDrive or kChat.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub content: SupportContent,
    /// Granted and not expired.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub enabled: bool,
    /// When it was granted, Unix seconds.
    #[serde(default)]
    pub granted_at: Option<i64>,
    /// When it ends, Unix seconds.
    #[serde(default)]
    pub expires_at: Option<i64>,
}

/// The body of the support-access switch.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub(crate) struct SupportSwitch {
    pub enabled: bool,
}
