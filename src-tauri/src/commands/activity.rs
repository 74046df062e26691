//! The activity log: every change the app made or tried at Infomaniak.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::activity::AuditEntry;
use tauri::State;

/// The audit log of a profile, newest first.
#[tauri::command]
#[specta::specta]
pub fn activity(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Vec<AuditEntry>, IpcError> {
    Ok(state.desk.activity(&profile_id)?)
}
