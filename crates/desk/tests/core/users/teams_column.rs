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
