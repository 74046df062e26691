//! Building blocks shared by the demo and the large seeds. All randomness comes from one
//! seeded generator, and every time is relative to `now`, so a seed and a clock time fix the world.

use std::collections::{BTreeMap, HashSet};

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::model::{
    Account, Address, DAY, IdGen, Invitation, InvitationStatus, Invoice, Member, Person,
    PrepaidMove, Product, Profile, Role, Team, World, service_id,
};
use super::names::{FIRST_NAMES, LAST_NAMES, slug};

/// Ids created at run time start here, above every seeded id.
const RUNTIME_IDS: u64 = 90_000_000;

/// Product states a seed can ask for.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Flags {
    pub locked: bool,
    pub maintenance: bool,
    pub in_progress: bool,
    pub trial: bool,
    pub free: bool,
    pub partner: bool,
}

#[derive(Debug)]
struct Counters {
    account: u64,
    person: u64,
    product: u64,
    team: u64,
    invitation: u64,
    invoice: u64,
    prepaid: u64,
    other: u64,
}

#[derive(Debug)]
pub(crate) struct Builder {
    pub rng: ChaCha8Rng,
    pub now: i64,
    pub people: BTreeMap<u64, Person>,
    emails: HashSet<String>,
    next: Counters,
}

impl Builder {
    pub(crate) fn new(seed: u64, now: i64) -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(seed),
            now,
            people: BTreeMap::new(),
            emails: HashSet::new(),
            next: Counters {
                account: 104_200,
                person: 1_480_000,
                product: 3_120_000,
                team: 8_400,
                invitation: 526_000,
                invoice: 7_310_000,
                prepaid: 61_000,
                other: 40_000,
            },
        }
    }

    fn step(&mut self, max: u64) -> u64 {
        self.rng.random_range(1..=max)
    }

    pub(crate) fn account_id(&mut self) -> u64 {
        self.next.account += self.step(37);
        self.next.account
    }

    /// Ids of tags, orders and the like, which nothing else refers to.
    pub(crate) fn other_id(&mut self) -> u64 {
        self.next.other += self.step(9);
        self.next.other
    }

    pub(crate) fn days_ago(&mut self, min: i64, max: i64) -> i64 {
        self.now - self.rng.random_range(min..=max) * DAY - self.rng.random_range(0..DAY)
    }

    pub(crate) fn rng_range(&mut self, min: usize, max: usize) -> usize {
        self.rng.random_range(min..=max)
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.rng.random_range(0..items.len());
        &items[index]
    }

    fn unique_email(&mut self, first: &str, last: &str, domain: &str) -> String {
        let base = format!("{}.{}", slug(first), slug(last));
        let mut email = format!("{base}@{domain}");
        let mut n = 2;
        while !self.emails.insert(email.clone()) {
            email = format!("{base}{n}@{domain}");
            n += 1;
        }
        email
    }

    pub(crate) fn person(&mut self, first: &str, last: &str, domain: &str) -> u64 {
        self.next.person += self.step(23);
        let id = self.next.person;
        let email = self.unique_email(first, last, domain);
        let locale = *self.pick(&["fr_FR", "fr_FR", "fr_FR", "de_DE", "it_IT", "en_GB"]);
        let last_login_at = if self.chance(0.9) {
            Some(self.days_ago(0, 90))
        } else {
            None
        };
        let is_sso = self.chance(0.05);
        self.people.insert(
            id,
            Person {
                id,
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                login: email.clone(),
                email,
                locale: locale.to_owned(),
                is_sso,
                is_workspace_only: false,
                last_login_at,
                // From the id, not the random stream, so every other seeded value stays as it was.
                otp: !id.is_multiple_of(3),
            },
        );
        id
    }

    pub(crate) fn random_name(&mut self) -> (&'static str, &'static str) {
        (*self.pick(&FIRST_NAMES), *self.pick(&LAST_NAMES))
    }

    pub(crate) fn random_person(&mut self, domain: &str) -> u64 {
        let (first, last) = self.random_name();
        self.person(first, last, domain)
    }

    pub(crate) fn member(&mut self, user_id: u64, role: Role) -> Member {
        let (billing, correspondent, billing_mailing) = match role {
            Role::Owner => (true, true, self.chance(0.6)),
            Role::Admin => (self.chance(0.5), self.chance(0.3), self.chance(0.3)),
            Role::Normal => (self.chance(0.2), self.chance(0.1), false),
            Role::External => (false, false, false),
        };
        let no_manager = role == Role::Normal && self.chance(0.15);
        Member {
            user_id,
            role,
            has_billing_access: billing,
            is_correspondent: correspondent,
            is_correspondent_billing: billing_mailing,
            has_no_manager_access: no_manager,
            in_ksuite: false,
            partnership_id: None,
        }
    }

    pub(crate) fn key(&mut self) -> String {
        (0..4)
            .map(|_| format!("{:08x}", self.rng.random::<u32>()))
            .collect()
    }

    pub(crate) fn invitation(
        &mut self,
        email: String,
        first: &str,
        last: &str,
        role: Role,
    ) -> Invitation {
        self.next.invitation += self.step(41);
        let sent_at = self.days_ago(1, 12);
        let locale = *self.pick(&["fr_FR", "fr_FR", "de_DE", "en_GB"]);
        Invitation {
            id: self.next.invitation,
            key: self.key(),
            email,
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            status: InvitationStatus::Pending,
            role,
            teams: Vec::new(),
            locale: locale.to_owned(),
            has_billing: false,
            has_billing_mailing: false,
            has_mailing: false,
            sent_at: Some(sent_at),
            created_at: sent_at,
            expired_at: sent_at + 30 * DAY,
            user_id: None,
            permissions: Vec::new(),
            accesses: Vec::new(),
        }
    }

    /// A pending invitation of someone who is not a user yet.
    pub(crate) fn pending_invitation(&mut self, domain: &str, role: Role) -> Invitation {
        let (first, last) = self.random_name();
        let email = self.unique_email(first, last, domain);
        self.invitation(email, first, last, role)
    }

    pub(crate) fn team(
        &mut self,
        name: &str,
        leader: u64,
        members: Vec<u64>,
        services: Vec<u32>,
    ) -> Team {
        self.next.team += self.step(13);
        let created_at = self.days_ago(60, 900);
        let mut user_ids = vec![leader];
        user_ids.extend(members.into_iter().filter(|id| *id != leader));
        user_ids.dedup();
        Team {
            id: self.next.team,
            name: name.to_owned(),
            color_id: self.rng.random_range(1..=12),
            owned_by_id: Some(leader),
            created_by_id: leader,
            created_at,
            updated_at: created_at + self.rng.random_range(0..30) * DAY,
            user_ids,
            service_ids: services,
        }
    }

    pub(crate) fn product(
        &mut self,
        service: &'static str,
        customer_name: &str,
        expires_in_days: Option<i64>,
        auto_renew: bool,
        flags: Flags,
    ) -> Product {
        self.next.product += self.step(97);
        let id = self.next.product;
        let (price_cents, periods): (i64, &[u32]) = match service {
            "domain" => (1500, &[12, 24, 36, 60, 120]),
            "hosting" => (11_880, &[12, 24, 36]),
            "email_hosting" => (3600, &[12]),
            "ksuite" => (16_800, &[1, 12]),
            "certificate" => (4900, &[12]),
            "drive" => (5900, &[1, 12]),
            "swiss_backup" => (4500, &[12]),
            _ => (0, &[]),
        };
        let expired_at =
            expires_in_days.map(|days| self.now + days * DAY + self.rng.random_range(0..3600));
        Product {
            id,
            service_id: service_id(service),
            service_name: service,
            customer_name: customer_name.to_owned(),
            internal_name: format!("{}-{id}", service.replace('_', "-")),
            description: String::new(),
            created_at: self.days_ago(200, 2500),
            expired_at,
            is_locked: flags.locked,
            has_maintenance: flags.maintenance,
            has_operation_in_progress: flags.in_progress,
            is_trial: flags.trial,
            is_free: flags.free || price_cents == 0,
            tag_ids: Vec::new(),
            bill_reference: format!("BR-{id}"),
            is_managed_by_partner: flags.partner,
            auto_renew,
            price_cents: if flags.free { 0 } else { price_cents },
            periods: periods.to_vec(),
            parent_id: None,
        }
    }

    /// Hangs every certificate under the organisation's first hosting, as the API shows the
    /// certificate of a hosted site (`parent_id`, `parent_service_name`).
    pub(crate) fn hang_sub_products(products: &mut [Product]) {
        let Some(hosting) = products
            .iter()
            .find(|p| p.service_name == "hosting")
            .map(|p| p.id)
        else {
            return;
        };
        for product in products
            .iter_mut()
            .filter(|p| p.service_name == "certificate")
        {
            product.parent_id = Some(hosting);
        }
    }

    /// Invoices over this year and the last, the most recent one unpaid.
    pub(crate) fn invoices(&mut self, count: usize, currencies: &[&'static str]) -> Vec<Invoice> {
        let mut dates: Vec<i64> = (0..count).map(|_| self.days_ago(0, 540)).collect();
        dates.sort_unstable();
        let last = dates.len().saturating_sub(1);
        dates
            .into_iter()
            .enumerate()
            .map(|(i, created_at)| {
                self.next.invoice += self.step(400);
                let id = self.next.invoice;
                let recent = self.now - created_at < 45 * DAY;
                let unpaid = i == last || (recent && self.chance(0.5));
                let credit_note = !unpaid && self.chance(0.08);
                let amount_cents = self.rng.random_range(1_200..98_000);
                let currency = currencies[self.rng.random_range(0..currencies.len())];
                Invoice {
                    id,
                    kind: if credit_note {
                        "credit_note"
                    } else {
                        "invoice"
                    },
                    status: if unpaid { "unpaid" } else { "paid" },
                    amount_cents: if credit_note {
                        -amount_cents / 4
                    } else {
                        amount_cents
                    },
                    currency,
                    created_at,
                    due_at: created_at + 30 * DAY,
                    reference: format!("F{}-{id}", year_of(created_at)),
                }
            })
            .collect()
    }

    /// Deposits and payments from a prepaid account; the latest deposit is still pending.
    pub(crate) fn prepaid(&mut self, count: usize, currency: &'static str) -> Vec<PrepaidMove> {
        let mut dates: Vec<i64> = (0..count).map(|_| self.days_ago(0, 400)).collect();
        dates.sort_unstable();
        let last = dates.len().saturating_sub(1);
        dates
            .into_iter()
            .enumerate()
            .map(|(i, created_at)| {
                self.next.prepaid += self.step(30);
                let deposit = i == 0 || i == last || self.chance(0.3);
                let (amount_cents, description) = if deposit {
                    (self.rng.random_range(5_000..50_000), "Deposit")
                } else {
                    (-self.rng.random_range(1_000..20_000), "Payment of an order")
                };
                PrepaidMove {
                    id: self.next.prepaid,
                    amount_cents,
                    currency,
                    status: if i == last { "pending" } else { "payed" },
                    created_at,
                    description: description.to_owned(),
                }
            })
            .collect()
    }

    pub(crate) fn address(&mut self, street_no: u32) -> Address {
        let (zipcode, city) = *self.pick(&super::names::CITIES);
        let street = *self.pick(&super::names::STREETS);
        Address {
            street: format!("{street} {street_no}"),
            zipcode: zipcode.to_owned(),
            city: city.to_owned(),
            country: "CH",
        }
    }

    /// Up to `count` distinct elements of `items`, in a seeded order.
    pub(crate) fn sample<T: Copy>(&mut self, items: &[T], count: usize) -> Vec<T> {
        items
            .choose_multiple(&mut self.rng, count)
            .copied()
            .collect()
    }

    pub(crate) fn finish(self, me: u64, accounts: Vec<Account>, profile: Profile) -> World {
        World {
            me,
            people: self.people,
            accounts: accounts.into_iter().map(|a| (a.id, a)).collect(),
            profile,
            ids: IdGen { next: RUNTIME_IDS },
        }
    }
}

/// The calendar year of a Unix time (proleptic Gregorian, UTC).
pub(crate) fn year_of(unix: i64) -> i64 {
    // Howard Hinnant's days-to-civil algorithm.
    let z = unix.div_euclid(DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

#[cfg(test)]
mod tests {
    use super::year_of;

    #[test]
    fn years_from_unix_times() {
        assert_eq!(year_of(0), 1970);
        assert_eq!(year_of(1_704_067_199), 2023);
        assert_eq!(year_of(1_704_067_200), 2024);
        assert_eq!(year_of(1_767_225_600), 2026);
    }
}
