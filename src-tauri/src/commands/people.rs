use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::invitation_access::InviteOutcome;
use desk::people::{PeopleSnapshot, Role};
use desk::people_actions::{InviteForm, RemovalResult};
use tauri::State;

/// Members and pending invitations of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn people(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<PeopleSnapshot, IpcError> {
    Ok(state.desk.people(&profile_id, account_id).await?)
}

/// Invites someone into an organisation.
#[tauri::command]
#[specta::specta]
pub async fn invite_user(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    form: InviteForm,
) -> Result<InviteOutcome, IpcError> {
    Ok(state.desk.invite(&profile_id, account_id, form).await?)
}

/// Cancels a pending invitation.
#[tauri::command]
#[specta::specta]
pub async fn cancel_invitation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    invitation_id: u32,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .cancel_invitation(&profile_id, account_id, invitation_id)
        .await?)
}

/// Changes a member's role.
#[tauri::command]
#[specta::specta]
pub async fn change_role(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    user_id: u32,
    role: Role,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .change_role(&profile_id, account_id, user_id, role)
        .await?)
}

/// Removes members (or the signed-in person: leaving), each with its outcome.
#[tauri::command]
#[specta::specta]
pub async fn remove_members(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    user_ids: Vec<u32>,
) -> Result<Vec<RemovalResult>, IpcError> {
    Ok(state
        .desk
        .remove_members(&profile_id, account_id, &user_ids)
        .await?)
}
