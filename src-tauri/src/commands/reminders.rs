//! Reminder settings: lead times, quiet hours, mutes, the background refresh interval.

use super::AppState;
use crate::attention::refresh_tray;
use crate::error::IpcError;
use desk::reminders::{ReminderChoices, ReminderSettings};
use tauri::{AppHandle, State};

/// The reminder settings (the defaults until changed).
#[tauri::command]
#[specta::specta]
pub fn reminder_settings(state: State<'_, AppState>) -> Result<ReminderChoices, IpcError> {
    Ok(ReminderChoices::from(&state.desk.reminder_settings()?))
}

/// Checks and keeps the reminder settings; answers them as kept (lead times sorted, each once).
#[tauri::command]
#[specta::specta]
pub fn set_reminder_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    choices: ReminderChoices,
) -> Result<ReminderChoices, IpcError> {
    let settings = ReminderSettings::try_from(choices)?;
    state.desk.set_reminder_settings(&settings)?;
    refresh_tray(&app);
    Ok(ReminderChoices::from(&settings))
}
