//! The typed calls, one method per route, grouped by area. Lists are builders: the builder is the
//! query, `.page(n)` reads one page, `.all()` every page, `.stream()` items as pages arrive.

mod accounts;
mod billing;
mod invitation_access;
mod invitations;
mod list;
mod members;
mod products;
mod profile;
mod renewals;
mod support;
mod teams;
mod users;

pub use billing::{InvoicesQuery, PrepaidQuery};
pub use list::Direction;
pub use products::{AccountProductsQuery, ProductOrder, ProductsQuery};
pub use profile::ProfileWith;
pub use renewals::RenewalsQuery;
pub use teams::{TeamMembersQuery, TeamOrder, TeamsQuery};
pub use users::{UserOrder, UsersQuery};

use crate::envelope::Envelope;
use crate::error::Error;

/// Mutations that answer `data: true` (or anything else): success is the 2xx itself.
fn done(envelope: Result<Envelope<serde_json::Value>, Error>) -> Result<(), Error> {
    envelope.map(|_| ())
}
