//! What a click in the tray or on a notification does.

use super::{refresh_now, refresh_tray, unix_now, utc_offset_now};
use crate::commands::AppState;
use crate::events::Navigate;
use desk::attention::{Action, wording};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use tauri_specta::Event;

/// Carries out `action`.
pub fn perform(app: &AppHandle, action: Action) {
    tracing::debug!(
        ?action,
        "carrying out a click from the tray or a notification"
    );
    let desk = app.state::<AppState>().desk.clone();
    match action {
        Action::OpenApp => show_window(app),
        Action::Open { profile, to } => {
            if let Err(e) = desk.switch_profile(&profile) {
                tracing::warn!("cannot switch to the profile of a reminder: {e}");
            }
            show_window(app);
            let event = Navigate {
                profile_id: profile,
                destination: to,
            };
            if let Err(e) = event.emit(app) {
                tracing::warn!("could not send the window to the page: {e}");
            }
        }
        Action::RevokeSupport { profile, content } => {
            let locale = desk.locale();
            let words = wording::words(locale);
            let app = app.clone();
            // Revoking is destructive: the person confirms, with the content named.
            app.dialog()
                .message(
                    words
                        .confirm_revoke_body
                        .replace("{content}", content.label()),
                )
                .title(words.confirm_revoke_title)
                .kind(MessageDialogKind::Warning)
                .buttons(MessageDialogButtons::OkCancelCustom(
                    words.revoke.to_owned(),
                    words.cancel.to_owned(),
                ))
                .show(move |confirmed| {
                    if !confirmed {
                        return;
                    }
                    tauri::async_runtime::spawn(async move {
                        if let Err(e) = desk.set_support_access(&profile, content, false).await {
                            // The person reads why in their language; the technical detail
                            // (English, possibly naming routes) goes to the log only.
                            tracing::warn!("revoking support access from the tray failed: {e}");
                            let why = wording::failure(locale, &e);
                            app.dialog()
                                .message(format!("{why}\n\n{}", words.revoke_failed_body))
                                .title(words.revoke_failed)
                                .kind(MessageDialogKind::Error)
                                .show(|_| {});
                        }
                        refresh_tray(&app);
                    });
                });
        }
        Action::RefreshNow => refresh_now(app),
        Action::PauseToday => {
            if let Err(e) = desk.pause_reminders_today(unix_now(), utc_offset_now()) {
                tracing::warn!("could not pause reminders: {e}");
            }
            refresh_tray(app);
        }
        Action::Resume => {
            if let Err(e) = desk.resume_reminders() {
                tracing::warn!("could not resume reminders: {e}");
            }
            refresh_tray(app);
        }
        Action::Quit => app.exit(0),
    }
}

/// Brings the window back, in front.
pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
