//! What changed in the store and how fresh it is: the events and stamps every cached view carries.

use crate::session::ProfileId;
use serde::{Deserialize, Serialize};

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
    Users,
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
            Area::Users => "users",
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
