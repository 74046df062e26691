//! Organisations ("accounts" in the API).

use crate::ids::AccountId;
use crate::paging::{ItemKey, Keyed};
use serde::Deserialize;

/// The caller's relation to an organisation (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Legal representative.
    Owner,
    /// Administrator.
    Admin,
    /// Collaborator.
    Normal,
    /// A customer of a partner.
    Client,
    /// A partner with full rights.
    PartnerAdmin,
    /// A partner with limited rights.
    PartnerLimited,
    /// An external user.
    External,
    /// A relation this version does not know yet.
    #[serde(other)]
    Unknown,
}

/// What kind of legal entity the organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalEntity {
    /// A company.
    Company,
    /// A private person.
    Individual,
    /// A public body.
    PublicBody,
    /// Restricted.
    Restrict,
    /// Not known to this version.
    #[serde(other)]
    Unknown,
}

/// Orders of an organisation that need attention.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct AccountOrders {
    /// Orders awaiting payment.
    #[serde(default)]
    pub waiting_payment: u32,
    /// Orders being processed.
    #[serde(default)]
    pub in_process: u32,
    /// Blocked orders (identity check).
    #[serde(default)]
    pub blocked_order_id: Vec<u64>,
}

/// An organisation (`GET /1/accounts`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Account {
    /// Its id.
    pub id: AccountId,
    /// Its name.
    pub name: String,
    /// The caller's relation to it.
    #[serde(rename = "type", default = "unknown_relation")]
    pub relation: Relation,
    /// Company, individual…
    #[serde(default)]
    pub legal_entity_type: Option<LegalEntity>,
    /// Number of legal representatives.
    #[serde(default)]
    pub count_owners: Option<u32>,
    /// Number of users.
    #[serde(default)]
    pub nb_users: Option<u32>,
    /// Number of pending invitations.
    #[serde(default)]
    pub nb_invitations: Option<u32>,
    /// Blocked (unpaid).
    #[serde(default)]
    pub is_blocked: bool,
    /// Whether two-factor authentication is required of its users.
    #[serde(default)]
    pub has_2fa_required: bool,
    /// Orders needing attention.
    #[serde(default)]
    pub order: Option<AccountOrders>,
}

fn unknown_relation() -> Relation {
    Relation::Unknown
}

impl Keyed for Account {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}
