//! Changing work teams: create, rename, lead, fill, empty, delete. Each checks the form and the
//! organisation's rules first, runs under the audit log, then re-reads what it changed.

use crate::Desk;
use crate::audit::Change;
use crate::error::Error;
use crate::people::Person;
use crate::people::Role;
use crate::people_rules::{Refusal, check_invite};
use crate::profiles::ProfileId;
use crate::teams::TeamRow;
use infomaniak::models::{NewTeam, TeamServices, TeamUpdate};
use infomaniak::{AccountId, Route, ServiceId, TeamId, UserId};
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

fn members_of(people: &[Person], team: u32) -> impl Iterator<Item = &Person> {
    people
        .iter()
        .filter(move |p| !p.pending && p.team_ids.contains(&team))
}

impl Desk {
    /// Creates a team, optionally with a leader (who must be a member of the organisation).
    ///
    /// # Errors
    /// [`Error::Invalid`] for the name; [`Error::Refused`]; the API's error.
    pub async fn create_team(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        name: &str,
        leader: Option<u32>,
    ) -> Result<(), Error> {
        let name = team_name(name)?;
        self.may_manage(profile, account).await?;
        if let Some(leader) = leader {
            self.ensure_member(profile, account, leader).await?;
        }
        let new = NewTeam {
            name: name.clone(),
            owned_by_id: leader.map(|l| UserId(l.into())),
            permissions: None,
        };
        let client = self.client(profile).await?;
        let change = Change {
            action: "team.create",
            account_id: Some(account),
            target: &name,
        };
        self.audited(profile, change, async {
            let answer = client.create_team(AccountId(account.into()), &new).await;
            self.note(profile, Route::TeamCreate, &answer);
            self.watch(profile, answer).map(drop)
        })
        .await?;
        self.after_team_change(profile, account, true).await
    }

    /// Renames a team and/or gives it another leader.
    ///
    /// # Errors
    /// [`Error::Invalid`]; [`Error::Refused`]; 404 when someone deleted the team meanwhile.
    pub async fn update_team(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        team: u32,
        name: Option<&str>,
        leader: Option<u32>,
        services: Option<&[u32]>,
    ) -> Result<(), Error> {
        let name = name.map(team_name).transpose()?;
        self.may_manage(profile, account).await?;
        if let Some(leader) = leader {
            self.ensure_member(profile, account, leader).await?;
        }
        let current = self.team(profile, account, team).await?;
        let permissions = services.map(|s| TeamServices {
            services: s.iter().map(|id| ServiceId((*id).into())).collect(),
        });
        let update = TeamUpdate {
            name,
            owned_by_id: leader.map(|l| UserId(l.into())),
            permissions,
        };
        let client = self.client(profile).await?;
        let action = match (&update.owned_by_id, &update.permissions) {
            (Some(_), _) => "team.leader",
            (None, Some(_)) => "team.services",
            (None, None) => "team.rename",
        };
        let change = Change {
            action,
            account_id: Some(account),
            target: &current.name,
        };
        let result = self
            .audited(profile, change, async {
                let answer = client
                    .update_team(AccountId(account.into()), TeamId(team.into()), &update)
                    .await;
                self.note(profile, Route::TeamUpdate, &answer);
                self.watch(profile, answer).map(drop)
            })
            .await;
        self.settle(profile, account, false, result).await
    }

    /// Deletes a team (its members stay in the organisation).
    ///
    /// # Errors
    /// [`Error::Refused`]; 404 when someone deleted it meanwhile.
    pub async fn delete_team(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        team: u32,
    ) -> Result<(), Error> {
        self.may_manage(profile, account).await?;
        let current = self.team(profile, account, team).await?;
        let target = format!("{} ({} members)", current.name, current.member_count);
        let client = self.client(profile).await?;
        let change = Change {
            action: "team.delete",
            account_id: Some(account),
            target: &target,
        };
        let result = self
            .audited(profile, change, async {
                let answer = client
                    .delete_team(AccountId(account.into()), TeamId(team.into()))
                    .await;
                self.note(profile, Route::TeamDelete, &answer);
                self.watch(profile, answer)
            })
            .await;
        self.settle(profile, account, true, result).await
    }

    /// Adds people to a team (members of the organisation, external users included).
    ///
    /// # Errors
    /// [`Error::Refused`] naming who is already in it; the API's error.
    pub async fn add_team_members(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        team: u32,
        users: &[u32],
    ) -> Result<(), Error> {
        self.change_members(profile, account, team, users, true)
            .await
    }

    /// Removes people from a team (a DELETE with a body).
    ///
    /// # Errors
    /// [`Error::Refused`] naming who is not in it; the API's error.
    pub async fn remove_team_members(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        team: u32,
        users: &[u32],
    ) -> Result<(), Error> {
        self.change_members(profile, account, team, users, false)
            .await
    }

    async fn change_members(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        team: u32,
        users: &[u32],
        adding: bool,
    ) -> Result<(), Error> {
        self.may_manage(profile, account).await?;
        let current = self.team(profile, account, team).await?;
        let people = self.people(profile, account).await?.items;
        let inside: Vec<u32> = members_of(&people, team)
            .filter_map(|p| p.user_id)
            .collect();
        let name_of = |id: &u32| {
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
        let ids: Vec<UserId> = users.iter().map(|u| UserId((*u).into())).collect();
        let names = users.iter().map(name_of).collect::<Vec<_>>().join(", ");
        let target = format!("{}: {names}", current.name);
        let client = self.client(profile).await?;
        let action = if adding {
            "team.members.add"
        } else {
            "team.members.remove"
        };
        let change = Change {
            action,
            account_id: Some(account),
            target: &target,
        };
        let result = self
            .audited(profile, change, async {
                let (a, t) = (AccountId(account.into()), TeamId(team.into()));
                let answer = if adding {
                    client.add_team_members(a, t, &ids).await
                } else {
                    client.remove_team_members(a, t, &ids).await
                };
                let route = if adding {
                    Route::TeamUsersAdd
                } else {
                    Route::TeamUsersRemove
                };
                self.note(profile, route, &answer);
                self.watch(profile, answer)
            })
            .await;
        self.settle(profile, account, true, result).await
    }

    /// Re-reads what a change touched, whether it worked or not, so the screen matches the server
    /// (a team deleted by someone else meanwhile disappears, with the 404 still reported).
    async fn settle(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        people_too: bool,
        result: Result<(), Error>,
    ) -> Result<(), Error> {
        let refreshed = self.after_team_change(profile, account, people_too).await;
        result.and(refreshed)
    }

    async fn after_team_change(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
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
        account: u32,
        team: u32,
    ) -> Result<TeamRow, Error> {
        let teams = self.teams(profile, account).await?.items;
        teams
            .into_iter()
            .find(|t| t.id == team)
            .ok_or(Error::Refused(Refusal::UnknownPerson))
    }

    async fn may_manage(self: &Arc<Self>, profile: &ProfileId, account: u32) -> Result<(), Error> {
        Ok(check_invite(
            self.relation_of(profile, account).await?,
            Role::Collaborator,
        )?)
    }

    async fn ensure_member(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
        user: u32,
    ) -> Result<(), Error> {
        let people = self.people(profile, account).await?.items;
        if people.iter().any(|p| !p.pending && p.user_id == Some(user)) {
            Ok(())
        } else {
            Err(Error::Refused(Refusal::LeaderNotMember))
        }
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
