//! What the detail panel of one person adds to the table: the products they reach. Read only
//! when a panel is opened, one request per person, and kept for the usual freshness time.

use super::Users;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::sync::Area;
use crate::sync::FRESHNESS_SECS;
use infomaniak::models::AppAccess;
use infomaniak::{Route, UserId};
use serde::{Deserialize, Serialize};

/// One product a member can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReachableProduct {
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub product_id: u64,
    /// The kind of product (`drive`, `mail_hosting`…).
    pub service_name: String,
    /// What its owners call it, when known.
    pub name: Option<String>,
    /// The person's role on it, when known.
    pub role: Option<String>,
}

impl From<AppAccess> for ReachableProduct {
    fn from(a: AppAccess) -> Self {
        Self {
            product_id: a.product_id.0,
            service_name: a.service_name,
            name: a.customer_name,
            role: a.role,
        }
    }
}

impl Users<'_> {
    /// The products a member reaches in an organisation: from the cache while fresh, otherwise
    /// asked once.
    ///
    /// # Errors
    /// The API's error (a 404 when the person is not a member).
    pub async fn products_reachable(&self, user: UserId) -> Result<Vec<ReachableProduct>, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        // Kept beside the organisation's people: a change to them re-reads this too.
        let key = format!("{account}/u{user}/products");
        let area = Area::Users.as_str();
        if let Some(c) = desk
            .store
            .cached::<Vec<ReachableProduct>>(profile, area, &key)?
            && desk.clock.unix_now() - c.fetched_at < FRESHNESS_SECS
        {
            return Ok(c.value);
        }
        let client = desk.client(profile).await?;
        let answer = client.app_accesses(account, user).await;
        desk.note(profile, Route::UserAppAccesses, &answer);
        let items: Vec<ReachableProduct> = desk
            .watch(profile, answer)?
            .into_iter()
            .map(ReachableProduct::from)
            .collect();
        desk.put_if_known(profile, area, &key, &items)?;
        Ok(items)
    }
}
