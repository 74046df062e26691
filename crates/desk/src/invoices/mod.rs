//! Invoices of an organisation and its prepaid account. Reads hang from [`Invoices`], got from
//! `desk.organisation(&profile, account).invoices()`:
//!
//! - `list`, `prepaid_history`: what the Invoices page shows (`list.rs`).
//! - `file_name`, `pdf`, `save`: one invoice's PDF (`files.rs`).
//!
//! [`crate::Desk::save_year`] spans organisations, so it hangs from the core itself.

mod files;
mod list;

pub use files::{YearProgress, YearSaved, file_name};
pub(crate) use list::{CachedInvoice, hand_off_for};
pub use list::{
    HandOffReason, InvoiceRow, InvoicesHandOff, InvoicesSnapshot, PrepaidRow, PrepaidSnapshot,
    manager_invoices_page,
};

use crate::organisations::OrganisationHandle;

/// The invoices of one organisation.
#[derive(Debug, Clone, Copy)]
pub struct Invoices<'a> {
    pub(crate) org: OrganisationHandle<'a>,
}
