//! The check-up against the local API: computed from what the pages cached, without a request.

use crate::support::acct;
use desk::checkup::FindingKey;
use desk::users::Person;
use desk::{Desk, ProfileId};
use infomaniak::AccountId;
use sandbox::SandboxConfig;
use std::sync::Arc;

/// What the Users page reads of an organisation, and so leaves for the check-up.
async fn people_of(desk: &Arc<Desk>, id: &ProfileId, account: u64) -> Vec<Person> {
    desk.organisation(id, acct(AccountId(account)))
        .users()
        .list()
        .await
        .unwrap()
        .items
}

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
    let people = people_of(&desk, &id, org.id).await;
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
    // Only the organisation whose people were read had the people rules run.
    assert_eq!(checkup.people_checked, 1);

    // The administrator who comes in through a partnership is reported, and only them.
    assert!(!org.partnership_ids.is_empty(), "{org:?}");
    let partners: Vec<String> = people
        .iter()
        .filter(|p| {
            p.user_id
                .is_some_and(|u| org.partnership_ids.contains(&u.0))
        })
        .map(|p| p.email.clone())
        .collect();
    let reported: Vec<String> = checkup
        .findings
        .iter()
        .filter(|f| f.account_id == Some(AccountId(org.id)))
        .filter(|f| f.key == FindingKey::ExternalAdministrator)
        .filter_map(|f| f.subject.clone())
        .collect();
    assert_eq!(reported.len(), partners.len(), "{reported:?}");
    for email in &partners {
        assert!(
            reported.iter().any(|s| s.contains(email.as_str())),
            "{reported:?}"
        );
    }
}

#[tokio::test]
async fn members_without_a_second_factor_are_read_from_the_users_answer_the_page_asked_for() {
    let (api, desk, id) = crate::support::signed_in(SandboxConfig::demo()).await;
    desk.organisations(&id).await.unwrap();
    let org = api.world().org_with_relation("owner").unwrap().clone();
    let people = people_of(&desk, &id, org.id).await;
    // The users request asked for `security`: every member's second factor is known.
    assert!(
        people
            .iter()
            .filter(|p| !p.pending)
            .all(|p| p.second_factor.is_some()),
        "{people:?}"
    );
    let without: Vec<&str> = people
        .iter()
        .filter(|p| p.second_factor == Some(false))
        .map(|p| p.name.as_str())
        .collect();
    assert!(!without.is_empty(), "the demo has members without one");
    let checkup = desk.checkup(&id).unwrap();
    let found: Vec<_> = checkup
        .findings
        .iter()
        .filter(|f| {
            f.account_id == Some(AccountId(org.id))
                && f.key == FindingKey::MembersWithoutSecondFactor
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let subject = found[0].subject.clone().unwrap_or_default();
    assert!(subject.starts_with(without[0]), "{subject} / {without:?}");
}

#[tokio::test]
async fn a_scope_the_token_was_refused_is_a_finding_of_the_account() {
    let (_api, desk, id) =
        crate::support::signed_in_with(SandboxConfig::demo(), sandbox::tokens::NO_INVOICING).await;
    let before = desk.checkup(&id).unwrap();
    assert!(
        before
            .findings
            .iter()
            .all(|f| f.key != FindingKey::TokenMissingScope),
        "nothing is known to be missing before a refusal"
    );
    let orgs = desk.organisations(&id).await.unwrap().items;
    // The Invoices page's read, refused for the scope.
    let _ = desk
        .organisation(&id, acct(orgs[0].id))
        .invoices()
        .list()
        .await;
    let after = desk.checkup(&id).unwrap();
    let scopes: Vec<Option<&str>> = after
        .findings
        .iter()
        .filter(|f| f.key == FindingKey::TokenMissingScope)
        .map(|f| f.subject.as_deref())
        .collect();
    assert_eq!(scopes, [Some("invoicing")]);
}
