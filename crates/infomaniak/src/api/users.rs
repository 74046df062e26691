//! Users of an organisation (members and pending invitations) and what they can reach.

use super::list::{Direction, Listing, paged};
use crate::call::Call;
use crate::client::Client;
use crate::error::Error;
use crate::ids::{AccountId, TeamId, UserId};
use crate::models::{AppAccess, RoleType, State, User, lenient};
use crate::routes::Route;

/// Fields the users list sorts on (`order_by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserOrder {
    /// E-mail address.
    Email,
    /// First name.
    FirstName,
    /// Last name.
    LastName,
    /// Role.
    RoleType,
    /// Member or pending.
    StateInAccount,
    /// Last sign-in.
    LastLoginAt,
}

impl UserOrder {
    fn as_str(self) -> &'static str {
        match self {
            UserOrder::Email => "email",
            UserOrder::FirstName => "first_name",
            UserOrder::LastName => "last_name",
            UserOrder::RoleType => "role_type",
            UserOrder::StateInAccount => "state_in_account",
            UserOrder::LastLoginAt => "last_login_at",
        }
    }
}

/// `GET /2/accounts/{account_id}/users`: members and pending invitations.
#[derive(Debug, Clone)]
pub struct UsersQuery {
    list: Listing,
}

impl UsersQuery {
    /// Only users whose name or address contains `text`.
    #[must_use]
    pub fn search(mut self, text: impl Into<String>) -> Self {
        self.list.call_mut().set("search", text.into());
        self
    }

    /// Only users with one of these roles (`filter[role_type]`).
    #[must_use]
    pub fn roles(mut self, roles: &[RoleType]) -> Self {
        let names: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
        self.list
            .call_mut()
            .set("filter[role_type]", names.join(","));
        self
    }

    /// Only members, or only pending invitations (`filter[state_in_account]`).
    #[must_use]
    pub fn state(mut self, state: State) -> Self {
        self.list
            .call_mut()
            .set("filter[state_in_account]", state.as_str());
        self
    }

    /// Only members of one of these teams (`filter[team_ids][]`: an array in the spec).
    #[must_use]
    pub fn teams(mut self, teams: &[TeamId]) -> Self {
        let call = self.list.call_mut();
        call.query.retain(|(k, _)| k != "filter[team_ids][]");
        for team in teams {
            call.query
                .push(("filter[team_ids][]".to_owned(), team.to_string()));
        }
        self
    }

    /// Sort field.
    #[must_use]
    pub fn order_by(mut self, field: UserOrder) -> Self {
        self.list.call_mut().set("order_by", field.as_str());
        self
    }

    /// Sort direction.
    #[must_use]
    pub fn order(mut self, direction: Direction) -> Self {
        self.list.call_mut().set("order", direction.as_str());
        self
    }

    /// Related data to include (`with=`), e.g. `teams` or `app_access`; an unknown name answers 422
    /// listing the allowed ones in the field error's `values`.
    #[must_use]
    pub fn with(mut self, expansion: &str) -> Self {
        let call = self.list.call_mut();
        let joined = match call.query.iter().find(|(k, _)| k == "with") {
            Some((_, earlier)) => format!("{earlier},{expansion}"),
            None => expansion.to_owned(),
        };
        call.set("with", joined);
        self
    }
}

paged!(UsersQuery, User);

impl Client {
    /// The users of an organisation, members and pending invitations alike.
    pub fn users(&self, account: AccountId) -> UsersQuery {
        UsersQuery {
            list: Listing::new(self, Call::to(Route::AccountUsers, &[&account])),
        }
    }

    /// The products a user can reach. An item that lacks a product id or a service name is
    /// skipped rather than failing the list (the shape is not published).
    ///
    /// # Errors
    /// Any [`Error`]; a 404 when the user is not a member.
    pub async fn app_accesses(
        &self,
        account: AccountId,
        user: UserId,
    ) -> Result<Vec<AppAccess>, Error> {
        let call = Call::to(Route::UserAppAccesses, &[&account, &user]);
        let data = self.send::<serde_json::Value>(&call).await?.data;
        Ok(lenient::keep_decodable(data))
    }
}
