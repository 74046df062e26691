//! The demo world: one person and five organisations that between them show every case the
//! app handles (relations, blocked org, unpaid orders, expiries on every side of the reminders).

use super::build::Builder;
use super::demo_plan::{ORGS, OrgPlan};
use super::model::{
    Account, DAY, InvitationStatus, Profile, Role, SUPPORT_ACCESS_DAYS, SupportAccess, Tag, World,
};
use super::names::PERSONAL_DOMAINS;

pub(crate) fn generate(seed: u64, now: i64) -> World {
    let mut b = Builder::new(seed, now);
    let me = b.person("Camille", "Rochat", "atelier-lumen.ch");
    if let Some(person) = b.people.get_mut(&me) {
        person.locale = "fr_FR".to_owned();
        person.last_login_at = Some(now - 3600);
    }
    let mut accounts: Vec<Account> = ORGS
        .iter()
        .map(|plan| organisation(&mut b, plan, me))
        .collect();
    shape_invitation_history(&mut b, &mut accounts);
    let current_account_id = accounts.first().map_or(0, |a| a.id);
    let profile = Profile {
        emails: vec![
            "camille.rochat@atelier-lumen.ch".to_owned(),
            "camille.rochat@bluewin.ch".to_owned(),
        ],
        phones: vec!["+41 79 555 12 34".to_owned()],
        otp: true,
        current_account_id,
        timezone: "Europe/Zurich",
        support: vec![
            SupportAccess {
                content: "mail",
                granted_at: Some(now - 2 * DAY),
                expires_at: Some(now - 2 * DAY + SUPPORT_ACCESS_DAYS * DAY),
            },
            SupportAccess {
                content: "kdrive",
                granted_at: None,
                expires_at: None,
            },
            SupportAccess {
                content: "kchat",
                granted_at: None,
                expires_at: None,
            },
        ],
    };
    b.finish(me, accounts, profile)
}

fn organisation(b: &mut Builder, plan: &OrgPlan, me: u64) -> Account {
    let id = b.account_id();
    let mut me_member = b.member(me, plan.my_role);
    me_member.has_billing_access = plan.my_role.manages_users();
    let mut members = vec![me_member];
    let groups = [
        (Role::Owner, plan.other_owners),
        (Role::Admin, plan.admins),
        (Role::Normal, plan.normals),
        (Role::External, plan.externals),
    ];
    let has_ksuite = plan.products.iter().any(|p| p.0 == "ksuite");
    for (role, count) in groups {
        for _ in 0..count {
            let domain = if role == Role::External {
                *b.pick(&PERSONAL_DOMAINS)
            } else {
                plan.domain
            };
            let user = b.random_person(domain);
            let mut member = b.member(user, role);
            member.in_ksuite = has_ksuite && role == Role::Normal && b.chance(0.5);
            members.push(member);
        }
    }
    // The web agency's people who administer the organisation for it.
    for member in members
        .iter_mut()
        .filter(|m| m.role == Role::Admin && m.user_id != me)
        .take(plan.partner_admins)
    {
        member.partnership_id = Some(4_300 + id % 100);
    }

    let tags: Vec<Tag> = plan
        .tags
        .iter()
        .enumerate()
        .map(|(i, name)| Tag {
            id: b.other_id(),
            name: (*name).to_owned(),
            color: 1 + i as u32,
        })
        .collect();
    let mut products: Vec<_> = plan
        .products
        .iter()
        .map(|(service, name, days, auto, flags)| b.product(service, name, *days, *auto, *flags))
        .collect();
    for (i, product) in products.iter_mut().enumerate() {
        if let Some(tag) = tags.get(i % 3) {
            product.tag_ids.push(tag.id);
        }
    }
    Builder::hang_sub_products(&mut products);

    let mut services: Vec<u32> = products.iter().map(|p| p.service_id).collect();
    services.sort_unstable();
    services.dedup();
    let others: Vec<u64> = members.iter().skip(1).map(|m| m.user_id).collect();
    let leaders: Vec<u64> = members
        .iter()
        .filter(|m| matches!(m.role, Role::Admin | Role::Normal) && m.user_id != me)
        .map(|m| m.user_id)
        .collect();
    let teams = plan
        .teams
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let leader = leaders.get(i % leaders.len().max(1)).copied().unwrap_or(me);
            let size = b.rng_range(2, 5);
            let mut team_members = b.sample(&others, size);
            if i == 0 {
                team_members.push(me);
            }
            let count = b.rng_range(1, 2);
            let team_services = b.sample(&services, count);
            b.team(name, leader, team_members, team_services)
        })
        .collect::<Vec<_>>();

    let mut invitations = Vec::new();
    for k in 0..plan.pending {
        let domain = if k % 2 == 0 {
            *b.pick(&PERSONAL_DOMAINS)
        } else {
            plan.domain
        };
        let role = if k == 0 && plan.admins > 0 {
            Role::Admin
        } else {
            Role::Normal
        };
        let mut invitation = b.pending_invitation(domain, role);
        invitation.has_mailing = k == 0;
        if let Some(team) = teams.get(k) {
            invitation.teams.push(team.id);
        }
        invitations.push(invitation);
    }

    let blocked_order_ids = if plan.waiting_payment > 0 {
        vec![b.other_id()]
    } else {
        Vec::new()
    };
    let street_no = b.rng_range(1, 60) as u32;
    Account {
        id,
        name: plan.name.to_owned(),
        legal_entity_type: "company",
        created_at: b.days_ago(700, 3000),
        locale: "fr_FR",
        timezone: "Europe/Zurich",
        currency: plan.currency,
        is_blocked: plan.blocked,
        blocked_at: plan.blocked.then(|| b.now - 3 * DAY),
        has_2fa_required: plan.two_fa,
        waiting_payment: plan.waiting_payment,
        in_process: u32::from(plan.waiting_payment > 0),
        blocked_order_ids,
        payment_method: plan.payment_method,
        partner_id: plan.partner.then(|| 4_200 + id % 100),
        tags,
        address: b.address(street_no),
        mail_domains: vec![plan.domain.to_owned()],
        members,
        invitations,
        teams,
        products,
        invoices: b.invoices(plan.invoices, plan.invoice_currencies),
        prepaid: b.prepaid(plan.prepaid, plan.currency),
        last_invitation_sent: Default::default(),
    }
}

/// Invitations that can no longer change: accepted, cancelled, rejected.
fn shape_invitation_history(b: &mut Builder, accounts: &mut [Account]) {
    if let Some(account) = accounts.first_mut() {
        let joined = account
            .members
            .iter()
            .find(|m| m.role == Role::Normal)
            .and_then(|m| b.people.get(&m.user_id))
            .cloned();
        if let Some(person) = joined {
            let mut invitation = b.invitation(
                person.email.clone(),
                &person.first_name,
                &person.last_name,
                Role::Normal,
            );
            invitation.status = InvitationStatus::Accepted;
            invitation.user_id = Some(person.id);
            account.invitations.push(invitation);
        }
    }
    if let Some(account) = accounts.get_mut(1) {
        let mut invitation = b.pending_invitation("gmx.ch", Role::Normal);
        invitation.status = InvitationStatus::Cancelled;
        account.invitations.push(invitation);
    }
    if let Some(account) = accounts.get_mut(2) {
        let mut invitation = b.pending_invitation("sunrise.ch", Role::Normal);
        invitation.status = InvitationStatus::Rejected;
        account.invitations.push(invitation);
    }
}
