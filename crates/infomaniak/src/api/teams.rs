//! Work teams and their members.

use super::done;
use super::list::{Direction, Listing, paged};
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, TeamId, UserId};
use crate::models::{NewTeam, Team, TeamMembers, TeamUpdate, TeamUser};
use crate::routes::Route;

/// Fields the teams list sorts on (`order_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TeamOrder {
    /// Name.
    Name,
    /// Creation.
    CreatedAt,
    /// Number of members.
    UserCount,
    /// Number of products.
    ProductCount,
}

impl TeamOrder {
    fn as_str(self) -> &'static str {
        match self {
            TeamOrder::Name => "name",
            TeamOrder::CreatedAt => "created_at",
            TeamOrder::UserCount => "user_count",
            TeamOrder::ProductCount => "product_count",
        }
    }
}

/// `GET /1/accounts/{account_id}/teams`.
#[derive(Debug, Clone)]
pub struct TeamsQuery {
    list: Listing,
}

impl TeamsQuery {
    /// Only teams whose name contains `text`.
    #[must_use]
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.list.call_mut().set("search", text.into());
        self
    }

    /// Only teams one of these users belongs to (`filter[user_ids]`).
    #[must_use]
    pub fn members(mut self, users: &[UserId]) -> Self {
        let ids: Vec<String> = users.iter().map(ToString::to_string).collect();
        self.list.call_mut().set("filter[user_ids]", ids.join(","));
        self
    }

    /// Sort field.
    #[must_use]
    pub fn order_by(mut self, field: TeamOrder) -> Self {
        self.list.call_mut().set("order_by", field.as_str());
        self
    }

    /// Sort direction.
    #[must_use]
    pub fn order(mut self, direction: Direction) -> Self {
        self.list.call_mut().set("order", direction.as_str());
        self
    }
}

paged!(TeamsQuery, Team);

/// `GET /1/accounts/{account_id}/teams/{team_id}/users`.
#[derive(Debug, Clone)]
pub struct TeamMembersQuery {
    list: Listing,
}

paged!(TeamMembersQuery, TeamUser);

impl Client {
    /// The work teams of an organisation.
    pub fn teams(&self, account: AccountId) -> TeamsQuery {
        TeamsQuery {
            list: Listing::new(self, Call::to(Route::Teams, &[&account])),
        }
    }

    /// Creates a team; its leader joins it.
    ///
    /// # Errors
    /// Any [`Error`]; 422 naming `name` (1 to 128 characters) or `owned_by_id` (not a member).
    pub async fn create_team(&self, account: AccountId, team: &NewTeam) -> Result<Team, Error> {
        let call = Call::to(Route::TeamCreate, &[&account]).json(team)?;
        Ok(self.send(&call).await?.data)
    }

    /// One team.
    ///
    /// # Errors
    /// Any [`Error`]; 404 `object_not_found` when it does not exist.
    pub async fn team(&self, account: AccountId, team: TeamId) -> Result<Team, Error> {
        let call = Call::to(Route::TeamGet, &[&account, &team]);
        Ok(self.send(&call).await?.data)
    }

    /// Renames a team, changes its leader or its services.
    ///
    /// # Errors
    /// As [`Client::create_team`], and 404 when the team does not exist.
    pub async fn update_team(
        &self,
        account: AccountId,
        team: TeamId,
        change: &TeamUpdate,
    ) -> Result<Team, Error> {
        let call = Call::to(Route::TeamUpdate, &[&account, &team]).json(change)?;
        Ok(self.send(&call).await?.data)
    }

    /// Deletes a team (its members stay in the organisation).
    ///
    /// # Errors
    /// Any [`Error`]; 404 when the team does not exist.
    pub async fn delete_team(&self, account: AccountId, team: TeamId) -> Result<(), Error> {
        let call = Call::to(Route::TeamDelete, &[&account, &team]);
        done(self.send(&call).await)
    }

    /// The members of a team.
    pub fn team_members(&self, account: AccountId, team: TeamId) -> TeamMembersQuery {
        TeamMembersQuery {
            list: Listing::new(self, Call::to(Route::TeamUsers, &[&account, &team])),
        }
    }

    /// Adds members to a team.
    ///
    /// # Errors
    /// Any [`Error`]; 422 naming `user_ids` when one is not a member of the organisation.
    pub async fn add_team_members(
        &self,
        account: AccountId,
        team: TeamId,
        users: &[UserId],
    ) -> Result<(), Error> {
        let body = TeamMembers { user_ids: users };
        let call = Call::to(Route::TeamUsersAdd, &[&account, &team]).json(&body)?;
        done(self.send(&call).await)
    }

    /// Removes members from a team: a DELETE that carries a JSON body.
    ///
    /// # Errors
    /// As [`Client::add_team_members`].
    pub async fn remove_team_members(
        &self,
        account: AccountId,
        team: TeamId,
        users: &[UserId],
    ) -> Result<(), Error> {
        let body = TeamMembers { user_ids: users };
        let call = Call::to(Route::TeamUsersRemove, &[&account, &team]).json(&body)?;
        done(self.send(&call).await)
    }
}
