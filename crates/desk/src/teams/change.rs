//! Changing work teams: create, rename, lead, fill, empty, delete. Each checks the form and the
//! organisation's rules first, runs under the audit log, then re-reads what it changed.

use super::Teams;
use crate::Desk;
use crate::activity::Change;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::session::ProfileId;
use crate::teams::TeamRow;
use crate::users::Person;
use crate::users::Role;
use crate::users::rules::{Refusal, check_invite};
use infomaniak::models::{NewTeam, TeamServices, TeamUpdate};
use infomaniak::{AccountId, Route, ServiceId, TeamId, UserId};
use serde::Deserialize;
use std::sync::Arc;

/// A team's name: 1 to 128 characters once trimmed (the API's rule).
fn team_name(name: &str) -> Result<String, Error> {
    let name = name.trim();
    match name.chars().count() {
        0 => Err(Error::Invalid {
            field: "name",
            reason: "required",
        }),
        1..=128 => Ok(name.to_owned()),
        _ => Err(Error::Invalid {
            field: "name",
            reason: "at most 128 characters",
        }),
    }
}

fn members_of(people: &[Person], team: TeamId) -> impl Iterator<Item = &Person> {
    people
        .iter()
        .filter(move |p| !p.pending && p.team_ids.contains(&team))
}

/// What to change in a team; what is absent stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TeamChange {
    pub name: Option<String>,
    pub leader_id: Option<UserId>,
    pub service_ids: Option<Vec<ServiceId>>,
}

impl Desk {
    async fn change_members(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        team: TeamId,
        users: &[UserId],
        adding: bool,
    ) -> Result<(), Error> {
        self.may_manage(profile, account).await?;
        let current = self.team(profile, account, team).await?;
        let people = self
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        let inside: Vec<UserId> = members_of(&people, team)
            .filter_map(|p| p.user_id)
            .collect();
        let name_of = |id: &UserId| {
            people
                .iter()
                .find(|p| p.user_id == Some(*id))
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let wrong: Vec<String> = users
            .iter()
            .filter(|u| inside.contains(u) == adding)
            .map(name_of)
            .collect();
        if !wrong.is_empty() {
            return Err(Error::Refused(if adding {
                Refusal::AlreadyInTeam(wrong)
            } else {
                Refusal::NotInTeam(wrong)
            }));
        }
        for user in users {
            if !people.iter().any(|p| p.user_id == Some(*user)) {
                return Err(Error::Refused(Refusal::UnknownPerson));
            }
        }
        let names = users.iter().map(name_of).collect::<Vec<_>>().join(", ");
        let target = format!("{}: {names}", current.name);
        let client = self.client(profile).await?;
        let action = if adding {
            "team.members.add"
        } else {
            "team.members.remove"
        };
        let route = if adding {
            Route::TeamUsersAdd
        } else {
            Route::TeamUsersRemove
        };
        let change = Change {
            action,
            account_id: Some(account),
            target: &target,
            route,
        };
        let send = async {
            let (a, t) = (account, team);
            let answer = if adding {
                client.add_team_members(a, t, users).await
            } else {
                client.remove_team_members(a, t, users).await
            };
            self.note(profile, route, &answer);
            self.watch(profile, answer)
        };
        // Applied when every one of them is (or, removing, is no longer) in the team.
        let read_back = move || async move {
            let people = self.fetch_people(profile, account).await?;
            let applied = users.iter().all(|u| {
                people
                    .iter()
                    .any(|p| p.user_id == Some(*u) && p.team_ids.contains(&team))
                    == adding
            });
            Ok(applied.then_some(()))
        };
        let result = self.audited(profile, change, send, read_back).await;
        self.settle(profile, account, true, result).await
    }

    /// Re-reads what a change touched, whether it worked or not, so the screen matches the server
    /// (a team deleted by someone else meanwhile disappears, with the 404 still reported). The
    /// change's outcome is what is answered: a re-read that fails only leaves the cache stale (the
    /// page reads again later), it never turns a change that went through into a failure.
    async fn settle(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        people_too: bool,
        result: Result<(), Error>,
    ) -> Result<(), Error> {
        if let Err(e) = self.after_team_change(profile, account, people_too).await {
            tracing::info!(%account, "re-reading the teams after a change failed: {e}");
        }
        result
    }

    async fn after_team_change(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        people_too: bool,
    ) -> Result<(), Error> {
        self.fetch_teams(profile, account).await?;
        if people_too {
            self.fetch_people(profile, account).await?;
        }
        Ok(())
    }

    async fn team(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        team: TeamId,
    ) -> Result<TeamRow, Error> {
        let teams = self
            .organisation(profile, account)
            .teams()
            .list()
            .await?
            .items;
        teams
            .into_iter()
            .find(|t| t.id == team)
            .ok_or(Error::Refused(Refusal::UnknownPerson))
    }

    async fn may_manage(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
    ) -> Result<(), Error> {
        Ok(check_invite(
            self.relation_of(profile, account).await?,
            Role::Collaborator,
        )?)
    }

    async fn ensure_member(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: AccountId,
        user: UserId,
    ) -> Result<(), Error> {
        let people = self
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        if people.iter().any(|p| !p.pending && p.user_id == Some(user)) {
            Ok(())
        } else {
            Err(Error::Refused(Refusal::LeaderNotMember))
        }
    }
}

impl Teams<'_> {
    /// Creates a team, optionally with a leader (who must be a member of the organisation).
    ///
    /// # Errors
    /// [`Error::Invalid`] for the name; [`Error::Refused`]; the API's error.
    pub async fn create(&self, name: &str, leader: Option<UserId>) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let name = team_name(name)?;
        desk.may_manage(profile, account).await?;
        if let Some(leader) = leader {
            desk.ensure_member(profile, account, leader).await?;
        }
        let new = NewTeam {
            name: name.clone(),
            owned_by_id: leader,
            permissions: None,
        };
        let client = desk.client(profile).await?;
        let change = Change {
            action: "team.create",
            account_id: Some(account),
            target: &name,
            route: Route::TeamCreate,
        };
        let named = |teams: &[TeamRow]| teams.iter().any(|t| t.name.eq_ignore_ascii_case(&name));
        let teams = desk.organisation(profile, account).teams().list().await?;
        if named(&teams.items) {
            return Err(Refusal::TeamNameTaken(name.clone()).into());
        }
        let send = async {
            let answer = client.create_team(account, &new).await;
            desk.note(profile, Route::TeamCreate, &answer);
            desk.watch(profile, answer).map(drop)
        };
        // Applied when a team of that name shows (none had it before: see above).
        let read_back = move || async move {
            let teams = desk.fetch_teams(profile, account).await?;
            Ok(named(&teams).then_some(()))
        };
        let result = desk.audited(profile, change, send, read_back).await;
        desk.settle(profile, account, true, result).await
    }

    /// Renames a team and/or gives it another leader.
    ///
    /// # Errors
    /// [`Error::Invalid`]; [`Error::Refused`]; 404 when someone deleted the team meanwhile.
    pub async fn update(&self, team: TeamId, change: TeamChange) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let TeamChange {
            name,
            leader_id: leader,
            service_ids: services,
        } = change;
        let name = name.as_deref().map(team_name).transpose()?;
        desk.may_manage(profile, account).await?;
        if let Some(leader) = leader {
            desk.ensure_member(profile, account, leader).await?;
        }
        let current = desk.team(profile, account, team).await?;
        let permissions = services.map(|services| TeamServices { services });
        let update = TeamUpdate {
            name,
            owned_by_id: leader,
            permissions,
        };
        let client = desk.client(profile).await?;
        let action = match (&update.owned_by_id, &update.permissions) {
            (Some(_), _) => "team.leader",
            (None, Some(_)) => "team.services",
            (None, None) => "team.rename",
        };
        let change = Change {
            action,
            account_id: Some(account),
            target: &current.name,
            route: Route::TeamUpdate,
        };
        let send = async {
            let answer = client.update_team(account, team, &update).await;
            desk.note(profile, Route::TeamUpdate, &answer);
            desk.watch(profile, answer).map(drop)
        };
        // Applied when the team shows every field that was asked.
        let update = &update;
        let read_back = move || async move {
            let teams = desk.fetch_teams(profile, account).await?;
            let applied = teams.iter().find(|t| t.id == team).is_some_and(|t| {
                update.name.as_ref().is_none_or(|n| &t.name == n)
                    && update.owned_by_id.is_none_or(|l| t.leader_id == Some(l))
                    && update.permissions.as_ref().is_none_or(|p| {
                        let mut asked = p.services.clone();
                        let mut shown = t.service_ids.clone();
                        asked.sort_unstable();
                        shown.sort_unstable();
                        asked == shown
                    })
            });
            Ok(applied.then_some(()))
        };
        let result = desk.audited(profile, change, send, read_back).await;
        desk.settle(profile, account, false, result).await
    }

    /// Deletes a team (its members stay in the organisation).
    ///
    /// # Errors
    /// [`Error::Refused`]; 404 when someone deleted it meanwhile.
    pub async fn delete(&self, team: TeamId) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        desk.may_manage(profile, account).await?;
        let current = desk.team(profile, account, team).await?;
        let target = match current.member_count {
            Some(n) => format!("{} ({n} members)", current.name),
            None => current.name.clone(),
        };
        let client = desk.client(profile).await?;
        let change = Change {
            action: "team.delete",
            account_id: Some(account),
            target: &target,
            route: Route::TeamDelete,
        };
        let send = async {
            let answer = client.delete_team(account, team).await;
            desk.note(profile, Route::TeamDelete, &answer);
            desk.watch(profile, answer)
        };
        // Applied when the team is gone.
        let read_back = move || async move {
            let teams = desk.fetch_teams(profile, account).await?;
            Ok((!teams.iter().any(|t| t.id == team)).then_some(()))
        };
        let result = desk.audited(profile, change, send, read_back).await;
        desk.settle(profile, account, true, result).await
    }

    /// Adds people to a team (members of the organisation, external users included).
    ///
    /// # Errors
    /// [`Error::Refused`] naming who is already in it; the API's error.
    pub async fn add_members(&self, team: TeamId, users: &[UserId]) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        desk.change_members(profile, account, team, users, true)
            .await
    }

    /// Removes people from a team (a DELETE with a body).
    ///
    /// # Errors
    /// [`Error::Refused`] naming who is not in it; the API's error.
    pub async fn remove_members(&self, team: TeamId, users: &[UserId]) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        desk.change_members(profile, account, team, users, false)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_names_are_one_to_128_characters() {
        assert!(team_name("  ").is_err());
        assert_eq!(team_name("  Client Lumen ").unwrap(), "Client Lumen");
        assert!(team_name(&"é".repeat(128)).is_ok(), "characters, not bytes");
        assert!(team_name(&"a".repeat(129)).is_err());
    }
}
