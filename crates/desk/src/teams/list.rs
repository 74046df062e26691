//! Work teams of an organisation, as the Teams page lists them. Members come from the people list
//! (each person carries the ids of their teams), so opening a team costs no request.

use super::Teams;
use crate::Desk;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::sync::{Area, Freshness};
use infomaniak::models::Team;
use infomaniak::{AccountId, Route, ServiceId, TeamId, UserId};
use serde::{Deserialize, Serialize};

/// One team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TeamRow {
    pub id: TeamId,
    pub name: String,
    pub leader_id: Option<UserId>,
    pub leader_name: Option<String>,
    /// `None` when the API did not send the count (it is optional in the spec).
    pub member_count: Option<u32>,
    pub product_count: Option<u32>,
    /// The services the team grants its members.
    pub service_ids: Vec<ServiceId>,
}

/// A service of an organisation a team can grant (kDrive, Mail, web hosting…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ServiceOption {
    pub id: ServiceId,
    pub name: String,
    /// How many products of the organisation belong to it.
    pub products: u32,
}

impl From<Team> for TeamRow {
    fn from(t: Team) -> Self {
        let leader_id = t.owned_by_id.or(t.owned_by.as_ref().map(|l| l.id));
        let leader_name = t.owned_by.map(|l| {
            if l.display_name.is_empty() {
                l.email
            } else {
                l.display_name
            }
        });
        Self {
            id: t.id,
            name: t.name,
            leader_id,
            leader_name,
            member_count: t.user_count,
            product_count: t.product_count,
            service_ids: t.permissions.iter().filter_map(|p| p.service_id).collect(),
        }
    }
}

/// The teams of one organisation, from the cache.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TeamsSnapshot {
    pub items: Vec<TeamRow>,
    /// Teams the API sent that could not be read (lacking their id, say): left out of `items`;
    /// the page says once how many.
    pub skipped: u32,
    pub freshness: Freshness,
}

/// The cache key of how many teams of an organisation were left out.
const SKIPPED: &str = "teams.skipped";

impl Desk {
    pub(crate) async fn fetch_teams(
        &self,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<Vec<TeamRow>, Error> {
        let client = self.client(profile).await?;
        let answer = client.teams(account).all_counted().await;
        self.note(profile, Route::Teams, &answer);
        let listed = self.watch(profile, answer)?;
        let mut teams: Vec<TeamRow> = listed.items.into_iter().map(TeamRow::from).collect();
        teams.sort_by_key(|t| t.name.to_lowercase());
        let key = account.to_string();
        let skipped = u32::try_from(listed.skipped).unwrap_or(u32::MAX);
        self.put_if_known(profile, SKIPPED, &key, &skipped)?;
        self.land_keyed(profile, Area::Teams, &key, &teams)?;
        Ok(teams)
    }
}

impl Teams<'_> {
    /// The teams of an organisation: cached at once, refreshed when stale.
    ///
    /// # Errors
    /// The fetch's error when nothing is cached yet.
    pub async fn list(&self) -> Result<TeamsSnapshot, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let (items, freshness) = desk
            .read_keyed(
                profile,
                Area::Teams,
                account,
                desk.fetch_teams(profile, account),
            )
            .await?;
        let skipped = desk
            .store
            .cached::<u32>(profile, SKIPPED, &account.to_string())?
            .map_or(0, |c| c.value);
        Ok(TeamsSnapshot {
            items,
            skipped,
            freshness,
        })
    }

    /// The services an organisation's teams can grant. They change rarely: the cached list is used
    /// while fresh, else fetched again (one request).
    ///
    /// # Errors
    /// The API's error when nothing fresh is cached.
    pub async fn services(&self) -> Result<Vec<ServiceOption>, Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let key = account.to_string();
        if let Some(c) = desk
            .store
            .cached::<Vec<ServiceOption>>(profile, "services", &key)?
            && desk.clock.unix_now() - c.fetched_at < crate::FRESHNESS_SECS
        {
            return Ok(c.value);
        }
        let client = desk.client(profile).await?;
        let answer = client.services(account).await;
        desk.note(profile, Route::AccountServices, &answer);
        let services: Vec<ServiceOption> = desk
            .watch(profile, answer)?
            .into_iter()
            .map(|s| ServiceOption {
                id: s.id,
                name: s.name,
                products: s.count,
            })
            .collect();
        desk.put_if_known(profile, "services", &key, &services)?;
        Ok(services)
    }
}
