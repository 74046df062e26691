//! The signed-in person and their organisations.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::organisations::{MeSnapshot, OrganisationsSnapshot};
use tauri::State;

/// The signed-in person of a profile.
#[tauri::command]
#[specta::specta]
pub async fn me(state: State<'_, AppState>, profile_id: ProfileId) -> Result<MeSnapshot, IpcError> {
    Ok(state.desk.me(&profile_id).await?)
}

/// The organisations of a profile.
#[tauri::command]
#[specta::specta]
pub async fn organisations(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<OrganisationsSnapshot, IpcError> {
    Ok(state.desk.organisations(&profile_id).await?)
}
