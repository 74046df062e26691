//! Signing in with a token, end to end: the form, the keyring, a restart, a token missing a scope.

use e2e::{App, Launch};
use fantoccini::Locator;
use sandbox::{Sandbox, SandboxConfig, tokens};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

fn launch_against(api: &Sandbox, home: Option<std::path::PathBuf>) -> Launch {
    // WebKitWebDriver does not pass its environment on to the app: the flag does.
    Launch {
        args: vec!["--api-base".into(), api.base_url()],
        home,
        ..Launch::default()
    }
}

async fn paste_token(app: &App, token: &str) {
    app.wait_for("[data-testid=token-input]", WAIT)
        .await
        .unwrap();
    app.client
        .find(Locator::Css("[data-testid=token-input]"))
        .await
        .unwrap()
        .send_keys(token)
        .await
        .unwrap();
    app.client
        .find(Locator::Css("[data-testid=sign-in-submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pasted_token_signs_in_and_the_next_start_needs_no_token() {
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let home = std::env::temp_dir().join(format!("ik-desk-e2e-signin-{}", std::process::id()));

    // Everything the app can log, logged: the token must still appear nowhere.
    let traced = Launch {
        env: vec![("RUST_LOG".into(), "trace".into())],
        ..launch_against(&api, Some(home.clone()))
    };
    let app = App::launch(traced).await.unwrap();
    paste_token(&app, tokens::DEMO).await;
    app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();
    let shown = app.texts("[data-testid=org-name]").await.unwrap();
    assert_eq!(shown.len(), api.world().organisations.len());
    app.screenshot("signed-in").await.unwrap();
    app.close().await;
    let log = std::fs::read_to_string(home.join("app.log")).unwrap();
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "the app did not log at trace level"
    );
    assert!(
        !log.contains(tokens::DEMO),
        "the token appears in the app's log"
    );
    let store = std::fs::read(home.join("data/app.ikdesk.desktop/ik-desk.sqlite3")).unwrap();
    let needle = tokens::DEMO.as_bytes();
    assert!(
        !store.windows(needle.len()).any(|w| w == needle),
        "the token is in the store"
    );

    // Same home, same keyring: the app reopens on the organisations without asking for the token.
    let again = App::launch(launch_against(&api, Some(home.clone())))
        .await
        .unwrap();
    again
        .wait_for("[data-testid=org-name]", WAIT)
        .await
        .unwrap();
    assert!(
        again
            .client
            .find(Locator::Css("[data-testid=token-input]"))
            .await
            .is_err()
    );
    let who = again
        .texts("[data-testid=signed-in-as]")
        .await
        .unwrap()
        .join(" ");
    assert!(who.contains(&api.world().display_name), "{who}");
    again.close().await;
    let _ = std::fs::remove_dir_all(&home);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_without_the_accounts_scope_names_the_scope() {
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let app = App::launch(launch_against(&api, None)).await.unwrap();
    paste_token(&app, tokens::NO_ACCOUNTS).await;
    app.wait_for("[data-testid=missing-scopes]", WAIT)
        .await
        .unwrap();
    let banner = app
        .texts("[data-testid=missing-scopes]")
        .await
        .unwrap()
        .join(" ");
    assert!(banner.contains("accounts"), "{banner}");
    // The organisations page says the same, with the way out.
    app.wait_for("[data-testid=error-notice][data-code=MissingScope]", WAIT)
        .await
        .unwrap();
    app.screenshot("missing-scope").await.unwrap();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_token_is_refused_and_stays_in_the_form() {
    let api = Sandbox::start(SandboxConfig::demo()).await.unwrap();
    let app = App::launch(launch_against(&api, None)).await.unwrap();
    paste_token(&app, tokens::REVOKED).await;
    app.wait_for("[data-testid=token-problem]", WAIT)
        .await
        .unwrap();
    let value = app
        .client
        .find(Locator::Css("[data-testid=token-input]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(value.as_deref(), Some(tokens::REVOKED));
    app.close().await;
}
