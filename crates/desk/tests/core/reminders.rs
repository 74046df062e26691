//! The reminder schedule over a simulated year with fixed instants: one reminder per lead time,
//! renewals starting them over, a catch-up digest after a gap, quiet hours and mutes; and the
//! ledger in the store surviving a restart.

use desk::products::{CachedProduct, CachedRenewal, OrgRenewals, RenewalsState};
use desk::reminders::{
    LedgerKey, Notification, Portfolio, QuietHours, Reminder, ReminderKind, ReminderSettings, due,
};
use desk::{Desk, DeskConfig, ProfileId};
use infomaniak::AccountId;
use std::collections::{BTreeMap, HashSet};

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;
/// 2026-01-01 00:00 UTC.
const T0: i64 = 1_767_225_600;

fn product(id: u64, account: u64, expires_at: Option<i64>) -> CachedProduct {
    CachedProduct {
        id,
        account_id: Some(AccountId(account)),
        service: "domain".into(),
        name: format!("product-{id}"),
        expires_at,
        ..CachedProduct::default()
    }
}

fn renewal(account: u64, product_id: u64, expires_at: i64, auto_renew: bool) -> OrgRenewals {
    OrgRenewals {
        account_id: AccountId(account),
        state: RenewalsState::Known,
        items: vec![CachedRenewal {
            product_id,
            expires_at: Some(expires_at),
            auto_renew,
            ..CachedRenewal::default()
        }],
    }
}

/// A clock, a ledger and every notification delivered, with the instant it was delivered at.
struct Sim {
    products: Vec<CachedProduct>,
    renewals: Vec<OrgRenewals>,
    settings: ReminderSettings,
    offset: i32,
    ledger: HashSet<LedgerKey>,
    last_run: Option<i64>,
    sent: Vec<(i64, Notification)>,
}

impl Sim {
    fn new(products: Vec<CachedProduct>, renewals: Vec<OrgRenewals>) -> Self {
        Self {
            products,
            renewals,
            settings: ReminderSettings::default(),
            offset: 0,
            ledger: HashSet::new(),
            last_run: None,
            sent: Vec::new(),
        }
    }

    fn check(&mut self, now: i64) -> Vec<Notification> {
        let names = BTreeMap::from([(AccountId(1), "Rochat & Fils".to_owned())]);
        let portfolio = Portfolio {
            products: &self.products,
            renewals: &self.renewals,
            organisation_names: &names,
        };
        let out = due(
            now,
            self.offset,
            &portfolio,
            &self.settings,
            &self.ledger,
            self.last_run,
        );
        for n in &out {
            self.ledger.extend(n.reminders().iter().map(Reminder::key));
            self.sent.push((now, n.clone()));
        }
        self.last_run = Some(now);
        out
    }

    fn run(&mut self, from: i64, to: i64, step: i64) {
        let mut now = from;
        while now < to {
            self.check(now);
            now += step;
        }
    }

    /// Every reminder delivered, with its delivery instant.
    fn reminders(&self) -> Vec<(i64, Reminder)> {
        self.sent
            .iter()
            .flat_map(|(at, n)| n.reminders().iter().map(|r| (*at, r.clone())))
            .collect()
    }

    fn leads_of(&self, product_id: u64) -> Vec<u16> {
        self.reminders()
            .iter()
            .filter(|(_, r)| r.product_id == product_id)
            .map(|(_, r)| r.lead_days)
            .collect()
    }
}

fn year_of_two_products() -> Sim {
    let a_expiry = T0 + 100 * DAY + 9 * HOUR;
    let b_expiry = T0 + 200 * DAY + 15 * HOUR;
    Sim::new(
        vec![
            product(1, 1, Some(a_expiry)),
            product(2, 2, Some(b_expiry)),
            product(3, 1, None),
        ],
        vec![renewal(1, 1, a_expiry, true)],
    )
}

#[test]
fn stepping_hour_by_hour_each_product_gets_exactly_one_reminder_per_lead_time() {
    let mut sim = year_of_two_products();
    sim.run(T0, T0 + 365 * DAY, HOUR);

    assert_eq!(sim.leads_of(1), vec![30, 14, 7, 1, 0]);
    assert_eq!(sim.leads_of(2), vec![30, 14, 7, 1, 0]);
    assert!(sim.leads_of(3).is_empty(), "a product that never expires");
    for (at, r) in sim.reminders() {
        let threshold = r.expires_at - i64::from(r.lead_days) * DAY;
        assert!((threshold..threshold + HOUR).contains(&at), "{r:?} at {at}");
        let expected = match (r.lead_days, r.product_id) {
            (0, _) => ReminderKind::ExpiresToday,
            (14, 1) => ReminderKind::FirstPaymentToday,
            (14, _) => ReminderKind::RenewManually,
            _ => ReminderKind::Upcoming,
        };
        assert_eq!(r.kind, expected, "{r:?}");
    }
    let a = sim
        .reminders()
        .into_iter()
        .find(|(_, r)| r.product_id == 1)
        .unwrap()
        .1;
    assert_eq!(a.organisation.as_deref(), Some("Rochat & Fils"));
    assert!(a.renewal_page.unwrap().contains("/1/"));
}

#[test]
fn stepping_day_by_day_gives_the_same_reminders() {
    let mut sim = year_of_two_products();
    sim.run(T0, T0 + 365 * DAY, DAY);
    assert_eq!(sim.leads_of(1), vec![30, 14, 7, 1, 0]);
    assert_eq!(sim.leads_of(2), vec![30, 14, 7, 1, 0]);
}

#[test]
fn products_due_at_the_same_instant_make_one_digest() {
    let expiry = T0 + 40 * DAY;
    let mut sim = Sim::new(
        vec![product(1, 1, Some(expiry)), product(2, 1, Some(expiry))],
        Vec::new(),
    );
    sim.run(T0, T0 + 60 * DAY, HOUR);
    assert_eq!(sim.sent.len(), 5);
    for (_, n) in &sim.sent {
        let Notification::Digest {
            reminders,
            catch_up,
        } = n
        else {
            panic!("expected a digest: {n:?}");
        };
        assert_eq!(reminders.len(), 2);
        assert!(!catch_up);
    }
}

#[test]
fn a_renewal_moving_the_expiry_starts_the_reminders_over() {
    let first = T0 + 60 * DAY;
    let renewed = first + 365 * DAY;
    let mut sim = Sim::new(
        vec![product(1, 1, Some(first))],
        vec![renewal(1, 1, first, false)],
    );
    // Renewed manually three days before expiry, after the 7-day reminder.
    sim.run(T0, first - 3 * DAY, HOUR);
    assert_eq!(sim.leads_of(1), vec![30, 14, 7]);
    sim.renewals = vec![renewal(1, 1, renewed, true)];
    sim.run(first - 3 * DAY, renewed + 30 * DAY, HOUR);

    let expiries: Vec<(i64, u16)> = sim
        .reminders()
        .iter()
        .map(|(_, r)| (r.expires_at, r.lead_days))
        .collect();
    assert_eq!(
        expiries,
        vec![
            (first, 30),
            (first, 14),
            (first, 7),
            (renewed, 30),
            (renewed, 14),
            (renewed, 7),
            (renewed, 1),
            (renewed, 0),
        ]
    );
    let kinds: Vec<ReminderKind> = sim.reminders().iter().map(|(_, r)| r.kind).collect();
    assert_eq!(kinds[1], ReminderKind::RenewManually);
    assert_eq!(kinds[4], ReminderKind::FirstPaymentToday);
}

#[test]
fn a_three_day_gap_is_caught_up_once_as_one_digest() {
    let gap_start = T0 + 50 * DAY;
    let soon = gap_start + 2 * DAY + 12 * HOUR; // its 1-day and 0-day fall inside the gap
    let later = gap_start + 10 * DAY; // its 7-day falls inside the gap
    let mut sim = Sim::new(
        vec![product(1, 1, Some(soon)), product(2, 1, Some(later))],
        Vec::new(),
    );
    sim.run(T0, gap_start + HOUR, HOUR);
    let before = sim.sent.len();
    let back = gap_start + 3 * DAY + 5 * HOUR;
    let caught = sim.check(back);
    assert_eq!(caught.len(), 1);
    let Notification::Digest {
        reminders,
        catch_up,
    } = &caught[0]
    else {
        panic!("expected a digest: {caught:?}");
    };
    assert!(catch_up);
    let got: Vec<(u64, u16)> = reminders
        .iter()
        .map(|r| (r.product_id, r.lead_days))
        .collect();
    // Only the nearest lead time of each: the 1-day reminder of the first is behind it for good.
    assert_eq!(got, vec![(1, 0), (2, 7)]);
    assert_eq!(sim.sent.len(), before + 1);
    sim.run(back + HOUR, T0 + 365 * DAY, HOUR);
    assert_eq!(sim.leads_of(1), vec![30, 14, 7, 0]);
    assert_eq!(sim.leads_of(2), vec![30, 14, 7, 1, 0]);
}

#[test]
fn quiet_hours_defer_reminders_to_their_end_in_local_time() {
    // 23:30 local at UTC+1: inside quiet hours 22:00–07:00.
    let expiry = T0 + 120 * DAY + 22 * HOUR + 30 * 60;
    let mut sim = Sim::new(vec![product(1, 1, Some(expiry))], Vec::new());
    sim.offset = 3600;
    sim.settings
        .set_quiet_hours(Some(QuietHours {
            start_minute: 22 * 60,
            end_minute: 7 * 60,
        }))
        .unwrap();
    sim.run(T0, T0 + 365 * DAY, HOUR);
    assert_eq!(sim.leads_of(1), vec![30, 14, 7, 1, 0]);
    for (at, r) in sim.reminders() {
        let local_hour = (at + 3600).rem_euclid(DAY) / HOUR;
        assert_eq!(local_hour, 7, "delivered when quiet hours end: {r:?}");
        let threshold = r.expires_at - i64::from(r.lead_days) * DAY;
        assert!(at > threshold && at - threshold < 8 * HOUR);
    }
}

#[test]
fn muted_products_and_organisations_stay_silent() {
    let mut sim = Sim::new(
        vec![
            product(1, 1, Some(T0 + 100 * DAY)),
            product(2, 2, Some(T0 + 100 * DAY)),
            product(3, 3, Some(T0 + 100 * DAY)),
        ],
        Vec::new(),
    );
    sim.settings.muted_products.insert(1);
    sim.settings.muted_accounts.insert(AccountId(2));
    sim.run(T0, T0 + 365 * DAY, HOUR);
    assert!(sim.leads_of(1).is_empty());
    assert!(sim.leads_of(2).is_empty());
    assert_eq!(sim.leads_of(3), vec![30, 14, 7, 1, 0]);
}

#[test]
fn custom_lead_times_are_the_only_ones_sent() {
    let mut sim = year_of_two_products();
    sim.settings = ReminderSettings::with_lead_days([90, 3, 3]).unwrap();
    sim.run(T0, T0 + 365 * DAY, HOUR);
    assert_eq!(sim.leads_of(1), vec![90, 3]);
    assert_eq!(sim.leads_of(2), vec![90, 3]);
}

#[test]
fn a_second_desk_on_the_same_store_does_not_repeat_reminders() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.sqlite");
    let profile = ProfileId::new("user-1");
    let expiry = T0 + 10 * DAY;
    let open = || {
        Desk::open(DeskConfig {
            store_path: Some(path.clone()),
            ..DeskConfig::in_memory()
        })
        .unwrap()
    };
    let keys_of = |ns: &[Notification]| -> Vec<(u64, u16)> {
        ns.iter()
            .flat_map(|n| n.reminders().iter().map(|r| (r.product_id, r.lead_days)))
            .collect()
    };

    let first = open();
    first
        .store()
        .put_cached(
            &profile,
            "products",
            "",
            &vec![product(1, 1, Some(expiry))],
            T0,
        )
        .unwrap();
    first
        .set_reminder_settings(&ReminderSettings::with_lead_days([14, 7]).unwrap())
        .unwrap();
    assert_eq!(
        keys_of(&first.due_reminders(&profile, T0, 0).unwrap()),
        vec![(1, 14)]
    );
    assert!(
        first
            .due_reminders(&profile, T0 + HOUR, 0)
            .unwrap()
            .is_empty()
    );
    drop(first);

    let second = open();
    assert_eq!(second.reminder_settings().unwrap().lead_days(), &[14, 7]);
    assert!(
        second
            .due_reminders(&profile, T0 + 2 * HOUR, 0)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        keys_of(&second.due_reminders(&profile, expiry - 7 * DAY, 0).unwrap()),
        vec![(1, 7)]
    );
    assert!(
        second
            .due_reminders(&profile, expiry - 6 * DAY, 0)
            .unwrap()
            .is_empty()
    );
    // Another profile has its own ledger.
    let other = ProfileId::new("user-2");
    second
        .store()
        .put_cached(
            &other,
            "products",
            "",
            &vec![product(1, 1, Some(expiry))],
            T0,
        )
        .unwrap();
    assert_eq!(
        keys_of(&second.due_reminders(&other, T0, 0).unwrap()),
        vec![(1, 14)]
    );
}
