//! A notification server that records: it owns `org.freedesktop.Notifications` on the session
//! bus (run the tests inside a private one), keeps every notification it is sent, and can click
//! one, as a person would. Owning the name also keeps a real notification daemon from popping up.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use zbus::object_server::SignalEmitter;

const PATH: &str = "/org/freedesktop/Notifications";

/// One notification as the desktop received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub id: u32,
    pub app_name: String,
    pub summary: String,
    pub body: String,
    /// Key, label, key, label… as the specification lays them out.
    pub actions: Vec<String>,
}

#[derive(Default)]
struct Recorder {
    received: Arc<Mutex<Vec<Received>>>,
    last_id: AtomicU32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    #[allow(clippy::too_many_arguments, reason = "the specification's signature")]
    fn notify(
        &self,
        app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, zbus::zvariant::OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let id = self.last_id.fetch_add(1, Ordering::SeqCst) + 1;
        self.received
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Received {
                id,
                app_name,
                summary,
                body,
                actions,
            });
        id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "recorder".into(),
            "IK Desk".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The running server.
#[derive(Debug)]
pub struct NotificationServer {
    bus: zbus::Connection,
    received: Arc<Mutex<Vec<Received>>>,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("no session bus: run the tests inside dbus-run-session (the Makefile does)")]
    NoBus,
    #[error("D-Bus: {0}")]
    Bus(#[from] zbus::Error),
}

impl NotificationServer {
    /// Owns the name on the session bus.
    ///
    /// # Errors
    /// [`ServerError::NoBus`] outside a session bus; the bus's error when the name is taken.
    pub async fn start() -> Result<Self, ServerError> {
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
            return Err(ServerError::NoBus);
        }
        let recorder = Recorder::default();
        let received = recorder.received.clone();
        let bus = zbus::connection::Builder::session()?
            .name("org.freedesktop.Notifications")?
            .serve_at(PATH, recorder)?
            .build()
            .await?;
        Ok(Self { bus, received })
    }

    /// Everything received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        self.received
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Waits until at least `count` notifications arrived, or `timeout`; answers what arrived.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<Received> {
        let end = Instant::now() + timeout;
        loop {
            let got = self.received();
            if got.len() >= count || Instant::now() >= end {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks `action_key` (`default` is the notification itself) of notification `id`.
    ///
    /// # Errors
    /// The bus's error.
    pub async fn click(&self, id: u32, action_key: &str) -> Result<(), ServerError> {
        let emitter = SignalEmitter::new(&self.bus, PATH)?;
        Recorder::action_invoked(&emitter, id, action_key).await?;
        Ok(())
    }
}
