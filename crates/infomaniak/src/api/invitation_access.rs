//! Product access granted with a pending invitation: kDrive, a mailbox, kChat, kSuite, on the
//! routes and with the bodies of Infomaniak's published spec. Every one answers with the whole
//! invitation.

use super::done;
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::error::RequestError;
use crate::ids::{AccountId, InvitationId, MailboxId};
use crate::models::{
    AccessGrant, AccessRole, AccessTarget, Invitation, MailboxGrant, MailboxInvite,
};
use crate::routes::Route;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Grant,
    Update,
    Revoke,
}

impl Change {
    fn verb(self) -> &'static str {
        match self {
            Change::Grant => "grant",
            Change::Update => "change",
            Change::Revoke => "withdraw",
        }
    }
}

/// A kDrive is named in the body when granting (`POST …/drive`), in the path otherwise.
#[derive(Serialize)]
struct DriveGrant<'a> {
    drive_id: u64,
    #[serde(flatten)]
    grant: &'a AccessGrant,
}

/// kChat has one route, `PATCH …/kchat`, which sets the role (granting it too).
#[derive(Serialize)]
struct KchatRole {
    role: AccessRole,
}

/// `POST …/ksuite` gives the kSuite's kChat and kDrive, each with a role.
#[derive(Serialize)]
struct KsuiteGrant {
    ksuite_access: KsuiteRoles,
}

#[derive(Serialize)]
struct KsuiteRoles {
    kchat_role: AccessRole,
    kdrive_role: AccessRole,
}

fn call(
    account: AccountId,
    invitation: InvitationId,
    target: AccessTarget,
    change: Change,
    grant: Option<&AccessGrant>,
) -> Result<Call, Error> {
    use AccessTarget as T;
    use Change as C;
    let (a, i) = (
        &account as &dyn std::fmt::Display,
        &invitation as &dyn std::fmt::Display,
    );
    let call = match (target, change) {
        (T::Drive(drive), C::Grant) => {
            let body = DriveGrant {
                drive_id: drive.0,
                grant: &grant.copied().unwrap_or_default(),
            };
            return Call::to(Route::InvitationDriveAdd, &[a, i]).json(&body);
        }
        (T::Drive(drive), C::Update) => Call::to(Route::InvitationDriveUpdate, &[a, i, &drive]),
        (T::Drive(drive), C::Revoke) => Call::to(Route::InvitationDriveRemove, &[a, i, &drive]),
        (T::Kchat, C::Grant | C::Update) => {
            let role = grant.copied().unwrap_or_default().role;
            return Call::to(Route::InvitationKchatUpdate, &[a, i]).json(&KchatRole { role });
        }
        (T::Ksuite, C::Grant) => {
            let role = grant.copied().unwrap_or_default().role;
            let body = KsuiteGrant {
                ksuite_access: KsuiteRoles {
                    kchat_role: role,
                    kdrive_role: role,
                },
            };
            return Call::to(Route::InvitationKsuiteAdd, &[a, i]).json(&body);
        }
        (T::Ksuite, C::Revoke) => Call::to(Route::InvitationKsuiteRemove, &[a, i]),
        (T::Kchat, C::Revoke) | (T::Ksuite, C::Update) => {
            return Err(RequestError::NoSuchAccessChange {
                target: if target == T::Kchat {
                    "kChat"
                } else {
                    "kSuite"
                },
                change: change.verb(),
            }
            .into());
        }
    };
    match grant {
        Some(grant) => call.json(grant),
        None => Ok(call),
    }
}

impl Client {
    /// Grants access to a product along with a pending invitation (`role`, and for a kDrive a
    /// `right`); answers with the invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 409 `object_already_exists` when already granted, 422 naming a wrong field
    /// (a drive id that is not a kDrive of the organisation), 400 `cannot_update_invitation`
    /// once the invitation is no longer pending.
    pub async fn grant_invitation_access(
        &self,
        account: AccountId,
        invitation: InvitationId,
        target: AccessTarget,
        grant: &AccessGrant,
    ) -> Result<Invitation, Error> {
        let call = call(account, invitation, target, Change::Grant, Some(grant))?;
        Ok(self.send(&call).await?.data)
    }

    /// Changes the role or right of an access granted with an invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no such access was granted;
    /// [`RequestError::NoSuchAccessChange`] for a kSuite, whose access the API cannot change.
    pub async fn update_invitation_access(
        &self,
        account: AccountId,
        invitation: InvitationId,
        target: AccessTarget,
        grant: &AccessGrant,
    ) -> Result<Invitation, Error> {
        let call = call(account, invitation, target, Change::Update, Some(grant))?;
        Ok(self.send(&call).await?.data)
    }

    /// Withdraws an access granted with an invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no such access was granted;
    /// [`RequestError::NoSuchAccessChange`] for kChat, which the API can only give a role on.
    pub async fn revoke_invitation_access(
        &self,
        account: AccountId,
        invitation: InvitationId,
        target: AccessTarget,
    ) -> Result<(), Error> {
        let call = call(account, invitation, target, Change::Revoke, None)?;
        done(self.send(&call).await)
    }

    /// Gives a mailbox of one of the organisation's mail services with a pending invitation;
    /// answers with the invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 422 naming `mail_id` when it is not a mail service of the organisation,
    /// 409 `object_already_exists` when a mailbox of that service is already given.
    pub async fn invite_mailbox(
        &self,
        account: AccountId,
        invitation: InvitationId,
        mailbox: &MailboxInvite,
    ) -> Result<Invitation, Error> {
        let call =
            Call::to(Route::InvitationMailboxInvite, &[&account, &invitation]).json(mailbox)?;
        Ok(self.send(&call).await?.data)
    }

    /// Gives an existing mailbox of the mail service `mail` with a pending invitation, with what
    /// the person may do with it; answers with the invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 422 naming `mail_id` when it is not a mail service of the organisation, or
    /// a missing permission; 409 `object_already_exists` when that service's mailbox is given.
    pub async fn grant_invitation_mailbox(
        &self,
        account: AccountId,
        invitation: InvitationId,
        mail: MailboxId,
        grant: &MailboxGrant,
    ) -> Result<Invitation, Error> {
        let call =
            Call::to(Route::InvitationMailboxAdd, &[&account, &invitation, &mail]).json(grant)?;
        Ok(self.send(&call).await?.data)
    }

    /// Changes which mailbox of `mail`, or what the person may do with it.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no mailbox of that service was given.
    pub async fn update_invitation_mailbox(
        &self,
        account: AccountId,
        invitation: InvitationId,
        mail: MailboxId,
        grant: &MailboxGrant,
    ) -> Result<Invitation, Error> {
        let call = Call::to(
            Route::InvitationMailboxUpdate,
            &[&account, &invitation, &mail],
        )
        .json(grant)?;
        Ok(self.send(&call).await?.data)
    }

    /// Withdraws the mailbox `mailbox_name` of `mail` given with an invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no mailbox of that service was given.
    pub async fn revoke_invitation_mailbox(
        &self,
        account: AccountId,
        invitation: InvitationId,
        mail: MailboxId,
        mailbox_name: &str,
    ) -> Result<(), Error> {
        #[derive(Serialize)]
        struct Which<'a> {
            mailbox_name: &'a str,
        }
        let call = Call::to(
            Route::InvitationMailboxRemove,
            &[&account, &invitation, &mail],
        )
        .json(&Which { mailbox_name })?;
        done(self.send(&call).await)
    }
}
