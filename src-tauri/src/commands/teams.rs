//! Work teams of an organisation. Each command is one call to `desk::teams` through the
//! organisation's handle.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::teams::{ServiceOption, TeamChange, TeamsSnapshot};
use infomaniak::{AccountId, TeamId, UserId};
use tauri::State;

/// The work teams of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn teams(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<TeamsSnapshot, IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.list().await?)
}

/// The services an organisation's teams can grant.
#[tauri::command]
#[specta::specta]
pub async fn team_services(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
) -> Result<Vec<ServiceOption>, IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.services().await?)
}

/// Creates a team, with a leader if one is chosen.
#[tauri::command]
#[specta::specta]
pub async fn create_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    name: String,
    leader_id: Option<UserId>,
) -> Result<(), IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.create(&name, leader_id).await?)
}

/// Renames a team, gives it another leader, and/or sets the services it grants.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    team_id: TeamId,
    change: TeamChange,
) -> Result<(), IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.update(team_id, change).await?)
}

/// Deletes a team.
#[tauri::command]
#[specta::specta]
pub async fn delete_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    team_id: TeamId,
) -> Result<(), IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.delete(team_id).await?)
}

/// Adds people to a team.
#[tauri::command]
#[specta::specta]
pub async fn add_team_members(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    team_id: TeamId,
    user_ids: Vec<UserId>,
) -> Result<(), IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.add_members(team_id, &user_ids).await?)
}

/// Takes people out of a team (they stay in the organisation).
#[tauri::command]
#[specta::specta]
pub async fn remove_team_members(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: AccountId,
    team_id: TeamId,
    user_ids: Vec<UserId>,
) -> Result<(), IpcError> {
    let teams = state.desk.organisation(&profile_id, account_id).teams();
    Ok(teams.remove_members(team_id, &user_ids).await?)
}
