//! The signed-in person.

use super::lenient;
use crate::ids::{AccountId, UserId};
use serde::Deserialize;

/// Security settings of the profile (`preferences.security`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Security {
    /// A one-time-password app is set up.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub otp: bool,
    /// Two-factor authentication is on.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub double_auth: bool,
}

/// The organisation the Manager currently shows (`preferences.account`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct CurrentAccount {
    /// Pages under `/v3/ng/…` act on this organisation.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub current_account_id: Option<AccountId>,
}

/// Preferences of the profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Preferences {
    /// The Manager's current organisation.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub account: CurrentAccount,
    /// Two-factor settings.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub security: Security,
    /// Language, as sent (its shape is not published).
    #[serde(default)]
    pub language: serde_json::Value,
    /// The person's time zone (the spec keeps it here, not at the top of the profile).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub timezone: Option<TimeZone>,
}

/// A time zone as the API describes it (`preferences.timezone`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct TimeZone {
    /// Its id.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub id: Option<u64>,
    /// Its name, e.g. `Europe/Zurich`.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub name: String,
    /// Its offset from GMT, e.g. `01:00`.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub gmt: String,
}

/// An e-mail address of the profile (`with=emails`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProfileEmail {
    /// The address.
    pub email: String,
}

/// A phone number of the profile (`with=phones`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProfilePhone {
    /// The number.
    pub phone: String,
}

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
    /// Avatar URL.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub avatar: Option<String>,
    /// Signs in through single sign-on.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_sso: bool,
    /// Preferences: current organisation, two-factor settings, language.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub preferences: Preferences,
    /// E-mail addresses, when asked for.
    #[serde(default, deserialize_with = "lenient::some_items")]
    pub emails: Option<Vec<ProfileEmail>>,
    /// Phone numbers, when asked for.
    #[serde(default, deserialize_with = "lenient::some_items")]
    pub phones: Option<Vec<ProfilePhone>>,
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
