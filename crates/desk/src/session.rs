//! Which profiles exist, which are signed in, which one is in use.

use crate::Desk;
use crate::profiles::{ProfileId, Session};
use crate::views::{ProfileSummary, SessionView};
use std::sync::PoisonError;

impl Desk {
    /// Every profile (stored ones and the demo if running), and the active one.
    ///
    /// # Errors
    /// [`crate::Error::Store`] when the store cannot be read.
    pub fn session(&self) -> Result<SessionView, crate::Error> {
        let sessions = self.sessions.read().unwrap_or_else(PoisonError::into_inner);
        let mut profiles: Vec<ProfileSummary> = self
            .store
            .profiles()?
            .into_iter()
            .map(|p| ProfileSummary {
                signed_in: sessions.contains_key(&p.id),
                id: p.id,
                label: p.label,
                display_name: p.display_name,
                email: p.email,
                demo: false,
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
        Ok(SessionView {
            profiles,
            active_profile: active,
            demo_available: cfg!(feature = "demo"),
        })
    }

    /// Holds a signed-in session and makes it the active profile.
    pub(crate) fn activate(&self, session: Session) {
        let id = session.summary.id.clone();
        self.sessions
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id.clone(), session);
        *self.active.write().unwrap_or_else(PoisonError::into_inner) = Some(id);
    }
}

impl Desk {
    /// Signs in with a token for this run: validates it (`GET /2/profile`), records the profile
    /// (never the token) and makes it active. Keeping the token across runs is the keyring's job.
    ///
    /// # Errors
    /// The API's error: a 401 for a wrong or revoked token, a 403 naming a missing scope.
    pub async fn sign_in(
        &self,
        api_base: &str,
        token: infomaniak::ApiToken,
    ) -> Result<ProfileSummary, crate::Error> {
        let client = infomaniak::Client::builder(api_base, token).build()?;
        let person = client.profile().await?;
        let id = ProfileId::for_user(api_base, person.id);
        let me: crate::views::Me = person.into();
        let now = self.clock.unix_now();
        let stored = crate::store::StoredProfile {
            id: id.clone(),
            label: format!("{} ({})", me.display_name, me.email),
            display_name: me.display_name.clone(),
            email: me.email.clone(),
            api_base: api_base.to_owned(),
        };
        self.store.save_profile(&stored, now)?;
        self.store
            .put_cached(&id, crate::views::Area::Profile.as_str(), "", &me, now)?;
        let summary = ProfileSummary {
            id,
            label: stored.label,
            display_name: me.display_name,
            email: me.email,
            demo: false,
            signed_in: true,
        };
        self.activate(Session {
            client,
            summary: summary.clone(),
        });
        Ok(summary)
    }
}
