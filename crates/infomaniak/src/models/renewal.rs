//! Renewals and automatic renewal (`unverified` routes).

use super::lenient;
use super::money::Price;
use crate::ids::ProductId;
use crate::paging::{ItemKey, Keyed};
use serde::Deserialize;

/// How automatic renewal would pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// A card (CB, Visa, Mastercard): can pay automatically.
    Card,
    /// A saved Twint profile: can pay automatically.
    Twint,
    /// PayPal: cannot pay automatically.
    Paypal,
    /// A method this version does not know yet.
    #[serde(other)]
    Unknown,
}

/// A product that expires, as the Manager's renewal page lists it
/// (`GET /1/accounts/{account_id}/renewals`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Renewal {
    /// The product.
    pub product_id: ProductId,
    /// Its kind.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub service_name: String,
    /// What users call it.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub customer_name: String,
    /// Expiry, Unix seconds.
    #[serde(default)]
    pub expired_at: Option<i64>,
    /// Whether it renews by itself.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub auto_renew: bool,
    /// Last moment automatic renewal can be switched on (14 days before expiry).
    #[serde(default)]
    pub auto_renew_available_until: Option<i64>,
    /// When the automatic payment will be tried (only with `auto_renew`).
    #[serde(default)]
    pub next_payment_attempt_at: Option<i64>,
    /// How it would be paid.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub payment_method: Option<PaymentMethod>,
    /// Price of a renewal.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub price: Option<Price>,
    /// Renewal periods offered, in months.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub periods: Vec<u32>,
}

impl Keyed for Renewal {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.product_id.0))
    }
}

/// Whether one product of a batch was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemResult {
    /// Changed.
    Success,
    /// Refused: see the error.
    Error,
    /// A result this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

/// Why one product of a batch was refused.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct ItemError {
    /// E.g. `auto_renew_too_close_to_expiry`, `no_supported_payment_method`.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub code: String,
    /// A sentence from the API.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub description: String,
}

/// The outcome for one product of `PUT /1/accounts/{account_id}/renewals/auto_renew`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AutoRenewResult {
    /// The product.
    pub product_id: ProductId,
    /// Changed or refused.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub result: ItemResult,
    /// Why it was refused.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub error: Option<ItemError>,
}

impl AutoRenewResult {
    /// Whether this product was changed.
    pub fn is_success(&self) -> bool {
        self.result == ItemResult::Success
    }
}

/// The body of the auto-renew switch.
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct AutoRenewSwitch<'a> {
    pub product_ids: &'a [ProductId],
    pub enabled: bool,
}
