//! The sandbox's own data model. Field names follow the API document; nothing is shared with the
//! client crate.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

pub(crate) const DAY: i64 = 86_400;

/// The caller's (or a member's) relation to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    Owner,
    Admin,
    Normal,
    External,
}

impl Role {
    /// The organisation's `type` field as the caller sees it.
    pub(crate) fn relation(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Admin => "admin",
            Self::Normal => "normal",
            Self::External => "external",
        }
    }

    /// `role_type` in user lists, which the document limits to `owner|admin|normal`; external
    /// users show as `normal` (the spec's user has no field saying "external").
    pub(crate) fn role_type(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Admin => "admin",
            Self::Normal | Self::External => "normal",
        }
    }

    pub(crate) fn from_role_type(value: &str) -> Option<Self> {
        match value {
            "owner" => Some(Self::Owner),
            "admin" => Some(Self::Admin),
            "normal" => Some(Self::Normal),
            _ => None,
        }
    }

    pub(crate) fn manages_users(self) -> bool {
        matches!(self, Self::Owner | Self::Admin)
    }
}

pub(crate) const ROLE_TYPES: [&str; 3] = ["owner", "admin", "normal"];
pub(crate) const LOCALES: [&str; 5] = ["de_DE", "en_GB", "es_ES", "fr_FR", "it_IT"];

/// `language_id` for a locale (1 fr, 2 en, 3 de, 4 it, 5 es).
pub(crate) fn language_id(locale: &str) -> u64 {
    match locale {
        "en_GB" => 2,
        "de_DE" => 3,
        "it_IT" => 4,
        "es_ES" => 5,
        _ => 1,
    }
}

/// The service catalogue: `(service_id, service_name)`.
pub(crate) const SERVICES: [(u32, &str); 9] = [
    (1, "hosting"),
    (2, "email_hosting"),
    (3, "domain"),
    (6, "certificate"),
    (15, "drive"),
    (23, "swiss_backup"),
    (30, "public_cloud"),
    (34, "ksuite"),
    (37, "kchat"),
];

pub(crate) fn service_id(name: &str) -> u32 {
    SERVICES
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(0, |(id, _)| *id)
}

pub(crate) fn service_name(id: u32) -> Option<&'static str> {
    SERVICES.iter().find(|(i, _)| *i == id).map(|(_, n)| *n)
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Person {
    pub id: u64,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub login: String,
    pub locale: String,
    pub is_sso: bool,
    pub is_workspace_only: bool,
    pub last_login_at: Option<i64>,
    /// Signs in with a second factor (an authenticator app).
    pub otp: bool,
}

impl Person {
    pub(crate) fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    pub user_id: u64,
    pub role: Role,
    pub has_billing_access: bool,
    pub is_correspondent: bool,
    pub is_correspondent_billing: bool,
    pub has_no_manager_access: bool,
    /// Belongs to the organisation's kSuite: such a member cannot leave by themselves.
    pub in_ksuite: bool,
    /// Comes in through a partnership (a partner agency's person): the spec's `partnership_id`,
    /// the one thing a users list says of someone from outside the organisation.
    pub partnership_id: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InvitationStatus {
    Pending,
    Accepted,
    Cancelled,
    Rejected,
}

impl InvitationStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Accepted => "accepted",
            Self::Cancelled => "cancelled",
            Self::Rejected => "rejected",
        }
    }
}

/// Product access granted along with an invitation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ProductAccess {
    pub kind: &'static str,
    pub target_id: Option<u64>,
    pub role: String,
    pub right: Option<String>,
    /// A mailbox's name on its mail service (`mailbox_name`), for a mailbox access.
    pub mailbox_name: Option<String>,
    /// A mailbox access's `mailbox_permissions`, as sent.
    pub mailbox_permissions: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invitation {
    pub id: u64,
    pub key: String,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
    pub status: InvitationStatus,
    pub role: Role,
    pub teams: Vec<u64>,
    pub locale: String,
    pub has_billing: bool,
    pub has_billing_mailing: bool,
    pub has_mailing: bool,
    pub sent_at: Option<i64>,
    pub created_at: i64,
    pub expired_at: i64,
    pub user_id: Option<u64>,
    pub permissions: Vec<Value>,
    pub accesses: Vec<ProductAccess>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Team {
    pub id: u64,
    pub name: String,
    pub color_id: u32,
    pub owned_by_id: Option<u64>,
    pub created_by_id: u64,
    pub created_at: i64,
    pub updated_at: i64,
    pub user_ids: Vec<u64>,
    pub service_ids: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Product {
    pub id: u64,
    pub service_id: u32,
    pub service_name: &'static str,
    pub customer_name: String,
    pub internal_name: String,
    pub description: String,
    pub created_at: i64,
    pub expired_at: Option<i64>,
    pub is_locked: bool,
    pub has_maintenance: bool,
    pub has_operation_in_progress: bool,
    pub is_trial: bool,
    pub is_free: bool,
    pub tag_ids: Vec<u64>,
    pub bill_reference: String,
    pub is_managed_by_partner: bool,
    pub auto_renew: bool,
    pub price_cents: i64,
    pub periods: Vec<u32>,
    /// The product this one hangs under (a certificate under the hosting of its site).
    pub parent_id: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invoice {
    pub id: u64,
    pub kind: &'static str,
    pub status: &'static str,
    pub amount_cents: i64,
    pub currency: &'static str,
    pub created_at: i64,
    pub due_at: i64,
    pub reference: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PrepaidMove {
    pub id: u64,
    pub amount_cents: i64,
    pub currency: &'static str,
    pub status: &'static str,
    pub created_at: i64,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tag {
    pub id: u64,
    pub name: String,
    pub color: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Address {
    pub street: String,
    pub zipcode: String,
    pub city: String,
    pub country: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Account {
    pub id: u64,
    pub name: String,
    pub legal_entity_type: &'static str,
    pub created_at: i64,
    pub locale: &'static str,
    pub timezone: &'static str,
    pub currency: &'static str,
    pub is_blocked: bool,
    pub blocked_at: Option<i64>,
    pub has_2fa_required: bool,
    pub waiting_payment: u32,
    pub in_process: u32,
    pub blocked_order_ids: Vec<u64>,
    /// What pays automatic renewals: `card`, `twint`, `paypal` or none.
    pub payment_method: Option<&'static str>,
    pub partner_id: Option<u64>,
    pub tags: Vec<Tag>,
    pub address: Address,
    /// Mail domains of the organisation: a member whose login is there cannot leave.
    pub mail_domains: Vec<String>,
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
    pub teams: Vec<Team>,
    pub products: Vec<Product>,
    pub invoices: Vec<Invoice>,
    pub prepaid: Vec<PrepaidMove>,
    /// Last invitation e-mail per address, for the one-per-minute limit.
    pub last_invitation_sent: HashMap<String, i64>,
}

impl Account {
    pub(crate) fn member(&self, user_id: u64) -> Option<&Member> {
        self.members.iter().find(|m| m.user_id == user_id)
    }

    pub(crate) fn count_owners(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.role == Role::Owner)
            .count()
    }

    pub(crate) fn pending_invitations(&self) -> impl Iterator<Item = &Invitation> {
        self.invitations
            .iter()
            .filter(|i| i.status == InvitationStatus::Pending)
    }

    pub(crate) fn team(&self, team_id: u64) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == team_id)
    }

    pub(crate) fn teams_of(&self, user_id: u64) -> Vec<u64> {
        self.teams
            .iter()
            .filter(|t| t.user_ids.contains(&user_id))
            .map(|t| t.id)
            .collect()
    }

    pub(crate) fn products_of_services(&self, service_ids: &[u32]) -> usize {
        self.products
            .iter()
            .filter(|p| service_ids.contains(&p.service_id))
            .count()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SupportAccess {
    pub content: &'static str,
    pub granted_at: Option<i64>,
    pub expires_at: Option<i64>,
}

pub(crate) const SUPPORT_CONTENTS: [&str; 3] = ["mail", "kdrive", "kchat"];
pub(crate) const SUPPORT_ACCESS_DAYS: i64 = 7;

/// What only the signed-in person has.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Profile {
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    pub otp: bool,
    pub current_account_id: u64,
    pub timezone: &'static str,
    pub support: Vec<SupportAccess>,
}

/// Counters for ids of things created at run time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IdGen {
    pub next: u64,
}

impl IdGen {
    pub(crate) fn take(&mut self) -> u64 {
        self.next += 1;
        self.next
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct World {
    pub me: u64,
    pub people: BTreeMap<u64, Person>,
    pub accounts: BTreeMap<u64, Account>,
    pub profile: Profile,
    pub ids: IdGen,
}

impl World {
    pub(crate) fn person(&self, id: u64) -> Option<&Person> {
        self.people.get(&id)
    }
}
