//! Changing who is in an organisation: invite, cancel an invitation, change a role, remove.
//! Each checks the form and the organisation's rules first, then runs under the audit log.

use crate::Desk;
use crate::audit::Change;
use crate::error::Error;
use crate::invitation_access::{InviteOutcome, ProductAccessChoice};
use crate::people::{Person, Role};
use crate::people_rules::{check_invite, check_removal, check_role_change};
use crate::profiles::ProfileId;
use crate::views::{Organisation, Relation};
use infomaniak::models::{InvitationRights, Locale, MemberUpdate, NewInvitation, Notifications};
use infomaniak::{AccountId, InvitationId, Route, TeamId, UserId};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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
    pub team_ids: Vec<u32>,
    /// Send no e-mail.
    pub silent: bool,
    /// The person must register with this very address.
    pub strict: bool,
    /// Products the person gets with the invitation.
    #[serde(default)]
    pub product_access: Vec<ProductAccessChoice>,
}

/// How removing one member ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RemovalResult {
    pub user_id: u32,
    pub name: String,
    pub removed: bool,
    /// The API's error code when it was refused.
    pub error_code: Option<String>,
}

impl InviteForm {
    /// The API's own rules, checked first so that no request is wasted.
    fn validate(&self) -> Result<NewInvitation, Error> {
        let invalid = |field, reason| Err(Error::Invalid { field, reason });
        let email = self.email.trim();
        let plausible = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
        if email.is_empty() {
            return invalid("email", "required");
        }
        if !plausible || email.chars().any(char::is_whitespace) {
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
        new.teams = self.team_ids.iter().map(|t| TeamId((*t).into())).collect();
        new.silent = self.silent;
        new.strict = self.strict;
        Ok(new)
    }
}

impl Desk {
    /// Invites someone, after checking the form and that the caller may give that role.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the field; [`Error::Refused`]; the API's error (422 naming a field,
    /// 400 `invitation_already_exists_with_this_email`…).
    pub async fn invite(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        form: InviteForm,
    ) -> Result<InviteOutcome, Error> {
        let invitation = form.validate()?;
        check_invite(self.relation_to(profile, account).await?, form.role)?;
        let client = self.client(profile).await?;
        let change = Change {
            action: "invitation.create",
            account_id: Some(account),
            target: invitation.email.as_str(),
        };
        let sent = self
            .audited(profile, change, async {
                let answer = client.invite(AccountId(account.into()), &invitation).await;
                self.note(profile, Route::InvitationCreate, &answer);
                self.watch(profile, answer)
            })
            .await?;
        let outcome = self
            .grant_with_invitation(
                profile,
                account,
                sent.id,
                &invitation.email,
                &form.product_access,
            )
            .await?;
        self.fetch_people(profile, account).await?;
        Ok(outcome)
    }

    /// Cancels a pending invitation.
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`cannot_update_invitation` once it was accepted).
    pub async fn cancel_invitation(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        invitation: u32,
    ) -> Result<(), Error> {
        check_invite(
            self.relation_to(profile, account).await?,
            Role::Collaborator,
        )?;
        let target = self
            .person(profile, account, |p| p.invitation_id == Some(invitation))
            .await?;
        let client = self.client(profile).await?;
        let change = Change {
            action: "invitation.cancel",
            account_id: Some(account),
            target: &target.email,
        };
        self.audited(profile, change, async {
            let answer = client
                .cancel_invitation(AccountId(account.into()), InvitationId(invitation.into()))
                .await;
            self.note(profile, Route::InvitationCancel, &answer);
            self.watch(profile, answer)
        })
        .await?;
        self.fetch_people(profile, account).await.map(drop)
    }

    /// Changes a member's role (an `unverified` route: the Manager hand-off when it is missing).
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's error (`404 method_not_found` when the API lacks the route).
    pub async fn change_role(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        user: u32,
        role: Role,
    ) -> Result<(), Error> {
        let people = self.people(profile, account).await?.items;
        check_role_change(
            self.relation_to(profile, account).await?,
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
        self.send_member_update(profile, account, user, "member.role", &target, &update)
            .await
    }

    /// Sends a member update (an `unverified` route) under the audit log, then re-reads the
    /// organisation's people.
    pub(crate) async fn send_member_update(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        user: u32,
        action: &str,
        target: &str,
        update: &MemberUpdate,
    ) -> Result<(), Error> {
        let client = self.client(profile).await?;
        let change = Change {
            action,
            account_id: Some(account),
            target,
        };
        self.audited(profile, change, async {
            let answer = client
                .update_member(AccountId(account.into()), UserId(user.into()), update)
                .await;
            self.note(profile, Route::MemberUpdate, &answer);
            self.watch(profile, answer).map(drop)
        })
        .await?;
        self.fetch_people(profile, account).await.map(drop)
    }

    /// Removes members (the whole selection is checked against the rules first). Stops at once
    /// when the API has no such route; otherwise reports each member's outcome.
    ///
    /// # Errors
    /// [`Error::Refused`]; the API's `404 method_not_found` (the Manager hand-off).
    pub async fn remove_members(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        users: &[u32],
    ) -> Result<Vec<RemovalResult>, Error> {
        let people = self.people(profile, account).await?.items;
        let me = self.my_user_id(profile, &people);
        check_removal(
            self.relation_to(profile, account).await?,
            &people,
            users,
            me,
        )?;
        let client = self.client(profile).await?;
        let mut results = Vec::new();
        for user in users {
            let person = people.iter().find(|p| p.user_id == Some(*user)).cloned();
            let name = person.as_ref().map_or_else(String::new, |p| p.name.clone());
            let target = person.map_or_else(|| user.to_string(), |p| p.email);
            let change = Change {
                action: "member.remove",
                account_id: Some(account),
                target: &target,
            };
            let outcome = self
                .audited(profile, change, async {
                    let answer = client
                        .remove_member(AccountId(account.into()), UserId((*user).into()))
                        .await;
                    self.note(profile, Route::MemberRemove, &answer);
                    self.watch(profile, answer)
                })
                .await;
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
        self.fetch_people(profile, account).await?;
        Ok(results)
    }

    /// The caller's relation to an organisation, from the cached organisations.
    pub(crate) async fn relation_of(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
    ) -> Result<Relation, Error> {
        self.relation_to(profile, account).await
    }

    async fn relation_to(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
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
        account: u32,
        which: impl Fn(&Person) -> bool,
    ) -> Result<Person, Error> {
        let people = self.people(profile, account).await?.items;
        people
            .into_iter()
            .find(|p| which(p))
            .ok_or(Error::Refused(crate::people_rules::Refusal::UnknownPerson))
    }

    pub(crate) fn my_user_id(&self, profile: &ProfileId, people: &[Person]) -> Option<u32> {
        let me = self
            .store
            .cached::<crate::views::Me>(profile, crate::views::Area::Profile.as_str(), "")
            .ok()??;
        people
            .iter()
            .find(|p| p.email.eq_ignore_ascii_case(&me.value.email))
            .and_then(|p| p.user_id)
    }
}
