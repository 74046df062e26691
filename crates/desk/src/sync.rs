//! Reads answer from the cache at once; stale data is refreshed in the background on the budget.

use crate::Desk;
use crate::error::Error;
use crate::profiles::ProfileId;
use crate::views::{Area, Freshness, Me, MeSnapshot, Organisation, OrganisationsSnapshot};
use std::sync::Arc;

/// How long cached data counts as fresh: inside it, opening a page costs no request.
pub const FRESHNESS_SECS: i64 = 5 * 60;

const WHOLE_AREA: &str = "";

impl Desk {
    /// The signed-in person: cached at once, refreshed when stale, fetched when never seen.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`], or the fetch's error when nothing is cached yet.
    pub async fn me(self: &Arc<Self>, profile: &ProfileId) -> Result<MeSnapshot, Error> {
        match self
            .store
            .cached::<Me>(profile, Area::Profile.as_str(), WHOLE_AREA)?
        {
            Some(c) => Ok(MeSnapshot {
                me: Some(c.value),
                freshness: self.freshness(profile, Area::Profile, c.fetched_at),
            }),
            None => Ok(MeSnapshot {
                me: Some(self.fetch_me(profile).await?),
                freshness: Freshness {
                    fetched_at: Some(self.clock.unix_now()),
                    refreshing: false,
                },
            }),
        }
    }

    /// The organisations of a profile: cached at once, refreshed when stale, fetched when never seen.
    ///
    /// # Errors
    /// [`Error::UnknownProfile`], or the fetch's error when nothing is cached yet.
    pub async fn organisations(
        self: &Arc<Self>,
        profile: &ProfileId,
    ) -> Result<OrganisationsSnapshot, Error> {
        let area = Area::Organisations;
        match self
            .store
            .cached::<Vec<Organisation>>(profile, area.as_str(), WHOLE_AREA)?
        {
            Some(c) => Ok(OrganisationsSnapshot {
                items: c.value,
                freshness: self.freshness(profile, area, c.fetched_at),
            }),
            None => Ok(OrganisationsSnapshot {
                items: self.fetch_organisations(profile).await?,
                freshness: Freshness {
                    fetched_at: Some(self.clock.unix_now()),
                    refreshing: false,
                },
            }),
        }
    }

    /// Fetches an area now and stores it, announcing the change.
    ///
    /// # Errors
    /// The API's error, or [`Error::SignedOut`].
    pub async fn refresh(&self, profile: &ProfileId, area: Area) -> Result<(), Error> {
        match area {
            Area::Session => Ok(()),
            Area::Profile => self.fetch_me(profile).await.map(drop),
            Area::Organisations => self.fetch_organisations(profile).await.map(drop),
            Area::SupportAccess => self.fetch_support_accesses(profile).await.map(drop),
            Area::Products => self.fetch_products(profile).await.map(drop),
            Area::Renewals => self.fetch_renewals(profile).await.map(drop),
            // Cached per organisation: refreshed through `per_account.rs`.
            Area::People | Area::Teams | Area::Invoices => Ok(()),
        }
    }

    async fn fetch_me(&self, profile: &ProfileId) -> Result<Me, Error> {
        let client = self.client(profile).await?;
        let answer = client.profile().await;
        self.note(profile, infomaniak::Route::Profile, &answer);
        let me: Me = self.watch(profile, answer)?.into();
        self.land(profile, Area::Profile, &me)?;
        Ok(me)
    }

    async fn fetch_organisations(&self, profile: &ProfileId) -> Result<Vec<Organisation>, Error> {
        let client = self.client(profile).await?;
        let answer = client.accounts().await;
        self.note(profile, infomaniak::Route::Accounts, &answer);
        let accounts = self.watch(profile, answer)?;
        let items: Vec<Organisation> = accounts.into_iter().map(Organisation::from).collect();
        self.land(profile, Area::Organisations, &items)?;
        Ok(items)
    }

    /// A 401 on any call means the token was revoked or expired: the profile signs out.
    pub(crate) fn watch<T>(
        &self,
        profile: &ProfileId,
        result: Result<T, infomaniak::Error>,
    ) -> Result<T, Error> {
        result.map_err(|e| {
            if e.is_unauthorized() {
                self.token_refused(profile);
            }
            Error::Api(e)
        })
    }

    pub(crate) fn land<T: serde::Serialize>(
        &self,
        profile: &ProfileId,
        area: Area,
        value: &T,
    ) -> Result<(), Error> {
        self.store.put_cached(
            profile,
            area.as_str(),
            WHOLE_AREA,
            value,
            self.clock.unix_now(),
        )?;
        self.announce(profile, area);
        Ok(())
    }

    /// Says how fresh cached data is, starting a background refresh when it is stale.
    pub(crate) fn freshness(
        self: &Arc<Self>,
        profile: &ProfileId,
        area: Area,
        fetched_at: i64,
    ) -> Freshness {
        let stale = self.clock.unix_now() - fetched_at >= FRESHNESS_SECS;
        let refreshing = stale && self.spawn_refresh(profile, area);
        Freshness {
            fetched_at: Some(fetched_at),
            refreshing,
        }
    }

    /// Starts a refresh unless one is under way; false when none can run (signed out).
    fn spawn_refresh(self: &Arc<Self>, profile: &ProfileId, area: Area) -> bool {
        if !self.may_have_token(profile) {
            return false;
        }
        let key = (profile.clone(), area);
        if !self.in_flight().insert(key.clone()) {
            return true;
        }
        let desk = Arc::clone(self);
        tokio::spawn(async move {
            if let Err(e) = desk.refresh(&key.0, key.1).await {
                tracing::warn!(profile = %key.0, area = key.1.as_str(), "refresh failed: {e}");
            }
            desk.in_flight().remove(&key);
        });
        true
    }
}
