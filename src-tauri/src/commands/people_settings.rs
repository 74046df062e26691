//! Leaving an organisation, a member's rights and contacts, a pending invitation's terms.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::people_detail::ReachableProduct;
use desk::people_settings::{InvitationChange, MemberSettings};
use tauri::State;

/// The signed-in person leaves an organisation.
#[tauri::command]
#[specta::specta]
pub async fn leave_organisation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .leave_organisation(&profile_id, account_id)
        .await?)
}

/// Sets a member's billing right and contact preferences.
#[tauri::command]
#[specta::specta]
pub async fn set_member_settings(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    user_id: u32,
    settings: MemberSettings,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .set_member_settings(&profile_id, account_id, user_id, settings)
        .await?)
}

/// Changes a pending invitation's role, teams and rights.
#[tauri::command]
#[specta::specta]
pub async fn update_invitation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    invitation_id: u32,
    change: InvitationChange,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .update_invitation(&profile_id, account_id, invitation_id, change)
        .await?)
}

/// The products a member reaches (asked only when their detail panel opens).
#[tauri::command]
#[specta::specta]
pub async fn products_reachable(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    user_id: u32,
) -> Result<Vec<ReachableProduct>, IpcError> {
    Ok(state
        .desk
        .products_reachable(&profile_id, account_id, user_id)
        .await?)
}
