//! Organisations.

use super::list::Listing;
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::AccountId;
use crate::models::Account;
use crate::routes::Route;

impl Client {
    /// Every organisation of the signed-in person, by name (every page).
    ///
    /// # Errors
    /// Any [`Error`]; a 403 means the token lacks the `accounts` scope.
    pub async fn accounts(&self) -> Result<Vec<Account>, Error> {
        let call = Call::to(Route::Accounts, &[]).query("order_by", "name");
        Listing::new(self, call).all().await
    }

    /// One organisation.
    ///
    /// # Errors
    /// Any [`Error`]; a 404 means the person has no relation to it (any more).
    pub async fn account(&self, id: AccountId) -> Result<Account, Error> {
        let call = Call::to(Route::Account, &[&id]);
        Ok(self.send(&call).await?.data)
    }
}
