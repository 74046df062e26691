//! Work teams of an organisation. Every operation hangs from [`Teams`], got from
//! `desk.organisation(&profile, account).teams()`:
//!
//! - `list`, `services`: the teams and the services a team may grant (`list.rs`).
//! - `create`, `update`, `delete`: a team itself (`change.rs`).
//! - `add_members`, `remove_members`: who is in it (`change.rs` too: one set of checks).

mod change;
mod list;

pub use change::TeamChange;
pub use list::{ServiceOption, TeamRow, TeamsSnapshot};

use crate::organisations::OrganisationHandle;

/// The work teams of one organisation.
#[derive(Debug, Clone, Copy)]
pub struct Teams<'a> {
    pub(crate) org: OrganisationHandle<'a>,
}
