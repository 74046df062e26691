use std::net::SocketAddr;

/// Why the sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// The requested port is taken by another process (or another sandbox).
    #[error("port {0} is already in use")]
    PortInUse(u16),
    /// Any other failure to bind the listening socket.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}
