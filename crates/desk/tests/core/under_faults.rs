//! A whole working session through the core against a local API that fails a fifth of the time
//! (server errors, dropped connections, cut answers, 429 bursts), for many seeds: no panic, no
//! change applied twice, the activity log agrees with what reached the API, and after a final sync
//! the cache shows the API's world.

use desk::activity::AuditResult;
use desk::support_access::SupportContent;
use desk::sync::Area;
use desk::{Desk, DeskConfig, ProfileId};
use futures::future::BoxFuture;
use infomaniak::{AccountId, ApiToken, ProductId};
use sandbox::{FaultPlan, Sandbox, SandboxConfig, tokens};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const SEEDS: u64 = 20;
const ACTIONS: usize = 200;

/// Time that passes only when someone waits, and then at once: the budget's holds and the
/// retries' pauses cost the test nothing, in the order they would have happened.
#[derive(Debug, Default)]
pub struct JumpClock(Mutex<Duration>);

impl infomaniak::Clock for JumpClock {
    fn now(&self) -> Duration {
        *self.0.lock().unwrap()
    }
    fn sleep(&self, d: Duration) -> BoxFuture<'static, ()> {
        *self.0.lock().unwrap() += d;
        Box::pin(tokio::task::yield_now())
    }
}

/// A tiny seeded generator: the same seed, the same session.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap()
    }
}

async fn signed_in(api: &Sandbox) -> (Arc<Desk>, ProfileId) {
    let desk = Desk::open(DeskConfig {
        api_base: api.base_url(),
        api_clock: Some(Arc::new(JumpClock::default())),
        ..DeskConfig::in_memory()
    })
    .unwrap();
    for _ in 0..50 {
        if let Ok(outcome) = desk.sign_in(ApiToken::new(tokens::DEMO), false).await {
            return (desk, outcome.profile.id);
        }
    }
    panic!("could not sign in through the faults")
}

/// One action of a person at work; its outcome may be anything but a panic.
async fn act(desk: &Arc<Desk>, id: &ProfileId, org: AccountId, dice: &mut Dice, step: usize) {
    let o = desk.organisation(id, org);
    match dice.below(10) {
        0 => drop(o.users().list().await),
        1 => drop(o.teams().list().await),
        2 => drop(desk.products(id).await),
        3 => drop(o.teams().create(&format!("Team {step}"), None).await),
        4 => {
            if let Ok(teams) = o.teams().list().await
                && let Some(t) = teams.items.get(dice.below(teams.items.len()))
            {
                let change = desk::teams::TeamChange {
                    name: Some(format!("Renamed {step}")),
                    ..Default::default()
                };
                drop(o.teams().update(t.id, change).await);
            }
        }
        5 => {
            let (teams, users) = (o.teams().list().await, o.users().list().await);
            if let (Ok(teams), Ok(users)) = (teams, users) {
                let team = teams.items.get(dice.below(teams.items.len()));
                let member = users
                    .items
                    .iter()
                    .filter(|p| !p.pending)
                    .nth(dice.below(users.items.len()));
                if let (Some(t), Some(user)) = (team, member.and_then(|p| p.user_id)) {
                    let inside = member.is_some_and(|p| p.team_ids.contains(&t.id));
                    let teams = o.teams();
                    drop(if inside {
                        teams.remove_members(t.id, &[user]).await
                    } else {
                        teams.add_members(t.id, &[user]).await
                    });
                }
            }
        }
        6 => {
            let form = desk::users::InviteForm {
                email: format!("guest{step}@example.ch"),
                first_name: "Guest".into(),
                last_name: format!("{step}"),
                locale: "fr_FR".into(),
                role: desk::users::Role::Collaborator,
                billing_access: false,
                contact_billing: false,
                contact_products: false,
                team_ids: Vec::new(),
                silent: true,
                strict: false,
                product_access: Vec::new(),
            };
            drop(o.users().invite(form).await);
        }
        7 => {
            if let Ok(users) = o.users().list().await {
                let pending: Vec<_> = users.items.iter().filter_map(|p| p.invitation_id).collect();
                if let Some(invitation) = pending.get(dice.below(pending.len())) {
                    drop(o.users().cancel_invitation(*invitation).await);
                }
            }
        }
        8 => {
            if let Ok(view) = desk.products(id).await
                && let Some(p) = view.items.get(dice.below(view.items.len()))
            {
                let on = p.auto_renew != Some(true);
                drop(desk.set_auto_renew(id, &[ProductId(p.id)], on).await);
            }
        }
        _ => {
            let content = [
                SupportContent::Mail,
                SupportContent::Kdrive,
                SupportContent::Kchat,
            ][dice.below(3)];
            drop(
                desk.set_support_access(id, content, dice.below(2) == 0)
                    .await,
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_session_under_faults_says_what_happened_and_never_changes_twice() {
    for seed in 0..SEEDS {
        let api = Sandbox::start(SandboxConfig {
            faults: Some(FaultPlan::at_rate(0.2, seed)),
            rate_limit_per_minute: 1_000_000,
            ..SandboxConfig::demo()
        })
        .await
        .unwrap();
        let org = AccountId(
            api.world()
                .organisations
                .iter()
                .find(|o| o.relation == "owner")
                .unwrap()
                .id,
        );
        let (desk, id) = signed_in(&api).await;
        let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        for step in 0..ACTIONS {
            act(&desk, &id, org, &mut dice, step).await;
        }

        // The activity log agrees with what reached the API: every change answered in full is
        // `done` without a read-back (or refused item by item in its answer), and nothing else.
        let log = desk.activity(&id).unwrap();
        let answered = api
            .requests()
            .iter()
            .filter(|r| r.method != "GET" && (200..300).contains(&r.status) && r.fault.is_none())
            .count();
        // A switch of automatic renewal answered in full may still refuse some products: it is
        // then `failed` with the app's code, not the API's.
        let done_directly = log
            .iter()
            .filter(|e| {
                (e.result == AuditResult::Done && e.error_code.is_none())
                    || (e.result == AuditResult::Failed
                        && e.action.starts_with("auto_renew")
                        && e.error_code.as_deref() == Some("Validation"))
            })
            .count();
        let lines: Vec<(&str, AuditResult, Option<&str>)> = log
            .iter()
            .map(|e| (e.action.as_str(), e.result, e.error_code.as_deref()))
            .collect();
        let sent: Vec<(String, String, u16, Option<String>)> = api
            .requests()
            .into_iter()
            .filter(|r| r.method != "GET")
            .map(|r| (r.method, r.path, r.status, r.fault))
            .collect();
        assert_eq!(
            done_directly, answered,
            "seed {seed}: the log {lines:#?} against what was sent {sent:#?}"
        );
        assert!(
            log.iter().all(|e| e.result != AuditResult::Intent),
            "seed {seed}: every change ended somehow"
        );

        // A final sync, repeated until it gets through the faults, shows the API's world.
        for area in [Area::Users, Area::Teams] {
            let mut synced = false;
            for _ in 0..50 {
                if desk
                    .refresh_for_account(&id, area, &org.to_string())
                    .await
                    .is_ok()
                {
                    synced = true;
                    break;
                }
            }
            assert!(synced, "seed {seed}: {area:?} never synced");
        }
        let world = api.world();
        let mine = world.organisations.iter().find(|o| o.id == org.0).unwrap();
        let teams = desk
            .organisation(&id, org)
            .teams()
            .list()
            .await
            .unwrap()
            .items;
        let cached_teams: BTreeSet<u64> = teams.iter().map(|t| t.id.0).collect();
        assert_eq!(
            cached_teams,
            mine.team_ids.iter().copied().collect(),
            "seed {seed}"
        );
        let users = desk
            .organisation(&id, org)
            .users()
            .list()
            .await
            .unwrap()
            .items;
        let cached_invitations: BTreeSet<u64> = users
            .iter()
            .filter_map(|p| p.invitation_id)
            .map(|i| i.0)
            .collect();
        assert_eq!(
            cached_invitations,
            mine.pending_invitation_ids.iter().copied().collect(),
            "seed {seed}"
        );

        // No change applied twice: no two teams of one name, no two invitations to one address.
        let mut names: HashMap<&str, usize> = HashMap::new();
        for t in &teams {
            *names.entry(t.name.as_str()).or_default() += 1;
        }
        assert!(names.values().all(|n| *n == 1), "seed {seed}: {names:?}");
        let mut addresses: HashMap<&str, usize> = HashMap::new();
        for p in users.iter().filter(|p| p.pending) {
            *addresses.entry(p.email.as_str()).or_default() += 1;
        }
        assert!(
            addresses.values().all(|n| *n == 1),
            "seed {seed}: {addresses:?}"
        );
        api.shutdown().await;
    }
}
