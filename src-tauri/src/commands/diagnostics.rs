//! What the token can do: every route with its tier, and a probe on demand.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::diagnostics::Diagnostics;
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
