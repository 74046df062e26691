//! The app's life in the tray: the background sync and reminder loop, the tray icon and menu,
//! native notifications, and hiding the window instead of quitting. What to say and when comes
//! from `desk::attention`; this module only shows it and carries out the clicks.

pub mod notifier;
mod perform;
mod tray;

pub use perform::{perform, show_window};

use desk::Desk;
use desk::attention::Notice;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tauri::{AppHandle, Manager};
use tokio::sync::Notify;

/// Due notifications are looked for this often: from the cache, without a request.
const CHECK_EVERY: Duration = Duration::from_secs(5 * 60);
/// The first round waits until the window has painted: starting is the person's moment.
const FIRST_ROUND_AFTER: Duration = Duration::from_secs(4);

/// Shared by the loop, the tray and the commands.
#[derive(Debug, Default)]
pub struct Attention {
    refresh_now: Notify,
    menu: Mutex<Option<desk::attention::TrayMenu>>,
}

impl Attention {
    fn menu(&self) -> std::sync::MutexGuard<'_, Option<desk::attention::TrayMenu>> {
        self.menu.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Seconds since the Unix epoch, on the computer's clock.
pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The computer's time zone, as seconds east of UTC, now.
pub fn utc_offset_now() -> i32 {
    chrono::Local::now().offset().local_minus_utc()
}

/// Whether a round syncs first: asked for ("Refresh now"), never done, or `every` seconds since
/// the last (on the wall clock, so a computer waking from sleep syncs at once).
fn sync_due(now: i64, last_sync: Option<i64>, every: i64, forced: bool) -> bool {
    forced || last_sync.is_none_or(|t| now - t >= every)
}

/// One round: sync when asked to, then the notifications due now (recorded as sent before they
/// are returned, so a crash loses one rather than repeating it). Problems are logged, not raised:
/// the next round tries again.
pub async fn tick(desk: &Desk, now: i64, utc_offset_secs: i32, sync: bool) -> Vec<Notice> {
    if sync {
        for (profile, e) in desk.background_sync().await {
            tracing::info!(%profile, "background sync failed: {e}");
        }
    }
    desk.pending_notices(now, utc_offset_secs)
        .unwrap_or_else(|e| {
            tracing::warn!("could not work out the reminders due: {e}");
            Vec::new()
        })
}

/// Puts the icon in the tray and starts the loop.
pub fn start(app: &AppHandle, desk: Arc<Desk>) {
    app.manage(Attention::default());
    if let Err(e) = tray::create(app) {
        // No tray on this desktop: notifications and the window still work.
        tracing::warn!("no tray icon: {e}");
    }
    refresh_tray(app);
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut changes = desk.subscribe();
        let mut last_sync: Option<i64> = None;
        let mut next_round = tokio::time::Instant::now() + FIRST_ROUND_AFTER;
        let mut forced = false;
        let state = app.state::<Attention>();
        loop {
            tokio::select! {
                () = tokio::time::sleep_until(next_round) => {}
                () = state.refresh_now.notified() => forced = true,
                change = changes.recv() => {
                    // New data: the menu follows at once; the next round comes when it was due.
                    if change.is_ok() { refresh_tray(&app); }
                    continue;
                }
            }
            next_round = tokio::time::Instant::now() + CHECK_EVERY;
            let now = unix_now();
            // Products, renewals and support accesses are refreshed as often as the person chose
            // (hourly by default), at the budget's background priority.
            let every = desk
                .reminder_settings()
                .map_or(3600, |s| s.sync_every_secs());
            let sync = sync_due(now, last_sync, every, forced);
            if sync {
                last_sync = Some(now);
            }
            forced = false;
            for notice in tick(&desk, now, utc_offset_now(), sync).await {
                let handle = app.clone();
                if let Err(e) =
                    notifier::show(&app, &notice, move |action| perform(&handle, action)).await
                {
                    tracing::warn!("{e}");
                }
            }
            refresh_tray(&app);
        }
    });
}

/// Asks the loop for a round with a sync, now.
pub fn refresh_now(app: &AppHandle) {
    app.state::<Attention>().refresh_now.notify_one();
}

/// Redraws the tray's menu from the cache.
pub fn refresh_tray(app: &AppHandle) {
    let desk = app.state::<crate::commands::AppState>().desk.clone();
    match desk.tray_menu(unix_now()) {
        Ok(menu) => {
            if let Err(e) = tray::draw(app, &menu) {
                tracing::debug!("tray not redrawn: {e}");
            }
            *app.state::<Attention>().menu() = Some(menu);
        }
        Err(e) => tracing::warn!("tray menu unavailable: {e}"),
    }
}

/// Closing the window hides it: the app keeps reminding. Said once, the first time.
pub fn hide_instead_of_closing(window: &tauri::WebviewWindow, desk: Arc<Desk>) {
    let w = window.clone();
    window.on_window_event(move |event| {
        if let tauri::WindowEvent::CloseRequested { api, .. } = event {
            api.prevent_close();
            let _ = w.hide();
            if desk.first_hide_to_tray() {
                let words = desk::attention::wording::words(desk.locale());
                let notice = Notice {
                    title: words.still_running_title.to_owned(),
                    body: words.still_running_body.to_owned(),
                    click: desk::attention::Action::OpenApp,
                    open_label: words.open.to_owned(),
                    button: None,
                };
                let app = w.app_handle().clone();
                tauri::async_runtime::spawn(async move {
                    let handle = app.clone();
                    if let Err(e) =
                        notifier::show(&app, &notice, move |a| perform(&handle, a)).await
                    {
                        tracing::warn!("{e}");
                    }
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::sync_due;

    #[test]
    fn a_round_syncs_first_when_never_done_when_due_or_when_asked() {
        let hour = 3600;
        assert!(sync_due(0, None, hour, false), "the first round");
        assert!(!sync_due(hour - 1, Some(0), hour, false));
        assert!(sync_due(hour, Some(0), hour, false));
        assert!(!sync_due(hour, Some(0), 6 * hour, false), "every six hours");
        assert!(sync_due(60, Some(0), hour, true), "Refresh now");
        // Eight hours asleep: the wall clock says it is overdue at the first round awake.
        assert!(sync_due(8 * hour, Some(0), hour, false));
    }
}
