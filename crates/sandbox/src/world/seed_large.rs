//! Large worlds for benchmarks: `n` organisations of 200 users and 40 products each; one
//! organisation of `n` people; a reseller's 500 organisations of 100 people and 40 products each.

use std::collections::HashSet;

use super::build::{Builder, Flags};
use super::model::{Account, Profile, Role, SUPPORT_CONTENTS, SupportAccess, Tag, World};
use super::names::{
    CITIES, LAST_NAMES, LEGAL_SUFFIXES, PERSONAL_DOMAINS, TEAM_NAMES, TRADES, slug,
};

pub(crate) const USERS_PER_ORG: usize = 200;
pub(crate) const PRODUCTS_PER_ORG: usize = 40;
const TEAMS_PER_ORG: usize = 8;
const PENDING_PER_ORG: usize = 5;
const INVOICES_PER_ORG: usize = 24;
const PREPAID_PER_ORG: usize = 10;
/// The reseller's world: 500 organisations, 50,000 people, 20,000 products.
pub(crate) const RESELLER_ORGANISATIONS: u32 = 500;
pub(crate) const RESELLER_PEOPLE_PER_ORG: usize = 100;
/// Random picks of a trade and a family before a town is added to the name: 12 trades × 40
/// families give 480 names, fewer than a reseller's organisations.
const NAME_TRIES: usize = 20;

/// Services weighted roughly as organisations hold them.
const SERVICE_MIX: [&str; 20] = [
    "domain",
    "domain",
    "domain",
    "domain",
    "domain",
    "domain",
    "email_hosting",
    "email_hosting",
    "email_hosting",
    "hosting",
    "hosting",
    "hosting",
    "drive",
    "drive",
    "ksuite",
    "ksuite",
    "certificate",
    "certificate",
    "swiss_backup",
    "public_cloud",
];

/// How many members and pending invitations an organisation gets.
#[derive(Clone, Copy)]
struct Headcount {
    members: usize,
    pending: usize,
}

pub(crate) fn generate(organisations: u32, seed: u64, now: i64) -> World {
    let headcount = Headcount {
        members: USERS_PER_ORG,
        pending: PENDING_PER_ORG,
    };
    many_organisations(organisations, headcount, seed, now)
}

/// A reseller's world: 500 client organisations of 100 people each (95 members, 5 pending
/// invitations) and 40 products each, Camille their legal representative or administrator.
pub(crate) fn reseller(seed: u64, now: i64) -> World {
    let headcount = Headcount {
        members: RESELLER_PEOPLE_PER_ORG - PENDING_PER_ORG,
        pending: PENDING_PER_ORG,
    };
    many_organisations(RESELLER_ORGANISATIONS, headcount, seed, now)
}

fn many_organisations(organisations: u32, headcount: Headcount, seed: u64, now: i64) -> World {
    let mut b = Builder::new(seed, now);
    let me = b.person("Camille", "Rochat", "ikdesk-demo.ch");
    let mut names = HashSet::new();
    let accounts: Vec<Account> = (0..organisations)
        .map(|i| {
            let (name, domain) = unique_name(&mut b, &mut names);
            let my_role = if i % 3 == 2 { Role::Admin } else { Role::Owner };
            organisation(&mut b, &name, &domain, my_role, me, headcount)
        })
        .collect();
    finish(b, me, accounts)
}

/// One organisation of `people` people, Camille its legal representative; one in a hundred is
/// a pending invitation. Built like the organisations of [`generate`], only bigger.
pub(crate) fn one_organisation(people: u32, seed: u64, now: i64) -> World {
    let mut b = Builder::new(seed, now);
    let me = b.person("Camille", "Rochat", "ikdesk-demo.ch");
    let people = people as usize;
    let pending = people / 100;
    // Teams draw leaders from the first members: keep enough of them whatever `people` is.
    let headcount = Headcount {
        members: (people - pending).max(TEAMS_PER_ORG + 2),
        pending,
    };
    let (name, domain) = unique_name(&mut b, &mut HashSet::new());
    let account = organisation(&mut b, &name, &domain, Role::Owner, me, headcount);
    finish(b, me, vec![account])
}

fn finish(b: Builder, me: u64, accounts: Vec<Account>) -> World {
    let profile = Profile {
        emails: vec!["camille.rochat@ikdesk-demo.ch".to_owned()],
        phones: Vec::new(),
        otp: false,
        current_account_id: accounts.first().map_or(0, |a| a.id),
        timezone: "Europe/Zurich",
        support: SUPPORT_CONTENTS
            .into_iter()
            .map(|content| SupportAccess {
                content,
                granted_at: None,
                expires_at: None,
            })
            .collect(),
    };
    b.finish(me, accounts, profile)
}

fn unique_name(b: &mut Builder, taken: &mut HashSet<String>) -> (String, String) {
    let mut tries = 0;
    loop {
        let trade = *b.pick(&TRADES);
        let family = *b.pick(&LAST_NAMES);
        let suffix = *b.pick(&LEGAL_SUFFIXES);
        let base = if tries < NAME_TRIES {
            format!("{trade} {family}")
        } else {
            format!("{trade} {family} {}", b.pick(&CITIES).1)
        };
        if taken.insert(base.clone()) {
            let domain = format!("{}.ch", slug(&base));
            return (format!("{base} {suffix}"), domain);
        }
        tries += 1;
    }
}

fn organisation(
    b: &mut Builder,
    name: &str,
    domain: &str,
    my_role: Role,
    me: u64,
    headcount: Headcount,
) -> Account {
    let id = b.account_id();
    let mut members = vec![b.member(me, my_role)];
    for k in 1..headcount.members {
        let role = match k {
            1 => Role::Owner,
            2..=9 => Role::Admin,
            10..=19 => Role::External,
            _ => Role::Normal,
        };
        let user_domain = if role == Role::External {
            *b.pick(&PERSONAL_DOMAINS)
        } else {
            domain
        };
        let user = b.random_person(user_domain);
        members.push(b.member(user, role));
    }
    let tag = Tag {
        id: b.other_id(),
        name: "Clients".to_owned(),
        color: 1,
    };
    let mut products: Vec<_> = (0..PRODUCTS_PER_ORG)
        .map(|k| {
            let service = *b.pick(&SERVICE_MIX);
            let days = if b.chance(0.1) {
                None
            } else {
                Some(b.rng_range(0, 430) as i64 - 30)
            };
            let flags = Flags {
                locked: b.chance(0.02),
                maintenance: b.chance(0.02),
                trial: b.chance(0.03),
                ..Flags::default()
            };
            let auto_renew = b.chance(0.6);
            let customer_name = if service == "domain" {
                format!("{}-{k}.ch", domain.trim_end_matches(".ch"))
            } else {
                format!("{} {k}", service.replace('_', " "))
            };
            let mut product = b.product(service, &customer_name, days, auto_renew, flags);
            if k % 4 == 0 {
                product.tag_ids.push(tag.id);
            }
            product
        })
        .collect();
    Builder::hang_sub_products(&mut products);
    let mut services: Vec<u32> = products.iter().map(|p| p.service_id).collect();
    services.sort_unstable();
    services.dedup();
    let ids: Vec<u64> = members.iter().map(|m| m.user_id).collect();
    let teams = (0..TEAMS_PER_ORG)
        .map(|k| {
            let leader = ids[2 + k];
            let size = b.rng_range(10, 25);
            let team_members = b.sample(&ids, size);
            let team_services = b.sample(&services, 2);
            b.team(
                TEAM_NAMES[k % TEAM_NAMES.len()],
                leader,
                team_members,
                team_services,
            )
        })
        .collect();
    let invitations = (0..headcount.pending)
        .map(|_| {
            let domain = *b.pick(&PERSONAL_DOMAINS);
            b.pending_invitation(domain, Role::Normal)
        })
        .collect();
    let street_no = b.rng_range(1, 80) as u32;
    Account {
        id,
        name: name.to_owned(),
        legal_entity_type: "company",
        created_at: b.days_ago(400, 4000),
        locale: "fr_FR",
        timezone: "Europe/Zurich",
        currency: "CHF",
        is_blocked: false,
        blocked_at: None,
        has_2fa_required: b.chance(0.2),
        waiting_payment: 0,
        in_process: 0,
        blocked_order_ids: Vec::new(),
        payment_method: Some("card"),
        partner_id: None,
        tags: vec![tag],
        address: b.address(street_no),
        mail_domains: vec![domain.to_owned()],
        members,
        invitations,
        teams,
        products,
        invoices: b.invoices(INVOICES_PER_ORG, &["CHF", "CHF", "EUR"]),
        prepaid: b.prepaid(PREPAID_PER_ORG, "CHF"),
        last_invitation_sent: Default::default(),
    }
}
