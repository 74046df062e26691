//! The client against the local API over loopback: successes and every documented failure.

use crate::support;

use infomaniak::{Error, ProfileWith, Route, Tier, TransportKind};
use sandbox::{Fault, FaultRule, tokens};

#[tokio::test]
async fn profile_and_organisations_decode_from_the_real_envelope() {
    let api = support::sandbox().await;
    let client = support::client(&api, tokens::DEMO);
    let world = api.world();

    let me = client.profile().await.unwrap();
    assert_eq!(me.id.0, world.user_id);
    assert_eq!(me.email, world.email);
    assert_eq!(me.shown_name(), world.display_name);

    let accounts = client.accounts().await.unwrap();
    let mut got: Vec<_> = accounts.iter().map(|a| (a.id.0, a.name.clone())).collect();
    let mut want: Vec<_> = world
        .organisations
        .iter()
        .map(|o| (o.id, o.name.clone()))
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
    let first = &world.organisations[0];
    let one = client
        .account(infomaniak::AccountId(first.id))
        .await
        .unwrap();
    assert_eq!(
        one.count_owners,
        Some(u32::try_from(first.count_owners).unwrap())
    );
    assert_eq!(one.is_blocked, first.is_blocked);
}

#[tokio::test]
async fn the_profile_brings_its_preferences_and_on_request_its_addresses() {
    let api = support::sandbox().await;
    let client = support::client(&api, tokens::DEMO);
    let plain = client.profile().await.unwrap();
    assert_eq!(plain.emails, None);
    assert!(plain.preferences.security.otp);
    assert!(plain.preferences.account.current_account_id.is_some());
    let zone = plain.preferences.timezone.as_ref().unwrap();
    assert_eq!(
        zone.name, "Europe/Zurich",
        "under preferences, as in the spec"
    );

    let full = client
        .profile_with(&[ProfileWith::Emails, ProfileWith::Phones])
        .await
        .unwrap();
    let emails = full.emails.unwrap();
    assert!(emails.iter().any(|e| e.email == api.world().email));
    assert_eq!(full.phones.map(|p| p.len()), Some(1));
    let sent = api.requests().last().and_then(|r| r.query.clone()).unwrap();
    assert_eq!(sent, "with=emails%2Cphones");
}

#[tokio::test]
async fn a_revoked_token_is_unauthorized() {
    let api = support::sandbox().await;
    let err = support::client(&api, tokens::REVOKED)
        .profile()
        .await
        .unwrap_err();
    assert!(err.is_unauthorized(), "{err:?}");
    assert_eq!(err.route(), Some(Route::Profile));
}

#[tokio::test]
async fn a_missing_scope_is_named() {
    let api = support::sandbox().await;
    let err = support::client(&api, tokens::NO_ACCOUNTS)
        .accounts()
        .await
        .unwrap_err();
    assert_eq!(err.missing_scope(), Some("accounts"), "{err:?}");
    // The profile still works with that token.
    assert!(
        support::client(&api, tokens::NO_ACCOUNTS)
            .profile()
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn an_unknown_organisation_is_not_found() {
    let api = support::sandbox().await;
    let err = support::client(&api, tokens::DEMO)
        .account(infomaniak::AccountId(999_999_999))
        .await
        .unwrap_err();
    assert!(err.is_object_not_found(), "{err:?}");
    assert_eq!(err.tier(), Some(Tier::Documented));
}

#[tokio::test]
async fn server_errors_on_reads_are_retried_until_they_pass() {
    let api = support::sandbox().await;
    api.inject(FaultRule::new("/1/accounts", Fault::Status(503)).times(2));
    let accounts = support::fast_client(&api, tokens::DEMO)
        .accounts()
        .await
        .unwrap();
    assert!(!accounts.is_empty());
    let statuses: Vec<u16> = api
        .requests()
        .iter()
        .filter(|r| r.path == "/1/accounts")
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec![503, 503, 200]);
}

#[tokio::test]
async fn a_429_is_waited_out_then_retried_once() {
    let api = support::sandbox().await;
    api.inject(FaultRule::new("/2/profile", Fault::Status(429)));
    let started = std::time::Instant::now();
    support::quick_client(&api, tokens::DEMO)
        .profile()
        .await
        .unwrap();
    // The client waited for its window to free (2 s in this test) rather than hammering.
    assert!(started.elapsed() >= std::time::Duration::from_secs(1));
    assert_eq!(
        api.requests()
            .iter()
            .filter(|r| r.path == "/2/profile")
            .count(),
        2
    );
}

#[tokio::test]
async fn a_dropped_connection_and_a_truncated_body_are_transport_failures_retried_for_reads() {
    let api = support::sandbox().await;
    api.inject(FaultRule::new("/2/profile", Fault::DropConnection));
    api.inject(FaultRule::new("/1/accounts", Fault::TruncatedBody).times(10));
    let client = support::fast_client(&api, tokens::DEMO);
    assert!(client.profile().await.is_ok(), "a single drop is retried");
    match client.accounts().await.unwrap_err() {
        Error::Transport { kind, route, .. } => {
            assert_eq!(kind, TransportKind::Interrupted);
            assert_eq!(route, Route::Accounts);
        }
        other => panic!("expected a transport failure, got {other:?}"),
    }
    assert_eq!(
        api.requests()
            .iter()
            .filter(|r| r.path == "/1/accounts")
            .count(),
        usize::try_from(infomaniak::retry::MAX_ATTEMPTS).unwrap()
    );
}

#[tokio::test]
async fn a_truncated_answer_to_a_mutation_is_not_replayed_although_it_was_applied() {
    let api = support::sandbox().await;
    let org = api.world().org_with_relation("owner").cloned().unwrap();
    let path = format!("/1/accounts/{}/teams", org.id);
    api.inject(FaultRule::new(path.clone(), Fault::TruncatedBody).method("POST"));
    let client = support::fast_client(&api, tokens::DEMO);
    let err = client
        .create_team(
            infomaniak::AccountId(org.id),
            &infomaniak::models::NewTeam::named("Cut short"),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                kind: TransportKind::Interrupted,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(api.count("POST", &path), 1);
    let teams = client
        .teams(infomaniak::AccountId(org.id))
        .all()
        .await
        .unwrap();
    assert_eq!(
        teams.iter().filter(|t| t.name == "Cut short").count(),
        1,
        "the team exists once: the answer was lost, not the change"
    );
}

#[tokio::test]
async fn a_malformed_answer_is_a_decode_error_not_a_crash() {
    let api = support::sandbox().await;
    api.inject(FaultRule::new("/2/profile", Fault::Malformed));
    let err = support::client(&api, tokens::DEMO)
        .profile()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                route: Route::Profile,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        !err.to_string().contains(tokens::DEMO),
        "the token never appears in an error"
    );
}
