//! Changing who is in an organisation: invite, cancel an invitation, change a role, remove.
//! Each checks the form and the organisation's rules first, then runs under the audit log.

use super::Users;
use crate::activity::Change;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::users::Role;
use crate::users::rules::Refusal;
use crate::users::rules::check_invite;
use crate::users::{InviteOutcome, ProductAccessChoice};
use infomaniak::models::InvitationUpdate;
use infomaniak::models::{InvitationRights, Locale, NewInvitation, Notifications};
use infomaniak::{InvitationId, Route, TeamId};
use serde::Deserialize;

/// The invitation form as the window fills it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InviteForm {
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    /// `de_DE`, `en_GB`, `es_ES`, `fr_FR` or `it_IT`.
    pub locale: String,
    pub role: Role,
    pub billing_access: bool,
    pub contact_billing: bool,
    pub contact_products: bool,
    pub team_ids: Vec<TeamId>,
    /// Send no e-mail.
    pub silent: bool,
    /// The person must register with this very address.
    pub strict: bool,
    /// Products the person gets with the invitation.
    #[serde(default)]
    pub product_access: Vec<ProductAccessChoice>,
}

impl InviteForm {
    /// The API's own rules, checked first so that no request is wasted.
    pub(crate) fn validate(&self) -> Result<NewInvitation, Error> {
        let invalid = |field, reason| Err(Error::Invalid { field, reason });
        let email = self.email.trim();
        if email.is_empty() {
            return invalid("email", "required");
        }
        if !plausible_email(email) {
            return invalid("email", "not an e-mail address");
        }
        if self.first_name.trim().is_empty() {
            return invalid("first_name", "required");
        }
        if self.last_name.trim().is_empty() {
            return invalid("last_name", "required");
        }
        let locale = match self.locale.as_str() {
            "de_DE" => Locale::De,
            "en_GB" => Locale::En,
            "es_ES" => Locale::Es,
            "fr_FR" => Locale::Fr,
            "it_IT" => Locale::It,
            _ => return invalid("locale", "not a language the Manager offers"),
        };
        if self.role == Role::Unknown {
            return invalid("role_type", "required");
        }
        // A mailbox is named by the part before `@`: nothing else may be typed there.
        let bad_mailbox = self.product_access.iter().any(|choice| {
            matches!(choice, ProductAccessChoice::Mailbox { mailbox_name, .. }
                if !is_mailbox_name(mailbox_name.trim()))
        });
        if bad_mailbox {
            return invalid("mailbox_name", "not a mailbox name");
        }
        let mut new = NewInvitation::new(
            email,
            self.first_name.trim(),
            self.last_name.trim(),
            locale,
            self.role.to_api(),
        );
        new.notifications = Some(Notifications {
            billing: self.contact_billing,
            products: self.contact_products,
        });
        new.permissions = Some(InvitationRights {
            billing: self.billing_access,
        });
        new.teams.clone_from(&self.team_ids);
        new.silent = self.silent;
        new.strict = self.strict;
        Ok(new)
    }
}

/// The part of an address before `@`: letters, digits and `. _ - +`, not starting or ending with
/// a dot.
fn is_mailbox_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.ends_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
}

/// An address the API would take: something before one `@`, a dotted domain after, no space.
pub(crate) fn plausible_email(email: &str) -> bool {
    email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !email.chars().any(char::is_whitespace)
}

/// A pending invitation as it should now be.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InvitationChange {
    pub role: Role,
    pub team_ids: Vec<TeamId>,
    pub billing_access: bool,
    pub contact_products: bool,
    pub contact_billing: bool,
}

impl Users<'_> {
    /// Invites someone, after checking the form and that the caller may give that role.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the field; [`Error::Refused`]; the API's error (422 naming a field,
    /// 400 `invitation_already_exists_with_this_email`…).
    pub async fn invite(&self, form: InviteForm) -> Result<InviteOutcome, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let invitation = form.validate()?;
        check_invite(desk.relation_to(profile, account).await?, form.role)?;
        let client = desk.client(profile).await?;
        let change = Change {
            action: "invitation.create",
            account_id: Some(account),
            target: invitation.email.as_str(),
            route: Route::InvitationCreate,
        };
        let send = async {
            let answer = client.invite(account, &invitation).await;
            desk.note(profile, Route::InvitationCreate, &answer);
            desk.watch(profile, answer).map(|sent| sent.id)
        };
        // Applied when a pending invitation to that address shows.
        let invitation = &invitation;
        let read_back = move || async move {
            let people = desk.fetch_people(profile, account).await?;
            Ok(people
                .iter()
                .filter(|p| p.pending && p.email.eq_ignore_ascii_case(&invitation.email))
                .find_map(|p| p.invitation_id))
        };
        let sent = desk.audited(profile, change, send, read_back).await?;
        let outcome = desk
            .grant_with_invitation(
                profile,
                account,
                sent,
                &invitation.email,
                &form.product_access,
            )
            .await?;
        desk.reread_users(profile, account).await;
        Ok(outcome)
    }

    /// Cancels a pending invitation.
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`cannot_update_invitation` once it was accepted).
    pub async fn cancel_invitation(&self, invitation: InvitationId) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        check_invite(
            desk.relation_to(profile, account).await?,
            Role::Collaborator,
        )?;
        let target = desk
            .person(profile, account, |p| p.invitation_id == Some(invitation))
            .await?;
        let client = desk.client(profile).await?;
        let change = Change {
            action: "invitation.cancel",
            account_id: Some(account),
            target: &target.email,
            route: Route::InvitationCancel,
        };
        let send = async {
            let answer = client.cancel_invitation(account, invitation).await;
            desk.note(profile, Route::InvitationCancel, &answer);
            desk.watch(profile, answer)
        };
        // Applied when the invitation no longer shows.
        let read_back = move || async move {
            let people = desk.fetch_people(profile, account).await?;
            let gone = !people.iter().any(|p| p.invitation_id == Some(invitation));
            Ok(gone.then_some(()))
        };
        desk.audited(profile, change, send, read_back).await?;
        desk.reread_users(profile, account).await;
        Ok(())
    }

    /// Changes a pending invitation's role, teams and rights.
    ///
    /// # Errors
    /// [`Error::Invalid`] for an unknown role; [`Error::Refused`]; the API's error
    /// (400 `cannot_update_invitation` once it was accepted or cancelled).
    pub async fn update_invitation(
        &self,
        invitation: InvitationId,
        wanted: InvitationChange,
    ) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        if wanted.role == Role::Unknown {
            return Err(Error::Invalid {
                field: "role_type",
                reason: "required",
            });
        }
        check_invite(desk.relation_of(profile, account).await?, wanted.role)?;
        let target = desk
            .person(profile, account, |p| p.invitation_id == Some(invitation))
            .await?;
        if !target.pending {
            return Err(Refusal::UnknownPerson.into());
        }
        let client = desk.client(profile).await?;
        let update = InvitationUpdate {
            role_type: Some(wanted.role.to_api()),
            team_ids: Some(wanted.team_ids.clone()),
            has_billing: Some(wanted.billing_access),
            has_billing_mailing: Some(wanted.contact_billing),
            has_mailing: Some(wanted.contact_products),
            ..InvitationUpdate::default()
        };
        let change = Change {
            action: "invitation.update",
            account_id: Some(account),
            target: &target.email,
            route: Route::InvitationUpdate,
        };
        let send = async {
            let answer = client.update_invitation(account, invitation, &update).await;
            desk.note(profile, Route::InvitationUpdate, &answer);
            desk.watch(profile, answer).map(drop)
        };
        // Applied when the invitation shows the role, teams and rights asked.
        let wanted = &wanted;
        let read_back = move || async move {
            let people = desk.fetch_people(profile, account).await?;
            let applied = people
                .iter()
                .find(|p| p.invitation_id == Some(invitation))
                .is_some_and(|p| {
                    let mut teams = p.team_ids.clone();
                    let mut asked = wanted.team_ids.clone();
                    teams.sort_unstable();
                    asked.sort_unstable();
                    p.role == wanted.role
                        && teams == asked
                        && p.billing_access == wanted.billing_access
                        && p.contact_billing == wanted.contact_billing
                        && p.contact_products == wanted.contact_products
                });
            Ok(applied.then_some(()))
        };
        desk.audited(profile, change, send, read_back).await?;
        desk.reread_users(profile, account).await;
        Ok(())
    }
}
