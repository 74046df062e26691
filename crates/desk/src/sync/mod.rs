//! Reads answer from the cache at once; stale data is refreshed in the background on the budget.

mod area;
mod per_account;
pub(crate) mod priority;

pub use area::{Area, DataChanged, Freshness};

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use std::sync::Arc;

/// How long cached data counts as fresh: inside it, opening a page costs no request.
pub const FRESHNESS_SECS: i64 = 5 * 60;

/// The cache key of an area kept whole for the profile (not per organisation).
pub(crate) const WHOLE_AREA: &str = "";

impl Desk {
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
        if self.put_if_known(profile, area.as_str(), WHOLE_AREA, value)? {
            self.announce(profile, area);
        }
        Ok(())
    }

    /// Writes a fetched answer to the cache unless its profile was forgotten (or signed out)
    /// while the answer was on its way: forgetting must not be undone by a refresh in flight.
    /// The sessions stay locked for reading while it writes, so `forget` (which removes the
    /// session before it deletes the rows) cannot slip between the check and the write.
    pub(crate) fn put_if_known<T: serde::Serialize>(
        &self,
        profile: &ProfileId,
        area: &str,
        key: &str,
        value: &T,
    ) -> Result<bool, Error> {
        let sessions = self
            .sessions
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !sessions.contains_key(profile) {
            tracing::debug!(%profile, area, "an answer for a profile no longer signed in is dropped");
            return Ok(false);
        }
        self.store
            .put_cached(profile, area, key, value, self.clock.unix_now())?;
        Ok(true)
    }

    /// Says how fresh cached data is, starting a background refresh when it is stale.
    pub(crate) fn freshness(
        self: &Arc<Self>,
        profile: &ProfileId,
        area: Area,
        fetched_at: i64,
    ) -> Freshness {
        let stale = self.clock.unix_now().saturating_sub(fetched_at) >= FRESHNESS_SECS;
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
