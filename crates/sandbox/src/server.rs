//! Starting, inspecting and stopping a sandbox.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{ApiProfile, SandboxConfig};
use crate::conn::{ConnHandle, CuttableListener};
use crate::error::SandboxError;
use crate::faults::{FaultRule, Faults};
use crate::limit::Limiter;
use crate::log::RequestRecord;
use crate::routes;
use crate::state::{Shared, SharedParts};
use crate::world::{self, summary::WorldSummary};

/// A running sandbox. Dropping it stops accepting connections; [`Sandbox::shutdown`] also waits
/// for the connections in flight.
#[derive(Debug)]
pub struct Sandbox {
    shared: Arc<Shared>,
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Binds `config.addr`, seeds the world from `config.seed` at the clock's current time, and
    /// serves on the current tokio runtime.
    ///
    /// # Errors
    /// [`SandboxError::PortInUse`] when the port is taken, [`SandboxError::Bind`] otherwise.
    pub async fn start(config: SandboxConfig) -> Result<Self, SandboxError> {
        let bind_error = |source: std::io::Error| {
            if source.kind() == std::io::ErrorKind::AddrInUse {
                SandboxError::PortInUse(config.addr.port())
            } else {
                SandboxError::Bind {
                    addr: config.addr,
                    source,
                }
            }
        };
        let listener = TcpListener::bind(config.addr).await.map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let world = world::generate(config.scale, config.seed, config.clock.unix_now());
        let shared = Arc::new(Shared::new(SharedParts {
            profile: config.profile,
            base_url: format!("http://{addr}"),
            clock: config.clock,
            send_retry_after: config.send_retry_after,
            link_key: config.seed.rotate_left(17) ^ 0x5bd1_e995_c6a4_a793,
            world,
            limiter: Limiter::new(config.rate_limit_per_minute),
            faults: Faults::new(config.faults),
        }));
        let app = routes::app(Arc::clone(&shared));
        let (stop, stopped) = oneshot::channel::<()>();
        let server = axum::serve(
            CuttableListener(listener),
            app.into_make_service_with_connect_info::<ConnHandle>(),
        )
        .with_graceful_shutdown(async move {
            // A dropped sender stops the server too.
            let _ = stopped.await;
        });
        let task = tokio::spawn(async move {
            let _ = server.await;
        });
        Ok(Self {
            shared,
            addr,
            stop: Some(stop),
            task: Some(task),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.shared.base_url.clone()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn profile(&self) -> ApiProfile {
        self.shared.profile
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.log().snapshot()
    }

    pub fn clear_requests(&self) {
        self.shared.log().clear();
    }

    /// How many logged requests had this method and a path starting with `path_prefix`.
    pub fn count(&self, method: &str, path_prefix: &str) -> usize {
        self.shared.log().count(method, path_prefix)
    }

    /// Adds a targeted fault; targeted faults apply before the seeded plan, in order.
    pub fn inject(&self, rule: FaultRule) {
        self.shared.faults().inject(rule);
    }

    /// Accepts `token` from now on with exactly these scopes (replacing earlier ones).
    pub fn add_token(&self, token: &str, scopes: &[&str]) {
        self.shared.tokens().add(token, scopes);
    }

    /// Answers 401 to `token` from now on.
    pub fn revoke_token(&self, token: &str) {
        self.shared.tokens().revoke(token);
    }

    /// The current state of the world (it changes as requests mutate it).
    pub fn world(&self) -> WorldSummary {
        world::summary::summarize(&self.shared.world())
    }

    /// Stops accepting, lets requests in flight finish (two seconds at most), and frees the port.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(2), task)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
    }
}
