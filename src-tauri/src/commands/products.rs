//! Products of every organisation, their renewals, and automatic renewal.

use super::AppState;
use crate::dialogs::{self, Kind};
use crate::error::IpcError;
use desk::ProfileId;
use desk::products::costs::{CostForecast, CostGroup};
use desk::products::{AutoRenewOutcome, ProductsView};
use infomaniak::{AccountId, ProductId};
use tauri::{AppHandle, State};

/// Every product of a profile's organisations, with its renewal and its place on the board.
#[tauri::command]
#[specta::specta]
pub async fn products(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<ProductsView, IpcError> {
    Ok(state.desk.products(&profile_id).await?)
}

/// The next twelve months of renewals per month and currency, grouped as asked.
#[tauri::command]
#[specta::specta]
pub async fn renewal_costs(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    group: CostGroup,
) -> Result<CostForecast, IpcError> {
    Ok(state.desk.renewal_costs(&profile_id, group).await?)
}

/// Switches automatic renewal on or off for a selection of products.
#[tauri::command]
#[specta::specta]
pub async fn set_auto_renew(
    state: State<'_, AppState>,
    profile_id: ProfileId,
    product_ids: Vec<ProductId>,
    enabled: bool,
) -> Result<AutoRenewOutcome, IpcError> {
    Ok(state
        .desk
        .set_auto_renew(&profile_id, &product_ids, enabled)
        .await?)
}

/// Asks where to save the renewals calendar (.ics) of one organisation, or of all when
/// `account_id` is `None`, and writes it. `None` when the person closed the dialog; otherwise the
/// file written.
#[tauri::command]
#[specta::specta]
pub async fn save_renewals_calendar(
    app: AppHandle,
    state: State<'_, AppState>,
    profile_id: ProfileId,
    account_id: Option<AccountId>,
) -> Result<Option<String>, IpcError> {
    let (name, ics) = state
        .desk
        .renewals_calendar(&profile_id, account_id)
        .await?;
    let Some(path) = dialogs::save_path(&app, name, Kind::Ics).await? else {
        return Ok(None);
    };
    tokio::task::spawn_blocking(move || {
        desk::export::write_atomically(&path, ics.as_bytes()).map(|()| path)
    })
    .await
    .map_err(IpcError::interrupted)?
    .map(|p| Some(p.display().to_string()))
    .map_err(IpcError::from)
}
