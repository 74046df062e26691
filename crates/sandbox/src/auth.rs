//! Bearer tokens, their scopes, and the guard every authenticated route goes through.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::envelope::ApiError;
use crate::state::Shared;

/// Fixed tokens every sandbox accepts, usable across processes (the binary prints them).
/// They only look like Infomaniak API tokens; they mean nothing anywhere else.
pub mod tokens {
    /// Every scope.
    pub const DEMO: &str = "ikdesk-fake-demo-all-scopes-7f3a9c1e5b2d8f4a6c0e1b3d5f7a9c2e4b";
    /// Every scope but `accounts`.
    pub const NO_ACCOUNTS: &str = "ikdesk-fake-no-accounts-2b4d6f8a0c1e3a5c7e9b0d2f4a6c8e1b3d";
    /// Every scope but `users`.
    pub const NO_USERS: &str = "ikdesk-fake-no-users-5e7a9c1b3d5f7a0c2e4b6d8f1a3c5e7b9d0f2a";
    /// Every scope but `invoicing`.
    pub const NO_INVOICING: &str = "ikdesk-fake-no-invoicing-8c0e2a4b6d8f1a3c5e7b9d0f2a4c6e8b1d";
    /// `user_info` only.
    pub const PROFILE_ONLY: &str = "ikdesk-fake-profile-only-1d3f5a7c9e0b2d4f6a8c1e3b5d7f9a0c2e";
    /// Revoked: always answers 401.
    pub const REVOKED: &str = "ikdesk-fake-revoked-token-4a6c8e0b2d4f6a8c1e3b5d7f9a0c2e4b6d";

    pub const SCOPE_USER_INFO: &str = "user_info";
    pub const SCOPE_ACCOUNTS: &str = "accounts";
    pub const SCOPE_USERS: &str = "users";
    pub const SCOPE_INVOICING: &str = "invoicing";
    pub const ALL_SCOPES: [&str; 4] = [
        SCOPE_USER_INFO,
        SCOPE_ACCOUNTS,
        SCOPE_USERS,
        SCOPE_INVOICING,
    ];

    /// The fixed tokens as `(label, token, scopes)`; the label is what the request log shows.
    pub const FIXED: [(&str, &str, &[&str]); 6] = [
        ("demo", DEMO, &ALL_SCOPES),
        (
            "no-accounts",
            NO_ACCOUNTS,
            &[SCOPE_USER_INFO, SCOPE_USERS, SCOPE_INVOICING],
        ),
        (
            "no-users",
            NO_USERS,
            &[SCOPE_USER_INFO, SCOPE_ACCOUNTS, SCOPE_INVOICING],
        ),
        (
            "no-invoicing",
            NO_INVOICING,
            &[SCOPE_USER_INFO, SCOPE_ACCOUNTS, SCOPE_USERS],
        ),
        ("profile-only", PROFILE_ONLY, &[SCOPE_USER_INFO]),
        ("revoked", REVOKED, &[]),
    ];
}

/// The scope a group of routes requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    UserInfo,
    Accounts,
    Users,
    Invoicing,
}

impl Scope {
    fn name(self) -> &'static str {
        match self {
            Self::UserInfo => tokens::SCOPE_USER_INFO,
            Self::Accounts => tokens::SCOPE_ACCOUNTS,
            Self::Users => tokens::SCOPE_USERS,
            Self::Invoicing => tokens::SCOPE_INVOICING,
        }
    }
}

#[derive(Debug)]
struct TokenEntry {
    label: String,
    scopes: BTreeSet<String>,
    revoked: bool,
}

/// Every token the sandbox knows, fixed and added at run time.
#[derive(Debug)]
pub(crate) struct TokenRegistry {
    entries: HashMap<String, TokenEntry>,
    added: u32,
}

impl TokenRegistry {
    pub(crate) fn with_fixed_tokens() -> Self {
        let mut entries = HashMap::new();
        for (label, token, scopes) in tokens::FIXED {
            entries.insert(
                token.to_owned(),
                TokenEntry {
                    label: label.to_owned(),
                    scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
                    revoked: token == tokens::REVOKED,
                },
            );
        }
        Self { entries, added: 0 }
    }

    /// Adds (or replaces the scopes of) a token; it is labelled `added-N` in the request log.
    pub(crate) fn add(&mut self, token: &str, scopes: &[&str]) {
        let scopes = scopes.iter().map(|s| (*s).to_owned()).collect();
        if let Some(entry) = self.entries.get_mut(token) {
            entry.scopes = scopes;
            entry.revoked = false;
            return;
        }
        self.added += 1;
        self.entries.insert(
            token.to_owned(),
            TokenEntry {
                label: format!("added-{}", self.added),
                scopes,
                revoked: false,
            },
        );
    }

    pub(crate) fn revoke(&mut self, token: &str) {
        if let Some(entry) = self.entries.get_mut(token) {
            entry.revoked = true;
        }
    }

    /// What the request log shows instead of the token.
    pub(crate) fn label(&self, headers: &HeaderMap) -> Option<String> {
        let token = bearer(headers)?;
        Some(
            self.entries
                .get(token)
                .map_or_else(|| "unknown".to_owned(), |entry| entry.label.clone()),
        )
    }

    fn has_scope(&self, token: &str, scope: Scope) -> Option<bool> {
        let entry = self.entries.get(token).filter(|entry| !entry.revoked)?;
        Some(entry.scopes.contains(scope.name()))
    }
}

pub(crate) fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))?;
    Some(token.trim()).filter(|t| !t.is_empty())
}

/// Runs before every authenticated route: token (401), rate limit (429), scope (403).
/// The limit is counted before the scope check so that refused requests still cost a slot,
/// as every request that reaches a route does.
pub(crate) async fn guard(
    State((shared, scope)): State<(Arc<Shared>, Scope)>,
    request: Request,
    next: Next,
) -> Response {
    match admit(&shared, scope, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => error.into_response(),
    }
}

fn admit(shared: &Shared, scope: Scope, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = bearer(headers) else {
        return Err(ApiError::not_authorized(
            "Authentication is required: send Authorization: Bearer <token>",
        ));
    };
    let Some(has_scope) = shared.tokens().has_scope(token, scope) else {
        return Err(ApiError::not_authorized(
            "The token is invalid, revoked or expired",
        ));
    };
    let now = shared.clock.now();
    let (admitted, limit) = {
        let mut limiter = shared.limiter();
        (limiter.admit(token, now), limiter.per_minute())
    };
    if let Err(wait) = admitted {
        let error = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            format!("Too many requests: at most {limit} per minute for a token"),
        );
        return Err(if shared.send_retry_after {
            error.with_retry_after(wait.as_secs().max(1))
        } else {
            error
        });
    }
    if !has_scope {
        // As seen live: code `all_scopes`, the scopes listed in `context.scopes`.
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "all_scopes",
            format!(
                "This method require this specific scope:\"{}\"",
                scope.name()
            ),
        )
        .with_context("scopes", vec![scope.name()]));
    }
    Ok(())
}
