//! Who may see and change what, as the API answers it: 404 for an organisation the caller has
//! no relation to, 403 for a relation that does not allow the action.

use super::model::{Account, Role, World};
use crate::envelope::ApiError;

fn unknown_account() -> ApiError {
    ApiError::not_found("Account")
}

fn denied(role: Role, action: &str) -> ApiError {
    ApiError::access_denied(format!(
        "Your relation to this organisation ({}) does not allow {action}",
        role.relation()
    ))
    .with_context("relation", role.relation())
}

impl World {
    /// The organisation and the caller's relation to it.
    pub(crate) fn visible(&self, account_id: u64) -> Result<(&Account, Role), ApiError> {
        let account = self.accounts.get(&account_id).ok_or_else(unknown_account)?;
        let role = account.member(self.me).ok_or_else(unknown_account)?.role;
        Ok((account, role))
    }

    pub(crate) fn visible_mut(
        &mut self,
        account_id: u64,
    ) -> Result<(&mut Account, Role), ApiError> {
        let me = self.me;
        let account = self
            .accounts
            .get_mut(&account_id)
            .ok_or_else(unknown_account)?;
        let role = account.member(me).ok_or_else(unknown_account)?.role;
        Ok((account, role))
    }

    /// Users, invitations and teams are for legal representatives and administrators.
    pub(crate) fn managed(&self, account_id: u64) -> Result<(&Account, Role), ApiError> {
        let (account, role) = self.visible(account_id)?;
        if role.manages_users() {
            Ok((account, role))
        } else {
            Err(denied(role, "managing its users"))
        }
    }

    pub(crate) fn managed_mut(
        &mut self,
        account_id: u64,
    ) -> Result<(&mut Account, Role), ApiError> {
        let (account, role) = self.visible_mut(account_id)?;
        if role.manages_users() {
            Ok((account, role))
        } else {
            Err(denied(role, "managing its users"))
        }
    }

    /// Invoices, prepaid history and renewals: owners, administrators, and members with the
    /// billing right.
    pub(crate) fn billing(&self, account_id: u64) -> Result<(&Account, Role), ApiError> {
        let (account, role) = self.visible(account_id)?;
        let billing_right = account
            .member(self.me)
            .is_some_and(|m| m.has_billing_access);
        if role.manages_users() || billing_right {
            Ok((account, role))
        } else {
            Err(denied(role, "access to its billing"))
        }
    }

    pub(crate) fn billing_mut(
        &mut self,
        account_id: u64,
    ) -> Result<(&mut Account, Role), ApiError> {
        self.billing(account_id)?;
        self.visible_mut(account_id)
    }
}
