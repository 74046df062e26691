//! Profiles: several logins, sign out, forget, a token revoked mid-session, a keyring that refuses.

use desk::session::credentials::{CredentialError, CredentialStore, MemoryCredentials};
use desk::sync::Area;
use desk::{Desk, DeskConfig, ErrorCode, ProfileId};
use infomaniak::ApiToken;
use sandbox::{Sandbox, SandboxConfig, tokens};
use std::sync::Arc;

/// A keyring that is there but locked.
#[derive(Debug)]
struct LockedKeyring;

impl CredentialStore for LockedKeyring {
    fn save(&self, _: &ProfileId, _: &ApiToken) -> Result<(), CredentialError> {
        Err(CredentialError::Locked)
    }
    fn load(&self, _: &ProfileId) -> Result<Option<ApiToken>, CredentialError> {
        Err(CredentialError::Locked)
    }
    fn delete(&self, _: &ProfileId) -> Result<(), CredentialError> {
        Err(CredentialError::Locked)
    }
}

async fn setup(credentials: Arc<dyn CredentialStore>) -> (Sandbox, Arc<Desk>) {
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let config = DeskConfig {
        credentials,
        api_base: api.base_url(),
        ..DeskConfig::in_memory()
    };
    (api, Desk::open(config).unwrap())
}

#[tokio::test]
async fn signing_in_reports_who_their_organisations_and_missing_scopes() {
    let (api, desk) = setup(Arc::new(MemoryCredentials::default())).await;
    let full = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap();
    assert_eq!(full.profile.email, api.world().email);
    assert_eq!(
        full.organisations.map(|o| o.len()),
        Some(api.world().organisations.len())
    );
    assert!(full.missing_scopes.is_empty() && full.remembered);

    let partial = desk
        .sign_in(ApiToken::new(tokens::NO_ACCOUNTS), true)
        .await
        .unwrap();
    assert_eq!(partial.organisations, None);
    assert_eq!(partial.missing_scopes, vec!["accounts".to_owned()]);
    assert_eq!(
        partial.profile.id, full.profile.id,
        "the same person is the same profile"
    );
    assert_eq!(desk.session().unwrap().profiles.len(), 1);
}

#[tokio::test]
async fn an_empty_token_is_a_form_error_and_sends_nothing() {
    let (api, desk) = setup(Arc::new(MemoryCredentials::default())).await;
    let err = desk.sign_in(ApiToken::new("  \n"), true).await.unwrap_err();
    assert_eq!(
        (err.code(), err.field()),
        (ErrorCode::Validation, Some("token"))
    );
    assert!(api.requests().is_empty());
}

#[tokio::test]
async fn a_locked_keyring_refuses_to_remember_but_a_session_only_sign_in_works() {
    let (_api, desk) = setup(Arc::new(LockedKeyring)).await;
    let err = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::KeyringUnavailable);
    assert!(
        desk.session().unwrap().profiles.is_empty(),
        "nothing is recorded"
    );

    let outcome = desk
        .sign_in(ApiToken::new(tokens::DEMO), false)
        .await
        .unwrap();
    assert!(!outcome.remembered);
    assert!(desk.organisations(&outcome.profile.id).await.is_ok());
}

#[tokio::test]
async fn a_token_revoked_in_the_manager_signs_the_profile_out_and_a_new_one_signs_it_back_in() {
    let (api, desk) = setup(Arc::new(MemoryCredentials::default())).await;
    let id = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    let mut events = desk.subscribe();
    api.revoke_token(tokens::DEMO);

    let err = desk.refresh(&id, Area::Organisations).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::AuthExpired);
    let me = desk
        .session()
        .unwrap()
        .profiles
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert!(!me.signed_in && me.token_refused);
    let told = events.try_recv().unwrap();
    assert_eq!(told.area, Area::Session, "the window is told at once");
    // What was cached stays readable.
    assert!(!desk.organisations(&id).await.unwrap().items.is_empty());

    let fresh = "ikdesk-fake-replacement-token-0123456789abcdef0123456789";
    api.add_token(fresh, &["user_info", "accounts", "users", "invoicing"]);
    desk.sign_in(ApiToken::new(fresh), true).await.unwrap();
    let me = desk
        .session()
        .unwrap()
        .profiles
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert!(me.signed_in && !me.token_refused);
}

#[tokio::test]
async fn sign_out_keeps_the_cache_and_forget_deletes_everything() {
    let credentials = Arc::new(MemoryCredentials::default());
    let (_api, desk) = setup(credentials.clone()).await;
    let id = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    desk.organisations(&id).await.unwrap();

    desk.sign_out(&id).unwrap();
    assert!(!desk.session().unwrap().profiles[0].signed_in);
    assert!(
        credentials.load(&id).unwrap().is_some(),
        "signing out keeps the keyring entry"
    );
    assert!(
        desk.store()
            .cached::<serde_json::Value>(&id, "organisations", "")
            .unwrap()
            .is_some()
    );

    let reminded = desk::reminders::LedgerKey {
        product_id: 1,
        lead_days: 7,
        expires_at: 1_900_000_000,
    };
    desk.store()
        .record_sent(&id, &[reminded], 1_800_000_000)
        .unwrap();

    desk.forget(&id).await.unwrap();
    assert!(credentials.load(&id).unwrap().is_none());
    assert!(
        desk.store().sent_keys(&id).unwrap().is_empty(),
        "its reminder ledger goes too"
    );
    assert!(
        desk.store()
            .cached::<serde_json::Value>(&id, "organisations", "")
            .unwrap()
            .is_none()
    );
    let session = desk.session().unwrap();
    assert!(session.profiles.is_empty() && session.active_profile.is_none());
}

#[tokio::test]
async fn a_refresh_in_flight_when_a_profile_is_forgotten_does_not_bring_it_back() {
    let credentials: Arc<dyn CredentialStore> = Arc::new(MemoryCredentials::default());
    let (api, desk) = setup(credentials).await;
    let id = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    // The organisations answer takes a while: time enough to forget the profile meanwhile.
    api.inject(sandbox::FaultRule::new("/1/accounts", sandbox::Fault::Delay(600)).method("GET"));
    let refresh = {
        let (desk, id) = (desk.clone(), id.clone());
        tokio::spawn(async move { desk.refresh(&id, Area::Organisations).await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    desk.forget(&id).await.unwrap();
    let _ = refresh.await.unwrap();

    assert!(
        desk.store()
            .cached::<serde_json::Value>(&id, "organisations", "")
            .unwrap()
            .is_none(),
        "the late answer was dropped"
    );
    assert!(desk.session().unwrap().profiles.is_empty());
}

#[tokio::test]
async fn several_profiles_can_be_switched() {
    let (api, desk) = setup(Arc::new(MemoryCredentials::default())).await;
    let first = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    // A second person is a second profile (another user of another local API here).
    let other = Sandbox::start(SandboxConfig {
        seed: 99,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let second_desk_view = {
        let config = DeskConfig {
            api_base: other.base_url(),
            ..DeskConfig::in_memory()
        };
        Desk::open(config)
            .unwrap()
            .sign_in(ApiToken::new(tokens::DEMO), true)
            .await
            .unwrap()
    };
    assert_ne!(
        second_desk_view.profile.id, first,
        "profiles of two APIs never collide"
    );
    desk.switch_profile(&first).unwrap();
    assert_eq!(desk.session().unwrap().active_profile, Some(first));
    assert_eq!(
        desk.switch_profile(&ProfileId::new("nobody"))
            .unwrap_err()
            .code(),
        ErrorCode::NotFound
    );
    drop(api);
}

mod keyring;
