//! What the detail panel of one person adds to the table: the products they reach. Read only
//! when a panel is opened, one request per person, and kept for the usual freshness time.

use crate::Desk;
use crate::error::Error;
use crate::profiles::ProfileId;
use crate::sync::FRESHNESS_SECS;
use crate::views::Area;
use infomaniak::models::AppAccess;
use infomaniak::{AccountId, Route, UserId};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

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

impl Desk {
    /// The products a member reaches in an organisation: from the cache while fresh, otherwise
    /// asked once.
    ///
    /// # Errors
    /// The API's error (a 404 when the person is not a member).
    pub async fn products_reachable(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        user: u32,
    ) -> Result<Vec<ReachableProduct>, Error> {
        // Kept beside the organisation's people: a change to them re-reads this too.
        let key = format!("{account}/u{user}/products");
        let area = Area::People.as_str();
        if let Some(c) = self
            .store
            .cached::<Vec<ReachableProduct>>(profile, area, &key)?
            && self.clock.unix_now() - c.fetched_at < FRESHNESS_SECS
        {
            return Ok(c.value);
        }
        let client = self.client(profile).await?;
        let answer = client
            .app_accesses(AccountId(account.into()), UserId(user.into()))
            .await;
        self.note(profile, Route::UserAppAccesses, &answer);
        let items: Vec<ReachableProduct> = self
            .watch(profile, answer)?
            .into_iter()
            .map(ReachableProduct::from)
            .collect();
        self.store
            .put_cached(profile, area, &key, &items, self.clock.unix_now())?;
        Ok(items)
    }
}
