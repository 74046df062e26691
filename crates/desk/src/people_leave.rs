//! Leaving an organisation: the signed-in person removes themself. The last legal representative
//! may not leave (checked first); Infomaniak may still refuse with `cannot_leave_account`.

use crate::Desk;
use crate::audit::Change;
use crate::error::Error;
use crate::people_rules::{Refusal, check_removal};
use crate::profiles::ProfileId;
use crate::views::Area;
use infomaniak::{AccountId, Route, UserId};
use std::sync::Arc;

impl Desk {
    /// The signed-in person leaves the organisation. The organisations list is read again after.
    ///
    /// # Errors
    /// [`Error::Refused`] with [`Refusal::LastLegalRepresentative`], [`Refusal::UnknownPerson`]
    /// (the signed-in person is not in the list) or [`Refusal::CannotLeaveAccount`] (the API's
    /// `cannot_leave_account`); the API's other errors (404 `method_not_found`: the Manager).
    pub async fn leave_organisation(
        self: &Arc<Self>,
        profile: &ProfileId,
        account: u32,
    ) -> Result<(), Error> {
        let people = self.people(profile, account).await?.items;
        let me = self
            .my_user_id(profile, &people)
            .ok_or(Refusal::UnknownPerson)?;
        check_removal(
            self.relation_of(profile, account).await?,
            &people,
            &[me],
            Some(me),
        )?;
        let target = people
            .iter()
            .find(|p| p.user_id == Some(me))
            .map(|p| p.email.clone())
            .unwrap_or_default();
        let client = self.client(profile).await?;
        let change = Change {
            action: "member.leave",
            account_id: Some(account),
            target: &target,
        };
        self.audited(profile, change, async {
            let answer = client
                .remove_member(AccountId(account.into()), UserId(me.into()))
                .await;
            self.note(profile, Route::MemberRemove, &answer);
            match self.watch(profile, answer) {
                Err(Error::Api(e))
                    if e.api_failure()
                        .is_some_and(|f| f.code == "cannot_leave_account") =>
                {
                    Err(Refusal::CannotLeaveAccount.into())
                }
                other => other,
            }
        })
        .await?;
        self.refresh(profile, Area::Organisations).await
    }
}
