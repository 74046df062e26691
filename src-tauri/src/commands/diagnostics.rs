//! What the token can do: every route with its tier, and a probe on demand.

use super::AppState;
use crate::error::IpcError;
use desk::ProfileId;
use desk::diagnostics::{Diagnostics, Platform};
use tauri::State;

/// Every route with its tier and what was learned about it for this profile.
#[tauri::command]
#[specta::specta]
pub fn diagnostics(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Diagnostics, IpcError> {
    Ok(state.desk.diagnostics(&profile_id)?)
}

/// Probes the API's reads once (the cost is in `Diagnostics::probe_cost`) and answers what it learned.
#[tauri::command]
#[specta::specta]
pub async fn check_now(
    state: State<'_, AppState>,
    profile_id: ProfileId,
) -> Result<Diagnostics, IpcError> {
    Ok(state.desk.check_now(&profile_id).await?)
}

/// The app's version and where it runs, for the About section of Settings.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct About {
    pub version: String,
    pub os: String,
    pub webview: String,
}

impl From<Platform> for About {
    fn from(p: Platform) -> Self {
        Self {
            version: p.version,
            os: p.os,
            webview: p.webview,
        }
    }
}

/// The version (written once, in the workspace's Cargo.toml), the system and the web engine.
#[tauri::command]
#[specta::specta]
pub fn about() -> About {
    platform().into()
}

/// The text of a bug report for the active profile: version, system, web engine and what each
/// route showed; never the token. The window puts it on the clipboard.
#[tauri::command]
#[specta::specta]
pub fn diagnostics_report(
    state: State<'_, AppState>,
    profile_id: Option<ProfileId>,
) -> Result<String, IpcError> {
    let mut platform = platform();
    platform.webview = with_renderer(
        platform.webview,
        crate::renderer::chosen(),
        crate::renderer::applied(),
    );
    Ok(state
        .desk
        .diagnostics_report(profile_id.as_ref(), &platform)?)
}

/// The web engine as a bug report names it: with how it paints where the app chose that, and the
/// policy the webview's settings gave back once it was applied.
fn with_renderer(
    webview: String,
    renderer: Option<crate::renderer::Renderer>,
    applied: Option<&str>,
) -> String {
    match renderer {
        Some(r) => format!(
            "{webview}, {}; hardware acceleration: {}",
            r.describe(),
            applied.unwrap_or("not read")
        ),
        None => webview,
    }
}

/// Where the app runs, as only the shell can find out.
fn platform() -> Platform {
    let engine = if cfg!(target_os = "windows") {
        "WebView2"
    } else if cfg!(target_os = "macos") {
        "WKWebView"
    } else {
        "WebKitGTK"
    };
    let webview = match tauri::webview_version() {
        Ok(v) => format!("{engine} {v}"),
        Err(e) => format!("{engine} (version unknown: {e})"),
    };
    let info = os_info::get();
    let arch = info.architecture().unwrap_or(std::env::consts::ARCH);
    Platform {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        os: format!("{} {} ({arch})", info.os_type(), info.version()),
        webview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::renderer::Renderer;

    #[test]
    fn the_report_says_how_the_webview_paints_where_the_app_chose_it() {
        assert_eq!(
            with_renderer(
                "WebKitGTK 2.50.6".into(),
                Some(Renderer::Software { asked: false }),
                Some("never")
            ),
            "WebKitGTK 2.50.6, painted in software (no GPU render node was found); \
             hardware acceleration: never"
        );
        assert_eq!(
            with_renderer(
                "WebKitGTK 2.50.6".into(),
                Some(Renderer::Gpu { asked: true }),
                None
            ),
            "WebKitGTK 2.50.6, composited on the GPU (IK_DESK_GPU); hardware acceleration: not read"
        );
        assert_eq!(
            with_renderer("WebView2 131".into(), None, None),
            "WebView2 131"
        );
    }
}
