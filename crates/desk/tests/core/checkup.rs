//! The check-up against the local API: computed from what the pages cached, without a request.

use crate::support::acct;
use infomaniak::AccountId;
use sandbox::SandboxConfig;

#[tokio::test]
async fn the_checkup_sends_no_request_and_reads_the_people_the_users_page_cached() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    // What the pages fetch: the organisations, the products, one organisation's users.
    let orgs = desk.organisations(&id).await.unwrap().items;
    desk.products(&id).await.unwrap();
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner" && !o.pending_invitation_ids.is_empty())
        .unwrap();
    let people = desk
        .organisation(&id, acct(AccountId(org.id)))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    // The invitations' dates come with the users list the page already asked for.
    assert!(
        people
            .iter()
            .filter(|p| p.pending)
            .all(|p| p.invited_at.is_some()),
        "{people:?}"
    );

    let before = api.requests().len();
    let checkup = desk.checkup(&id).unwrap();
    assert_eq!(api.requests().len(), before, "the check-up sent a request");
    assert_eq!(checkup.organisations.len(), orgs.len());
}
