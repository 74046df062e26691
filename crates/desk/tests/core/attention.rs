//! What needs attention, against the local API on fixed clocks: the tray's menu, the background
//! sync, and the notifications due — each once, even across a restart of the app.

use crate::support::{Clocked, START};
use desk::attention::{Action, Destination, Notice, TrayItem, TrayMenu};
use desk::reminders::ReminderSettings;
use desk::support_access::SupportContent;
use desk::sync::Area;
use sandbox::SandboxConfig;

const DAY: i64 = 86_400;

async fn synced(w: &Clocked) {
    w.desk
        .refresh(&w.profile, Area::Organisations)
        .await
        .unwrap();
    assert!(w.desk.background_sync().await.is_empty());
}

fn entries(menu: &TrayMenu) -> Vec<(&str, &str)> {
    menu.items
        .iter()
        .filter_map(|i| match i {
            TrayItem::Entry { id, label, .. } => Some((id.as_str(), label.as_str())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_tray_lists_the_soonest_renewals_the_open_support_access_and_the_fixed_entries() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    synced(&w).await;
    let menu = w.desk.tray_menu(w.now()).unwrap();

    assert_eq!(menu.items[0], TrayItem::Label("Next renewals".into()));
    let renewals: Vec<_> = entries(&menu)
        .into_iter()
        .filter(|(id, _)| id.starts_with("renewal-"))
        .collect();
    assert!((1..=5).contains(&renewals.len()), "{renewals:?}");
    // The demo world grants Mail two days before the start: open, revocable from the tray.
    assert_eq!(
        menu.action("support-0"),
        Some(&Action::RevokeSupport {
            profile: w.profile.clone(),
            content: SupportContent::Mail
        })
    );
    let fixed: Vec<&str> = entries(&menu).iter().rev().take(4).map(|e| e.0).collect();
    assert_eq!(fixed, ["quit", "pause", "refresh", "open"]);
    assert!(menu.attention >= 1);
    assert_eq!(
        menu.tooltip,
        format!("IK Desk — {} need attention", menu.attention)
    );
    // Clicking a renewal opens that product.
    match menu.action("renewal-0") {
        Some(Action::Open {
            profile,
            to: Destination::Product { .. },
        }) => assert_eq!(profile, &w.profile),
        other => panic!("renewal-0 does {other:?}"),
    }
}

#[tokio::test]
async fn pausing_muting_and_french_change_the_menu() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    synced(&w).await;
    let before = w.desk.tray_menu(w.now()).unwrap();

    w.desk.pause_reminders_today(w.now(), 0).unwrap();
    let paused = w.desk.tray_menu(w.now()).unwrap();
    assert!(paused.action("pause").is_none());
    assert_eq!(paused.action("resume"), Some(&Action::Resume));
    // Until midnight: the next day it is over by itself.
    let midnight = START - START.rem_euclid(DAY) + DAY;
    assert!(w.desk.reminders_paused(midnight - 1));
    assert!(!w.desk.reminders_paused(midnight));
    w.desk.resume_reminders().unwrap();
    assert!(!w.desk.reminders_paused(w.now()));

    // Muting every organisation listed, until none is left, empties the list and says so.
    let mut settings = ReminderSettings::default();
    let mut menu = before;
    while let Some(account) = menu.items.iter().find_map(|i| match i {
        TrayItem::Entry {
            action:
                Action::Open {
                    to: Destination::Product { account_id, .. },
                    ..
                },
            ..
        } => Some(account_id.unwrap()),
        _ => None,
    }) {
        assert!(
            settings.muted_accounts.insert(account),
            "muting {account} did not silence it"
        );
        w.desk.set_reminder_settings(&settings).unwrap();
        menu = w.desk.tray_menu(w.now()).unwrap();
    }
    w.desk.set_locale(desk::settings::Locale::Fr).unwrap();
    let muted = w.desk.tray_menu(w.now()).unwrap();
    let labels: Vec<&TrayItem> = muted.items.iter().take(2).collect();
    assert_eq!(
        labels,
        [
            &TrayItem::Label("Prochains renouvellements".into()),
            &TrayItem::Label("Aucun renouvellement dans les 60 prochains jours".into())
        ]
    );
    assert!(
        entries(&muted)
            .iter()
            .all(|(id, _)| !id.starts_with("renewal-"))
    );
    assert_eq!(
        entries(&muted).last().map(|e| e.1),
        Some("Quitter"),
        "the fixed entries are in French too"
    );
}

#[tokio::test]
async fn the_background_sync_reads_products_renewals_and_support_access_only() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    w.api.clear_requests();
    assert!(w.desk.background_sync().await.is_empty());
    let paths: Vec<String> = w.api.requests().into_iter().map(|r| r.path).collect();
    assert!(
        paths.iter().any(|p| p.starts_with("/1/products")),
        "{paths:?}"
    );
    assert!(paths.iter().any(|p| p.contains("renewal")), "{paths:?}");
    assert!(
        paths.iter().any(|p| p.contains("support_accesses")),
        "{paths:?}"
    );
    assert!(
        w.api.requests().iter().all(|r| r.method == "GET"),
        "a sync never changes anything"
    );
}

fn titles(notices: &[Notice]) -> Vec<&str> {
    notices.iter().map(|n| n.title.as_str()).collect()
}

#[tokio::test]
async fn notifications_come_once_even_after_a_restart_and_support_access_says_when_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Clocked::start_at(SandboxConfig::demo(), Some(dir.path().join("s.sqlite3"))).await;
    synced(&w).await;

    let first = w.desk.pending_notices(w.now(), 0).unwrap();
    // Everything due at the first run comes as one digest that opens the renewals board.
    assert_eq!(first.len(), 1, "{first:#?}");
    assert!(first[0].title.ends_with("renewals need your attention"));
    assert_eq!(
        first[0].click,
        Action::Open {
            profile: w.profile.clone(),
            to: Destination::Renewals
        }
    );
    assert!(w.desk.pending_notices(w.now(), 0).unwrap().is_empty());

    // A restart: a new core on the same store and tokens, synced again, says nothing new.
    let restarted = w.restart();
    assert!(restarted.background_sync().await.is_empty());
    assert!(restarted.pending_notices(w.now(), 0).unwrap().is_empty());

    // Mail was granted two days before the start: one day before its end (day 6), and at its end.
    w.advance(4 * DAY + 60);
    let before_end = restarted.pending_notices(w.now(), 0).unwrap();
    let mail: Vec<&Notice> = before_end
        .iter()
        .filter(|n| n.title.contains("Mail"))
        .collect();
    assert_eq!(
        titles(&before_end)
            .iter()
            .filter(|t| t.contains("Mail"))
            .count(),
        1
    );
    assert_eq!(mail[0].title, "Support access to Mail ends tomorrow");
    assert_eq!(
        mail[0].button.as_ref().map(|b| (b.0.as_str(), &b.1)),
        Some((
            "Revoke access",
            &Action::RevokeSupport {
                profile: w.profile.clone(),
                content: SupportContent::Mail
            }
        ))
    );
    w.advance(DAY);
    let ended = restarted.pending_notices(w.now(), 0).unwrap();
    assert!(
        titles(&ended).contains(&"Support access to Mail has ended"),
        "{ended:#?}"
    );
    w.advance(DAY);
    assert!(
        !titles(&restarted.pending_notices(w.now(), 0).unwrap())
            .iter()
            .any(|t| t.contains("Mail"))
    );
}

#[tokio::test]
async fn paused_or_quiet_nothing_comes_and_it_all_comes_afterwards_as_one() {
    let w = Clocked::start(SandboxConfig::demo()).await;
    synced(&w).await;
    w.desk.pause_reminders_today(w.now(), 0).unwrap();
    assert!(w.desk.pending_notices(w.now(), 0).unwrap().is_empty());
    w.desk.resume_reminders().unwrap();

    let mut settings = ReminderSettings::default();
    let minute = u16::try_from(w.now().rem_euclid(DAY) / 60).unwrap();
    settings
        .set_quiet_hours(Some(desk::reminders::QuietHours {
            start_minute: minute,
            end_minute: (minute + 60) % 1440,
        }))
        .unwrap();
    w.desk.set_reminder_settings(&settings).unwrap();
    assert!(w.desk.pending_notices(w.now(), 0).unwrap().is_empty());
    // Nothing was recorded while held: once quiet hours end, the digest comes.
    let after = w.desk.pending_notices(w.now() + 3600, 0).unwrap();
    assert_eq!(after.len(), 1);
    assert!(after[0].title.contains("renewals"));
}

#[tokio::test]
async fn hiding_to_the_tray_is_explained_once_even_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Clocked::start_at(SandboxConfig::demo(), Some(dir.path().join("s.sqlite3"))).await;
    assert!(w.desk.first_hide_to_tray());
    assert!(!w.desk.first_hide_to_tray());
    assert!(!w.restart().first_hide_to_tray());
}

#[tokio::test]
async fn in_german_the_tray_and_the_digest_are_german_and_the_choice_is_kept() {
    use desk::attention::wording;
    use desk::settings::Locale;
    let dir = tempfile::tempdir().unwrap();
    let mut w = Clocked::start_at(SandboxConfig::demo(), Some(dir.path().join("s.sqlite3"))).await;
    synced(&w).await;
    w.desk.set_locale(Locale::De).unwrap();

    let words = wording::words(Locale::De);
    let menu = w.desk.tray_menu(w.now()).unwrap();
    assert_eq!(menu.items[0], TrayItem::Label(words.next_renewals.into()));
    assert_eq!(entries(&menu).last().map(|e| e.1), Some(words.quit));
    assert!(menu.tooltip.starts_with("IK Desk — "), "{}", menu.tooltip);
    assert_ne!(
        menu.tooltip,
        format!("IK Desk — {} need attention", menu.attention)
    );

    let digest = w.desk.pending_notices(w.now(), 0).unwrap();
    assert_eq!(digest.len(), 1, "{digest:#?}");
    assert!(
        digest[0]
            .title
            .ends_with("Verlängerungen erfordern Ihre Aufmerksamkeit"),
        "{digest:#?}"
    );
    assert_eq!(digest[0].open_label, words.open);

    // The window's choice outlives a restart, whatever the system's language.
    assert_eq!(w.restart().locale(), Locale::De);
}
