//! What the UI is shown: plain data, never a secret. These types cross IPC as they are.

use crate::profiles::ProfileId;
use infomaniak::models::{Account, LegalEntity, Profile, Relation as ApiRelation};
use serde::{Deserialize, Serialize};

/// A profile as the UI lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ProfileSummary {
    pub id: ProfileId,
    pub label: String,
    pub display_name: String,
    pub email: String,
    pub demo: bool,
    pub signed_in: bool,
    /// The API refused the token (revoked in the Manager, or expired): a new one is needed.
    pub token_refused: bool,
}

/// Which profiles exist and which one is in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    pub profiles: Vec<ProfileSummary>,
    pub active_profile: Option<ProfileId>,
    pub demo_available: bool,
    /// The API the app talks to, when it is not Infomaniak's own (a local test API).
    pub api_override: Option<String>,
}

/// What signing in found: who, their organisations, and what the token cannot do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SignInOutcome {
    pub profile: ProfileSummary,
    /// `None` when the token may not list organisations (`accounts` scope missing).
    pub organisations: Option<Vec<Organisation>>,
    /// Scopes the API said the token lacks.
    pub missing_scopes: Vec<String>,
    /// Whether the token was kept in the OS keyring (else: for this session only).
    pub remembered: bool,
}

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
    pub id: u32,
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
        let legal_entity = a.legal_entity_type.and_then(|l| match l {
            LegalEntity::Company => Some("company"),
            LegalEntity::Individual => Some("individual"),
            LegalEntity::PublicBody => Some("public_body"),
            LegalEntity::Restrict => Some("restrict"),
            LegalEntity::Unknown => None,
        });
        Self {
            // Organisation ids fit in 32 bits; TypeScript numbers lose precision past 53.
            id: u32::try_from(a.id.0).unwrap_or(u32::MAX),
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

/// How old the data is and whether newer data is on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Freshness {
    /// When it was fetched (Unix seconds); `None` when nothing is cached yet.
    // Seconds since 1970 fit a JavaScript number exactly until the year 285 million.
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub fetched_at: Option<i64>,
    /// A refresh is under way; a `DataChanged` event follows when it lands.
    pub refreshing: bool,
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

/// Which cached area a refresh changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Which profiles exist and their state.
    Session,
    Profile,
    Organisations,
    SupportAccess,
    Products,
    Renewals,
    /// Members and invitations of one organisation (cached per organisation).
    People,
    /// Work teams of one organisation (cached per organisation).
    Teams,
    /// Invoices of one organisation (cached per organisation).
    Invoices,
}

impl Area {
    /// The store's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Session => "session",
            Area::Profile => "profile",
            Area::Organisations => "organisations",
            Area::SupportAccess => "support_access",
            Area::Products => "products",
            Area::Renewals => "renewals",
            Area::People => "people",
            Area::Teams => "teams",
            Area::Invoices => "invoices",
        }
    }
}

/// New data landed in the store: views showing it should read again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    pub profile_id: ProfileId,
    pub area: Area,
}
