//! The core's errors, and the closed set of codes the UI branches on.

use crate::session::ProfileId;

/// What the UI needs to tell apart. A code exists only if the UI acts differently on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ErrorCode {
    /// The token is invalid, revoked or expired: sign in again.
    AuthExpired,
    /// The token lacks a scope (named in the error).
    MissingScope,
    /// The API's rate limit: the data comes when the budget allows.
    RateLimited,
    /// The object is gone.
    NotFound,
    /// A form field is wrong (named in the error).
    Validation,
    /// The API could not be reached or the connection dropped.
    Network,
    /// The OS keyring cannot be used.
    KeyringUnavailable,
    /// The API has no route for this: use the Manager.
    NotSupportedByApi,
    /// The API failed on its side (5xx, maintenance).
    ServerError,
    /// The API answered something this version cannot read.
    BadResponse,
    /// The organisation's rules forbid it (checked before sending; the rule is in `field`).
    NotAllowed,
    /// A change's answer was lost and reading it back failed too: it may have been applied. The
    /// app reads back before the same change can be sent again.
    OutcomeUnknown,
    /// Infomaniak answered that a change was made, but reading it back shows nothing changed.
    NothingChanged,
    /// Anything else; the message says what.
    Unknown,
}

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A call to the API failed.
    #[error(transparent)]
    Api(#[from] infomaniak::Error),
    /// The local store failed.
    #[error("the local cache could not be used: {0}")]
    Store(#[from] rusqlite::Error),
    /// The local store's folder or file could not be prepared.
    #[error("the local cache could not be opened at {path}: {source}")]
    StoreFile {
        /// The file or folder.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The store was written by a newer version of IK Desk; it is left untouched.
    #[error(
        "the local data at {path} was written by a newer version of IK Desk (schema {found}, this version knows {known}): install the newer version, or move the file away to start afresh"
    )]
    StoreTooNew {
        /// The file.
        path: String,
        /// Its schema version.
        found: usize,
        /// The newest this version knows.
        known: usize,
    },
    /// Another IK Desk already uses this store.
    #[error("IK Desk is already running with the data at {path}")]
    StoreInUse {
        /// The file.
        path: String,
    },
    /// Cached data could not be read back (written by another version).
    #[error("cached data could not be read: {0}")]
    Cache(#[from] serde_json::Error),
    /// No profile with this id.
    #[error("no profile {0}")]
    UnknownProfile(ProfileId),
    /// The profile exists but has no token in memory.
    #[error("profile {0} is signed out")]
    SignedOut(ProfileId),
    /// The token could not be kept or read.
    #[error(transparent)]
    Credentials(#[from] crate::session::credentials::CredentialError),
    /// The token field was left empty.
    #[error("paste the API token first")]
    EmptyToken,
    /// The organisation's rules forbid the change; nothing was sent.
    #[error(transparent)]
    Refused(#[from] crate::users::rules::Refusal),
    /// A form field is wrong; nothing was sent.
    #[error("{field}: {reason}")]
    Invalid {
        /// The field, as the API names it.
        field: &'static str,
        /// What is wrong, in English (the UI words it itself).
        reason: &'static str,
    },
    /// The demo could not start.
    #[cfg(feature = "demo")]
    #[error("the demo could not start: {0}")]
    Demo(#[source] sandbox::SandboxError),
    /// Automatic renewal cannot be switched on this close to expiry (or at all, for products
    /// that never expire): renew manually. Nothing was sent.
    #[error("automatic renewal can no longer be switched on for {products}: renew manually")]
    AutoRenewTooLate {
        /// The products concerned, by name.
        products: String,
    },
    /// Infomaniak refused automatic renewal for some products of a selection.
    #[error("automatic renewal was not changed for {refused}")]
    AutoRenewRefused {
        /// The products refused, by name.
        refused: String,
    },
    /// A change's answer was lost (or unreadable) and reading it back failed as well: it may or
    /// may not have been applied. Nothing is sent again before a read shows which.
    #[error(
        "Infomaniak may have applied this change ({route:?}): its answer was lost and it could not be checked yet"
    )]
    Unconfirmed {
        /// The route of the change.
        route: infomaniak::Route,
    },
    /// A route outside the published API answered success, but reading back shows nothing changed.
    #[error("Infomaniak answered OK for {route:?}, but nothing changed")]
    NothingChanged {
        /// The route that answered.
        route: infomaniak::Route,
    },
    /// No route reads this change back (what [`crate::Desk::audited`]'s `read_back` answers when
    /// nothing can be read): a success is believed, a lost answer stays unconfirmed.
    #[error("no route reads back {route:?}")]
    NoReadBack {
        /// The route of the change.
        route: infomaniak::Route,
    },
    /// A product the app does not know (not in the cached product list).
    #[error("no product {0} in this profile's products")]
    UnknownProduct(u64),
    /// Infomaniak's API offers no support-access switch for this profile: the Manager has it.
    #[error("support access can only be changed in the Infomaniak Manager for this account")]
    SupportAccessInManager,
    /// No invoice with this id in the organisation's list.
    #[error("no invoice {0} in this organisation's invoices")]
    UnknownInvoice(infomaniak::InvoiceId),
    /// Infomaniak sent no PDF link for this invoice.
    #[error("invoice {0} has no PDF to download")]
    InvoiceWithoutPdf(infomaniak::InvoiceId),
    /// A file could not be written (folder not writable, disk full…); nothing was left behind.
    #[error("the file could not be saved to {path}: {source}")]
    File {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl Error {
    /// The code the UI branches on.
    pub fn code(&self) -> ErrorCode {
        let Error::Api(api) = self else {
            return match self {
                Error::SignedOut(_) => ErrorCode::AuthExpired,
                Error::Credentials(_) => ErrorCode::KeyringUnavailable,
                Error::EmptyToken => ErrorCode::Validation,
                Error::Invalid { .. } => ErrorCode::Validation,
                Error::Refused(_) => ErrorCode::NotAllowed,
                Error::UnknownProfile(_) => ErrorCode::NotFound,
                Error::AutoRenewTooLate { .. } | Error::AutoRenewRefused { .. } => {
                    ErrorCode::Validation
                }
                Error::UnknownProduct(_) => ErrorCode::NotFound,
                Error::Unconfirmed { .. } | Error::NoReadBack { .. } => ErrorCode::OutcomeUnknown,
                Error::NothingChanged { .. } => ErrorCode::NothingChanged,
                Error::SupportAccessInManager => ErrorCode::NotSupportedByApi,
                Error::UnknownInvoice(_) | Error::InvoiceWithoutPdf(_) => ErrorCode::NotFound,
                _ => ErrorCode::Unknown,
            };
        };
        use infomaniak::Error as E;
        match api {
            _ if api.is_unauthorized() => ErrorCode::AuthExpired,
            _ if api.missing_scope().is_some() => ErrorCode::MissingScope,
            _ if api.is_method_not_found() => ErrorCode::NotSupportedByApi,
            E::RateLimited { .. } => ErrorCode::RateLimited,
            E::Transport { .. } => ErrorCode::Network,
            E::Decode { .. } | E::TooLarge { .. } => ErrorCode::BadResponse,
            E::Request(_) => ErrorCode::Unknown,
            E::Api { failure, .. } => match failure.status {
                404 => ErrorCode::NotFound,
                // 400 and 409 are the API's named refusals (an invitation to that address exists…).
                400 | 409 | 422 => ErrorCode::Validation,
                429 => ErrorCode::RateLimited,
                500..=599 => ErrorCode::ServerError,
                _ => ErrorCode::Unknown,
            },
        }
    }

    /// The scope a 403 named.
    pub fn scope(&self) -> Option<&str> {
        match self {
            Error::Api(api) => api.missing_scope(),
            _ => None,
        }
    }

    /// The form field a 422 named first.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::EmptyToken => Some("token"),
            Error::Invalid { field, .. } => Some(field),
            Error::Refused(refusal) => Some(refusal.key()),
            Error::Api(api) => api
                .api_failure()
                .and_then(|f| f.fields.iter().find_map(|e| e.attribute.as_deref())),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use infomaniak::{ApiFailure, Route};

    fn api(status: u16, code: &str, scope: Option<&str>) -> Error {
        Error::Api(infomaniak::Error::Api {
            route: Route::Accounts,
            failure: ApiFailure {
                status,
                code: code.into(),
                description: String::new(),
                fields: Vec::new(),
                missing_scope: scope.map(str::to_owned),
            },
        })
    }

    #[test]
    fn api_failures_map_to_the_codes_the_ui_branches_on() {
        assert_eq!(
            api(401, "not_authorized", None).code(),
            ErrorCode::AuthExpired
        );
        assert_eq!(
            api(403, "access_denied", Some("accounts")).code(),
            ErrorCode::MissingScope
        );
        assert_eq!(
            api(403, "access_denied", Some("accounts")).scope(),
            Some("accounts")
        );
        assert_eq!(api(403, "access_denied", None).code(), ErrorCode::Unknown);
        assert_eq!(
            api(404, "method_not_found", None).code(),
            ErrorCode::NotSupportedByApi
        );
        assert_eq!(
            api(404, "object_not_found", None).code(),
            ErrorCode::NotFound
        );
        assert_eq!(
            api(422, "validation_failed", None).code(),
            ErrorCode::Validation
        );
        assert_eq!(api(503, "maintenance", None).code(), ErrorCode::ServerError);
        assert_eq!(
            Error::SignedOut(ProfileId::demo()).code(),
            ErrorCode::AuthExpired
        );
    }
}
