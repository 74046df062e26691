//! Leaving an organisation: the signed-in person removes themself. The last legal representative
//! may not leave (checked first); Infomaniak may still refuse with `cannot_leave_account`.

use super::Users;
use crate::activity::Change;
use crate::error::Error;
use crate::organisations::OrganisationHandle;
use crate::sync::Area;
use crate::users::rules::{Refusal, check_removal};
use infomaniak::Route;

impl Users<'_> {
    /// The signed-in person leaves the organisation. The organisations list is read again after.
    ///
    /// # Errors
    /// [`Error::Refused`] with [`Refusal::LastLegalRepresentative`], [`Refusal::UnknownPerson`]
    /// (the signed-in person is not in the list) or [`Refusal::CannotLeaveAccount`] (the API's
    /// `cannot_leave_account`); the API's other errors (404 `method_not_found`: the Manager).
    pub async fn leave(&self) -> Result<(), Error> {
        let OrganisationHandle {
            desk,
            profile,
            account,
        } = self.org;
        let people = desk
            .organisation(profile, account)
            .users()
            .list()
            .await?
            .items;
        let me = desk
            .my_user_id(profile, &people)
            .ok_or(Refusal::UnknownPerson)?;
        check_removal(
            desk.relation_of(profile, account).await?,
            &people,
            &[me],
            Some(me),
        )?;
        let target = people
            .iter()
            .find(|p| p.user_id == Some(me))
            .map(|p| p.email.clone())
            .unwrap_or_default();
        let client = desk.client(profile).await?;
        let change = Change {
            action: "member.leave",
            account_id: Some(account),
            target: &target,
            route: Route::MemberRemove,
        };
        let send = async {
            let answer = client.remove_member(account, me).await;
            desk.note(profile, Route::MemberRemove, &answer);
            match desk.watch(profile, answer) {
                Err(Error::Api(e))
                    if e.api_failure()
                        .is_some_and(|f| f.code == "cannot_leave_account") =>
                {
                    Err(Refusal::CannotLeaveAccount.into())
                }
                other => other,
            }
        };
        // Applied when the organisation is no longer among the person's.
        let read_back = move || async move {
            let organisations = desk.fetch_organisations(profile).await?;
            Ok((!organisations.iter().any(|o| o.id == account)).then_some(()))
        };
        desk.audited(profile, change, send, read_back).await?;
        if let Err(e) = desk.refresh(profile, Area::Organisations).await {
            tracing::info!(%account, "re-reading the organisations after leaving failed: {e}");
        }
        Ok(())
    }
}
