//! Users of an organisation: members and pending invitations. Each command is one call to
//! `desk::users` through the organisation's handle.

use super::AppState;
use crate::dialogs::{self, Kind};
use crate::error::IpcError;
use desk::ProfileId;
use desk::users::bulk::{BulkPreview, BulkProgress, BulkReport, BulkRow};
use desk::users::{
    InvitationChange, InviteForm, InviteOutcome, MemberSettings, ReachableProduct, RemovalResult,
    Role, UsersSnapshot,
};
use infomaniak::{AccountId, InvitationId, UserId};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

/// Members and pending invitations of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn users(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<UsersSnapshot, IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.list().await?)
}

/// Invites someone into an organisation.
#[tauri::command]
#[specta::specta]
pub async fn invite_user(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    form: InviteForm,
) -> Result<InviteOutcome, IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.invite(form).await?)
}

/// Cancels a pending invitation.
#[tauri::command]
#[specta::specta]
pub async fn cancel_invitation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    invitation_id: InvitationId,
) -> Result<(), IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.cancel_invitation(invitation_id).await?)
}

/// Changes a pending invitation's role, teams and rights.
#[tauri::command]
#[specta::specta]
pub async fn update_invitation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    invitation_id: InvitationId,
    change: InvitationChange,
) -> Result<(), IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.update_invitation(invitation_id, change).await?)
}

/// Changes a member's role.
#[tauri::command]
#[specta::specta]
pub async fn change_role(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    user_id: UserId,
    role: Role,
) -> Result<(), IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.change_role(user_id, role).await?)
}

/// Sets a member's billing right and contact preferences.
#[tauri::command]
#[specta::specta]
pub async fn set_member_settings(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    user_id: UserId,
    settings: MemberSettings,
) -> Result<(), IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.set_settings(user_id, settings).await?)
}

/// Removes members, each with its outcome.
#[tauri::command]
#[specta::specta]
pub async fn remove_members(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    user_ids: Vec<UserId>,
) -> Result<Vec<RemovalResult>, IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.remove(&user_ids).await?)
}

/// The signed-in person leaves an organisation.
#[tauri::command]
#[specta::specta]
pub async fn leave_organisation(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<(), IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.leave().await?)
}

/// The products a member reaches (asked only when their detail panel opens).
#[tauri::command]
#[specta::specta]
pub async fn products_reachable(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    user_id: UserId,
) -> Result<Vec<ReachableProduct>, IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(users.products_reachable(user_id).await?)
}

/// Asks for a CSV file of people to invite, then checks every row of it (nothing is sent).
/// `default_locale` goes to rows without a language. `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn preview_invitation_file(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    default_locale: String,
) -> Result<Option<BulkPreview>, IpcError> {
    let Some(path) = dialogs::open_path(&app, Kind::Csv).await? else {
        return Ok(None);
    };
    let users = state.desk.organisation(&profile_id, account_id).users();
    Ok(Some(
        users
            .preview_invitation_file(&path, &default_locale)
            .await?,
    ))
}

/// Sends the checked rows' invitations, telling `on_progress` after each row.
#[tauri::command]
#[specta::specta]
pub async fn send_invitations(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    rows: Vec<BulkRow>,
    on_progress: Channel<BulkProgress>,
) -> Result<BulkReport, IpcError> {
    let users = state.desk.organisation(&profile_id, account_id).users();
    let report = users.send_invitations(&rows, |progress| {
        // A closed window stops listening; the invitations go on all the same.
        let _ = on_progress.send(progress);
    });
    Ok(report.await?)
}

/// Ends a run of invitations in bulk after the invitation under way.
#[tauri::command]
#[specta::specta]
pub fn stop_invitations(state: State<'_, AppState>, profile_id: ProfileId, account_id: AccountId) {
    state
        .desk
        .organisation(&profile_id, account_id)
        .users()
        .stop_invitations();
}
