//! Errors that keep what the API said: status, code, description, field errors, route and tier.

use crate::routes::{Route, Tier};
use serde::Deserialize;

/// One field-level problem from a `422 validation_failed` answer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct FieldError {
    /// The API's rule code, e.g. `validation_rule_required`.
    pub code: String,
    /// A human sentence from the API (English).
    #[serde(default)]
    pub description: String,
    /// The form field concerned (`context.attribute`), when the API names one.
    pub attribute: Option<String>,
    /// Allowed values, when the API lists them (e.g. an invalid `with`).
    pub values: Vec<String>,
}

/// What the API answered, when it answered with its error envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiFailure {
    /// HTTP status code.
    pub status: u16,
    /// The API's `error.code` (e.g. `not_authorized`, `method_not_found`).
    pub code: String,
    /// The API's `error.description`.
    pub description: String,
    /// `error.errors[]`, flattened.
    pub fields: Vec<FieldError>,
    /// The scope a 403 says is missing, when it names one.
    pub missing_scope: Option<String>,
}

/// Why a transport-level exchange failed before a full answer arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportKind {
    /// Could not connect (refused, DNS, TLS).
    Connect,
    /// No answer in time.
    Timeout,
    /// The connection dropped or the body was cut short.
    Interrupted,
}

/// Everything a call to the API can end in.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with its error envelope.
    #[error("{route} answered {} {}: {}", failure.status, failure.code, failure.description)]
    Api {
        /// The route called.
        route: Route,
        /// What the API said.
        failure: ApiFailure,
    },
    /// The API kept answering 429 after the client waited for the window.
    #[error("{route}: the API's rate limit was reached")]
    RateLimited {
        /// The route called.
        route: Route,
    },
    /// The connection failed or was cut.
    #[error("{route}: {message}")]
    Transport {
        /// The route called.
        route: Route,
        /// What kind of failure.
        kind: TransportKind,
        /// Details from the HTTP stack (never contains the token).
        message: String,
    },
    /// The answer arrived but does not have the documented shape.
    #[error("{route}: unexpected answer at `{path}`: {message}")]
    Decode {
        /// The route called.
        route: Route,
        /// Where in the JSON document decoding failed (e.g. `data[3].expired_at`).
        path: String,
        /// What was wrong there.
        message: String,
    },
    /// The answer was larger than the app reads for this route; it was not read further.
    #[error("{route}: the answer is larger than {limit} bytes, more than any answer the app uses")]
    TooLarge {
        /// The route called.
        route: Route,
        /// The limit it passed.
        limit: u64,
    },
    /// A request could not be built, so nothing was sent.
    #[error("invalid request: {0}")]
    Request(#[from] RequestError),
}

/// Why a request could not be built. Nothing was sent.
#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("base URL: {0}")]
    BaseUrl(#[source] url::ParseError),
    #[error("base URL must be an http(s) address, not {scheme}")]
    NotHttp { scheme: String },
    #[error("HTTP stack: {0}")]
    HttpStack(#[source] reqwest::Error),
    #[error("body of {route}: {source}")]
    Body {
        route: Route,
        source: serde_json::Error,
    },
    #[error("path {path}: {source}")]
    Path {
        path: String,
        source: url::ParseError,
    },
    #[error("unknown support access content")]
    UnknownSupportContent,
    #[error("invoice {invoice} has no PDF link")]
    NoInvoiceLink { invoice: u64 },
    #[error("refused invoice link: {0}")]
    RefusedLink(LinkRefusal),
    /// The published API has no route for this change of an invitation's access (kChat's role
    /// can only be set, a kSuite access only granted or withdrawn).
    #[error("the API cannot {change} {target} access on an invitation")]
    NoSuchAccessChange {
        target: &'static str,
        change: &'static str,
    },
}

/// Why an invoice download link is not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LinkRefusal {
    #[error("not a URL")]
    NotAUrl,
    #[error("no download path on this API")]
    NoDownloadPath,
    #[error("it points to another host than the API")]
    OtherHost,
    #[error("it carries credentials")]
    Credentials,
    #[error("it is not an invoice download")]
    NotADownload,
}

impl Error {
    /// The route concerned, when there is one.
    pub fn route(&self) -> Option<Route> {
        match self {
            Error::Api { route, .. }
            | Error::RateLimited { route }
            | Error::Transport { route, .. }
            | Error::Decode { route, .. }
            | Error::TooLarge { route, .. } => Some(*route),
            Error::Request(_) => None,
        }
    }

    /// The tier of the route concerned.
    pub fn tier(&self) -> Option<Tier> {
        self.route().map(Route::tier)
    }

    /// The API's failure, when it answered with its error envelope.
    pub fn api_failure(&self) -> Option<&ApiFailure> {
        match self {
            Error::Api { failure, .. } => Some(failure),
            _ => None,
        }
    }

    /// The token is invalid, revoked or expired: the user must sign in again.
    pub fn is_unauthorized(&self) -> bool {
        self.api_failure().is_some_and(|f| f.status == 401)
    }

    /// The route does not exist on this API (tier fallback to the Manager).
    pub fn is_method_not_found(&self) -> bool {
        self.api_failure()
            .is_some_and(|f| f.status == 404 && f.code == "method_not_found")
    }

    /// The object is gone (refresh the view).
    pub fn is_object_not_found(&self) -> bool {
        self.api_failure()
            .is_some_and(|f| f.status == 404 && f.code != "method_not_found")
    }

    /// The token lacks a scope; the scope's name when the API gave it.
    pub fn missing_scope(&self) -> Option<&str> {
        self.api_failure().and_then(|f| f.missing_scope.as_deref())
    }

    /// Whether a change that ended in this error may still have been applied at Infomaniak: its
    /// answer was lost (cut, timed out, unreadable) or the server failed while handling it. Such a
    /// change is neither done nor failed until it is read back. A refusal the API worded (4xx,
    /// 429 included: the limit answers before anything runs), a connection that never opened and
    /// a request that was never built changed nothing.
    pub fn may_have_been_applied(&self) -> bool {
        match self {
            Error::Api { failure, .. } => failure.status >= 500,
            Error::Transport { kind, .. } => *kind != TransportKind::Connect,
            Error::Decode { .. } | Error::TooLarge { .. } => true,
            Error::RateLimited { .. } | Error::Request(_) => false,
        }
    }

    /// Whether the failure is the server's or the network's, so that trying later may succeed.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Api { failure, .. } => failure.status == 429 || failure.status >= 500,
            Error::RateLimited { .. } | Error::Transport { .. } => true,
            Error::Decode { .. } | Error::TooLarge { .. } | Error::Request(_) => false,
        }
    }
}

/// The scopes known to the app, longest first so that `invoicing:prepaid:read` wins over `invoicing`.
const KNOWN_SCOPES: &[&str] = &[
    "invoicing:prepaid:read",
    "invoicing:read",
    "user_info",
    "invoicing",
    "accounts",
    "users",
];

/// Finds the scope a 403 names: in `context.scope` if present, else a known scope name in a text
/// that speaks of scopes.
pub(crate) fn scope_in(description: &str, context_scope: Option<&str>) -> Option<String> {
    if let Some(scope) = context_scope.filter(|s| !s.is_empty()) {
        return Some(scope.to_owned());
    }
    let lower = description.to_ascii_lowercase();
    // "does not allow managing its users" is about the person's role, not the token's scopes.
    if !lower.contains("scope") {
        return None;
    }
    KNOWN_SCOPES
        .iter()
        .find(|scope| {
            lower.match_indices(*scope).any(|(at, _)| {
                let before = lower[..at].chars().next_back();
                let after = lower[at + scope.len()..].chars().next();
                let boundary = |c: Option<char>| {
                    c.is_none_or(|c| !c.is_alphanumeric() && c != '_' && c != ':')
                };
                boundary(before) && boundary(after)
            })
        })
        .map(|s| (*s).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_is_found_in_context_or_text() {
        assert_eq!(
            scope_in("whatever", Some("users")).as_deref(),
            Some("users")
        );
        assert_eq!(
            scope_in(
                "This token lacks the scope required by this route: accounts",
                None
            )
            .as_deref(),
            Some("accounts")
        );
        assert_eq!(
            scope_in("Missing scope 'user_info'.", None).as_deref(),
            Some("user_info")
        );
        assert_eq!(scope_in("no such thing here", None), None);
        // "users" inside another word is not a scope name.
        assert_eq!(scope_in("scope: superusers only", None), None);
        // A refusal for the person's role names no scope even when it says "users".
        assert_eq!(
            scope_in(
                "Your relation to this organisation (normal) does not allow managing its users",
                None
            ),
            None
        );
    }

    fn api(status: u16) -> Error {
        Error::Api {
            route: Route::TeamCreate,
            failure: ApiFailure {
                status,
                code: "x".into(),
                description: String::new(),
                fields: Vec::new(),
                missing_scope: None,
            },
        }
    }

    fn transport(kind: TransportKind) -> Error {
        Error::Transport {
            route: Route::TeamCreate,
            kind,
            message: String::new(),
        }
    }

    #[test]
    fn a_lost_answer_may_have_been_applied_a_worded_refusal_did_not() {
        for maybe in [
            api(500),
            api(503),
            transport(TransportKind::Timeout),
            transport(TransportKind::Interrupted),
            Error::Decode {
                route: Route::TeamCreate,
                path: "data".into(),
                message: "cut".into(),
            },
        ] {
            assert!(maybe.may_have_been_applied(), "{maybe:?}");
        }
        for not in [
            api(400),
            api(404),
            api(422),
            api(429),
            transport(TransportKind::Connect),
            Error::RateLimited {
                route: Route::TeamCreate,
            },
        ] {
            assert!(!not.may_have_been_applied(), "{not:?}");
        }
    }
}
