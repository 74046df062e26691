//! Users of an organisation: its members and pending invitations (the API's *users*, *members*
//! and *invitations*). Every operation hangs from [`Users`], got from
//! `desk.organisation(&profile, account).users()`:
//!
//! - `list`: members and pending invitations, cached at once and refreshed when stale (`list.rs`).
//! - `invite`, `cancel_invitation`, `update_invitation`: invitations (`invitations.rs`), with the
//!   products given along (`product_access.rs`).
//! - `change_role`, `set_settings`, `remove`: members (`members.rs`).
//! - `leave`: the signed-in person leaves the organisation (`leave.rs`).
//! - `preview_invitations`, `send_invitations`, `stop_invitations`: invitations in bulk from a
//!   CSV file (`bulk/`).
//! - `products_reachable`: what one person reaches, for the detail panel (`detail.rs`).
//!
//! The organisation's rules about people are checked first, in `rules.rs`.

pub mod bulk;
mod detail;
mod invitations;
mod leave;
mod list;
mod members;
mod product_access;
pub mod rules;

pub use detail::ReachableProduct;
pub use invitations::{InvitationChange, InviteForm};
pub use list::{Person, Role, UsersSnapshot};
pub use members::{MemberSettings, RemovalResult};
pub use product_access::{AccessRefused, DriveAccess, InviteOutcome, ProductAccessChoice};

use crate::organisations::OrganisationHandle;

/// The users of one organisation.
#[derive(Debug, Clone, Copy)]
pub struct Users<'a> {
    pub(crate) org: OrganisationHandle<'a>,
}
