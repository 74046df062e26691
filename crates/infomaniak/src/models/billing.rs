//! Invoices and prepaid account movements (`observed` routes).

use super::lenient;
use super::money::Currency;
use crate::ids::InvoiceId;
use crate::paging::{ItemKey, Keyed};
use serde::Deserialize;

/// An invoice (`GET /2/invoicing/account/{account_id}/invoices`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Invoice {
    /// Its id.
    pub id: InvoiceId,
    /// Its kind, as sent.
    #[serde(default, rename = "type", deserialize_with = "lenient::or_default")]
    pub kind: Option<String>,
    /// Paid, unpaid…, as sent (the values are not published).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub status: Option<String>,
    /// Total including tax.
    #[serde(default, deserialize_with = "lenient::amount")]
    pub amount_incl_tax: Option<f64>,
    /// CHF or EUR.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub currency: Currency,
    /// Issued, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Pre-signed download link of the PDF (downloadable without the token, for a while).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub pdf: Option<String>,
}

impl Keyed for Invoice {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}

/// Whether a prepaid movement went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrepaidStatus {
    /// Paid (the API's spelling).
    Payed,
    /// Waiting.
    Pending,
    /// A status this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

/// A prepaid account movement (`GET /1/invoicing/{account_id}/payment/prepay/history`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PrepaidMovement {
    /// Its id (pages of this route repeat items: the client keeps the first).
    pub id: u64,
    /// Amount.
    #[serde(default, deserialize_with = "lenient::amount")]
    pub amount: Option<f64>,
    /// CHF or EUR.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub currency: Currency,
    /// Paid or pending.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub status: PrepaidStatus,
    /// When, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Free text, when sent.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub description: Option<String>,
}

impl Keyed for PrepaidMovement {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id))
    }
}
