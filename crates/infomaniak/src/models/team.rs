//! Work teams of an organisation.

use super::lenient;
use crate::ids::{ServiceId, TeamId, UserId};
use crate::paging::{ItemKey, Keyed};
use serde::{Deserialize, Serialize};

/// The team leader as the team shows it (`owned_by`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TeamLeader {
    /// User id.
    pub id: UserId,
    /// Name to show.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub display_name: String,
    /// E-mail address.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub email: String,
}

/// Rights a team has on one service (`permissions[]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TeamPermission {
    /// The service.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub service_id: Option<ServiceId>,
    /// Its name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub service_name: Option<String>,
    /// The rights, as sent (their shape is not published).
    #[serde(default)]
    pub rights: serde_json::Value,
}

/// A work team (`GET /1/accounts/{account_id}/teams/{team_id}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Team {
    /// Its id.
    pub id: TeamId,
    /// Its name (1 to 128 characters).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub name: String,
    /// Colour index.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub color_id: Option<u32>,
    /// The team leader.
    #[serde(default)]
    pub owned_by_id: Option<UserId>,
    /// The team leader's name and address.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub owned_by: Option<TeamLeader>,
    /// Who created it.
    #[serde(default)]
    pub created_by_id: Option<UserId>,
    /// Creation, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Last change, Unix seconds.
    #[serde(default)]
    pub updated_at: Option<i64>,
    /// Number of members; optional in the spec (`None`: not sent, which is not "none").
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub user_count: Option<u32>,
    /// Number of products its members reach through it; optional in the spec.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub product_count: Option<u32>,
    /// Services the team has rights on.
    #[serde(default, deserialize_with = "lenient::items")]
    pub permissions: Vec<TeamPermission>,
}

impl Keyed for Team {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}

/// The services a team is given (`permissions: {services: [..]}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TeamServices {
    /// Service ids.
    pub services: Vec<ServiceId>,
}

/// The body of `POST /1/accounts/{account_id}/teams`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewTeam {
    /// Required, 1 to 128 characters.
    pub name: String,
    /// The leader: a member of the organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owned_by_id: Option<UserId>,
    /// Services the team is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<TeamServices>,
}

impl NewTeam {
    /// A team with a name and nothing else.
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            owned_by_id: None,
            permissions: None,
        }
    }
}

/// The body of `PATCH /1/accounts/{account_id}/teams/{team_id}`: only the fields set are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TeamUpdate {
    /// New name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New leader.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owned_by_id: Option<UserId>,
    /// Services, replacing the earlier ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<TeamServices>,
}

/// The body of adding or removing team members (`{user_ids: [..]}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct TeamMembers<'a> {
    pub user_ids: &'a [UserId],
}

/// A member of a work team (`GET /1/accounts/{account_id}/teams/{team_id}/users`). The published
/// spec names the person `id` here, not `user_id` as in the organisation's user list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TeamUser {
    /// The person's user id.
    pub id: UserId,
    /// The name the Manager shows.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub display_name: String,
    /// First name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub first_name: String,
    /// Last name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub last_name: String,
    /// E-mail address.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub email: String,
    /// Signs in through single sign-on.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_sso: bool,
    /// Last sign-in, Unix seconds; `None` for never (sent as `0`).
    #[serde(default, deserialize_with = "lenient::moment")]
    pub last_login_at: Option<i64>,
    /// The teams the person belongs to.
    #[serde(default, deserialize_with = "lenient::ids")]
    pub teams: Vec<TeamId>,
}

impl Keyed for TeamUser {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}
