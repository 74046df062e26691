//! A member's billing right and contact preferences, and a pending invitation's role, teams and
//! rights. Resending an invitation is not in Infomaniak's API.

use crate::Desk;
use crate::audit::Change;
use crate::error::Error;
use crate::people::Role;
use crate::people_rules::{Refusal, check_invite};
use crate::profiles::ProfileId;
use infomaniak::models::{InvitationUpdate, MemberUpdate};
use infomaniak::{AccountId, InvitationId, Route, TeamId};
use serde::Deserialize;
use std::sync::Arc;

/// What a member may receive and do besides their role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MemberSettings {
    pub billing_access: bool,
    pub contact_products: bool,
    pub contact_billing: bool,
}

/// A pending invitation as it should now be.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InvitationChange {
    pub role: Role,
    pub team_ids: Vec<u32>,
    pub billing_access: bool,
    pub contact_products: bool,
    pub contact_billing: bool,
}

impl Desk {
    /// Sets a member's billing right and contact preferences (an `unverified` route: the Manager
    /// hand-off when it is missing).
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`404 method_not_found` when the API lacks the route).
    pub async fn set_member_settings(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        user: u32,
        settings: MemberSettings,
    ) -> Result<(), Error> {
        check_invite(
            self.relation_of(profile, account).await?,
            Role::Collaborator,
        )?;
        let target = self
            .person(profile, account, |p| p.user_id == Some(user) && !p.pending)
            .await?;
        let update = MemberUpdate {
            has_billing_access: Some(settings.billing_access),
            is_correspondent: Some(settings.contact_products),
            is_correspondent_billing: Some(settings.contact_billing),
            ..MemberUpdate::default()
        };
        self.send_member_update(
            profile,
            account,
            user,
            "member.settings",
            &target.email,
            &update,
        )
        .await
    }

    /// Changes a pending invitation's role, teams and rights.
    ///
    /// # Errors
    /// [`Error::Invalid`] for an unknown role; [`Error::Refused`]; the API's error
    /// (400 `cannot_update_invitation` once it was accepted or cancelled).
    pub async fn update_invitation(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        invitation: u32,
        wanted: InvitationChange,
    ) -> Result<(), Error> {
        if wanted.role == Role::Unknown {
            return Err(Error::Invalid {
                field: "role_type",
                reason: "required",
            });
        }
        check_invite(self.relation_of(profile, account).await?, wanted.role)?;
        let target = self
            .person(profile, account, |p| p.invitation_id == Some(invitation))
            .await?;
        if !target.pending {
            return Err(Refusal::UnknownPerson.into());
        }
        let client = self.client(profile).await?;
        let update = InvitationUpdate {
            role_type: Some(wanted.role.to_api()),
            team_ids: Some(
                wanted
                    .team_ids
                    .iter()
                    .map(|t| TeamId((*t).into()))
                    .collect(),
            ),
            has_billing: Some(wanted.billing_access),
            has_billing_mailing: Some(wanted.contact_billing),
            has_mailing: Some(wanted.contact_products),
            ..InvitationUpdate::default()
        };
        let change = Change {
            action: "invitation.update",
            account_id: Some(account),
            target: &target.email,
        };
        self.audited(profile, change, async {
            let answer = client
                .update_invitation(
                    AccountId(account.into()),
                    InvitationId(invitation.into()),
                    &update,
                )
                .await;
            self.note(profile, Route::InvitationUpdate, &answer);
            self.watch(profile, answer).map(drop)
        })
        .await?;
        self.fetch_people(profile, account).await.map(drop)
    }
}
