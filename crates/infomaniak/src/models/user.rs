//! Users of an organisation: members and pending invitations in one list.

use super::app_access::AppAccess;
use super::lenient;
use super::role::{RoleType, State};
use crate::ids::{InvitationId, TeamId, UserId};
use crate::paging::{ItemKey, Keyed};
use serde::{Deserialize, Serialize};

/// An item of `GET /2/accounts/{account_id}/users`: a member, or a pending invitation
/// (`user_id` null, `invitation_id` set).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    /// The person's user id; `None` for a pending invitation.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// The invitation, for a pending one.
    #[serde(default)]
    pub invitation_id: Option<InvitationId>,
    /// First name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub first_name: String,
    /// Last name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub last_name: String,
    /// The name the Manager shows.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub display_name: String,
    /// E-mail address.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub email: String,
    /// Avatar URL.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub avatar: Option<String>,
    /// Role in the organisation.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub role_type: RoleType,
    /// Member or pending invitation.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub state_in_account: State,
    /// Administrative contact for products.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_correspondent: bool,
    /// Administrative contact for billing.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_correspondent_billing: bool,
    /// May see and pay invoices.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_billing_access: bool,
    /// Cannot open the Manager.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_no_manager_access: bool,
    /// Uses only the kSuite workspace.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_workspace_only: bool,
    /// Signs in through single sign-on.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_sso: bool,
    /// Last sign-in, Unix seconds; `None` for never (sent as `0`).
    #[serde(default, deserialize_with = "lenient::moment")]
    pub last_login_at: Option<i64>,
    /// Work teams the user belongs to; sent only when asked for with `with=teams` (empty
    /// otherwise): ask for it wherever teams are shown.
    #[serde(default, deserialize_with = "lenient::ids")]
    pub teams: Vec<TeamId>,
    /// Language of the user's e-mails.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub language_id: Option<u32>,
    /// Products the user can reach, when asked for with `with=app_access` (the spec's name).
    #[serde(
        default,
        rename = "app_access",
        deserialize_with = "lenient::some_items"
    )]
    pub app_accesses: Option<Vec<AppAccess>>,
    /// The partnership this person comes in through (a partner agency's person, from outside
    /// the organisation); `None` for the organisation's own people.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub partnership_id: Option<u64>,
    /// A pending invitation's own record, when asked for with `with=invitation_details` (the
    /// spec's name): when it was made and last sent.
    #[serde(
        default,
        rename = "invitation_details",
        alias = "invitation",
        deserialize_with = "lenient::or_default"
    )]
    pub invitation: Option<InvitationDates>,
    /// How the person signs in, when asked for with `with=security` (the spec names the
    /// expansion, not its shape: read as the profile's `preferences.security`, any other shape
    /// as unknown).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub security: Option<UserSecurity>,
}

/// A person's sign-in security: whether a second factor is set up.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct UserSecurity {
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub otp: Option<bool>,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub double_auth: Option<bool>,
}

impl UserSecurity {
    /// Whether a second factor is set up; `None` when the answer says neither way.
    pub fn second_factor(self) -> Option<bool> {
        match (self.otp, self.double_auth) {
            (None, None) => None,
            (otp, double) => Some(otp == Some(true) || double == Some(true)),
        }
    }
}

/// When a pending invitation was made and last sent (Unix seconds).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct InvitationDates {
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub created_at: Option<i64>,
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub sent_at: Option<i64>,
}

impl User {
    /// Whether this is an invitation not yet accepted.
    pub fn is_pending(&self) -> bool {
        self.state_in_account == State::Pending || self.user_id.is_none()
    }

    /// A name to show: the display name, else first and last name, else the e-mail.
    pub fn shown_name(&self) -> String {
        let full = format!("{} {}", self.first_name.trim(), self.last_name.trim());
        [self.display_name.trim(), full.trim(), self.email.trim()]
            .into_iter()
            .find(|s| !s.is_empty())
            .unwrap_or_default()
            .to_owned()
    }
}

impl Keyed for User {
    fn key(&self) -> Option<ItemKey> {
        match (self.user_id, self.invitation_id) {
            (Some(user), _) => Some((0, user.0)),
            (None, Some(invitation)) => Some((1, invitation.0)),
            (None, None) => None,
        }
    }
}

/// A change to an accepted member (`PATCH /2/accounts/{account_id}/users/{user_id}`,
/// `unverified`): only the fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MemberUpdate {
    /// New role; making someone `owner` needs the caller to be one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_type: Option<RoleType>,
    /// Billing right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_billing_access: Option<bool>,
    /// Administrative contact for products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_correspondent: Option<bool>,
    /// Administrative contact for billing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_correspondent_billing: Option<bool>,
}
