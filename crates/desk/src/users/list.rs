//! The people of an organisation: members and pending invitations, as the Users page shows them.

use super::Users;
use crate::Desk;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::sync::{Area, Freshness};
use infomaniak::models::{RoleType, User};
use infomaniak::{AccountId, InvitationId, Route, TeamId, UserId};
use serde::{Deserialize, Serialize};

/// A role as people know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Legal representative (`owner`).
    LegalRepresentative,
    /// Administrator (`admin`).
    Administrator,
    /// Collaborator (`normal`).
    Collaborator,
    /// A role this version does not know.
    Unknown,
}

impl Role {
    pub(crate) fn from_api(r: RoleType) -> Self {
        match r {
            RoleType::Owner => Role::LegalRepresentative,
            RoleType::Admin => Role::Administrator,
            RoleType::Normal => Role::Collaborator,
            RoleType::Unknown => Role::Unknown,
        }
    }

    pub(crate) fn to_api(self) -> RoleType {
        match self {
            Role::LegalRepresentative => RoleType::Owner,
            Role::Administrator => RoleType::Admin,
            Role::Collaborator => RoleType::Normal,
            Role::Unknown => RoleType::Unknown,
        }
    }
}

/// Where the count of unreadable people of the last fetch is kept, per organisation (beside the
/// people themselves, whose cached shape other areas read).
const SKIPPED: &str = "users.skipped";

/// One row of the Users page: a member, or a pending invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Person {
    /// Unique in the list: `u<user id>` or `i<invitation id>`.
    pub key: String,
    pub user_id: Option<UserId>,
    pub invitation_id: Option<InvitationId>,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub pending: bool,
    pub billing_access: bool,
    /// Administrative contact for products.
    pub contact_products: bool,
    /// Administrative contact for billing.
    pub contact_billing: bool,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub last_login_at: Option<i64>,
    pub team_ids: Vec<TeamId>,
    /// Someone from outside the organisation: in through a partnership (`partnership_id`, the
    /// spec's only sign of it).
    #[serde(default)]
    pub external: bool,
    /// When a pending invitation was last sent (else made), for the check-up's old invitations.
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub invited_at: Option<i64>,
    /// Signs in with a second factor; `None` when the API did not say (for the check-up).
    #[serde(default)]
    pub second_factor: Option<bool>,
}

impl From<User> for Person {
    fn from(u: User) -> Self {
        let key = match (u.user_id, u.invitation_id) {
            (Some(id), _) => format!("u{id}"),
            (None, Some(id)) => format!("i{id}"),
            (None, None) => format!("e{}", u.email),
        };
        Self {
            key,
            pending: u.is_pending(),
            user_id: u.user_id,
            invitation_id: u.invitation_id,
            name: u.shown_name(),
            email: u.email,
            role: Role::from_api(u.role_type),
            billing_access: u.has_billing_access,
            contact_products: u.is_correspondent,
            contact_billing: u.is_correspondent_billing,
            last_login_at: u.last_login_at,
            team_ids: u.teams,
            external: u.partnership_id.is_some(),
            invited_at: u.invitation.and_then(|i| i.sent_at.or(i.created_at)),
            second_factor: u.security.and_then(|s| s.second_factor()),
        }
    }
}

/// The people of one organisation, from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct UsersSnapshot {
    pub items: Vec<Person>,
    /// People the API sent that could not be read (lacking their id, say): left out of
    /// `items`; the page says once how many.
    pub skipped: u32,
    pub freshness: Freshness,
    /// Changing or removing members is not offered by this API: the Manager does it.
    pub member_changes_missing: bool,
}

impl Desk {
    /// Re-reads an organisation's users after a change that went through. A failure only leaves
    /// the cache stale (the page reads again later): it must not turn the change into a failure.
    pub(crate) async fn reread_users(&self, profile: &ProfileId, account: AccountId) {
        if let Err(e) = self.fetch_people(profile, account).await {
            tracing::info!(%account, "re-reading the users after a change failed: {e}");
        }
    }

    pub(crate) async fn fetch_people(
        &self,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<Vec<Person>, Error> {
        let client = self.client(profile).await?;
        // Teams are a `with=` extra of the user list: the users table shows them. The
        // invitation's dates come in the same answer (the spec's `invitation_details`), for the
        // check-up's old invitations, and whether each signs in with a second factor (the
        // spec's `security`) for its members without one.
        let answer = client
            .users(account)
            .with("teams")
            .with("invitation_details")
            .with("security")
            .all_counted()
            .await;
        self.note(profile, Route::AccountUsers, &answer);
        let listed = self.watch(profile, answer)?;
        let received = listed.items.len();
        // A person with neither a user id nor an invitation id cannot be acted on or told apart:
        // left out like an item the client could not read.
        let people: Vec<Person> = listed
            .items
            .into_iter()
            .filter(|u| u.user_id.is_some() || u.invitation_id.is_some())
            .map(Person::from)
            .collect();
        let key = account.to_string();
        let skipped = listed.skipped + (received - people.len());
        let skipped = u32::try_from(skipped).unwrap_or(u32::MAX);
        self.put_if_known(profile, SKIPPED, &key, &skipped)?;
        self.land_keyed(profile, Area::Users, &key, &people)?;
        Ok(people)
    }
}

impl Users<'_> {
    /// Members and pending invitations of an organisation: cached at once, refreshed when stale.
    ///
    /// # Errors
    /// The fetch's error when nothing is cached yet.
    pub async fn list(&self) -> Result<UsersSnapshot, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let member_changes_missing = desk.route_missing(profile, Route::MemberRemove)
            || desk.route_missing(profile, Route::MemberUpdate);
        let (items, freshness) = desk
            .read_keyed(
                profile,
                Area::Users,
                account,
                desk.fetch_people(profile, account),
            )
            .await?;
        let key = account.to_string();
        let skipped = desk
            .store
            .cached::<u32>(profile, SKIPPED, &key)?
            .map_or(0, |c| c.value);
        Ok(UsersSnapshot {
            items,
            skipped,
            freshness,
            member_changes_missing,
        })
    }
}
