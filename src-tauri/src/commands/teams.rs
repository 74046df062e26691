use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::teams::{ServiceOption, TeamsSnapshot};
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

/// Renames a team, gives it another leader, and/or sets the services it grants.
#[tauri::command]
#[specta::specta]
pub async fn update_team(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
    team_id: u32,
    change: TeamChange,
) -> Result<(), IpcError> {
    let TeamChange {
        name,
        leader_id,
        service_ids,
    } = change;
    let desk = &state.desk;
    Ok(desk
        .update_team(
            &profile_id,
            account_id,
            team_id,
            name.as_deref(),
            leader_id,
            service_ids.as_deref(),
        )
        .await?)
}

/// The services an organisation's teams can grant.
#[tauri::command]
#[specta::specta]
pub async fn team_services(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: u32,
) -> Result<Vec<ServiceOption>, IpcError> {
    Ok(state.desk.team_services(&profile_id, account_id).await?)
}

/// What to change in a team; what is absent stays as it is.
#[derive(Debug, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TeamChange {
    pub name: Option<String>,
    pub leader_id: Option<u32>,
    pub service_ids: Option<Vec<u32>>,
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
