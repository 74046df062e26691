//! Renewals and automatic renewal (`unverified` routes: a `404 method_not_found` means the
//! Manager's renewal page must do it).

use super::list::{Listing, paged};
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, ProductId};
use crate::models::{AutoRenewResult, AutoRenewSwitch, Renewal};
use crate::routes::Route;

/// `GET /1/accounts/{account_id}/renewals`.
#[derive(Debug, Clone)]
pub struct RenewalsQuery {
    list: Listing,
}

paged!(RenewalsQuery, Renewal);

impl Client {
    /// The products of an organisation that expire, as the Manager's renewal page lists them.
    pub fn renewals(&self, account: AccountId) -> RenewalsQuery {
        RenewalsQuery {
            list: Listing::new(self, Call::to(Route::Renewals, &[&account])),
        }
    }

    /// Switches automatic renewal for one or many products; each product gets its own result
    /// (`auto_renew_too_close_to_expiry`, `no_supported_payment_method`…), so one refusal does
    /// not hide the others.
    ///
    /// # Errors
    /// Any [`Error`] for the request as a whole; 404 `method_not_found` where the API lacks the
    /// route.
    pub async fn set_auto_renew(
        &self,
        account: AccountId,
        products: &[ProductId],
        enabled: bool,
    ) -> Result<Vec<AutoRenewResult>, Error> {
        let body = AutoRenewSwitch {
            product_ids: products,
            enabled,
        };
        let call = Call::to(Route::AutoRenewSet, &[&account]).json(&body)?;
        Ok(self.send(&call).await?.data)
    }
}
