use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::capabilities::Diagnostics;
use desk::store::audit::AuditEntry;
use tauri::State;

/// Every route with its tier and what was learned about it for this profile.
#[tauri::command]
#[specta::specta]
pub fn diagnostics(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Diagnostics, IpcError> {
    Ok(state.desk.diagnostics(&profile_id)?)
}

/// Probes the API's reads once (the cost is in `Diagnostics::probe_cost`) and answers what it learned.
#[tauri::command]
#[specta::specta]
pub async fn check_now(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Diagnostics, IpcError> {
    Ok(state.desk.check_now(&profile_id).await?)
}

/// The audit log of a profile, newest first.
#[tauri::command]
#[specta::specta]
pub fn activity(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Vec<AuditEntry>, IpcError> {
    Ok(state.desk.store().audit_log(&profile_id, 1_000)?)
}
