//! Learning what each route can do, from real answers and on demand.

use desk::diagnostics::CapabilityState;
use infomaniak::Route;
use sandbox::{SandboxConfig, tokens};

fn state_of(d: &desk::diagnostics::Diagnostics, route: Route) -> CapabilityState {
    d.routes
        .iter()
        .find(|r| r.route == route.to_string())
        .unwrap()
        .state
}

#[tokio::test]
async fn check_now_learns_missing_routes_on_the_published_api_and_says_its_cost_first() {
    let (api, desk, id) =
        crate::support::signed_in_with(SandboxConfig::published(), tokens::DEMO).await;
    let before = desk.diagnostics(&id).unwrap();
    assert_eq!(
        state_of(&before, Route::Renewals),
        CapabilityState::NotTried
    );
    api.clear_requests();

    let after = desk.check_now(&id).await.unwrap();
    // One request to find an organisation, then exactly the announced probes.
    assert_eq!(api.requests().len(), before.probe_cost as usize + 1);
    assert_eq!(state_of(&after, Route::Renewals), CapabilityState::Missing);
    assert_eq!(
        state_of(&after, Route::SupportAccesses),
        CapabilityState::Missing
    );
    assert_eq!(state_of(&after, Route::Teams), CapabilityState::Works);
    assert!(desk.route_missing(&id, Route::Renewals));
    assert!(!desk.route_missing(&id, Route::Teams));
}

#[tokio::test]
async fn a_missing_scope_is_learned_and_listed() {
    let (_api, desk, id) =
        crate::support::signed_in_with(SandboxConfig::demo(), tokens::NO_INVOICING).await;
    let d = desk.check_now(&id).await.unwrap();
    assert_eq!(state_of(&d, Route::Invoices), CapabilityState::NeedsScope);
    assert_eq!(d.missing_scopes, vec!["invoicing".to_owned()]);
}
