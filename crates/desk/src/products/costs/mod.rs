//! Renewal costs: what the next twelve months of renewals will cost, per month and per currency,
//! from the renewal prices the API gives, grouped by organisation or by service. A pure function
//! of the page's rows and `now`: no request of its own.
//!
//! Amounts of different currencies are never added together; a renewal without a price (or in a
//! currency this version does not know) is counted apart as unknown, never as zero.
//!
//! A product renews again and again: one offered only for a period shorter than a year (a month,
//! three) renews several times inside the twelve months, each time at its price. One offered for
//! several periods, one of them shorter than a year, may also recur, but the API does not say
//! which period it is on: its next renewal is counted and the product is counted apart as
//! "period not known", never guessed.

#[cfg(test)]
mod tests;

use crate::Desk;
use crate::clock::date_of;
use crate::error::Error;
use crate::products::ProductRow;
use crate::session::ProfileId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Months the forecast covers, the current one first.
pub const MONTHS: usize = 12;

/// What the stacks of a month are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CostGroup {
    Organisation,
    Service,
}

/// What the renewals of one month, one currency, one group and one way of renewing cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CostEntry {
    /// `2027-03`.
    pub month: String,
    pub currency: String,
    /// The organisation's name, or the service's code (`hosting`, `domain`…).
    pub group: String,
    /// Renewed automatically (paid by the saved means of payment), or by hand.
    pub automatic: bool,
    pub amount: f64,
    pub count: u32,
}

/// One currency's total over the twelve months.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CurrencyTotal {
    pub currency: String,
    pub total: f64,
    pub automatic: f64,
    pub manual: f64,
    pub count: u32,
}

/// The forecast.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CostForecast {
    /// The twelve months, `2026-11` first.
    pub months: Vec<String>,
    /// Month order, then currency, then group, then manual before automatic.
    pub entries: Vec<CostEntry>,
    /// One per currency, in alphabetical order.
    pub totals: Vec<CurrencyTotal>,
    /// Renewals in the twelve months whose price is not known, per month (same order as
    /// `months`): their cost is unknown, not zero.
    pub unknown_by_month: Vec<u32>,
    /// Products whose next renewal is counted but that may renew again inside the twelve
    /// months: the API offers them for a period shorter than a year among others (or names no
    /// period), and does not say which one they are on.
    pub period_unknown: u32,
    pub group: CostGroup,
}

/// How often a product renews, from the periods (in months) its renewal offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recurrence {
    /// Every this many months: the only period offered.
    Every(i64),
    /// At most once in the twelve months: no period offered is shorter than a year.
    Yearly,
    /// Possibly more than once, how often not known.
    Unknown,
}

fn recurrence(periods: &[u32]) -> Recurrence {
    match periods {
        [] => Recurrence::Unknown,
        [only] if *only > 0 && (*only as usize) < MONTHS => Recurrence::Every(i64::from(*only)),
        _ if periods.iter().all(|p| *p as usize >= MONTHS) => Recurrence::Yearly,
        _ => Recurrence::Unknown,
    }
}

/// The month index (`year * 12 + month - 1`) of an instant, in UTC.
fn month_index(unix: i64) -> i64 {
    let (year, month, _) = date_of(unix);
    year * 12 + i64::from(month) - 1
}

fn month_label(index: i64) -> String {
    format!(
        "{:04}-{:02}",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// Hundredths, so sums are exact whatever their order.
fn cents(amount: f64) -> i64 {
    // Renewal prices are far inside i64's range; a nonsense value only skews its own total.
    #[allow(clippy::cast_possible_truncation)]
    let c = (amount * 100.0).round() as i64;
    c
}

#[allow(clippy::cast_precision_loss)]
fn amount(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// The renewals due from `now` to the end of the eleventh month after the current one. A
/// product already expired at `now`, free, or without an expiry is not a coming renewal.
pub fn forecast(now: i64, rows: &[ProductRow], group: CostGroup) -> CostForecast {
    let first = month_index(now);
    let months: Vec<String> = (0..MONTHS as i64).map(|i| month_label(first + i)).collect();
    let mut unknown_by_month = vec![0u32; MONTHS];
    let mut period_unknown = 0u32;
    // (month offset, currency, group, automatic) → (cents, count)
    let mut sums: BTreeMap<(i64, String, String, bool), (i64, u32)> = BTreeMap::new();
    for row in rows {
        let Some(expires_at) = row.expires_at else {
            continue;
        };
        let offset = month_index(expires_at) - first;
        if row.free || expires_at < now || !(0..MONTHS as i64).contains(&offset) {
            continue;
        }
        let priced = row.price.as_ref().and_then(|p| {
            p.currency
                .as_ref()
                .filter(|_| p.amount.is_finite())
                .map(|c| (c, p.amount))
        });
        let recurs = recurrence(&row.periods);
        // The months it renews in: its expiry's, then one each period while inside the window.
        let step = match recurs {
            Recurrence::Every(months) => months,
            Recurrence::Yearly | Recurrence::Unknown => MONTHS as i64,
        };
        let due = (offset..MONTHS as i64).step_by(usize::try_from(step).unwrap_or(MONTHS));
        let (Some((currency, price)), Some(automatic)) = (priced, row.auto_renew) else {
            for month in due {
                if let Some(slot) = usize::try_from(month)
                    .ok()
                    .and_then(|o| unknown_by_month.get_mut(o))
                {
                    *slot += 1;
                }
            }
            continue;
        };
        if recurs == Recurrence::Unknown && offset + 1 < MONTHS as i64 {
            period_unknown += 1;
        }
        let label = match group {
            CostGroup::Organisation => row.organisation.clone().unwrap_or_else(|| {
                row.account_id
                    .map_or_else(|| "?".to_owned(), |a| format!("#{a}"))
            }),
            CostGroup::Service => row.service.clone(),
        };
        for month in due {
            let sum = sums
                .entry((month, currency.clone(), label.clone(), automatic))
                .or_default();
            sum.0 += cents(price);
            sum.1 += 1;
        }
    }
    let mut totals: BTreeMap<String, (i64, i64, u32)> = BTreeMap::new();
    let entries = sums
        .into_iter()
        .map(|((offset, currency, group, automatic), (c, count))| {
            let t = totals.entry(currency.clone()).or_default();
            if automatic {
                t.0 += c;
            } else {
                t.1 += c;
            }
            t.2 += count;
            CostEntry {
                month: month_label(first + offset),
                currency,
                group,
                automatic,
                amount: amount(c),
                count,
            }
        })
        .collect();
    CostForecast {
        months,
        entries,
        totals: totals
            .into_iter()
            .map(|(currency, (auto, manual, count))| CurrencyTotal {
                currency,
                total: amount(auto + manual),
                automatic: amount(auto),
                manual: amount(manual),
                count,
            })
            .collect(),
        unknown_by_month,
        period_unknown,
        group,
    }
}

impl Desk {
    /// The next twelve months of renewals of every organisation, from the cached products and
    /// renewals (what the Products page already fetched).
    ///
    /// # Errors
    /// As [`Desk::products`].
    pub async fn renewal_costs(
        self: &Arc<Self>,
        profile: &ProfileId,
        group: CostGroup,
    ) -> Result<CostForecast, Error> {
        let view = self.products(profile).await?;
        Ok(forecast(view.now, &view.items, group))
    }
}
