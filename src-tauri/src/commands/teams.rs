use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::teams::TeamsSnapshot;
use tauri::State;

/// The work teams of an organisation.
#[tauri::command]
#[specta::specta]
pub async fn teams(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<TeamsSnapshot, IpcError> {
    Ok(state.desk.teams(&profile_id, account_id).await?)
}

/// Creates a team, with a leader if one is chosen.
#[tauri::command]
#[specta::specta]
pub async fn create_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    name: String,
    leader_id: Option<u32>,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .create_team(&profile_id, account_id, &name, leader_id)
        .await?)
}

/// Renames a team and/or gives it another leader.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    team_id: u32,
    name: Option<String>,
    leader_id: Option<u32>,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .update_team(&profile_id, account_id, team_id, name.as_deref(), leader_id)
        .await?)
}

/// Deletes a team.
#[tauri::command]
#[specta::specta]
pub async fn delete_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    team_id: u32,
) -> Result<(), IpcError> {
    Ok(state
        .desk
        .delete_team(&profile_id, account_id, team_id)
        .await?)
}

/// Adds or removes members of a team.
#[tauri::command]
#[specta::specta]
pub async fn set_team_members(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    team_id: u32,
    user_ids: Vec<u32>,
    add: bool,
) -> Result<(), IpcError> {
    let desk = &state.desk;
    if add {
        desk.add_team_members(&profile_id, account_id, team_id, &user_ids)
            .await?;
    } else {
        desk.remove_team_members(&profile_id, account_id, team_id, &user_ids)
            .await?;
    }
    Ok(())
}
