//! End to end, one binary: the built app driven through WebDriver under Xvfb, against the local
//! API, a module per domain of what a person does.

// Tests stop at the first broken expectation: panicking is how they report.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod about;
mod checkup;
mod demo;
mod design;
mod invoices;
mod languages;
mod products_costs;
mod reminder_settings;
mod renewals;
mod sign_in;
mod support_access;
mod teams;
mod tray;
mod users;
mod users_bulk;

/// An organisation of the demo world where the demo person is the only legal representative.
fn sole_owner_org(world: &sandbox::WorldSummary) -> sandbox::OrgSummary {
    world
        .organisations
        .iter()
        .find(|o| o.relation == "owner" && o.count_owners == 1)
        .cloned()
        .unwrap()
}

/// The same, read off the demo world without keeping its local API (the app starts its own).
async fn demo_sole_owner_org() -> sandbox::OrgSummary {
    let api = sandbox::Sandbox::start(sandbox::SandboxConfig::demo())
        .await
        .unwrap();
    let org = sole_owner_org(&api.world());
    api.shutdown().await;
    org
}
