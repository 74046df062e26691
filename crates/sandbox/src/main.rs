//! `ik-sandbox`: the local Infomaniak API as a process, for the demo and manual testing.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use sandbox::{ApiProfile, DEFAULT_SEED, FaultPlan, Sandbox, SandboxConfig, Scale, tokens};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Profile {
    /// Only the routes the real API is known to serve.
    Published,
    /// Adds the unverified routes (renewals, support access, member changes).
    Extended,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum WorldKind {
    /// Five hand-shaped organisations, or the `--scale` world when one is given.
    Demo,
    /// A reseller's 500 organisations, 50,000 people and 20,000 products (`--scale` is ignored).
    Reseller,
}

/// A local stand-in for the Infomaniak API, with a seeded demo world.
#[derive(Debug, Parser)]
#[command(name = "ik-sandbox", version)]
struct Args {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    port: u16,
    #[arg(long, value_enum, default_value_t = Profile::Extended)]
    profile: Profile,
    /// Number of organisations of 200 users each; 0 is the demo world.
    #[arg(long, default_value_t = 0)]
    scale: u32,
    /// With --scale N: one organisation of N people instead of N organisations.
    #[arg(long)]
    one_organisation: bool,
    /// Which world: the demo's (sized by --scale) or a reseller's.
    #[arg(long, value_enum, default_value_t = WorldKind::Demo)]
    world: WorldKind,
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// Send a Retry-After header with 429 answers (the real API sends none).
    #[arg(long)]
    retry_after: bool,
    /// The share of requests (0 to 1) that meet a fault: 5xx, dropped connections, cut answers,
    /// 429 bursts.
    #[arg(long, default_value_t = 0.0)]
    fault_rate: f64,
    /// The seed of the faults: the same seed and request order give the same faults.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    fault_seed: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let config = SandboxConfig {
        addr: SocketAddr::from((Ipv4Addr::LOCALHOST, args.port)),
        profile: match args.profile {
            Profile::Published => ApiProfile::Published,
            Profile::Extended => ApiProfile::Extended,
        },
        scale: match (args.world, args.scale, args.one_organisation) {
            (WorldKind::Reseller, _, _) => Scale::Reseller,
            (WorldKind::Demo, 0, _) => Scale::Demo,
            (WorldKind::Demo, n, false) => Scale::Large(n),
            (WorldKind::Demo, n, true) => Scale::OneLargeOrganisation(n),
        },
        seed: args.seed,
        send_retry_after: args.retry_after,
        faults: (args.fault_rate > 0.0)
            .then(|| FaultPlan::at_rate(args.fault_rate, args.fault_seed)),
        ..SandboxConfig::demo()
    };
    let sandbox = match Sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("ik-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(error) = announce(&sandbox) {
        eprintln!("ik-sandbox: {error}");
    }
    if let Err(error) = tokio::signal::ctrl_c().await {
        eprintln!("ik-sandbox: cannot wait for Ctrl-C: {error}");
    }
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

fn announce(sandbox: &Sandbox) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on {}", sandbox.base_url())?;
    for (label, token, scopes) in tokens::FIXED {
        let scopes = if label == "revoked" {
            "always 401".to_owned()
        } else {
            scopes.join(" ")
        };
        writeln!(out, "token {label:<13} {token}  ({scopes})")?;
    }
    out.flush()
}
