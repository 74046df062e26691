//! The check-up: what is risky or will cost money soon in each organisation, from the cache.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::checkup::Checkup;
use tauri::State;

/// The check-up of a profile's organisations, computed from what the pages cached.
#[tauri::command]
#[specta::specta]
pub async fn checkup(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Checkup, IpcError> {
    Ok(state.desk.checkup(&profile_id)?)
}
