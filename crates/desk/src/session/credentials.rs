//! Where tokens are kept: the OS keyring, or memory for a session-only sign-in and the demo.
//! Never a file.

use crate::session::ProfileId;
use infomaniak::ApiToken;
use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::{Mutex, PoisonError};

/// The keyring's service name: one entry per profile under it, the account being the profile id.
pub const KEYRING_SERVICE: &str = "app.ikdesk.desktop";

/// Why the keyring could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CredentialError {
    /// It exists but is locked, or refused access.
    #[error(
        "the system keyring is locked or refused access; unlock it (or sign in for this session only)"
    )]
    Locked,
    /// There is no keyring service on this system (no Secret Service on the session bus).
    #[error("no system keyring is available ({0}); you can sign in for this session only")]
    Unavailable(String),
    /// The entry exists but cannot be read as a token.
    #[error("the keyring entry for this profile is damaged; sign in again")]
    Damaged,
}

/// A place for tokens.
pub trait CredentialStore: Send + Sync + Debug {
    /// Stores (or replaces) the token of a profile.
    ///
    /// # Errors
    /// [`CredentialError`] when the keyring cannot be used.
    fn save(&self, profile: &ProfileId, token: &ApiToken) -> Result<(), CredentialError>;
    /// Reads the token of a profile; `None` when there is none.
    ///
    /// # Errors
    /// [`CredentialError`] when the keyring cannot be used.
    fn load(&self, profile: &ProfileId) -> Result<Option<ApiToken>, CredentialError>;
    /// Deletes the token of a profile; deleting a missing one is not an error.
    ///
    /// # Errors
    /// [`CredentialError`] when the keyring cannot be used.
    fn delete(&self, profile: &ProfileId) -> Result<(), CredentialError>;
}

/// The operating system's keyring: Secret Service, macOS Keychain, Windows Credential Manager.
#[derive(Debug, Clone)]
pub struct OsKeyring {
    service: String,
}

impl Default for OsKeyring {
    fn default() -> Self {
        Self {
            service: KEYRING_SERVICE.to_owned(),
        }
    }
}

impl OsKeyring {
    /// A keyring under another service name (tests keep theirs apart).
    pub fn with_service(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    fn entry(&self, profile: &ProfileId) -> Result<keyring::Entry, CredentialError> {
        keyring::Entry::new(&self.service, profile.as_str()).map_err(classify)
    }
}

impl CredentialStore for OsKeyring {
    fn save(&self, profile: &ProfileId, token: &ApiToken) -> Result<(), CredentialError> {
        self.entry(profile)?
            .set_password(token.expose())
            .map_err(classify)
    }

    fn load(&self, profile: &ProfileId) -> Result<Option<ApiToken>, CredentialError> {
        match self.entry(profile)?.get_password() {
            Ok(secret) => Ok(Some(ApiToken::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(classify(e)),
        }
    }

    fn delete(&self, profile: &ProfileId) -> Result<(), CredentialError> {
        match self.entry(profile)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(classify(e)),
        }
    }
}

/// Maps the keyring's errors to what a person can act on. The keyring's own messages never carry
/// the secret, but only the platform's reason is kept.
fn classify(e: keyring::Error) -> CredentialError {
    match e {
        keyring::Error::NoStorageAccess(_) => CredentialError::Locked,
        keyring::Error::BadEncoding(_) => CredentialError::Damaged,
        keyring::Error::PlatformFailure(inner) => {
            CredentialError::Unavailable(first_line(&inner.to_string()))
        }
        other => CredentialError::Unavailable(first_line(&other.to_string())),
    }
}

fn first_line(s: &str) -> String {
    s.lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(160)
        .collect()
}

/// Tokens held in memory only, gone when the app quits: session-only sign-ins and the demo.
#[derive(Debug, Default)]
pub struct MemoryCredentials {
    tokens: Mutex<HashMap<ProfileId, ApiToken>>,
}

impl CredentialStore for MemoryCredentials {
    fn save(&self, profile: &ProfileId, token: &ApiToken) -> Result<(), CredentialError> {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(profile.clone(), token.clone());
        Ok(())
    }

    fn load(&self, profile: &ProfileId) -> Result<Option<ApiToken>, CredentialError> {
        Ok(self
            .tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(profile)
            .cloned())
    }

    fn delete(&self, profile: &ProfileId) -> Result<(), CredentialError> {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(profile);
        Ok(())
    }
}
