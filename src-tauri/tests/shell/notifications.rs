//! Notifications as the desktop receives them: this test owns `org.freedesktop.Notifications` on
//! the session bus (run it inside a private one: `make test-rust` does), records every call the
//! app makes, runs the reminder rounds against the local API, and checks what arrived, exactly;
//! then restarts the core and checks that nothing is repeated, and that the clicks come back.

use desk::attention::{Action, Destination};
use desk::session::credentials::{CredentialStore, MemoryCredentials};
use desk::support_access::SupportContent;
use desk::sync::Area;
use desk::{Desk, DeskConfig, WallClock};
use e2e::notification_server::{NotificationServer, Received};
use ik_desk_lib::attention::{notifier, tick};
use infomaniak::ApiToken;
use sandbox::{ManualClock, Sandbox, SandboxConfig, tokens};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;

const START: i64 = 1_800_000_000;
const DAY: i64 = 86_400;

#[derive(Debug)]
struct FixedClock(AtomicI64);

impl WallClock for FixedClock {
    fn unix_now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

fn open(
    api: &Sandbox,
    path: &std::path::Path,
    keys: &Arc<MemoryCredentials>,
    clock: &Arc<FixedClock>,
) -> Arc<Desk> {
    let credentials: Arc<dyn CredentialStore> = keys.clone();
    Desk::open(DeskConfig {
        store_path: Some(path.to_owned()),
        credentials,
        api_base: api.base_url(),
        clock: clock.clone(),
        api_clock: None,
        demo_faults: None,
        opened_dir: None,
    })
    .unwrap()
}

/// Shows what is due and returns the actions clicks send back.
async fn round(desk: &Desk, now: i64, sync: bool) -> mpsc::UnboundedReceiver<Action> {
    let (tx, rx) = mpsc::unbounded_channel();
    for notice in tick(desk, now, 0, sync).await {
        let tx = tx.clone();
        // The desktop adapter the app uses here (the plugin's permission is always granted on
        // the desktop, and it reports no clicks).
        notifier::show_freedesktop(notice, move |a| {
            let _ = tx.send(a);
        })
        .await
        .unwrap();
    }
    rx
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_arrive_exactly_once_across_a_restart_and_their_clicks_come_back() {
    let server = NotificationServer::start().await.unwrap();
    let api_clock = ManualClock::new(START);
    let api = Sandbox::start(SandboxConfig {
        clock: Arc::new(api_clock.clone()),
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let clock = Arc::new(FixedClock(AtomicI64::new(START)));
    let keys = Arc::new(MemoryCredentials::default());
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("ik-desk.sqlite3");
    let desk = open(&api, &store, &keys, &clock);
    let profile = desk
        .sign_in(ApiToken::new(tokens::DEMO), true)
        .await
        .unwrap()
        .profile
        .id;
    desk.refresh(&profile, Area::Organisations).await.unwrap();

    // First round: everything already due comes as one digest, soonest first.
    let mut clicks = round(&desk, START, true).await;
    let first = server.received();
    assert_eq!(first.len(), 1, "{first:#?}");
    assert_eq!(first[0].app_name, "IK Desk");
    assert_eq!(first[0].summary, "12 renewals need your attention");
    // The body is markup for the notification server: "&" arrives as an entity and shows as "&".
    assert_eq!(
        first[0].body,
        "Site amis-du-leman.ch (Association Les Amis du Léman) — expired 20 days ago\n\
         rochat-fils.ch (SSL) (Rochat &amp; Fils Sàrl) — expired 5 days ago\n\
         lumen-photo.ch (Atelier Lumen Design Sàrl) — expired 2 days ago\n\
         lumen-events.ch (Atelier Lumen Design Sàrl) — in 3 days\n\
         amis-du-leman.ch (Association Les Amis du Léman) — in 5 days\n\
         and 7 more"
    );
    assert_eq!(first[0].actions, ["default", "Open"]);

    // A click on it opens the renewals board of that profile.
    // A person clicks after the notification has shown, not within the same instant.
    tokio::time::sleep(Duration::from_millis(500)).await;
    server.click(first[0].id, "default").await.unwrap();
    let clicked = tokio::time::timeout(Duration::from_secs(5), clicks.recv())
        .await
        .unwrap();
    assert_eq!(
        clicked,
        Some(Action::Open {
            profile: profile.clone(),
            to: Destination::Renewals
        })
    );

    // Same hour, then a restart: a new core on the same store, synced again, sends nothing.
    round(&desk, START + 600, false).await;
    drop(desk);
    let desk = open(&api, &store, &keys, &clock);
    round(&desk, START + 1200, true).await;
    assert_eq!(server.received().len(), 1, "nothing is repeated");

    // Four days on, Mail's support access (granted two days before the start) ends tomorrow.
    api_clock.advance(Duration::from_secs((4 * DAY + 3600) as u64));
    clock.0.store(START + 4 * DAY + 3600, Ordering::SeqCst);
    let mut clicks = round(&desk, START + 4 * DAY + 3600, true).await;
    let later: Vec<Received> = server.received()[1..].to_vec();
    let mail = later
        .iter()
        .find(|r| r.summary == "Support access to Mail ends tomorrow")
        .unwrap_or_else(|| panic!("no support notice in {later:#?}"));
    assert!(
        mail.body
            .starts_with("Infomaniak support can read your Mail content until ")
    );
    assert_eq!(mail.actions, ["default", "Open", "button", "Revoke access"]);
    tokio::time::sleep(Duration::from_millis(500)).await;
    server.click(mail.id, "button").await.unwrap();
    let clicked = tokio::time::timeout(Duration::from_secs(5), clicks.recv())
        .await
        .unwrap();
    assert_eq!(
        clicked,
        Some(Action::RevokeSupport {
            profile: profile.clone(),
            content: SupportContent::Mail
        })
    );
}
