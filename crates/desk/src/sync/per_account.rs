//! Data cached per organisation (the people of one organisation): the same read-at-once,
//! refresh-when-stale rule as the rest of `sync`, with the organisation as part of the key.

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use crate::sync::FRESHNESS_SECS;
use crate::sync::{Area, Freshness};
use std::sync::{Arc, PoisonError};

impl Desk {
    pub(crate) fn land_keyed<T: serde::Serialize>(
        &self,
        profile: &ProfileId,
        area: Area,
        key: &str,
        value: &T,
    ) -> Result<(), Error> {
        if self.put_if_known(profile, area.as_str(), key, value)? {
            self.announce(profile, area);
        }
        Ok(())
    }

    /// An organisation's cached data of `area` and how fresh it is (a refresh starts when it is
    /// stale); never fetched yet, what `fetch` answers.
    pub(crate) async fn read_keyed<T: serde::de::DeserializeOwned>(
        self: &Arc<Self>,
        profile: &ProfileId,
        area: Area,
        account: infomaniak::AccountId,
        fetch: impl std::future::Future<Output = Result<T, Error>>,
    ) -> Result<(T, Freshness), Error> {
        let key = account.to_string();
        match self.store.cached::<T>(profile, area.as_str(), &key)? {
            Some(c) => Ok((
                c.value,
                self.freshness_of(profile, area, &key, c.fetched_at),
            )),
            None => Ok((
                fetch.await?,
                Freshness {
                    fetched_at: Some(self.clock.unix_now()),
                    refreshing: false,
                },
            )),
        }
    }

    /// How fresh an organisation's cached data is; starts a background refresh when stale.
    pub(crate) fn freshness_of(
        self: &Arc<Self>,
        profile: &ProfileId,
        area: Area,
        key: &str,
        fetched_at: i64,
    ) -> Freshness {
        let stale = self.clock.unix_now().saturating_sub(fetched_at) >= FRESHNESS_SECS;
        let refreshing = stale && self.spawn_keyed_refresh(profile, area, key);
        Freshness {
            fetched_at: Some(fetched_at),
            refreshing,
        }
    }

    fn spawn_keyed_refresh(self: &Arc<Self>, profile: &ProfileId, area: Area, key: &str) -> bool {
        if !self.may_have_token(profile) {
            return false;
        }
        let job = (profile.clone(), area, key.to_owned());
        let fresh_job = self
            .refreshing_per_account
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(job.clone());
        if !fresh_job {
            return true;
        }
        let desk = Arc::clone(self);
        tokio::spawn(async move {
            if let Err(e) = desk.refresh_for_account(&job.0, job.1, &job.2).await {
                tracing::warn!(profile = %job.0, area = job.1.as_str(), "refresh failed: {e}");
            }
            desk.refreshing_per_account
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&job);
        });
        true
    }
}
