//! Organisations ("accounts" in the API).

use super::lenient;
use crate::ids::AccountId;
use crate::paging::{ItemKey, Keyed};
use serde::Deserialize;

/// The caller's relation to an organisation (`type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
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
    #[default]
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
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub waiting_payment: u32,
    /// Orders being processed.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub in_process: u32,
    /// Blocked orders (identity check).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub blocked_order_id: Vec<u64>,
}

/// An organisation (`GET /1/accounts`). Only the id is required: every other field is decoded
/// leniently (an odd value reads as unknown or absent), so one strange organisation never fails
/// the list, nor sign-in with it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Account {
    /// Its id.
    pub id: AccountId,
    /// Its name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub name: String,
    /// The caller's relation to it.
    #[serde(rename = "type", default, deserialize_with = "lenient::or_default")]
    pub relation: Relation,
    /// Company, individual…
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub legal_entity_type: Option<LegalEntity>,
    /// Number of legal representatives.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub count_owners: Option<u32>,
    /// Number of users.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub nb_users: Option<u32>,
    /// Number of pending invitations.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub nb_invitations: Option<u32>,
    /// Blocked (unpaid).
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub is_blocked: bool,
    /// Whether two-factor authentication is required of its users.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_2fa_required: bool,
    /// Orders needing attention.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub order: Option<AccountOrders>,
}

impl Keyed for Account {
    fn key(&self) -> Option<ItemKey> {
        Some((0, self.id.0))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[test]
    fn odd_values_read_as_unknown_and_never_fail_the_organisation() {
        let odd = json!({
            "id": 7, "name": null, "type": 3, "legal_entity_type": "cooperative",
            "count_owners": "two", "nb_users": -1, "is_blocked": "no",
            "has_2fa_required": null, "order": {"waiting_payment": "x"}, "extra": [1]
        });
        let account: Account = serde_json::from_value(odd).unwrap();
        assert_eq!(account.id, AccountId(7));
        assert_eq!(account.relation, Relation::Unknown);
        assert_eq!(account.legal_entity_type, Some(LegalEntity::Unknown));
        assert_eq!((account.count_owners, account.nb_users), (None, None));
        assert!(!account.is_blocked && !account.has_2fa_required);
        assert_eq!(account.order.unwrap().waiting_payment, 0);
    }

    #[test]
    fn counts_are_optional() {
        let account: Account = serde_json::from_value(json!({"id": 1, "name": "A"})).unwrap();
        assert_eq!(
            (
                account.count_owners,
                account.nb_users,
                account.nb_invitations
            ),
            (None, None, None)
        );
    }
}
