//! The signed-in person and their organisations, and the handle every per-organisation domain
//! hangs from.
//!
//! - [`Desk::me`]: the signed-in person, cached at once, refreshed when stale.
//! - [`Desk::organisations`]: the organisations of a profile, likewise.
//! - [`Desk::organisation`]: a handle on one organisation, giving its users, teams, invoices and
//!   support access.

mod handle;
mod view;

pub use handle::OrganisationHandle;
pub use view::{Me, MeSnapshot, Organisation, OrganisationsSnapshot, Relation};

use crate::Desk;
use crate::error::Error;
use crate::session::ProfileId;
use crate::sync::{Area, Freshness, WHOLE_AREA};
use std::sync::Arc;

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

    pub(crate) async fn fetch_me(&self, profile: &ProfileId) -> Result<Me, Error> {
        let client = self.client(profile).await?;
        let answer = client.profile().await;
        self.note(profile, infomaniak::Route::Profile, &answer);
        let me: Me = self.watch(profile, answer)?.into();
        self.land(profile, Area::Profile, &me)?;
        Ok(me)
    }

    pub(crate) async fn fetch_organisations(
        &self,
        profile: &ProfileId,
    ) -> Result<Vec<Organisation>, Error> {
        let client = self.client(profile).await?;
        let answer = client.accounts().await;
        self.note(profile, infomaniak::Route::Accounts, &answer);
        let accounts = self.watch(profile, answer)?;
        let items: Vec<Organisation> = accounts.into_iter().map(Organisation::from).collect();
        self.land(profile, Area::Organisations, &items)?;
        Ok(items)
    }
}
