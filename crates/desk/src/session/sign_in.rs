//! Signing in with an API token: validate it at once, learn what it may do, keep it safely.

use crate::Desk;
use crate::error::Error;
use crate::organisations::{Me, Organisation};
use crate::session::run_blocking;
use crate::session::{ProfileId, Session};
use crate::session::{ProfileSummary, SignInOutcome};
use crate::store::StoredProfile;
use crate::sync::Area;
use infomaniak::ApiToken;

impl Desk {
    /// Validates a pasted token (`GET /2/profile`, `GET /1/accounts`), keeps it in the OS keyring
    /// (`remember`) or in memory for this session only, records the profile (never the token) and
    /// makes it active. Signing in again as the same person replaces the old token.
    ///
    /// # Errors
    /// [`Error::EmptyToken`]; the API's error (401: wrong or revoked token; 403 naming `user_info`);
    /// [`Error::Credentials`] when the keyring cannot keep it — nothing is recorded then, and the
    /// person may sign in for this session only.
    pub async fn sign_in(&self, token: ApiToken, remember: bool) -> Result<SignInOutcome, Error> {
        if token.is_empty() {
            return Err(Error::EmptyToken);
        }
        let client = self.new_client(&self.api_base, token.clone())?;
        let person = client.profile().await?;
        let id = ProfileId::for_user(&self.api_base, person.id);
        let me: Me = person.into();
        let mut missing_scopes = Vec::new();
        let organisations = match client.accounts().await {
            Ok(accounts) => Some(
                accounts
                    .into_iter()
                    .map(Organisation::from)
                    .collect::<Vec<_>>(),
            ),
            Err(e) if e.missing_scope().is_some() => {
                missing_scopes.extend(e.missing_scope().map(str::to_owned));
                None
            }
            Err(e) => return Err(e.into()),
        };
        if remember {
            let credentials = self.credentials.clone();
            let (key, secret) = (id.clone(), token);
            run_blocking(move || credentials.save(&key, &secret)).await??;
        }

        let now = self.clock.unix_now();
        let stored = StoredProfile {
            id: id.clone(),
            label: format!("{} ({})", me.display_name, me.email),
            display_name: me.display_name.clone(),
            email: me.email.clone(),
            api_base: self.api_base.clone(),
        };
        self.store.save_profile(&stored, now)?;
        self.store
            .put_cached(&id, Area::Profile.as_str(), "", &me, now)?;
        if let Some(orgs) = &organisations {
            self.store
                .put_cached(&id, Area::Organisations.as_str(), "", orgs, now)?;
        }
        let profile = ProfileSummary {
            id,
            label: stored.label,
            display_name: me.display_name,
            email: me.email,
            demo: false,
            signed_in: true,
            token_refused: false,
        };
        self.activate(Session {
            client,
            summary: profile.clone(),
        })?;
        Ok(SignInOutcome {
            profile,
            organisations,
            missing_scopes,
            remembered: remember,
        })
    }
}
