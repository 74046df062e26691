//! Products of every organisation of a profile, their renewals and automatic renewal. Products are
//! read across organisations (the renewals board spans them all), so these hang from the core:
//!
//! - [`crate::Desk::products`]: the page's view, every product with its renewal (`view.rs`).
//! - [`crate::Desk::set_auto_renew`]: automatic renewal on or off for a selection (`auto_renew.rs`).
//! - [`crate::Desk::renewal_costs`]: the next twelve months of renewals per month and currency
//!   (`costs/`).
//! - what is cached and how it is fetched (`cache.rs`); the Manager's renewal rules as pure
//!   functions of `now` (`renewals.rs`).
//! - the first read of a large board, painted as it arrives (`progressive.rs`).

mod auto_renew;
mod cache;
pub mod calendar;
pub mod costs;
mod progressive;
pub mod renewals;
mod view;
pub(crate) use view::rows;

pub use auto_renew::{AutoRenewItem, AutoRenewOutcome};
pub(crate) use cache::renewal_of;
pub use cache::{CachedProduct, CachedRenewal, OrgRenewals, RenewalsState};
pub use progressive::{BoardProgress, BoardStep};
pub use view::{PriceView, ProductOrganisation, ProductRow, ProductsView};
