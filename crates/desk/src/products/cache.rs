//! Products of every organisation and their renewals: what is cached, and how it is fetched.
//! The page's view of them is assembled in `view.rs`.

use crate::Desk;
use crate::error::{Error, ErrorCode};
use crate::session::ProfileId;
use crate::sync::Area;
use crate::sync::WHOLE_AREA;
use infomaniak::models::{Currency, PaymentMethod, Product, Renewal};
use infomaniak::{AccountId, Route};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The cache key of how many products the last read left out.
const SKIPPED_PRODUCTS: &str = "products.skipped";

/// A product as the cache keeps it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CachedProduct {
    pub id: u64,
    pub account_id: Option<AccountId>,
    /// `domain`, `hosting`…
    pub service: String,
    /// What users call it (`customer_name`).
    pub name: String,
    pub expires_at: Option<i64>,
    pub locked: bool,
    pub maintenance: bool,
    pub trial: bool,
    pub free: bool,
    pub operation_in_progress: bool,
    /// The product it hangs under (a site's certificate under its hosting).
    #[serde(default)]
    pub parent_id: Option<u64>,
    #[serde(default)]
    pub parent_service: Option<String>,
    /// Whether the caller's rights allow buying or renewing it (`rights.sale`); `None` when
    /// the API did not say.
    #[serde(default)]
    pub may_renew: Option<bool>,
}

/// A status entry (`locked`, `maintenance`) is set when any of its flags is: the spec sends
/// every entry as an object of booleans (`{"superuser": false, "infomaniak": true}`); an older
/// shape named a `reason`.
fn flagged(entry: Option<&serde_json::Value>) -> bool {
    entry
        .and_then(serde_json::Value::as_object)
        .is_some_and(|fields| {
            fields.contains_key("reason") || fields.values().any(|v| v.as_bool() == Some(true))
        })
}

impl From<Product> for CachedProduct {
    fn from(p: Product) -> Self {
        let name = if p.customer_name.is_empty() {
            p.internal_name.unwrap_or_default()
        } else {
            p.customer_name
        };
        Self {
            id: p.id.0,
            account_id: p.account_id,
            service: p.service_name,
            name,
            expires_at: p.expired_at,
            locked: p.is_locked || flagged(p.status.locked.as_ref()),
            maintenance: p.has_maintenance || flagged(p.status.maintenance.as_ref()),
            trial: p.is_trial,
            free: p.is_free,
            operation_in_progress: p.has_operation_in_progress,
            parent_id: p.parent_id.map(|id| id.0),
            parent_service: p.parent_service_name,
            may_renew: p.rights.map(|r| r.sale),
        }
    }
}

/// A product's renewal, as the organisation's renewal page lists it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CachedRenewal {
    pub product_id: u64,
    pub expires_at: Option<i64>,
    pub auto_renew: bool,
    pub next_payment_attempt_at: Option<i64>,
    /// `card`, `twint`, `paypal`, or `other` for one this version does not know.
    pub payment_method: Option<String>,
    pub amount: Option<f64>,
    /// `CHF` or `EUR`; `None` for a currency this version does not know.
    pub currency: Option<String>,
    /// The periods, in months, it can be renewed for (absent from renewals cached before).
    #[serde(default)]
    pub periods: Vec<u32>,
}

impl From<Renewal> for CachedRenewal {
    fn from(r: Renewal) -> Self {
        let payment_method = r.payment_method.map(|m| {
            match m {
                PaymentMethod::Card => "card",
                PaymentMethod::Twint => "twint",
                PaymentMethod::Paypal => "paypal",
                PaymentMethod::Unknown => "other",
            }
            .to_owned()
        });
        let currency = r.price.and_then(|p| match p.currency {
            Currency::Chf => Some("CHF".to_owned()),
            Currency::Eur => Some("EUR".to_owned()),
            Currency::Unknown => None,
        });
        Self {
            product_id: r.product_id.0,
            expires_at: r.expired_at,
            auto_renew: r.auto_renew,
            next_payment_attempt_at: r.next_payment_attempt_at,
            payment_method,
            amount: r.price.and_then(|p| p.amount_incl_tax),
            currency,
            periods: r.periods,
        }
    }
}

/// Whether an organisation's renewals could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RenewalsState {
    Known,
    /// Infomaniak's API has no renewals route: the Manager's renewal page has them.
    Missing,
    /// The organisation refused (no billing right, missing scope…) or the call failed.
    Unreadable,
    /// Not read yet: a first read of every organisation's renewals is under way.
    Pending,
}

/// The renewals of one organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgRenewals {
    pub account_id: AccountId,
    pub state: RenewalsState,
    pub items: Vec<CachedRenewal>,
}

/// A product's renewal, when its organisation's renewals were read.
pub(crate) fn renewal_of<'a>(
    renewals: &'a [OrgRenewals],
    p: &CachedProduct,
) -> Option<&'a CachedRenewal> {
    renewals
        .iter()
        .filter(|o| Some(o.account_id) == p.account_id)
        .flat_map(|o| o.items.iter())
        .find(|r| r.product_id == p.id)
}

impl Desk {
    pub(crate) async fn fetch_products(
        &self,
        profile: &ProfileId,
    ) -> Result<Vec<CachedProduct>, Error> {
        let client = self.client(profile).await?;
        let answer = client.products().all_counted().await;
        self.note(profile, Route::Products, &answer);
        let listed = self.watch(profile, answer)?;
        let items: Vec<CachedProduct> = listed.items.into_iter().map(CachedProduct::from).collect();
        // Written before the products land, so the page re-reading on their news finds both.
        self.put_skipped_products(profile, listed.skipped)?;
        self.land(profile, Area::Products, &items)?;
        Ok(items)
    }

    /// Reads the renewals of every organisation that has products. The first `method_not_found`
    /// settles it for all of them: the route is the same, so no request is wasted on the rest.
    pub(crate) async fn fetch_renewals(
        &self,
        profile: &ProfileId,
    ) -> Result<Vec<OrgRenewals>, Error> {
        let products = match self.cached_products(profile)? {
            Some(p) => p,
            None => self.fetch_products(profile).await?,
        };
        let accounts: BTreeSet<AccountId> = products.iter().filter_map(|p| p.account_id).collect();
        let mut missing = self.route_missing(profile, Route::Renewals);
        let client = self.client(profile).await?;
        let mut out = Vec::with_capacity(accounts.len());
        for account_id in accounts {
            if missing {
                out.push(OrgRenewals {
                    account_id,
                    state: RenewalsState::Missing,
                    items: Vec::new(),
                });
                continue;
            }
            let answer = client.renewals(account_id).all().await;
            self.note(profile, Route::Renewals, &answer);
            let (state, items) = match self.watch(profile, answer) {
                Ok(items) => (
                    RenewalsState::Known,
                    items.into_iter().map(CachedRenewal::from).collect(),
                ),
                Err(e) if e.code() == ErrorCode::NotSupportedByApi => {
                    missing = true;
                    (RenewalsState::Missing, Vec::new())
                }
                Err(e) if e.code() == ErrorCode::AuthExpired => return Err(e),
                Err(e) => {
                    tracing::info!(account_id = account_id.0, "renewals unreadable: {e}");
                    (RenewalsState::Unreadable, Vec::new())
                }
            };
            out.push(OrgRenewals {
                account_id,
                state,
                items,
            });
        }
        self.land(profile, Area::Renewals, &out)?;
        Ok(out)
    }

    /// Keeps how many products of the last read could not be read (lacking their id, say): the
    /// page says so once, with the products it could read.
    pub(crate) fn put_skipped_products(
        &self,
        profile: &ProfileId,
        skipped: usize,
    ) -> Result<(), Error> {
        let skipped = u32::try_from(skipped).unwrap_or(u32::MAX);
        self.put_if_known(profile, SKIPPED_PRODUCTS, WHOLE_AREA, &skipped)?;
        Ok(())
    }

    /// How many products the last read left out; 0 when none or never read.
    pub(crate) fn skipped_products(&self, profile: &ProfileId) -> Result<u32, Error> {
        Ok(self
            .store
            .cached::<u32>(profile, SKIPPED_PRODUCTS, WHOLE_AREA)?
            .map_or(0, |c| c.value))
    }

    pub(crate) fn cached_products(
        &self,
        profile: &ProfileId,
    ) -> Result<Option<Vec<CachedProduct>>, Error> {
        Ok(self
            .store
            .cached::<Vec<CachedProduct>>(profile, Area::Products.as_str(), WHOLE_AREA)?
            .map(|c| c.value))
    }

    pub(crate) fn cached_renewals(
        &self,
        profile: &ProfileId,
    ) -> Result<Option<Vec<OrgRenewals>>, Error> {
        Ok(self
            .store
            .cached::<Vec<OrgRenewals>>(profile, Area::Renewals.as_str(), WHOLE_AREA)?
            .map(|c| c.value))
    }
}
