//! Events toward the UI, typed by tauri-specta.

use serde::{Deserialize, Serialize};

/// New data landed in the store: pages showing this area re-read it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct DataChanged {
    pub profile_id: desk::ProfileId,
    pub area: desk::sync::Area,
}

impl From<desk::sync::DataChanged> for DataChanged {
    fn from(e: desk::sync::DataChanged) -> Self {
        Self {
            profile_id: e.profile_id,
            area: e.area,
        }
    }
}

/// A click in a notification or the tray asks the window to show a page of a profile.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct Navigate {
    pub profile_id: desk::ProfileId,
    pub destination: desk::attention::Destination,
}
