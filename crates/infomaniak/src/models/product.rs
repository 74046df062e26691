//! Products (domains, hosting, kDrive, kSuite…) and the services they belong to.

use super::lenient;
use crate::ids::{AccountId, ProductId, ServiceId};
use crate::paging::{ItemKey, Keyed};
use serde::Deserialize;
use serde_json::Value;

/// Why a product is held (`status`; the inner objects are not published and kept as sent).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ProductStatus {
    /// Present while the product is in maintenance.
    #[serde(default)]
    pub maintenance: Option<Value>,
    /// Present while the product is locked.
    #[serde(default)]
    pub locked: Option<Value>,
}

/// A tag put on products.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProductTag {
    /// Its id.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub id: Option<u64>,
    /// Its name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub name: String,
}

/// A product (`GET /1/products`, `GET /1/accounts/{account_id}/products`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Product {
    /// Its id.
    pub id: ProductId,
    /// Its organisation.
    #[serde(default)]
    pub account_id: Option<AccountId>,
    /// The kind of product.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub service_id: Option<ServiceId>,
    /// `domain`, `hosting`, `email_hosting`, `drive`, `ksuite`…
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub service_name: String,
    /// What users call it (the domain name, the drive's name).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub customer_name: String,
    /// Infomaniak's name for it.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub internal_name: Option<String>,
    /// Free text.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub description: Option<String>,
    /// Creation, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Expiry, Unix seconds; `None` when it does not expire. A domain's may lag the registry.
    #[serde(default)]
    pub expired_at: Option<i64>,
    /// Locked (unpaid, abuse…).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_locked: bool,
    /// In maintenance.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_maintenance: bool,
    /// An operation is running: changes wait (`operation_in_progress`).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_operation_in_progress: bool,
    /// A trial.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_trial: bool,
    /// Free of charge.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_free: bool,
    /// Maintenance and lock details.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub status: ProductStatus,
    /// Tags.
    #[serde(default, deserialize_with = "lenient::items")]
    pub tags: Vec<ProductTag>,
    /// Reference on invoices.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub bill_reference: Option<Value>,
    /// Administered by a partner.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_managed_by_partner: bool,
    /// Renewal preferences, as sent (their content is not published).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub renew_preferences: Vec<Value>,
    /// The product this one hangs under (a site's certificate under its hosting), if any.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub parent_id: Option<ProductId>,
    /// The service of that parent (`hosting`, …).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub parent_service_name: Option<String>,
    /// What the caller may do on this product; `None` when the API did not say.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub rights: Option<ProductRights>,
}

/// The caller's rights on a product (the spec's `Right`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct ProductRights {
    /// Work on it (technical management).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub technical: bool,
    /// See its statistics.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub statistic: bool,
    /// Pay for it (invoices).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub check: bool,
    /// Buy or renew it: switching automatic renewal needs this.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub sale: bool,
}

impl Keyed for Product {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}

/// A service in use in an organisation (`GET /1/accounts/{account_id}/services`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ServiceCount {
    /// The service.
    pub id: ServiceId,
    /// Its name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub name: String,
    /// How many products of it the organisation has.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub count: u32,
}
