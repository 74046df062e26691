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

fn platform() -> desk::diagnostics::Platform {
    desk::diagnostics::Platform {
        version: "9.8.7".into(),
        os: "Debian GNU/Linux 12 (bookworm) x86_64".into(),
        webview: "WebKitGTK 2.48.1".into(),
    }
}

#[tokio::test]
async fn the_bug_report_names_the_version_platform_and_what_was_learned_but_never_the_token() {
    let (_api, desk, id) =
        crate::support::signed_in_with(SandboxConfig::published(), tokens::DEMO).await;
    desk.check_now(&id).await.unwrap();
    let session = desk.session().unwrap();
    let me = session.profiles.iter().find(|p| p.id == id).unwrap();
    let who = (me.email.clone(), me.display_name.clone());

    let report = desk.diagnostics_report(Some(&id), &platform()).unwrap();

    assert!(report.contains("IK Desk 9.8.7"), "{report}");
    assert!(report.contains("Debian GNU/Linux 12"), "{report}");
    assert!(report.contains("WebKitGTK 2.48.1"), "{report}");
    // What the probe learned is there, with the tier of each route.
    for (route, state) in [(Route::Teams, "works"), (Route::Renewals, "missing")] {
        let line = report
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{route} [")))
            .unwrap_or_else(|| panic!("no line for {route} in {report}"));
        assert!(line.contains(route.tier().as_str()), "{line}");
        assert!(line.contains(state), "{line}");
    }
    // Nothing that identifies the person or lets anyone act as them.
    assert!(!report.contains(tokens::DEMO), "the token leaked: {report}");
    assert!(!report.contains(&who.0), "the email leaked: {report}");
    assert!(!report.contains(&who.1), "the name leaked: {report}");
}

#[tokio::test]
async fn the_bug_report_without_a_profile_says_so() {
    let (_api, desk, _id) =
        crate::support::signed_in_with(SandboxConfig::demo(), tokens::DEMO).await;
    let report = desk.diagnostics_report(None, &platform()).unwrap();
    assert!(report.contains("IK Desk 9.8.7"));
    assert!(report.contains("Signed in: no"));
    assert!(!report.contains("Routes"));
}
