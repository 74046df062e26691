//! The invoices of an organisation and its prepaid account history, as the Invoices page shows
//! them. Both routes are `observed`: when one is missing or the token lacks its scope, the page
//! hands off to the Manager's own invoices page, naming why.

use super::Invoices;
use crate::Desk;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::sync::{Area, Freshness};
use infomaniak::models::{Currency, Invoice, PrepaidMovement, PrepaidStatus};
use infomaniak::{AccountId, InvoiceId, Route};
use serde::{Deserialize, Serialize};

/// The Manager's invoices page of an organisation.
pub fn manager_invoices_page(account: AccountId) -> String {
    format!("https://manager.infomaniak.com/v3/invoicing/{account}/bills")
}

/// The currency code the app knows, or `None` for one it has not seen (its amounts are never
/// added to another currency's).
pub(crate) fn currency_code(c: Currency) -> Option<String> {
    match c {
        Currency::Chf => Some("CHF".to_owned()),
        Currency::Eur => Some("EUR".to_owned()),
        Currency::Unknown => None,
    }
}

/// One row of the Invoices page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InvoiceRow {
    pub id: InvoiceId,
    pub account_id: AccountId,
    /// Its kind, as Infomaniak sends it.
    pub kind: Option<String>,
    /// Its status, as Infomaniak sends it.
    pub status: Option<String>,
    pub unpaid: bool,
    /// Including tax.
    pub amount: Option<f64>,
    /// `CHF` or `EUR`; `None` for a currency this version does not know.
    pub currency: Option<String>,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub created_at: Option<i64>,
    pub has_pdf: bool,
}

/// What the cache keeps: the row and its pre-signed link (never shown to the UI).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedInvoice {
    pub(crate) row: InvoiceRow,
    pub(crate) pdf: Option<String>,
}

impl CachedInvoice {
    fn new(account: AccountId, i: Invoice) -> Self {
        let unpaid = i.status.as_deref() == Some("unpaid");
        Self {
            row: InvoiceRow {
                id: i.id,
                account_id: account,
                kind: i.kind,
                status: i.status,
                unpaid,
                amount: i.amount_incl_tax,
                currency: currency_code(i.currency),
                created_at: i.created_at,
                has_pdf: i.pdf.is_some(),
            },
            pdf: i.pdf,
        }
    }
}

/// Why the page shows the Manager instead of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HandOffReason {
    /// Infomaniak's API has no such route for this account.
    RouteMissing,
    /// The token lacks the scope (named).
    ScopeMissing,
    /// The signed-in person may not see this organisation's billing (no billing right).
    NotAllowed,
}

/// The Manager page to use instead, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InvoicesHandOff {
    pub reason: HandOffReason,
    pub scope: Option<String>,
    pub manager_url: String,
}

/// The invoices of one organisation, from the cache.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InvoicesSnapshot {
    pub items: Vec<InvoiceRow>,
    pub freshness: Freshness,
    /// Set when the invoices cannot be read here: the Manager shows them.
    pub hand_off: Option<InvoicesHandOff>,
}

/// A prepaid account movement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PrepaidRow {
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub id: u64,
    pub amount: Option<f64>,
    pub currency: Option<String>,
    pub pending: bool,
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub created_at: Option<i64>,
    pub description: Option<String>,
}

impl From<PrepaidMovement> for PrepaidRow {
    fn from(m: PrepaidMovement) -> Self {
        Self {
            id: m.id,
            amount: m.amount,
            currency: currency_code(m.currency),
            pending: m.status == PrepaidStatus::Pending,
            created_at: m.created_at,
            description: m.description,
        }
    }
}

/// The prepaid account history of one organisation (read when asked, not cached).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct PrepaidSnapshot {
    pub items: Vec<PrepaidRow>,
    pub hand_off: Option<InvoicesHandOff>,
}

/// The hand-off for an error that says the route or the scope is missing; `None` for others.
pub(crate) fn hand_off_for(account: AccountId, error: &Error) -> Option<InvoicesHandOff> {
    let Error::Api(api) = error else { return None };
    let reason = if api.is_method_not_found() {
        HandOffReason::RouteMissing
    } else if api.missing_scope().is_some() {
        HandOffReason::ScopeMissing
    } else if api.api_failure().is_some_and(|f| f.status == 403) {
        HandOffReason::NotAllowed
    } else {
        return None;
    };
    Some(InvoicesHandOff {
        reason,
        scope: api.missing_scope().map(str::to_owned),
        manager_url: manager_invoices_page(account),
    })
}

fn route_missing_hand_off(account: AccountId) -> InvoicesHandOff {
    InvoicesHandOff {
        reason: HandOffReason::RouteMissing,
        scope: None,
        manager_url: manager_invoices_page(account),
    }
}

impl Desk {
    /// Lists an organisation's invoices now (fresh download links included) and caches them.
    pub(crate) async fn fetch_invoices(
        &self,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<Vec<CachedInvoice>, Error> {
        let client = self.client(profile).await?;
        let answer = client.invoices(account).all().await;
        self.note(profile, Route::Invoices, &answer);
        let list: Vec<CachedInvoice> = self
            .watch(profile, answer)?
            .into_iter()
            .map(|i| CachedInvoice::new(account, i))
            .collect();
        self.land_keyed(profile, Area::Invoices, &account.to_string(), &list)?;
        Ok(list)
    }
}

impl Invoices<'_> {
    /// The invoices of an organisation: cached at once, refreshed when stale. A missing route or
    /// scope is not an error here: the snapshot carries the hand-off instead.
    ///
    /// # Errors
    /// The fetch's other errors when nothing is cached yet.
    pub async fn list(&self) -> Result<InvoicesSnapshot, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let key = account.to_string();
        let cached =
            desk.store
                .cached::<Vec<CachedInvoice>>(profile, Area::Invoices.as_str(), &key)?;
        if let Some(c) = cached {
            return Ok(InvoicesSnapshot {
                items: c.value.into_iter().map(|i| i.row).collect(),
                freshness: desk.freshness_of(profile, Area::Invoices, &key, c.fetched_at),
                hand_off: None,
            });
        }
        let now = Freshness {
            fetched_at: Some(desk.clock.unix_now()),
            refreshing: false,
        };
        if desk.route_missing(profile, Route::Invoices) {
            return Ok(InvoicesSnapshot {
                items: Vec::new(),
                freshness: now,
                hand_off: Some(route_missing_hand_off(account)),
            });
        }
        match desk.fetch_invoices(profile, account).await {
            Ok(list) => Ok(InvoicesSnapshot {
                items: list.into_iter().map(|i| i.row).collect(),
                freshness: now,
                hand_off: None,
            }),
            Err(e) => match hand_off_for(account, &e) {
                Some(hand_off) => Ok(InvoicesSnapshot {
                    items: Vec::new(),
                    freshness: now,
                    hand_off: Some(hand_off),
                }),
                None => Err(e),
            },
        }
    }

    /// The prepaid account history of an organisation, where the route answers.
    ///
    /// # Errors
    /// The API's errors other than a missing route or scope (those give the hand-off).
    pub async fn prepaid_history(&self) -> Result<PrepaidSnapshot, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        if desk.route_missing(profile, Route::PrepaidHistory) {
            return Ok(PrepaidSnapshot {
                items: Vec::new(),
                hand_off: Some(route_missing_hand_off(account)),
            });
        }
        let client = desk.client(profile).await?;
        let answer = client.prepaid_history(account).all().await;
        desk.note(profile, Route::PrepaidHistory, &answer);
        match desk.watch(profile, answer) {
            Ok(list) => Ok(PrepaidSnapshot {
                items: list.into_iter().map(PrepaidRow::from).collect(),
                hand_off: None,
            }),
            Err(e) => match hand_off_for(account, &e) {
                Some(hand_off) => Ok(PrepaidSnapshot {
                    items: Vec::new(),
                    hand_off: Some(hand_off),
                }),
                None => Err(e),
            },
        }
    }
}
