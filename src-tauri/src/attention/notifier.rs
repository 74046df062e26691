//! Native notifications. The official notification plugin sends them on every OS and knows
//! whether the app may (macOS asks the person; the plugin says so). It does not report clicks on
//! the desktop, so on the freedesktop desktops (Linux, the BSDs), where the notification service
//! does report them, a small adapter over the same `notify-rust` the plugin uses sends them
//! instead, with the click and the button reported back: a click opens the product and
//! "Revoke access" revokes. Elsewhere the tray menu leads to the same places.

use desk::attention::{Action, Notice};
use tauri::AppHandle;
use tauri_plugin_notification::{NotificationExt, PermissionState};

/// The name notifications carry: the desktop groups and labels them by it.
pub const APP_NAME: &str = "IK Desk";

/// The action key of a click on the notification itself (the freedesktop convention).
#[cfg(all(unix, not(target_os = "macos")))]
const CLICK: &str = "default";
#[cfg(all(unix, not(target_os = "macos")))]
const BUTTON: &str = "button";

/// Why a notification could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum NotShown {
    /// The person (or the system) does not let the app notify.
    #[error("notifications are not allowed for IK Desk ({0:?})")]
    NotAllowed(PermissionState),
    /// The notification plugin could not tell or could not send.
    #[error("the notification could not be sent: {0}")]
    Plugin(#[from] tauri_plugin_notification::Error),
    /// The desktop's notification service refused it, or there is none.
    #[cfg(all(unix, not(target_os = "macos")))]
    #[error("the desktop did not take the notification: {0}")]
    Desktop(#[from] notify_rust::error::Error),
}

/// Shows `notice` and returns, without waiting for the person. `then` runs with what was
/// clicked, if anything is (where the desktop reports it), for as long as the notification is
/// on screen.
///
/// # Errors
/// [`NotShown`] when notifications are not allowed, or the desktop refuses it.
pub async fn show(
    app: &AppHandle,
    notice: &Notice,
    then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    let permission = app.notification().permission_state()?;
    if permission != PermissionState::Granted {
        return Err(NotShown::NotAllowed(permission));
    }
    deliver(app, notice.clone(), then).await
}

/// The body as the desktop must receive it. Freedesktop notification servers read the body as
/// markup (`<b>`, `<a href>`, entities): an organisation named "Rochat & Fils" or a product named
/// `<b>` must show as written, not be parsed (or dropped, by servers that reject bad markup).
#[cfg(all(unix, not(target_os = "macos")))]
fn body_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Elsewhere the body is plain text already.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn body_text(text: &str) -> String {
    text.to_owned()
}

#[cfg(all(unix, not(target_os = "macos")))]
async fn deliver(
    _app: &AppHandle,
    notice: Notice,
    then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    show_freedesktop(notice, then).await
}

/// Sends `notice` to the freedesktop notification service with its click and button, and hands
/// `then` what the person clicks.
///
/// # Errors
/// [`NotShown::Desktop`] when the service refuses it or there is none.
#[cfg(all(unix, not(target_os = "macos")))]
pub async fn show_freedesktop(
    notice: Notice,
    then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    use notify_rust::ActionResponse;
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME)
        .summary(&notice.title)
        .body(&body_text(&notice.body))
        .action(CLICK, &notice.open_label);
    if let Some((label, _)) = &notice.button {
        n.action(BUTTON, label);
    }
    let handle = n.show_async().await?;
    tracing::debug!(id = handle.id(), "notification shown: {}", notice.title);
    tauri::async_runtime::spawn(async move {
        handle
            .wait_for_action_async(|response| {
                let action = match response {
                    ActionResponse::Custom(CLICK) => Some(notice.click.clone()),
                    ActionResponse::Custom(BUTTON) => {
                        notice.button.as_ref().map(|(_, a)| a.clone())
                    }
                    // Closed, timed out, or a key we never set: nothing to do.
                    _ => None,
                };
                if let Some(action) = action {
                    then(action);
                }
            })
            .await;
    });
    Ok(())
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
async fn deliver(
    app: &AppHandle,
    notice: Notice,
    _then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    // The plugin reports no click here: the tray menu leads to the same places.
    app.notification()
        .builder()
        .title(&notice.title)
        .body(body_text(&notice.body))
        .show()?;
    Ok(())
}

#[cfg(all(test, unix, not(target_os = "macos")))]
mod tests {
    use super::*;

    #[test]
    fn markup_in_names_is_shown_as_written() {
        assert_eq!(
            body_text("Rochat & Fils: <b>kDrive</b> expires"),
            "Rochat &amp; Fils: &lt;b&gt;kDrive&lt;/b&gt; expires"
        );
        assert_eq!(body_text("plain"), "plain");
    }
}
