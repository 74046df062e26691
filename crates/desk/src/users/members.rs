//! Changing who is in an organisation: invite, cancel an invitation, change a role, remove.
//! Each checks the form and the organisation's rules first, then runs under the audit log.

use super::Users;
use crate::Desk;
use crate::activity::Change;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::organisations::{Organisation, Relation};
use crate::session::ProfileId;
use crate::users::rules::{check_invite, check_removal, check_role_change};
use crate::users::{Person, Role};
use infomaniak::models::MemberUpdate;
use infomaniak::{AccountId, Route, UserId};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// How removing one member ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RemovalResult {
    pub user_id: UserId,
    pub name: String,
    pub removed: bool,
    /// The API's error code when it was refused.
    pub error_code: Option<String>,
}

/// What a member may receive and do besides their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MemberSettings {
    pub billing_access: bool,
    pub contact_products: bool,
    pub contact_billing: bool,
}

impl Desk {
    /// Sends a member update (an `unverified` route) under the audit log, then re-reads the
    /// organisation's people. `shows` tells whether the member, read back, carries the update.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn send_member_update(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        user: UserId,
        action: &str,
        target: &str,
        update: &MemberUpdate,
        shows: impl Fn(&Person) -> bool,
    ) -> Result<(), Error> {
        let client = self.client(profile).await?;
        let change = Change {
            action,
            account_id: Some(account),
            target,
            route: Route::MemberUpdate,
        };
        let send = async {
            let answer = client.update_member(account, user, update).await;
            self.note(profile, Route::MemberUpdate, &answer);
            self.watch(profile, answer).map(drop)
        };
        let shows = &shows;
        let read_back = move || async move {
            let people = self.fetch_people(profile, account).await?;
            let applied = people
                .iter()
                .find(|p| p.user_id == Some(user) && !p.pending)
                .is_some_and(&shows);
            Ok(applied.then_some(()))
        };
        self.audited(profile, change, send, read_back).await?;
        self.reread_users(profile, account).await;
        Ok(())
    }

    /// The caller's relation to an organisation, from the cached organisations.
    pub(crate) async fn relation_of(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<Relation, Error> {
        self.relation_to(profile, account).await
    }

    pub(crate) async fn relation_to(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<Relation, Error> {
        let orgs: Vec<Organisation> = self.organisations(profile).await?.items;
        Ok(orgs
            .iter()
            .find(|o| o.id == account)
            .map_or(Relation::Unknown, |o| o.relation))
    }

    pub(crate) async fn person(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        which: impl Fn(&Person) -> bool,
    ) -> Result<Person, Error> {
        let people = self
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        people
            .into_iter()
            .find(|p| which(p))
            .ok_or(Error::Refused(crate::users::rules::Refusal::UnknownPerson))
    }

    pub(crate) fn my_user_id(&self, profile: &ProfileId, people: &[Person]) -> Option<UserId> {
        let me = self
            .store
            .cached::<crate::organisations::Me>(profile, crate::sync::Area::Profile.as_str(), "")
            .ok()??;
        people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(&me.value.email))
            .and_then(|p| p.user_id)
    }
}

impl Users<'_> {
    /// Changes a member's role (an `unverified` route: the Manager hand-off when it is missing).
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`404 method_not_found` when the API lacks the route).
    pub async fn change_role(&self, user: UserId, role: Role) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let people = desk
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        check_role_change(
            desk.relation_to(profile, account).await?,
            &people,
            user,
            role,
        )?;
        let target = people
            .iter()
            .find(|p| p.user_id == Some(user))
            .map(|p| p.email.clone())
            .unwrap_or_default();
        let update = MemberUpdate {
            role_type: Some(role.to_api()),
            ..MemberUpdate::default()
        };
        desk.send_member_update(
            profile,
            account,
            user,
            "member.role",
            &target,
            &update,
            |p| p.role == role,
        )
        .await
    }

    /// Removes members (the whole selection is checked against the rules first). Stops at once
    /// when the API has no such route; otherwise reports each member's outcome.
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's `404 method_not_found` (the Manager hand-off).
    pub async fn remove(&self, users: &[UserId]) -> Result<Vec<RemovalResult>, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let people = desk
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        let me = desk.my_user_id(profile, &people);
        check_removal(
            desk.relation_to(profile, account).await?,
            &people,
            users,
            me,
        )?;
        let client = desk.client(profile).await?;
        let mut results = Vec::new();
        for user in users {
            let person = people.iter().find(|p| p.user_id == Some(*user)).cloned();
            let name = person.as_ref().map_or_else(String::new, |p| p.name.clone());
            let target = person.map_or_else(|| user.to_string(), |p| p.email);
            let change = Change {
                action: "member.remove",
                account_id: Some(account),
                target: &target,
                route: Route::MemberRemove,
            };
            let send = async {
                let answer = client.remove_member(account, *user).await;
                desk.note(profile, Route::MemberRemove, &answer);
                desk.watch(profile, answer)
            };
            // Applied when the member is gone.
            let read_back = move || async move {
                let people = desk.fetch_people(profile, account).await?;
                let gone = !people
                    .iter()
                    .any(|p| p.user_id == Some(*user) && !p.pending);
                Ok(gone.then_some(()))
            };
            let outcome = desk.audited(profile, change, send, read_back).await;
            match outcome {
                Ok(()) => results.push(RemovalResult {
                    user_id: *user,
                    name,
                    removed: true,
                    error_code: None,
                }),
                Err(Error::Api(e)) if e.is_method_not_found() => return Err(Error::Api(e)),
                Err(e) => {
                    let error_code = match &e {
                        Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
                        other => Some(format!("{:?}", other.code())),
                    };
                    results.push(RemovalResult {
                        user_id: *user,
                        name,
                        removed: false,
                        error_code,
                    });
                }
            }
        }
        // Each result stands whatever this re-read does.
        desk.reread_users(profile, account).await;
        Ok(results)
    }

    /// Sets a member's billing right and contact preferences (an `unverified` route: the Manager
    /// hand-off when it is missing).
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`404 method_not_found` when the API lacks the route).
    pub async fn set_settings(&self, user: UserId, settings: MemberSettings) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        check_invite(
            desk.relation_of(profile, account).await?,
            Role::Collaborator,
        )?;
        let target = desk
            .person(profile, account, |p| p.user_id == Some(user) && !p.pending)
            .await?;
        let update = MemberUpdate {
            has_billing_access: Some(settings.billing_access),
            is_correspondent: Some(settings.contact_products),
            is_correspondent_billing: Some(settings.contact_billing),
            ..MemberUpdate::default()
        };
        desk.send_member_update(
            profile,
            account,
            user,
            "member.settings",
            &target.email,
            &update,
            |p| {
                p.billing_access == settings.billing_access
                    && p.contact_products == settings.contact_products
                    && p.contact_billing == settings.contact_billing
            },
        )
        .await
    }
}
