//! Infomaniak support's access to Mail, kDrive and kChat content.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::support_access::{SupportAccessSnapshot, SupportContent};
use tauri::State;

/// Which content Infomaniak's support team may read, and until when.
#[tauri::command]
#[specta::specta]
pub async fn support_accesses(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<SupportAccessSnapshot, IpcError> {
    Ok(state.desk.support_accesses(&profile_id).await?)
}

/// Grants (for 7 days) or revokes the support team's access to one content.
#[tauri::command]
#[specta::specta]
pub async fn set_support_access(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    content: SupportContent,
    enabled: bool,
) -> Result<SupportAccessSnapshot, IpcError> {
    Ok(state
        .desk
        .set_support_access(&profile_id, content, enabled)
        .await?)
}
