//! Every route of the table against the local API: the error shapes every route shares, and the
//! retry policy (reads are retried, mutations never).

use crate::support;

use infomaniak::{
    AccountId, Error, InvitationId, Method, ProductId, Route, TeamId, Tier, TransportKind, UserId,
};
use sandbox::{Fault, FaultRule, Sandbox, SandboxConfig, tokens};
use support::dispatch::{Ids, call};

/// Ids of the first organisation the person owns, and a real invoice link.
async fn ids(api: &Sandbox) -> Ids {
    let org = support::org(api, "Rochat");
    let client = support::fast_client(api, tokens::DEMO);
    let invoice = client.invoices(AccountId(org.id)).page(1).await.unwrap();
    Ids {
        account: AccountId(org.id),
        user: UserId(org.normal_ids[0]),
        invitation: InvitationId(org.pending_invitation_ids[0]),
        team: TeamId(org.team_ids[0]),
        drive: ProductId(org.product_ids[0]),
        mail_service: support::dispatch::mail_service(api, AccountId(org.id)).await,
        pdf: invoice.items[0].pdf.clone().unwrap(),
    }
}

fn method(route: Route) -> &'static str {
    match route.method() {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Patch => "PATCH",
        Method::Delete => "DELETE",
    }
}

#[tokio::test]
async fn every_route_succeeds_with_valid_ids() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let client = support::fast_client(&api, tokens::DEMO);
    let mut ids = ids(&api).await;
    let drives = client
        .account_products(ids.account)
        .service_names(&["drive"])
        .all()
        .await
        .unwrap();
    ids.drive = drives[0].id;
    // What removes something comes last, so the routes before it still find it.
    let removals = [
        Route::InvitationCancel,
        Route::TeamDelete,
        Route::MemberRemove,
    ];
    let (last, first): (Vec<Route>, Vec<Route>) =
        Route::ALL.iter().partition(|r| removals.contains(r));
    for route in first.into_iter().chain(last) {
        let outcome = call(&client, route, &ids).await;
        assert!(outcome.is_ok(), "{route}: {outcome:?}");
    }
}

#[tokio::test]
async fn a_revoked_token_is_unauthorized_on_every_route() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let ids = ids(&api).await;
    let client = support::fast_client(&api, tokens::REVOKED);
    for route in Route::ALL.iter().filter(|r| r.scope().is_some()) {
        let err = call(&client, *route, &ids).await.unwrap_err();
        assert!(err.is_unauthorized(), "{route}: {err:?}");
        assert_eq!(err.route(), Some(*route));
        assert!(!err.is_transient(), "{route}");
    }
}

#[tokio::test]
async fn a_missing_scope_is_named_on_every_route() {
    let api = support::sandbox().await;
    let ids = ids(&api).await;
    for scope in tokens::ALL_SCOPES {
        // One token per scope, each lacking only that scope (and each with its own minute).
        let token = format!("ikdesk-test-without-{scope}-0123456789abcdef0123456789");
        let others: Vec<&str> = tokens::ALL_SCOPES
            .into_iter()
            .filter(|s| *s != scope)
            .collect();
        api.add_token(&token, &others);
        let client = support::fast_client(&api, &token);
        let routes = Route::ALL.iter().filter(|r| r.scope() == Some(scope));
        for route in routes {
            let err = call(&client, *route, &ids).await.unwrap_err();
            let failure = err
                .api_failure()
                .unwrap_or_else(|| panic!("{route}: {err:?}"));
            assert_eq!(failure.status, 403, "{route}");
            assert_eq!(err.missing_scope(), Some(scope), "{route}: {err:?}");
        }
    }
}

#[tokio::test]
async fn an_organisation_without_relation_is_not_found_on_every_route_that_names_one() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let ids = Ids {
        account: AccountId(999_999_999),
        ..ids(&api).await
    };
    let client = support::fast_client(&api, tokens::DEMO);
    let routes = Route::ALL
        .iter()
        .filter(|r| r.template().contains("{account_id}"));
    for route in routes {
        let err = call(&client, *route, &ids).await.unwrap_err();
        assert!(err.is_object_not_found(), "{route}: {err:?}");
        assert!(!err.is_method_not_found(), "{route}");
    }
}

#[tokio::test]
async fn every_unverified_route_may_be_missing_from_the_published_api() {
    let api = support::roomy(SandboxConfig::published()).await;
    let ids = ids(&api).await;
    let client = support::fast_client(&api, tokens::DEMO);
    for route in Route::ALL.iter().filter(|r| r.tier() == Tier::Unverified) {
        let err = call(&client, *route, &ids).await.unwrap_err();
        assert!(err.is_method_not_found(), "{route}: {err:?}");
        assert!(err.tier().is_some_and(Tier::may_be_missing));
        assert_eq!(
            support::hits(&api, method(*route), &ids.path(*route)),
            1,
            "{route}: a missing route is not asked twice"
        );
    }
}

#[tokio::test]
async fn reads_are_retried_after_a_503_and_mutations_never_are() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let ids = ids(&api).await;
    let client = support::fast_client(&api, tokens::DEMO);
    for route in Route::ALL {
        let path = ids.path(*route);
        let rule = FaultRule::new(path.clone(), Fault::Status(503)).method(method(*route));
        api.inject(rule);
        let result = call(&client, *route, &ids).await;
        let hits = support::hits(&api, method(*route), &path);
        if route.method() == Method::Get {
            assert_eq!(hits, 2, "{route}: one failure, one retry");
            assert!(
                result
                    .as_ref()
                    .err()
                    .and_then(Error::api_failure)
                    .is_none_or(|f| f.status != 503),
                "{route}: {result:?}"
            );
        } else {
            assert_eq!(hits, 1, "{route}: a mutation is sent once");
            let err = result.unwrap_err();
            assert_eq!(err.api_failure().map(|f| f.status), Some(503), "{route}");
        }
        api.clear_requests();
    }
}

#[tokio::test]
async fn a_dropped_connection_is_retried_for_reads_and_never_for_mutations() {
    let api = support::roomy(SandboxConfig::demo()).await;
    let ids = ids(&api).await;
    let client = support::fast_client(&api, tokens::DEMO);
    let before = api.world();
    for route in Route::ALL {
        let path = ids.path(*route);
        api.inject(FaultRule::new(path.clone(), Fault::DropConnection).method(method(*route)));
        let result = call(&client, *route, &ids).await;
        let hits = support::hits(&api, method(*route), &path);
        if route.method() == Method::Get {
            assert_eq!(hits, 2, "{route}");
        } else {
            assert_eq!(hits, 1, "{route}: a mutation is sent once");
            match result {
                Err(Error::Transport { kind, .. }) => {
                    assert_eq!(kind, TransportKind::Interrupted, "{route}");
                }
                other => panic!("{route}: expected a transport failure, got {other:?}"),
            }
        }
        api.clear_requests();
    }
    assert_eq!(api.world(), before, "no mutation reached the organisation");
}
