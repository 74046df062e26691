//! The users table's teams column: `teams` is a `with=` extra of the API's user list, so the
//! core asks for it, and people show the teams the world puts them in.

use crate::support::acct;
use sandbox::SandboxConfig;

#[tokio::test]
async fn people_carry_their_teams_because_the_list_asks_for_them() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner" && !o.team_ids.is_empty())
        .unwrap();
    api.clear_requests();
    let people = desk
        .organisation(&id, acct(org.id))
        .users()
        .list()
        .await
        .unwrap()
        .items;
    let asked = api
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with(&format!("/accounts/{}/users", org.id)))
        .all(|r| {
            r.query
                .as_deref()
                .unwrap_or_default()
                .contains("with=teams")
        });
    assert!(asked, "every page of the user list asks for teams");
    assert!(
        people.iter().any(|p| !p.team_ids.is_empty()),
        "someone of the organisation is in a team"
    );
}

#[tokio::test]
async fn people_lacking_their_ids_are_left_out_and_counted_never_a_failed_page() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    let org = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner")
        .unwrap();
    let path = format!("/2/accounts/{}/users", org.id);
    api.inject(sandbox::FaultRule::new(
        path,
        sandbox::Fault::ItemsWithoutIds(2),
    ));
    let snapshot = desk
        .organisation(&id, acct(org.id))
        .users()
        .list()
        .await
        .unwrap();
    assert_eq!(snapshot.skipped, 2);
    assert_eq!(
        snapshot.items.len(),
        org.nb_users + org.nb_invitations - 2,
        "everyone else is listed"
    );
    // The count stays with the cached list until the next fetch.
    let again = desk
        .organisation(&id, acct(org.id))
        .users()
        .list()
        .await
        .unwrap();
    assert_eq!(again.skipped, 2);
}
