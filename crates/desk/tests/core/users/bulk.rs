//! Invitations in bulk against the local API: every row checked before anything is sent, a result
//! per row, stop and resume, and under lost answers never an address invited twice.

use crate::support::acct;
use crate::under_faults::JumpClock;
use desk::activity::AuditResult;
use desk::users::bulk::{BulkOutcome, BulkPreview, BulkReport, BulkRow, RowProblem};
use desk::{Desk, DeskConfig, ProfileId};
use infomaniak::{AccountId, ApiToken};
use sandbox::{Fault, FaultPlan, FaultRule, Sandbox, SandboxConfig};
use std::collections::HashMap;
use std::sync::Arc;

const HEADER: &str = "E-mail;First name;Last name;Role;Language;Teams;Billing\n";

fn sole_owner_org(api: &Sandbox) -> AccountId {
    let o = api
        .world()
        .organisations
        .into_iter()
        .find(|o| o.relation == "owner" && o.count_owners == 1)
        .unwrap();
    AccountId(o.id)
}

/// `n` new people, one a line, the first of them in the organisation's first team.
fn newcomers(n: usize, team: &str) -> String {
    (0..n)
        .map(|i| {
            let teams = if i == 0 { team } else { "" };
            format!("new{i}@example.ch;New;Person {i};collaborator;fr;{teams};no\n")
        })
        .collect()
}

/// A core on a local API whose waits cost nothing, so faults and their retries run at once.
async fn jumping(faults: Option<FaultPlan>) -> (Sandbox, Arc<Desk>, ProfileId) {
    let api = Sandbox::start(SandboxConfig {
        faults,
        rate_limit_per_minute: 1_000_000,
        ..SandboxConfig::demo()
    })
    .await
    .unwrap();
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        api_clock: Some(Arc::new(JumpClock::default())),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    let mut id = None;
    for _ in 0..50 {
        if let Ok(outcome) = desk
            .sign_in(ApiToken::new(sandbox::tokens::DEMO), false)
            .await
        {
            id = Some(outcome.profile.id);
            break;
        }
    }
    (api, desk, id.unwrap())
}

async fn preview(desk: &Arc<Desk>, id: &ProfileId, org: AccountId, file: &str) -> BulkPreview {
    let users = desk.organisation(id, acct(org)).users();
    for _ in 0..50 {
        if let Ok(p) = users.preview_invitations(file, "en_GB").await {
            return p;
        }
    }
    panic!("the preview never got through")
}

/// POSTs of invitations per address that reached the route (a cut answer did; a dropped
/// connection or a server error did not).
fn invitations_sent(api: &Sandbox, org: AccountId) -> HashMap<String, usize> {
    let path = format!("/1/accounts/{}/invitations", org.0);
    let mut sent = HashMap::new();
    for r in api.requests() {
        let ran = (200..300).contains(&r.status) || r.fault.as_deref() == Some("truncated_body");
        if r.method == "POST" && r.path == path && ran {
            let body: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
            let email = body["email"].as_str().unwrap().to_lowercase();
            *sent.entry(email).or_default() += 1;
        }
    }
    sent
}

fn pending_invitations(api: &Sandbox, org: AccountId) -> usize {
    let world = api.world();
    let mine = world.organisations.iter().find(|o| o.id == org.0).unwrap();
    mine.pending_invitation_ids.len()
}

#[tokio::test]
async fn mixed_rows_are_checked_first_and_only_the_good_ones_are_sent() {
    let (api, desk, id) = jumping(None).await;
    let org = sole_owner_org(&api);
    let users = desk.organisation(&id, acct(org)).users();
    let people = users.list().await.unwrap().items;
    let member = people.iter().find(|p| !p.pending).unwrap().email.clone();
    let invited = people.iter().find(|p| p.pending).unwrap().email.clone();
    let team = desk
        .organisation(&id, acct(org))
        .teams()
        .list()
        .await
        .unwrap()
        .items[0]
        .name
        .clone();
    let file = format!(
        "{HEADER}good@example.ch;Ann;Good;admin;de;{team};yes\n\
         not an address;Bad;Address;;;;\n\
         team@example.ch;No;Team;;;Nowhere;\n\
         Good@Example.ch;Ann;Twice;;;;\n\
         {member};Already;Member;;;;\n\
         {invited};Already;Invited;;;;\n\
         other@example.ch;Ben;Other;;;;\n"
    );
    let before = pending_invitations(&api, org);
    api.clear_requests();
    let checked = users.preview_invitations(&file, "en_GB").await.unwrap();
    assert_eq!(api.count("POST", "/"), 0, "the preview sends nothing");
    let problems: Vec<Option<RowProblem>> = checked
        .rows
        .iter()
        .map(|r| r.problems.first().cloned())
        .collect();
    assert_eq!(
        problems,
        vec![
            None,
            Some(RowProblem::BadAddress),
            Some(RowProblem::UnknownTeam {
                name: "Nowhere".into()
            }),
            Some(RowProblem::DuplicateInFile { line: 2 }),
            Some(RowProblem::AlreadyMember),
            Some(RowProblem::AlreadyInvited),
            None,
        ]
    );
    assert_eq!(checked.ready, 2);

    let report = users.send_invitations(&checked.rows, |_| {}).await.unwrap();
    let sent: Vec<&str> = report
        .results
        .iter()
        .filter(|r| matches!(r.outcome, BulkOutcome::Sent { .. }))
        .map(|r| r.email.as_str())
        .collect();
    assert_eq!(sent, ["good@example.ch", "other@example.ch"]);
    assert_eq!(
        report
            .results
            .iter()
            .filter(|r| matches!(r.outcome, BulkOutcome::Skipped { .. }))
            .count(),
        5
    );
    assert_eq!(invitations_sent(&api, org).len(), 2);
    assert_eq!(pending_invitations(&api, org), before + 2);
    // The invitation carries what the row said: role, language, team and billing right.
    let good = users
        .list()
        .await
        .unwrap()
        .items
        .into_iter()
        .find(|p| p.email == "good@example.ch")
        .unwrap();
    assert!(good.pending && good.billing_access);
    assert_eq!(good.role, desk::users::Role::Administrator);
    assert_eq!(good.team_ids.len(), 1);
    let log = desk.activity(&id).unwrap();
    let audited: Vec<&str> = log
        .iter()
        .filter(|e| e.action == "invitation.create" && e.result == AuditResult::Done)
        .map(|e| e.target.as_str())
        .collect();
    assert_eq!(audited.len(), 2, "{audited:?}");
}

#[tokio::test]
async fn a_stopped_run_ends_after_the_row_under_way_and_resumes_with_the_rest() {
    let (api, desk, id) = jumping(None).await;
    let org = sole_owner_org(&api);
    let file = format!("{HEADER}{}", newcomers(5, ""));
    let checked = preview(&desk, &id, org, &file).await;
    let users = desk.organisation(&id, acct(org)).users();
    let first = users
        .send_invitations(&checked.rows, |p| {
            if p.done == 2 {
                desk.organisation(&id, acct(org)).users().stop_invitations();
            }
        })
        .await
        .unwrap();
    assert!(first.stopped);
    let outcomes = |r: &BulkReport| -> Vec<&'static str> {
        r.results
            .iter()
            .map(|r| match r.outcome {
                BulkOutcome::Sent { .. } => "sent",
                BulkOutcome::Stopped => "stopped",
                _ => "other",
            })
            .collect()
    };
    assert_eq!(
        outcomes(&first),
        ["sent", "sent", "stopped", "stopped", "stopped"]
    );
    assert_eq!(invitations_sent(&api, org).len(), 2);

    // Resuming sends what was left, and only that.
    let rest: Vec<BulkRow> = checked
        .rows
        .iter()
        .zip(&first.results)
        .filter(|(_, r)| r.outcome == BulkOutcome::Stopped)
        .map(|(row, _)| row.clone())
        .collect();
    let second = users.send_invitations(&rest, |_| {}).await.unwrap();
    assert!(!second.stopped);
    assert_eq!(outcomes(&second), ["sent", "sent", "sent"]);
    let sent = invitations_sent(&api, org);
    assert_eq!(sent.len(), 5);
    assert!(sent.values().all(|n| *n == 1), "{sent:?}");
}

#[tokio::test]
async fn a_lost_answer_is_read_back_and_never_sent_twice() {
    let (api, desk, id) = jumping(None).await;
    let org = sole_owner_org(&api);
    let file = format!("{HEADER}{}", newcomers(3, ""));
    let checked = preview(&desk, &id, org, &file).await;
    let invitations = format!("/1/accounts/{}/invitations", org.0);
    let users_path = format!("/2/accounts/{}/users", org.0);
    // Row 1: applied, answer cut. Row 2: never reached the route. Row 3: applied, answer cut,
    // and every read-back fails too.
    api.inject(FaultRule::new(&invitations, Fault::TruncatedBody).method("POST"));
    let users = desk.organisation(&id, acct(org)).users();
    let first = users
        .send_invitations(&checked.rows[..1], |_| {})
        .await
        .unwrap();
    assert!(
        matches!(first.results[0].outcome, BulkOutcome::Confirmed { .. }),
        "{first:?}"
    );
    api.inject(FaultRule::new(&invitations, Fault::DropConnection).method("POST"));
    let second = users
        .send_invitations(&checked.rows[1..2], |_| {})
        .await
        .unwrap();
    assert!(
        matches!(second.results[0].outcome, BulkOutcome::NotSent { .. }),
        "{second:?}"
    );
    api.inject(FaultRule::new(&invitations, Fault::TruncatedBody).method("POST"));
    // Enough failures for the read-back's every attempt and the re-read after the run.
    api.inject(
        FaultRule::new(&users_path, Fault::Status(503))
            .method("GET")
            .times(8),
    );
    let third = users
        .send_invitations(&checked.rows[2..], |_| {})
        .await
        .unwrap();
    assert_eq!(third.results[0].outcome, BulkOutcome::Unknown, "{third:?}");

    // Sending all three again: the unknown one is read back first and not sent again; the one
    // that never arrived is sent now.
    for _ in 0..10 {
        if desk
            .refresh_for_account(&id, desk::sync::Area::Users, &org.to_string())
            .await
            .is_ok()
        {
            break;
        }
    }
    let again = users.send_invitations(&checked.rows, |_| {}).await.unwrap();
    let sent = invitations_sent(&api, org);
    assert_eq!(sent.len(), 3, "{sent:?} {again:?}");
    assert!(sent.values().all(|n| *n == 1), "{sent:?}");
    assert!(
        api.requests()
            .iter()
            .all(|r| r.error_code.as_deref() != Some("invitation_already_exists_with_this_email")),
        "nothing was sent for an address already invited"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_random_faults_every_address_is_invited_once_at_most() {
    for seed in 0..8 {
        let (api, desk, id) = jumping(Some(FaultPlan::at_rate(0.3, seed))).await;
        let org = sole_owner_org(&api);
        let file = format!("{HEADER}{}", newcomers(8, ""));
        let checked = preview(&desk, &id, org, &file).await;
        let users = desk.organisation(&id, acct(org)).users();
        // Resume until no row is left to try, as a person would.
        let mut rows = checked.rows.clone();
        for _ in 0..20 {
            if rows.is_empty() {
                break;
            }
            let Ok(report) = users.send_invitations(&rows, |_| {}).await else {
                continue;
            };
            rows = rows
                .into_iter()
                .zip(&report.results)
                .filter(|(_, r)| {
                    matches!(
                        r.outcome,
                        BulkOutcome::NotSent { .. }
                            | BulkOutcome::Unknown
                            | BulkOutcome::Refused { .. }
                    )
                })
                .map(|(row, _)| row)
                .collect();
        }
        let sent = invitations_sent(&api, org);
        assert!(sent.values().all(|n| *n == 1), "seed {seed}: {sent:?}");
        assert!(
            api.requests()
                .iter()
                .all(|r| r.error_code.as_deref()
                    != Some("invitation_already_exists_with_this_email")),
            "seed {seed}: an address already invited was sent again"
        );
        let log = desk.activity(&id).unwrap();
        assert!(
            log.iter().all(|e| e.result != AuditResult::Intent),
            "seed {seed}: every invitation ended somehow"
        );
        api.shutdown().await;
    }
}
