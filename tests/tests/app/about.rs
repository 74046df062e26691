//! Settings → About in the built app: the version from Cargo.toml, the real WebKitGTK version, and
//! "Copy diagnostics" reaching the system clipboard through the web Clipboard API under the app's CSP.

use e2e::App;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

#[tokio::test]
async fn about_shows_the_version_and_copies_the_diagnostics() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/settings']", WAIT).await.unwrap();
    app.wait_for("[data-testid=about-version]", WAIT)
        .await
        .unwrap();
    let version = app.texts("[data-testid=about-version]").await.unwrap();
    // The workspace's version, which this test crate shares with the app.
    assert_eq!(
        version,
        vec![format!("Version {}", env!("CARGO_PKG_VERSION"))]
    );
    let engine = app.texts("[data-testid=about-webview]").await.unwrap();
    assert!(
        engine
            .first()
            .is_some_and(|e| e.starts_with("WebKitGTK 2.")),
        "{engine:?}"
    );

    app.client
        .execute(
            "document.querySelector('[data-testid=copy-diagnostics]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    app.click("[data-testid=copy-diagnostics]", WAIT)
        .await
        .unwrap();
    // The clipboard took the text (the fallback, a text area to copy by hand, would show otherwise).
    let copied = app
        .wait_for("[data-testid=diagnostics-copied]", Duration::from_secs(10))
        .await;
    let fallback = app.texts("[data-testid=diagnostics-text]").await.unwrap();
    app.screenshot("settings-about").await.unwrap();
    assert!(
        copied.is_ok(),
        "the clipboard refused the text; shown instead: {fallback:?}"
    );
    app.close().await;
}
