//! Life beside the window: the notifications the built app sends (received by a recording
//! notification server on the test's private session bus) and what a click on one does; a second
//! launch handing over to the running one.

use e2e::notification_server::NotificationServer;
use e2e::{App, Launch};
use std::process::Command;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(30);

async fn hash(app: &App) -> String {
    app.client
        .execute("return location.hash", vec![])
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The app started again by hand, on the same data as `app`.
fn launch_again(app: &App) -> Command {
    let mut command = Command::new(std::env::var_os("IK_DESK_APP").unwrap());
    command
        .arg("--demo")
        .env("XDG_DATA_HOME", app.home.join("data"))
        .env("XDG_CONFIG_HOME", app.home.join("config"));
    command
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_notifies_what_is_due_and_a_click_opens_the_renewals_board() {
    let server = NotificationServer::start().await.unwrap();
    let app = App::launch(Launch {
        args: vec!["--demo".into()],
        env: vec![("RUST_LOG".into(), "ik_desk_lib=debug".into())],
        ..Launch::default()
    })
    .await
    .unwrap();
    app.wait_for("[data-testid=org-name]", WAIT).await.unwrap();

    let got = server.wait_for(1, WAIT).await;
    assert!(!got.is_empty(), "no notification arrived");
    // Every notification is the one digest of an app (not one per product). The bus is shared by
    // the whole run: an app of an earlier scenario still shutting down may have sent one too.
    for digest in &got {
        assert_eq!(digest.app_name, "IK Desk");
        assert!(
            digest.summary.ends_with("renewals need your attention"),
            "{digest:#?}"
        );
        assert_eq!(digest.actions[..2], ["default", "Open"]);
    }
    assert_eq!(hash(&app).await, "");

    // A person clicks it a moment later: the window goes to the renewals board. (The app starts
    // listening for the click as it shows the notification; on a busy machine that can take a
    // moment, so the click is repeated until something happens, as a person would.)
    let end = Instant::now() + WAIT;
    while !hash(&app).await.starts_with("#/products") && Instant::now() < end {
        for digest in server.received() {
            server.click(digest.id, "default").await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(1000)).await;
    }
    let at = hash(&app).await;
    assert_eq!(
        at,
        "#/products/renewals",
        "received {:#?}; the app said:\n{}",
        server.received(),
        app.log()
    );
    app.wait_for("[data-testid=renewal-board]", WAIT)
        .await
        .unwrap();
    app.screenshot("renewals-from-notification").await.unwrap();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_hands_over_to_the_running_app_and_exits() {
    let app = App::demo().await.unwrap();

    let mut second = launch_again(&app).spawn().unwrap();
    let end = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > end {
            let _ = second.kill();
            panic!("the second launch kept running beside the first");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "{status:?}");
    // The first one is still there and answering.
    assert!(
        !app.texts("[data-testid=org-name]")
            .await
            .unwrap()
            .is_empty()
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn started_hidden_it_waits_in_the_tray_and_a_second_launch_shows_it() {
    let app = App::launch(Launch {
        args: vec!["--demo".into(), "--hidden".into()],
        ..Launch::default()
    })
    .await
    .unwrap();
    let visibility = || async {
        app.client
            .execute("return document.visibilityState", vec![])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let end = Instant::now() + WAIT;
    while visibility().await != "hidden" && Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        visibility().await,
        "hidden",
        "start at login opens no window"
    );

    // Starting it again (from the menu of applications) shows the running one.
    let status = launch_again(&app).status().unwrap();
    assert!(status.success(), "{status:?}");
    let end = Instant::now() + WAIT;
    while visibility().await != "visible" && Instant::now() < end {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(visibility().await, "visible");
    app.close().await;
}
