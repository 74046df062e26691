//! Currencies and prices.

use super::lenient;
use serde::Deserialize;

/// A currency the API bills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
pub enum Currency {
    /// Swiss francs.
    #[serde(rename = "CHF")]
    Chf,
    /// Euros.
    #[serde(rename = "EUR")]
    Eur,
    /// A currency this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

/// An amount with its currency.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
pub struct Price {
    /// Including tax.
    #[serde(default, deserialize_with = "lenient::amount")]
    pub amount_incl_tax: Option<f64>,
    /// Its currency.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub currency: Currency,
}
