//! Infomaniak's published spec as the oracle: the route table's tiers agree with it, the sandbox's
//! answers and the client's requests validate against it, payloads generated from it decode.

mod answers;
mod payloads;
mod requests;
mod tiers;

use crate::support;
use crate::support::dispatch::{Ids, call};
use infomaniak::{AccountId, InvitationId, ProductId, Route, TeamId, Tier, UserId};
use sandbox::{ApiProfile, RequestRecord, Sandbox, SandboxConfig, Scale, tokens};

/// The worlds and profiles every answer is checked in.
fn configs() -> Vec<(&'static str, SandboxConfig)> {
    let large = |profile| SandboxConfig {
        scale: Scale::Large(2),
        profile,
        ..SandboxConfig::demo()
    };
    vec![
        ("demo/extended", SandboxConfig::demo()),
        ("demo/published", SandboxConfig::published()),
        ("large/extended", large(ApiProfile::Extended)),
        ("large/published", large(ApiProfile::Published)),
        (
            "reseller/extended",
            SandboxConfig {
                scale: Scale::Reseller,
                ..SandboxConfig::demo()
            },
        ),
    ]
}

/// Ids in the first organisation the person owns, with a kDrive of it.
async fn ids(api: &Sandbox) -> Ids {
    let world = api.world();
    let org = world
        .org_with_relation("owner")
        .expect("an owned organisation");
    let client = support::fast_client(api, tokens::DEMO);
    let drives = client
        .account_products(AccountId(org.id))
        .service_names(&["drive"])
        .all()
        .await
        .unwrap();
    Ids {
        account: AccountId(org.id),
        user: UserId(org.normal_ids[0]),
        invitation: InvitationId(org.pending_invitation_ids[0]),
        team: TeamId(org.team_ids[0]),
        drive: drives
            .first()
            .map_or(ProductId(org.product_ids[0]), |d| d.id),
        mail_service: support::dispatch::mail_service(api, AccountId(org.id)).await,
        pdf: String::new(),
    }
}

/// The documented routes of the table, removals last so the routes before them find their
/// objects.
fn documented() -> Vec<Route> {
    let removals = [Route::InvitationCancel, Route::TeamDelete];
    let (last, first): (Vec<Route>, Vec<Route>) = Route::ALL
        .iter()
        .filter(|r| r.tier() == Tier::Documented)
        .partition(|r| removals.contains(r));
    first.into_iter().chain(last).collect()
}

/// Calls every documented route once through the client's real methods and hands back, per
/// route, the requests the sandbox logged for it.
async fn exchanges(api: &Sandbox) -> Vec<(Route, Vec<RequestRecord>)> {
    let client = support::fast_client(api, tokens::DEMO);
    let ids = ids(api).await;
    let mut out = Vec::new();
    for route in documented() {
        api.clear_requests();
        let outcome = call(&client, route, &ids).await;
        assert!(outcome.is_ok(), "{route}: {outcome:?}");
        out.push((route, api.requests()));
    }
    out
}

/// One problem line with what varies between runs and items taken out (ids, item numbers, the
/// offending value), so that the same gap reads the same everywhere.
fn normalised(line: &str) -> String {
    let line = line.split_once(": ").map_or(line, |(config, rest)| {
        if config.contains('/') && !config.contains(' ') {
            rest
        } else {
            line
        }
    });
    let mut out = String::new();
    for part in line.split(' ') {
        let part = if part.starts_with("/data") {
            part.split('/')
                .map(|seg| if seg.parse::<u64>().is_ok() { "*" } else { seg })
                .collect::<Vec<_>>()
                .join("/")
        } else {
            part.to_owned()
        };
        out.push_str(&part);
        out.push(' ');
    }
    let out = out.trim_end().to_owned();
    let out = match out.split_once(": item ") {
        Some((head, tail)) => format!("{head}: {}", tail.split_once(": ").map_or(tail, |t| t.1)),
        None => out,
    };
    // "<value> is not of type …": the value differs per item; the path and the rule do not.
    match out.split_once(": ") {
        Some((route, rest)) if rest.contains(" is not ") && !rest.starts_with('"') => {
            let tail = rest.split_once(" is not ").map_or(rest, |t| t.1);
            format!("{route}: <value> is not {tail}")
        }
        _ => out,
    }
}

/// The spec's verdict against the gaps still known (`gaps/<name>.txt`, one per line): a new gap
/// fails, and so does a known gap that is gone, so the list only shrinks. `SPEC_GAPS=write`
/// rewrites the list from this run.
fn ratchet(name: &str, problems: &[String]) {
    use std::collections::BTreeSet;
    let path = format!(
        "{}/tests/client/spec/gaps/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let now: BTreeSet<String> = problems.iter().map(|p| normalised(p)).collect();
    if std::env::var("SPEC_GAPS").as_deref() == Ok("write") {
        let text: String = now.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let known: BTreeSet<String> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let new: Vec<_> = now.difference(&known).collect();
    let gone: Vec<_> = known.difference(&now).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "against the spec, {} new problem(s):\n{}\n{} known gap(s) now fixed (remove them from {path}):\n{}",
        new.len(),
        new.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        gone.len(),
        gone.iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
}
