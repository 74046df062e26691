//! Switching automatic renewal on or off for one product or a selection (the Manager's "Manage
//! renewals"): checked against the 14-day rule first, one audited request per organisation, and a
//! result for every product so that one refusal does not hide the others.

use crate::Desk;
use crate::activity::Change;
use crate::error::{Error, ErrorCode};
use crate::products::renewals;
use crate::products::{CachedProduct, OrgRenewals};
use crate::session::ProfileId;
use crate::sync::Area;
use infomaniak::models::AutoRenewResult;
use infomaniak::{AccountId, ProductId, Route};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What happened to one product of a switch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AutoRenewItem {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub product_id: u64,
    pub name: String,
    pub changed: bool,
    /// Why not: the API's code (`no_supported_payment_method`…) or the app's error code.
    pub code: Option<String>,
    pub message: Option<String>,
}

/// The outcome of a switch, product by product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AutoRenewOutcome {
    pub enabled: bool,
    pub items: Vec<AutoRenewItem>,
}

impl Desk {
    /// Switches automatic renewal on or off for `product_ids`. Switching on is refused before
    /// anything is sent when a product expires within 14 days or never expires.
    ///
    /// # Errors
    /// [`Error::UnknownProduct`], [`Error::AutoRenewTooLate`] (nothing sent), the API's
    /// `method_not_found` (the Manager's renewal page must do it), or a sign-in error. Refusals of
    /// single products are results, not errors.
    pub async fn set_auto_renew(
        self: &Arc<Self>,
        profile: &ProfileId,
        product_ids: &[ProductId],
        enabled: bool,
    ) -> Result<AutoRenewOutcome, Error> {
        let now = self.clock.unix_now();
        let products = match self.cached_products(profile)? {
            Some(p) => p,
            None => self.fetch_products(profile).await?,
        };
        let renewals = self.cached_renewals(profile)?.unwrap_or_default();
        let chosen = product_ids
            .iter()
            .map(|id| {
                products
                    .iter()
                    .find(|p| p.id == id.0)
                    .ok_or(Error::UnknownProduct(id.0))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if enabled {
            let late: Vec<&str> = chosen
                .iter()
                .filter(|p| !renewals::can_switch_on(now, expiry_of(&renewals, p)))
                .map(|p| p.name.as_str())
                .collect();
            if !late.is_empty() {
                return Err(Error::AutoRenewTooLate {
                    products: late.join(", "),
                });
            }
        }
        let mut by_account: BTreeMap<AccountId, Vec<&CachedProduct>> = BTreeMap::new();
        let mut items = Vec::new();
        for p in chosen {
            match p.account_id {
                Some(a) => by_account.entry(a).or_default().push(p),
                None => items.push(refused(p, "NotFound", "no organisation")),
            }
        }
        for (account_id, group) in by_account {
            items.extend(self.switch_in(profile, account_id, &group, enabled).await?);
        }
        self.remember(profile, &items, enabled, &renewals)?;
        Ok(AutoRenewOutcome { enabled, items })
    }

    /// One audited request for the products of one organisation.
    async fn switch_in(
        &self,
        profile: &ProfileId,
        account_id: AccountId,
        group: &[&CachedProduct],
        enabled: bool,
    ) -> Result<Vec<AutoRenewItem>, Error> {
        let client = self.client(profile).await?;
        let names: Vec<&str> = group.iter().map(|p| p.name.as_str()).collect();
        let ids: Vec<ProductId> = group.iter().map(|p| ProductId(p.id)).collect();
        let change = Change {
            action: if enabled {
                "auto_renew.on"
            } else {
                "auto_renew.off"
            },
            account_id: Some(account_id),
            target: &names.join(", "),
            route: Route::AutoRenewSet,
        };
        let mut answered: Vec<AutoRenewResult> = Vec::new();
        // Applied when the organisation's renewals show every product switched.
        let client = &client;
        let read_back = move || async move {
            let answer = client.renewals(account_id).all().await;
            self.note(profile, Route::Renewals, &answer);
            let renewals = self.watch(profile, answer)?;
            let applied = group.iter().all(|p| {
                renewals
                    .iter()
                    .any(|r| r.product_id.0 == p.id && r.auto_renew == enabled)
            });
            Ok(applied.then_some(()))
        };
        let send = async {
            let answer = client.set_auto_renew(account_id, &ids, enabled).await;
            self.note(profile, Route::AutoRenewSet, &answer);
            answered = self.watch(profile, answer)?;
            let refused: Vec<&str> = group
                .iter()
                .filter(|p| {
                    !answered
                        .iter()
                        .any(|r| r.product_id.0 == p.id && r.is_success())
                })
                .map(|p| p.name.as_str())
                .collect();
            // A partly refused batch is audited as failed; the results say which products.
            if refused.is_empty() {
                Ok(())
            } else {
                Err(Error::AutoRenewRefused {
                    refused: refused.join(", "),
                })
            }
        };
        let sent = self.audited(profile, change, send, read_back).await;
        match sent {
            // The answer was lost and reading back showed every product switched.
            Ok(()) if answered.is_empty() => Ok(group.iter().map(|p| switched(p)).collect()),
            Ok(()) | Err(Error::AutoRenewRefused { .. }) => {
                Ok(group.iter().map(|p| item_from(p, &answered)).collect())
            }
            Err(e)
                if matches!(
                    e.code(),
                    ErrorCode::NotSupportedByApi | ErrorCode::AuthExpired
                ) =>
            {
                Err(e)
            }
            Err(e) => {
                let code = match &e {
                    Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
                    _ => None,
                }
                .unwrap_or_else(|| format!("{:?}", e.code()));
                let message = e.to_string();
                Ok(group.iter().map(|p| refused(p, &code, &message)).collect())
            }
        }
    }

    /// Writes the switched products into the cached renewals, so the board moves at once.
    fn remember(
        &self,
        profile: &ProfileId,
        items: &[AutoRenewItem],
        enabled: bool,
        cached: &[OrgRenewals],
    ) -> Result<(), Error> {
        if !items.iter().any(|i| i.changed) {
            return Ok(());
        }
        let mut renewals = cached.to_vec();
        for r in renewals.iter_mut().flat_map(|o| o.items.iter_mut()) {
            if items
                .iter()
                .any(|i| i.changed && i.product_id == r.product_id)
            {
                r.auto_renew = enabled;
                r.next_payment_attempt_at = r
                    .expires_at
                    .filter(|_| enabled)
                    .map(renewals::first_payment_attempt);
            }
        }
        self.land(profile, Area::Renewals, &renewals)
    }
}

fn expiry_of(renewals: &[OrgRenewals], p: &CachedProduct) -> Option<i64> {
    renewals::expiry(p, crate::products::renewal_of(renewals, p))
}

fn item_from(p: &CachedProduct, answered: &[AutoRenewResult]) -> AutoRenewItem {
    match answered.iter().find(|r| r.product_id.0 == p.id) {
        Some(r) if r.is_success() => switched(p),
        Some(r) => {
            let error = r.error.clone().unwrap_or_default();
            refused(p, &error.code, &error.description)
        }
        None => refused(p, "Unknown", "Infomaniak did not say what happened to it"),
    }
}

fn switched(p: &CachedProduct) -> AutoRenewItem {
    AutoRenewItem {
        product_id: p.id,
        name: p.name.clone(),
        changed: true,
        code: None,
        message: None,
    }
}

fn refused(p: &CachedProduct, code: &str, message: &str) -> AutoRenewItem {
    AutoRenewItem {
        product_id: p.id,
        name: p.name.clone(),
        changed: false,
        code: Some(code.to_owned()),
        message: Some(message.to_owned()).filter(|m| !m.is_empty()),
    }
}
