//! Which profiles exist, which are signed in, which one is in use; tokens read only when needed.
//!
//! - [`Desk::session`]: every profile and the active one.
//! - [`Desk::sign_in`]: a pasted token checked against the API, then kept (`sign_in.rs`).
//! - [`Desk::switch_profile`], [`Desk::sign_out`], [`Desk::forget`]: choosing and leaving profiles.
//! - [`Desk::start_demo`]: the in-process demo, with the `demo` feature (`demo.rs`).
//! - where tokens are kept: the OS keyring, or memory for this session (`credentials.rs`).
//! - why the app cannot start, in the person's language (`startup.rs`).

pub mod credentials;
#[cfg(feature = "demo")]
mod demo;
mod profiles;
mod sign_in;
pub mod startup;
mod view;

pub use profiles::ProfileId;
pub(crate) use profiles::Session;
pub use view::{ProfileSummary, SessionView, SignInOutcome};

use crate::sync::Area;
use crate::{ACTIVE_PROFILE, Desk, Error, SignedOut};
use std::sync::PoisonError;

impl Desk {
    /// Every profile (stored ones and the demo if running), and the active one.
    ///
    /// # Errors
    /// [`Error::Store`] when the store cannot be read.
    pub fn session(&self) -> Result<SessionView, Error> {
        let sessions = self.sessions.read().unwrap_or_else(PoisonError::into_inner);
        let signed_out = self.signed_out_state();
        let mut profiles: Vec<ProfileSummary> = self
            .store
            .profiles()?
            .into_iter()
            .map(|p| {
                let state = signed_out.get(&p.id).copied();
                ProfileSummary {
                    // Until its token is needed, a stored profile counts as signed in.
                    signed_in: sessions.contains_key(&p.id) || state.is_none(),
                    token_refused: state == Some(SignedOut::TokenRefused),
                    id: p.id,
                    label: p.label,
                    display_name: p.display_name,
                    email: p.email,
                    demo: false,
                }
            })
            .collect();
        if let Some(demo) = sessions.get(&ProfileId::demo()) {
            profiles.push(demo.summary.clone());
        }
        let active = self
            .active
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let active = active.filter(|a| profiles.iter().any(|p| &p.id == a));
        let api_override =
            (self.api_base != infomaniak::PRODUCTION_BASE_URL).then(|| self.api_base.clone());
        Ok(SessionView {
            profiles,
            active_profile: active,
            demo_available: cfg!(feature = "demo"),
            api_override,
            store_set_aside: self.store.set_aside().map(|p| p.display().to_string()),
        })
    }

    /// Makes a known profile the active one.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`].
    pub fn switch_profile(&self, profile: &ProfileId) -> Result<(), Error> {
        let known = self.session()?.profiles.iter().any(|p| &p.id == profile);
        if !known {
            return Err(Error::UnknownProfile(profile.clone()));
        }
        self.set_active(Some(profile.clone()))?;
        self.announce(profile, Area::Session);
        Ok(())
    }

    /// Drops a profile's token from memory; its cache and keyring entry stay.
    ///
    /// # Errors
    /// [`Error::Store`].
    pub fn sign_out(&self, profile: &ProfileId) -> Result<(), Error> {
        self.drop_session(profile, SignedOut::ByChoice);
        Ok(())
    }

    /// Deletes a profile everywhere: its keyring entry, every cached row, the profile itself.
    ///
    /// # Errors
    /// [`Error::Credentials`] when the keyring entry cannot be deleted (nothing else is deleted then).
    pub async fn forget(&self, profile: &ProfileId) -> Result<(), Error> {
        if !profile.is_demo() {
            let credentials = self.credentials.clone();
            let id = profile.clone();
            run_blocking(move || credentials.delete(&id)).await??;
        }
        self.sessions
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(profile);
        self.signed_out_state().remove(profile);
        self.store.delete_profile(profile)?;
        let still_active = self
            .active
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            == Some(profile);
        if still_active {
            let next = self.session()?.profiles.first().map(|p| p.id.clone());
            self.set_active(next)?;
        }
        self.announce(profile, Area::Session);
        Ok(())
    }

    /// The client of a profile, reading its token from the keyring the first time it is needed.
    pub(crate) async fn client(&self, profile: &ProfileId) -> Result<infomaniak::Client, Error> {
        if let Some(s) = self
            .sessions
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(profile)
        {
            return Ok(s.client.with_priority(crate::sync::priority::current()));
        }
        if profile.is_demo() || self.signed_out_state().contains_key(profile) {
            return Err(Error::SignedOut(profile.clone()));
        }
        let stored = self
            .store
            .profiles()?
            .into_iter()
            .find(|p| &p.id == profile);
        let Some(stored) = stored else {
            return Err(Error::UnknownProfile(profile.clone()));
        };
        let credentials = self.credentials.clone();
        let id = profile.clone();
        let Some(token) = run_blocking(move || credentials.load(&id)).await?? else {
            self.drop_session(profile, SignedOut::ByChoice);
            return Err(Error::SignedOut(profile.clone()));
        };
        let client = self.new_client(&stored.api_base, token)?;
        let summary = ProfileSummary {
            id: stored.id,
            label: stored.label,
            display_name: stored.display_name,
            email: stored.email,
            demo: false,
            signed_in: true,
            token_refused: false,
        };
        self.sessions
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(
                profile.clone(),
                Session {
                    client: client.clone(),
                    summary,
                },
            );
        Ok(client.with_priority(crate::sync::priority::current()))
    }

    /// Whether a refresh could run now without asking anyone (a token is or may be available).
    pub(crate) fn may_have_token(&self, profile: &ProfileId) -> bool {
        let in_memory = self
            .sessions
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(profile);
        in_memory || (!profile.is_demo() && !self.signed_out_state().contains_key(profile))
    }

    /// The API refused a profile's token: sign it out and tell the window.
    pub(crate) fn token_refused(&self, profile: &ProfileId) {
        tracing::info!(%profile, "the API refused the token; the profile is now signed out");
        self.drop_session(profile, SignedOut::TokenRefused);
    }

    /// Holds a signed-in session and makes it the active profile.
    pub(crate) fn activate(&self, session: Session) -> Result<(), Error> {
        let id = session.summary.id.clone();
        self.signed_out_state().remove(&id);
        self.sessions
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.clone(), session);
        self.set_active(Some(id.clone()))?;
        self.announce(&id, Area::Session);
        Ok(())
    }

    fn drop_session(&self, profile: &ProfileId, why: SignedOut) {
        self.sessions
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(profile);
        self.signed_out_state().insert(profile.clone(), why);
        self.announce(profile, Area::Session);
    }

    fn set_active(&self, profile: Option<ProfileId>) -> Result<(), Error> {
        // The demo is session-only: it is never remembered as the profile to reopen.
        if let Some(p) = profile.as_ref().filter(|p| !p.is_demo()) {
            self.store.set_setting(ACTIVE_PROFILE, p.as_str())?;
        }
        *self.active.write().unwrap_or_else(PoisonError::into_inner) = profile;
        Ok(())
    }
}

/// Keyring calls block on D-Bus (or the platform's service): keep them off the async workers.
pub(crate) async fn run_blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(f).await.map_err(|e| {
        Error::Credentials(crate::session::credentials::CredentialError::Unavailable(
            e.to_string(),
        ))
    })
}
