//! Reminder settings end to end: remove the 30-day reminder in the demo, save, and find it gone
//! when the page is opened again and after the window reloads from the core.

use e2e::{App, Launch};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn lead_times(app: &App) -> Vec<String> {
    app.wait_for("[data-testid=lead-14]", WAIT).await.unwrap();
    app.texts("[data-testid=lead-times] li").await.unwrap()
}

#[tokio::test]
async fn removing_the_30_day_reminder_is_kept() {
    let app = App::demo().await.unwrap();
    app.click("a[href='#/settings']", WAIT).await.unwrap();

    let before = lead_times(&app).await;
    assert!(
        before
            .first()
            .is_some_and(|t| t.starts_with("30 days before")),
        "the defaults start with 30 days: {before:?}"
    );
    app.wait_for(
        "[data-testid=remind-org-1], [data-testid=muted-organisations] li",
        WAIT,
    )
    .await
    .unwrap();
    app.screenshot("settings-reminders").await.unwrap();
    app.client
        .execute(
            "document.querySelector('[data-testid=reminders-save]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot("settings-reminders-lower").await.unwrap();

    app.click("[data-testid=lead-30] button", WAIT)
        .await
        .unwrap();
    app.wait_count("[data-testid=lead-30]", 0, WAIT)
        .await
        .unwrap();
    app.click("[data-testid=reminders-save]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=reminders-status]:not(:empty)", WAIT)
        .await
        .unwrap();
    assert_eq!(
        app.texts("[data-testid=reminders-status]").await.unwrap(),
        ["Saved"]
    );

    // Away and back: the page is built anew from the settings.
    app.click("a[href='#/organisations']", WAIT).await.unwrap();
    app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();
    app.click("a[href='#/settings']", WAIT).await.unwrap();
    let after = lead_times(&app).await;
    assert_eq!(after.len(), before.len() - 1, "{after:?}");
    assert!(!after.iter().any(|t| t.starts_with("30 days")), "{after:?}");

    // A reload reads them from the core again, not from the window's cache.
    app.client.refresh().await.unwrap();
    let reloaded = lead_times(&app).await;
    assert_eq!(reloaded, after);
    app.close().await;
}

#[tokio::test]
async fn start_at_login_writes_and_removes_the_desktop_autostart_entry() {
    // Its own home: the autostart entry goes to ~/.config/autostart, never the tester's.
    let home = tempfile_home();
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        env: vec![("HOME".into(), home.display().to_string())],
        ..Launch::default()
    })
    .await
    .unwrap();
    app.click("a[href='#/settings']", WAIT).await.unwrap();
    let entries = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(home.join(".config/autostart"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    assert!(entries().is_empty(), "off by default");

    // Once the desktop said whether it is on, the box can be used.
    app.wait_for("[data-testid=start-at-login-box]:enabled", WAIT)
        .await
        .unwrap();
    app.click("[data-testid=start-at-login-box]", WAIT)
        .await
        .unwrap();
    if app
        .wait_for("[data-testid=start-at-login-box]:checked", WAIT)
        .await
        .is_err()
    {
        let said = app.texts("[data-testid=start-at-login-error]").await;
        panic!("start at login stayed off: {said:?}");
    }
    let written = entries();
    assert_eq!(written.len(), 1, "{written:?}");
    let entry = std::fs::read_to_string(&written[0]).unwrap();
    assert!(entry.contains("--hidden"), "starts in the tray: {entry}");

    app.wait_for("[data-testid=start-at-login-box]:enabled", WAIT)
        .await
        .unwrap();
    app.click("[data-testid=start-at-login-box]", WAIT)
        .await
        .unwrap();
    app.wait_for("[data-testid=start-at-login-box]:not(:checked)", WAIT)
        .await
        .unwrap();
    assert!(entries().is_empty(), "switched off, the entry is gone");
    app.close().await;
    let _ = std::fs::remove_dir_all(&home);
}

fn tempfile_home() -> std::path::PathBuf {
    let home = std::env::temp_dir().join(format!("ik-desk-autostart-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    home
}
