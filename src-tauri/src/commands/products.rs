//! Products of every organisation, their renewals, and automatic renewal.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::products::{AutoRenewOutcome, ProductsView};
use infomaniak::ProductId;
use tauri::State;

/// Every product of a profile's organisations, with its renewal and its place on the board.
#[tauri::command]
#[specta::specta]
pub async fn products(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<ProductsView, IpcError> {
    Ok(state.desk.products(&profile_id).await?)
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
