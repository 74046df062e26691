//! The typed calls, one method per route.

use crate::client::{Call, Client};
use crate::error::Error;
use crate::ids::AccountId;
use crate::models::{Account, Profile};
use crate::routes::Route;

impl Client {
    /// The signed-in person.
    ///
    /// # Errors
    /// Any [`Error`]; a 401 means the token is invalid or revoked, a 403 that it lacks `user_info`.
    pub async fn profile(&self) -> Result<Profile, Error> {
        let call = Call::new(Route::Profile, "/2/profile".into());
        Ok(self.send(&call).await?.data)
    }

    /// Every organisation of the signed-in person, by name.
    ///
    /// # Errors
    /// Any [`Error`]; a 403 means the token lacks the `accounts` scope.
    pub async fn accounts(&self) -> Result<Vec<Account>, Error> {
        let call = Call::new(Route::Accounts, "/1/accounts".into()).query("order_by", "name");
        Ok(self.send(&call).await?.data)
    }

    /// One organisation.
    ///
    /// # Errors
    /// Any [`Error`]; a 404 means the person has no relation to it (any more).
    pub async fn account(&self, id: AccountId) -> Result<Account, Error> {
        let call = Call::new(Route::Account, format!("/1/accounts/{id}"));
        Ok(self.send(&call).await?.data)
    }
}
