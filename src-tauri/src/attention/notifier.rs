//! Native notifications: sent on the desktop's notification service, with the click and the
//! button reported back, so that a click opens the product and "Revoke access" revokes.

use desk::attention::{Action, Notice};

/// The name notifications carry: the desktop groups and labels them by it.
pub const APP_NAME: &str = "IK Desk";

/// The action key of a click on the notification itself (the freedesktop convention).
const CLICK: &str = "default";
const BUTTON: &str = "button";

/// Why a notification could not be shown (no notification service, for one).
#[derive(Debug, thiserror::Error)]
#[error("the desktop did not take the notification: {0}")]
pub struct NotShown(#[from] notify_rust::error::Error);

/// Shows `notice` and returns, without waiting for the person. `then` runs with what was
/// clicked, if anything is, for as long as the notification is on screen.
///
/// # Errors
/// [`NotShown`] when the desktop refuses it or has no notification service.
pub async fn show(
    notice: &Notice,
    then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    let mut n = notify_rust::Notification::new();
    n.appname(APP_NAME)
        .summary(&notice.title)
        .body(&body_text(&notice.body))
        .action(CLICK, &notice.open_label);
    if let Some((label, _)) = &notice.button {
        n.action(BUTTON, label);
    }
    deliver(n, notice.clone(), then).await
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
    n: notify_rust::Notification,
    notice: Notice,
    then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    use notify_rust::ActionResponse;
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
    n: notify_rust::Notification,
    _notice: Notice,
    _then: impl FnOnce(Action) + Send + 'static,
) -> Result<(), NotShown> {
    // Clicks are not reported back here: the tray menu leads to the same places.
    n.show()?;
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
