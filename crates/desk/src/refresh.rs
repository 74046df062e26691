//! Which domain fetches which cached area: the one place the shared refresh machinery (`sync`)
//! reaches into the domains, so that `sync` itself imports none of them.

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use crate::sync::Area;
use infomaniak::AccountId;

impl Desk {
    /// Fetches an area now and stores it, announcing the change.
    ///
    /// # Errors
    /// The API's error, or [`Error::SignedOut`].
    pub async fn refresh(&self, profile: &ProfileId, area: Area) -> Result<(), Error> {
        match area {
            Area::Session => Ok(()),
            Area::Profile => self.fetch_me(profile).await.map(drop),
            Area::Organisations => self.fetch_organisations(profile).await.map(drop),
            Area::SupportAccess => self.fetch_support_accesses(profile).await.map(drop),
            Area::Products => self.fetch_products(profile).await.map(drop),
            Area::Renewals => self.fetch_renewals(profile).await.map(drop),
            // Cached per organisation: refreshed through `refresh_for_account` below.
            Area::Users | Area::Teams | Area::Invoices => Ok(()),
        }
    }

    /// Fetches one organisation's data of an area now.
    ///
    /// # Errors
    /// The API's error.
    pub async fn refresh_for_account(
        &self,
        profile: &ProfileId,
        area: Area,
        key: &str,
    ) -> Result<(), Error> {
        let Ok(account) = key.parse::<u64>().map(AccountId) else {
            return Ok(());
        };
        match area {
            Area::Users => self.fetch_people(profile, account).await.map(drop),
            Area::Teams => self.fetch_teams(profile, account).await.map(drop),
            Area::Invoices => self.fetch_invoices(profile, account).await.map(drop),
            _ => Ok(()),
        }
    }
}
