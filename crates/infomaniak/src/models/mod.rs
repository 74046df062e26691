//! What the API answers, decoded leniently where the document leaves fields loose.

mod account;
mod profile;

pub use account::{Account, AccountOrders, LegalEntity, Relation};
pub use profile::Profile;
