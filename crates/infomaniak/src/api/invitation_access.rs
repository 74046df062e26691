//! Product access granted with a pending invitation: kDrive, a mailbox, kChat, kSuite.

use super::done;
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, InvitationId};
use crate::models::{AccessGrant, AccessTarget, InvitationAccess};
use crate::routes::Route;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Grant,
    Update,
    Revoke,
}

/// A kDrive is named in the body when granting (`POST …/drive`), in the path otherwise.
#[derive(Serialize)]
struct DriveGrant<'a> {
    drive_id: u64,
    #[serde(flatten)]
    grant: &'a AccessGrant,
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
        (T::Mailbox(mail), C::Grant) => Call::to(Route::InvitationMailboxAdd, &[a, i, &mail]),
        (T::Mailbox(mail), C::Update) => Call::to(Route::InvitationMailboxUpdate, &[a, i, &mail]),
        (T::Mailbox(mail), C::Revoke) => Call::to(Route::InvitationMailboxRemove, &[a, i, &mail]),
        (T::Kchat, C::Grant) => Call::to(Route::InvitationKchatAdd, &[a, i]),
        (T::Kchat, C::Update) => Call::to(Route::InvitationKchatUpdate, &[a, i]),
        (T::Kchat, C::Revoke) => Call::to(Route::InvitationKchatRemove, &[a, i]),
        (T::Ksuite, C::Grant) => Call::to(Route::InvitationKsuiteAdd, &[a, i]),
        (T::Ksuite, C::Update) => Call::to(Route::InvitationKsuiteUpdate, &[a, i]),
        (T::Ksuite, C::Revoke) => Call::to(Route::InvitationKsuiteRemove, &[a, i]),
    };
    match grant {
        Some(grant) => call.json(grant),
        None => Ok(call),
    }
}

impl Client {
    /// Grants access to a product along with a pending invitation (`role`, and for a kDrive a
    /// `right`).
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
    ) -> Result<InvitationAccess, Error> {
        let call = call(account, invitation, target, Change::Grant, Some(grant))?;
        Ok(self.send(&call).await?.data)
    }

    /// Changes the role or right of an access granted with an invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no such access was granted.
    pub async fn update_invitation_access(
        &self,
        account: AccountId,
        invitation: InvitationId,
        target: AccessTarget,
        grant: &AccessGrant,
    ) -> Result<InvitationAccess, Error> {
        let call = call(account, invitation, target, Change::Update, Some(grant))?;
        Ok(self.send(&call).await?.data)
    }

    /// Withdraws an access granted with an invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when no such access was granted.
    pub async fn revoke_invitation_access(
        &self,
        account: AccountId,
        invitation: InvitationId,
        target: AccessTarget,
    ) -> Result<(), Error> {
        let call = call(account, invitation, target, Change::Revoke, None)?;
        done(self.send(&call).await)
    }
}
