use super::AppState;
use crate::error::IpcError;
use desk::views::{ProfileSummary, SessionView};
use tauri::State;

/// Which profiles exist and which one is active.
#[tauri::command]
#[specta::specta]
pub async fn session(state: State<'_, AppState>) -> Result<SessionView, IpcError> {
    if let Some(mut ready) = state.demo_ready.clone() {
        // An error means the demo failed to start (already logged): answer what there is.
        let _ = ready.wait_for(|r| *r).await;
    }
    Ok(state.desk.session()?)
}

/// Starts the built-in demo and makes it the active profile.
#[tauri::command]
#[specta::specta]
pub async fn start_demo(state: State<'_, AppState>) -> Result<ProfileSummary, IpcError> {
    Ok(state.desk.start_demo().await?)
}
