//! Changing and removing accepted members (`unverified` routes: a `404 method_not_found` means
//! the Manager must do it).

use super::done;
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, UserId};
use crate::models::{MemberUpdate, User};
use crate::routes::Route;

impl Client {
    /// Changes a member's role, billing right or contact preferences.
    ///
    /// # Errors
    /// Any [`Error`]; 403 `access_denied` unless the caller administers the organisation (only a
    /// legal representative may appoint one), 422 `last_owner_cannot_be_removed` when it would
    /// leave no legal representative, 404 `method_not_found` where the API lacks the route.
    pub async fn update_member(
        &self,
        account: AccountId,
        user: UserId,
        change: &MemberUpdate,
    ) -> Result<User, Error> {
        let call = Call::to(Route::MemberUpdate, &[&account, &user]).json(change)?;
        Ok(self.send(&call).await?.data)
    }

    /// Removes a member; removing oneself is leaving the organisation.
    ///
    /// # Errors
    /// Any [`Error`]; 422 `last_owner_cannot_be_removed`, 422 `cannot_leave_account` (the login
    /// address is one of the organisation's mailboxes, or the person belongs to its kSuite),
    /// 404 `method_not_found` where the API lacks the route.
    pub async fn remove_member(&self, account: AccountId, user: UserId) -> Result<(), Error> {
        let call = Call::to(Route::MemberRemove, &[&account, &user]);
        done(self.send(&call).await)
    }
}
