//! Saving a table as CSV: the window hands over the rows, the shell asks where, the core writes.

use crate::dialogs::{self, Kind};
use crate::error::IpcError;
use tauri::AppHandle;

/// Asks where to save `rows` (header first) and writes them as CSV. `None` when the person
/// closed the dialog; otherwise the file written.
#[tauri::command]
#[specta::specta]
pub async fn export_csv(
    app: AppHandle,
    suggested_name: String,
    rows: Vec<Vec<String>>,
) -> Result<Option<String>, IpcError> {
    let name = desk::export::csv_file_name(&suggested_name);
    let Some(path) = dialogs::save_path(&app, name, Kind::Csv).await? else {
        return Ok(None);
    };
    tokio::task::spawn_blocking(move || desk::export::save_csv(&path, &rows).map(|()| path))
        .await
        .map_err(IpcError::interrupted)?
        .map(|p| Some(p.display().to_string()))
        .map_err(IpcError::from)
}
