//! Invitations to an organisation: what the API answers and what the client sends.

use super::lenient;
use super::role::RoleType;
use crate::ids::{InvitationId, ProductId, ServiceId, TeamId};
use serde::{Deserialize, Serialize};

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Sent, not answered.
    Pending,
    /// The person joined.
    Accepted,
    /// Withdrawn by the organisation.
    Cancelled,
    /// Declined by the person.
    Rejected,
    /// A status this version does not know yet.
    #[default]
    #[serde(other)]
    Unknown,
}

/// The language of the invitation e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Locale {
    /// German.
    #[serde(rename = "de_DE")]
    De,
    /// English.
    #[serde(rename = "en_GB")]
    En,
    /// Spanish.
    #[serde(rename = "es_ES")]
    Es,
    /// French.
    #[serde(rename = "fr_FR")]
    Fr,
    /// Italian.
    #[serde(rename = "it_IT")]
    It,
    /// A locale this version does not know yet.
    #[default]
    #[serde(other, rename = "unknown")]
    Unknown,
}

/// An invitation (`GET /1/accounts/{account_id}/invitations/{invitation_id}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Invitation {
    /// Its id.
    pub id: InvitationId,
    /// The address it was sent to.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub email: String,
    /// First name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub first_name: String,
    /// Last name.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub last_name: String,
    /// Pending, accepted, cancelled or rejected.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub status: InvitationStatus,
    /// The role offered.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub role_type: RoleType,
    /// Teams the person joins on accepting.
    #[serde(default, deserialize_with = "lenient::ids")]
    pub teams: Vec<TeamId>,
    /// Language of the e-mail.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub locale: Locale,
    /// Billing right offered.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_billing: bool,
    /// Administrative contact for billing.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_billing_mailing: bool,
    /// Administrative contact for products.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub has_mailing: bool,
    /// When the e-mail left, Unix seconds (`None` for a silent invitation).
    #[serde(default)]
    pub sent_at: Option<i64>,
    /// Creation, Unix seconds.
    #[serde(default)]
    pub created_at: Option<i64>,
    /// Expiry, Unix seconds.
    #[serde(default)]
    pub expired_at: Option<i64>,
    /// The link the person follows to accept.
    #[serde(default, deserialize_with = "lenient::or_default")]
    pub url_accept: Option<String>,
}

/// Administrative contact preferences of an invitation (`notifications`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Notifications {
    /// Receives billing e-mails.
    pub billing: bool,
    /// Receives product e-mails.
    pub products: bool,
}

/// Rights given with an invitation (`permissions`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct InvitationRights {
    /// May see and pay invoices.
    pub billing: bool,
}

/// The body of `POST /1/accounts/{account_id}/invitations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewInvitation {
    /// Required.
    pub email: String,
    /// Required.
    pub first_name: String,
    /// Required.
    pub last_name: String,
    /// Required: the e-mail's language.
    pub locale: Locale,
    /// Required: only a legal representative may invite one.
    pub role_type: RoleType,
    /// Administrative contact preferences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<Notifications>,
    /// Billing right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<InvitationRights>,
    /// Teams to join.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<TeamId>,
    /// Send no e-mail.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub silent: bool,
    /// The person must register with this very address.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub strict: bool,
}

impl NewInvitation {
    /// An invitation with the required fields and nothing else.
    pub fn new(
        email: impl Into<String>,
        first_name: impl Into<String>,
        last_name: impl Into<String>,
        locale: Locale,
        role_type: RoleType,
    ) -> Self {
        Self {
            email: email.into(),
            first_name: first_name.into(),
            last_name: last_name.into(),
            locale,
            role_type,
            notifications: None,
            permissions: None,
            teams: Vec::new(),
            silent: false,
            strict: false,
        }
    }
}

/// The kinds of rights on a product (`permissions[].types[]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PermissionType {
    /// See it.
    Check,
    /// Order for it.
    Sale,
    /// Its statistics.
    Statistic,
    /// Administer it.
    Technical,
}

/// Rights on one product or one whole service (`permissions[]` of an invitation update).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductPermission {
    /// The kind of product.
    pub service_id: ServiceId,
    /// The product; `None` with `apply_to_all`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_id: Option<ProductId>,
    /// Every product of the service.
    pub apply_to_all: bool,
    /// Which rights.
    pub types: Vec<PermissionType>,
}

/// The body of `PATCH /1/accounts/{account_id}/invitations/{invitation_id}`: only the fields set
/// are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct InvitationUpdate {
    /// New role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_type: Option<RoleType>,
    /// Teams, replacing the earlier list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team_ids: Option<Vec<TeamId>>,
    /// Billing right.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_billing: Option<bool>,
    /// Administrative contact for billing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_billing_mailing: Option<bool>,
    /// Administrative contact for products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_mailing: Option<bool>,
    /// Language of the e-mails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language_id: Option<u32>,
    /// Product rights, replacing the earlier ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<ProductPermission>>,
}
