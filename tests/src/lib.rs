//! Drives the built app through WebDriver: WebKitWebDriver launches the app's binary and speaks to
//! its webview. Each session gets its own driver port and its own home folders, so nothing leaks
//! between tests or into the user's files.

mod app;
pub mod notification_server;
pub mod procs;

pub use app::{App, CountTimeout, Launch, LaunchError, ScreenshotError};
