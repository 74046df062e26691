//! Invitations to an organisation.

use super::done;
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, InvitationId, UserId};
use crate::models::{Invitation, InvitationUpdate, NewInvitation};
use crate::routes::Route;

impl Client {
    /// Invites someone; the answer is the pending invitation. Never retried: a second attempt
    /// could send a second e-mail.
    ///
    /// # Errors
    /// Any [`Error`]; 422 `validation_failed` naming each wrong field, 400
    /// `invitation_already_exists_with_this_email`, 400 `cannot_send_invitation_email`, 429
    /// `invitation_sending_rate_limit_reached` (one e-mail per address and minute), 403 when only
    /// a legal representative may invite this role.
    pub async fn invite(
        &self,
        account: AccountId,
        invitation: &NewInvitation,
    ) -> Result<Invitation, Error> {
        let call = Call::to(Route::InvitationCreate, &[&account]).json(invitation)?;
        Ok(self.send(&call).await?.data)
    }

    /// One invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when it does not exist.
    pub async fn invitation(
        &self,
        account: AccountId,
        invitation: InvitationId,
    ) -> Result<Invitation, Error> {
        let call = Call::to(Route::InvitationGet, &[&account, &invitation]);
        Ok(self.send(&call).await?.data)
    }

    /// Changes a pending invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 400 `cannot_update_invitation` once it was accepted, cancelled or
    /// rejected, 422 naming each wrong field.
    pub async fn update_invitation(
        &self,
        account: AccountId,
        invitation: InvitationId,
        change: &InvitationUpdate,
    ) -> Result<Invitation, Error> {
        let call = Call::to(Route::InvitationUpdate, &[&account, &invitation]).json(change)?;
        Ok(self.send(&call).await?.data)
    }

    /// Cancels a pending invitation.
    ///
    /// # Errors
    /// Any [`Error`]; 400 `invitation_is_already_accepted`, 400 `cannot_update_invitation`.
    pub async fn cancel_invitation(
        &self,
        account: AccountId,
        invitation: InvitationId,
    ) -> Result<(), Error> {
        let call = Call::to(Route::InvitationCancel, &[&account, &invitation]);
        done(self.send(&call).await)
    }

    /// Every invitation of one person to this organisation.
    ///
    /// # Errors
    /// Any [`Error`]; 404 when the person is unknown.
    pub async fn user_invitations(
        &self,
        account: AccountId,
        user: UserId,
    ) -> Result<Vec<Invitation>, Error> {
        let call = Call::to(Route::UserInvitations, &[&account, &user]);
        Ok(self.send(&call).await?.data)
    }
}
