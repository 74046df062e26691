//! Settings that belong to no other domain: the language of what the desktop shows, and starting
//! at login (which the operating system keeps, so the shell asks it directly).

use super::AppState;
use crate::attention::refresh_tray;
use crate::error::IpcError;
use desk::settings::Locale;
#[cfg(target_os = "linux")]
use tauri::Manager;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

/// The window's language, for the tray and the notifications.
#[tauri::command]
#[specta::specta]
pub fn set_locale(
    app: AppHandle,
    state: State<'_, AppState>,
    locale: Locale,
) -> Result<(), IpcError> {
    state.desk.set_locale(locale)?;
    refresh_tray(&app);
    Ok(())
}

/// The system's locale as a BCP-47 tag ("de-CH"), `None` when the system names none: the window's
/// default language and region formats. Read here because the webview's `navigator.language` is
/// wrong on Linux (`C`/en-US) and in WebKit (fr-CH becomes fr-FR).
#[tauri::command]
#[specta::specta]
pub fn system_locale() -> Option<String> {
    desk::settings::system_locale()
}

/// Whether the app starts (in the tray) when the person logs in.
#[tauri::command]
#[specta::specta]
pub fn start_at_login(app: AppHandle) -> Result<bool, IpcError> {
    app.autolaunch()
        .is_enabled()
        .map_err(IpcError::start_at_login)
}

/// Turns starting at login on or off; answers the state it is in now.
#[tauri::command]
#[specta::specta]
pub fn set_start_at_login(app: AppHandle, enabled: bool) -> Result<bool, IpcError> {
    let launcher = app.autolaunch();
    #[cfg(target_os = "linux")]
    if enabled {
        // The autostart library makes `~/.config/autostart` but not `~/.config` above it, which a
        // new account may not have yet.
        if let Ok(home) = app.path().home_dir() {
            let _ = std::fs::create_dir_all(home.join(".config").join("autostart"));
        }
    }
    let done = if enabled {
        launcher.enable()
    } else {
        launcher.disable()
    };
    done.map_err(IpcError::start_at_login)?;
    launcher.is_enabled().map_err(IpcError::start_at_login)
}
