//! What the UI is shown of the signed-in person and their organisations: plain data.

use crate::sync::Freshness;
use infomaniak::AccountId;
use infomaniak::models::{Account, LegalEntity, Profile, Relation as ApiRelation};
use serde::{Deserialize, Serialize};

/// The caller's relation to an organisation, as the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Owner,
    Admin,
    Normal,
    Client,
    PartnerAdmin,
    PartnerLimited,
    External,
    Unknown,
}

impl From<ApiRelation> for Relation {
    fn from(r: ApiRelation) -> Self {
        match r {
            ApiRelation::Owner => Self::Owner,
            ApiRelation::Admin => Self::Admin,
            ApiRelation::Normal => Self::Normal,
            ApiRelation::Client => Self::Client,
            ApiRelation::PartnerAdmin => Self::PartnerAdmin,
            ApiRelation::PartnerLimited => Self::PartnerLimited,
            ApiRelation::External => Self::External,
            ApiRelation::Unknown => Self::Unknown,
        }
    }
}

/// An organisation row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    pub id: AccountId,
    pub name: String,
    pub relation: Relation,
    pub legal_entity: Option<String>,
    pub users: Option<u32>,
    pub pending_invitations: Option<u32>,
    pub legal_representatives: Option<u32>,
    pub blocked: bool,
    pub orders_awaiting_payment: u32,
    /// Orders blocked for an identity check (cancelled and refunded after 10 days without answer).
    pub blocked_orders: u32,
    pub two_factor_required: bool,
}

impl From<Account> for Organisation {
    fn from(a: Account) -> Self {
        // A value outside the spec's enum is shown as unknown, not as absent.
        let legal_entity = a.legal_entity_type.map(|l| match l {
            LegalEntity::Company => "company",
            LegalEntity::Individual => "individual",
            LegalEntity::PublicBody => "public_body",
            LegalEntity::Restrict => "restrict",
            LegalEntity::Unknown => "unknown",
        });
        Self {
            // Organisation ids fit in 32 bits; TypeScript numbers lose precision past 53.
            id: a.id,
            name: a.name,
            relation: a.relation.into(),
            legal_entity: legal_entity.map(str::to_owned),
            users: a.nb_users,
            pending_invitations: a.nb_invitations,
            legal_representatives: a.count_owners,
            blocked: a.is_blocked,
            blocked_orders: a.order.as_ref().map_or(0, |o| {
                u32::try_from(o.blocked_order_id.len()).unwrap_or(u32::MAX)
            }),
            orders_awaiting_payment: a.order.map_or(0, |o| o.waiting_payment),
            two_factor_required: a.has_2fa_required,
        }
    }
}

/// The signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub display_name: String,
    pub email: String,
    pub login: Option<String>,
}

impl From<Profile> for Me {
    fn from(p: Profile) -> Self {
        Self {
            display_name: p.shown_name(),
            email: p.email,
            login: p.login,
        }
    }
}

/// The signed-in person, from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MeSnapshot {
    pub me: Option<Me>,
    pub freshness: Freshness,
}

/// The organisations of a profile, from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct OrganisationsSnapshot {
    pub items: Vec<Organisation>,
    pub freshness: Freshness,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_legal_entity_outside_the_spec_is_unknown_not_absent() {
        let odd: Account = serde_json::from_value(serde_json::json!({
            "id": 1, "name": "A", "legal_entity_type": "cooperative", "type": "owner"
        }))
        .unwrap();
        assert_eq!(
            Organisation::from(odd).legal_entity.as_deref(),
            Some("unknown")
        );
        let none: Account = serde_json::from_value(serde_json::json!({"id": 2})).unwrap();
        assert_eq!(Organisation::from(none).legal_entity, None);
    }
}
