//! A handle on one organisation of one profile, so that the calls below it do not repeat who and
//! where: `desk.organisation(&profile, account).users().list()`.

use crate::Desk;
use crate::invoices::Invoices;
use crate::session::ProfileId;
use crate::teams::Teams;
use crate::users::Users;
use infomaniak::AccountId;
use std::sync::Arc;

/// One organisation, as seen by one profile.
#[derive(Debug, Clone, Copy)]
pub struct OrganisationHandle<'a> {
    pub(crate) desk: &'a Arc<Desk>,
    pub(crate) profile: &'a ProfileId,
    pub(crate) account: AccountId,
}

impl Desk {
    /// The organisation `account` as `profile` sees it: its users, teams and invoices.
    pub fn organisation<'a>(
        self: &'a Arc<Self>,
        profile: &'a ProfileId,
        account: AccountId,
    ) -> OrganisationHandle<'a> {
        OrganisationHandle {
            desk: self,
            profile,
            account,
        }
    }
}

impl<'a> OrganisationHandle<'a> {
    /// Which organisation this is.
    pub fn id(&self) -> AccountId {
        self.account
    }

    /// Its members and pending invitations.
    pub fn users(self) -> Users<'a> {
        Users { org: self }
    }

    /// Its work teams.
    pub fn teams(self) -> Teams<'a> {
        Teams { org: self }
    }

    /// Its invoices and prepaid account.
    pub fn invoices(self) -> Invoices<'a> {
        Invoices { org: self }
    }
}
