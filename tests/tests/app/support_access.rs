//! Support access end to end: grant kDrive in the demo, see its countdown, revoke it from the page.

use e2e::App;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
/// The confirm button of the dialog on screen.
const CONFIRM: &str = "[data-testid=confirm-dialog][data-state=open] [data-testid=confirm]";

async fn text(app: &App, css: &str) -> Result<String, fantoccini::error::CmdError> {
    Ok(app.texts(css).await?.join(" "))
}

/// "Granted on …, ends on …" without the countdown that follows.
fn dates(status: &str) -> &str {
    status.split(" (").next().unwrap_or(status)
}

#[tokio::test]
async fn grant_kdrive_see_the_countdown_and_revoke_it_from_the_page() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/support-access']", WAIT).await.unwrap();

    // The demo world has Mail granted two days ago; kDrive and kChat are off.
    app.wait_for(
        "[data-testid=support-switch-kdrive][aria-checked=false]",
        WAIT,
    )
    .await
    .unwrap();
    app.wait_for("[data-testid=support-switch-mail][aria-checked=true]", WAIT)
        .await
        .unwrap();
    let mail_before = text(&app, "[data-testid=support-status-mail]")
        .await
        .unwrap();
    assert!(
        mail_before.contains("(in 5 days)") || mail_before.contains("(in 4 days and 23 hours)"),
        "Mail shows {mail_before:?}"
    );

    app.click("[data-testid=support-switch-kdrive]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=confirm-dialog][data-state=open]", WAIT)
        .await
        .unwrap();
    let ask = text(&app, "[data-testid=support-confirm-body]")
        .await
        .unwrap();
    assert!(
        ask.contains("folders of your kDrive") && ask.contains("7 days"),
        "the confirmation says {ask:?}"
    );
    app.screenshot("support-access-grant-confirm")
        .await
        .unwrap();
    app.click(CONFIRM, WAIT).await.unwrap();

    app.wait_for(
        "[data-testid=support-switch-kdrive][aria-checked=true]",
        WAIT,
    )
    .await
    .unwrap();
    let kdrive = text(&app, "[data-testid=support-status-kdrive]")
        .await
        .unwrap();
    assert!(
        kdrive.starts_with("Granted on")
            && (kdrive.contains("(in 7 days)") || kdrive.contains("(in 6 days and 23 hours)")),
        "kDrive shows {kdrive:?}"
    );
    // Granting one never touches another: Mail keeps its dates (only its countdown moves on).
    let mail_after = text(&app, "[data-testid=support-status-mail]")
        .await
        .unwrap();
    assert_eq!(dates(&mail_after), dates(&mail_before));
    assert_eq!(
        text(&app, "[data-testid=support-status-kchat]")
            .await
            .unwrap(),
        "Off"
    );
    app.screenshot("support-access-kdrive-granted")
        .await
        .unwrap();

    app.click("[data-testid=support-switch-kdrive]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=confirm-dialog][data-state=open]", WAIT)
        .await
        .unwrap();
    let ask = text(&app, "[data-testid=support-confirm-body]")
        .await
        .unwrap();
    assert!(
        ask.contains("no longer be able to read"),
        "revoke says {ask:?}"
    );
    app.click(CONFIRM, WAIT).await.unwrap();

    app.wait_for(
        "[data-testid=support-switch-kdrive][aria-checked=false]",
        WAIT,
    )
    .await
    .unwrap();
    assert_eq!(
        text(&app, "[data-testid=support-status-kdrive]")
            .await
            .unwrap(),
        "Off"
    );
    app.wait_for("[data-testid=support-switch-mail][aria-checked=true]", WAIT)
        .await
        .unwrap();
    app.screenshot("support-access-revoked").await.unwrap();
    app.close().await;
}
