//! Profiles and signing in: which profiles exist, the demo, sign in, switch, sign out, forget.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::session::{ProfileSummary, SessionView, SignInOutcome};
use infomaniak::ApiToken;
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

/// Signs in with a pasted API token. The token goes from here to the keyring (or memory when
/// `remember` is off) and is never sent back to the window.
#[tauri::command]
#[specta::specta]
pub async fn sign_in(
    state: State<'_, AppState>,
    token: String,
    remember: bool,
) -> Result<SignInOutcome, IpcError> {
    Ok(state.desk.sign_in(ApiToken::new(token), remember).await?)
}

/// Makes another profile the active one.
#[tauri::command]
#[specta::specta]
pub fn switch_profile(state: State<'_, AppState>, profile_id: ProfileId) -> Result<(), IpcError> {
    Ok(state.desk.switch_profile(&profile_id)?)
}

/// Drops a profile's token from memory; its cached data stays.
#[tauri::command]
#[specta::specta]
pub fn sign_out(state: State<'_, AppState>, profile_id: ProfileId) -> Result<(), IpcError> {
    Ok(state.desk.sign_out(&profile_id)?)
}

/// Deletes a profile: its keyring entry and everything cached of it.
#[tauri::command]
#[specta::specta]
pub async fn forget_profile(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<(), IpcError> {
    Ok(state.desk.forget(&profile_id).await?)
}
