//! The check-up's rules about an organisation's people, from its cached users list.

use super::{Finding, FindingKey, Fix, Severity};
use crate::organisations::Organisation;
use crate::users::{Person, Role};

const DAY: i64 = 24 * 60 * 60;
/// An invitation still pending after this long has likely been missed or forgotten.
pub const INVITATION_WATCH_SECS: i64 = 14 * DAY;

fn about(o: &Organisation, p: &Person, severity: Severity, key: FindingKey) -> Finding {
    Finding {
        severity,
        key,
        account_id: Some(o.id),
        subject: Some(format!("{} <{}>", p.name, p.email)),
        // The Users page of this very organisation.
        fix: users_page(o),
    }
}

/// How many people a finding about several names before "+N".
const NAMED: usize = 3;

fn users_page(o: &Organisation) -> Fix {
    Fix::App {
        route: format!("#/users/{}", o.id),
    }
}

/// Members the API says sign in without a second factor: one finding for the organisation,
/// naming the first few. A warning where the organisation does not require it (a stolen
/// password is enough), for information where it does (they must set one up at their next
/// sign-in). Members whose security the API did not give are not counted.
fn without_second_factor(o: &Organisation, people: &[Person]) -> Option<Finding> {
    let without: Vec<&Person> = people
        .iter()
        .filter(|p| !p.pending && p.second_factor == Some(false))
        .collect();
    if without.is_empty() {
        return None;
    }
    let mut subject: Vec<String> = without.iter().take(NAMED).map(|p| p.name.clone()).collect();
    if without.len() > NAMED {
        subject.push(format!("+{}", without.len() - NAMED));
    }
    Some(Finding {
        severity: if o.two_factor_required {
            Severity::Info
        } else {
            Severity::Warning
        },
        key: FindingKey::MembersWithoutSecondFactor,
        account_id: Some(o.id),
        subject: Some(subject.join(", ")),
        fix: users_page(o),
    })
}

/// Nobody among the members receives the billing mail: invoices and payment reminders reach
/// no one, and an unpaid product is blocked unnoticed. Said only when the members are known.
fn no_billing_contact(o: &Organisation, people: &[Person]) -> Option<Finding> {
    let mut members = people.iter().filter(|p| !p.pending).peekable();
    members.peek()?;
    if members.any(|p| p.contact_billing) {
        return None;
    }
    Some(Finding {
        severity: Severity::Warning,
        key: FindingKey::NoBillingContact,
        account_id: Some(o.id),
        subject: None,
        fix: users_page(o),
    })
}

/// People from outside the organisation who may administer it (a warning each), invitations
/// sent more than 14 days before `now` and still pending (for information), members without a
/// second factor and a missing billing contact. An invitation whose date is unknown is not
/// reported: nothing is known to be wrong.
pub fn people_findings(now: i64, o: &Organisation, people: &[Person]) -> Vec<Finding> {
    let mut out: Vec<Finding> = no_billing_contact(o, people)
        .into_iter()
        .chain(without_second_factor(o, people))
        .collect();
    for p in people {
        let manages = matches!(p.role, Role::Administrator | Role::LegalRepresentative);
        if p.external && manages && !p.pending {
            out.push(about(
                o,
                p,
                Severity::Warning,
                FindingKey::ExternalAdministrator,
            ));
        }
        if p.pending
            && p.invited_at
                .is_some_and(|at| now - at > INVITATION_WATCH_SECS)
        {
            out.push(about(
                o,
                p,
                Severity::Info,
                FindingKey::InvitationPendingLong,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checkup::rules::tests::{NOW, org};
    use infomaniak::{InvitationId, UserId};

    fn person(role: Role, external: bool, invited_at: Option<i64>) -> Person {
        let pending = invited_at.is_some();
        Person {
            key: "k".into(),
            user_id: (!pending).then_some(UserId(1)),
            invitation_id: pending.then_some(InvitationId(2)),
            name: "Noah Meier".into(),
            email: "noah@example.ch".into(),
            role,
            pending,
            billing_access: false,
            contact_products: false,
            // The billing contact, unless a test says otherwise.
            contact_billing: true,
            last_login_at: None,
            team_ids: Vec::new(),
            external,
            invited_at,
            second_factor: None,
        }
    }

    fn keys(people: &[Person]) -> Vec<FindingKey> {
        people_findings(NOW, &org(), people)
            .into_iter()
            .map(|f| f.key)
            .collect()
    }

    #[test]
    fn an_external_administrator_or_legal_representative_is_reported_and_only_them() {
        for role in [Role::Administrator, Role::LegalRepresentative] {
            assert_eq!(
                keys(&[person(role, true, None)]),
                [FindingKey::ExternalAdministrator]
            );
            assert!(keys(&[person(role, false, None)]).is_empty());
        }
        assert!(keys(&[person(Role::Collaborator, true, None)]).is_empty());
        let found = people_findings(NOW, &org(), &[person(Role::Administrator, true, None)]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].subject.as_deref(),
            Some("Noah Meier <noah@example.ch>")
        );
        assert_eq!(
            found[0].fix,
            Fix::App {
                route: "#/users/7".into()
            }
        );
    }

    #[test]
    fn an_invitation_is_reported_once_pending_for_more_than_14_days() {
        let sent = |ago: i64| person(Role::Collaborator, false, Some(NOW - ago));
        assert!(keys(&[sent(INVITATION_WATCH_SECS)]).is_empty());
        assert_eq!(
            keys(&[sent(INVITATION_WATCH_SECS + 1)]),
            [FindingKey::InvitationPendingLong]
        );
        assert!(keys(&[sent(DAY)]).is_empty());
        // A pending invitation whose date is unknown says nothing.
        let mut unknown = sent(30 * DAY);
        unknown.invited_at = None;
        assert!(keys(&[unknown]).is_empty());
    }

    #[test]
    fn members_without_a_second_factor_make_one_finding_naming_the_first_three() {
        let member = |name: &str, second: Option<bool>| {
            let mut p = person(Role::Collaborator, false, None);
            p.name = name.into();
            p.second_factor = second;
            p
        };
        let people = [
            member("Ana", Some(false)),
            member("Ben", Some(true)),
            member("Chloé", Some(false)),
            member("Dario", None),
            member("Eva", Some(false)),
            member("Finn", Some(false)),
        ];
        let found = people_findings(NOW, &org(), &people);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].key, FindingKey::MembersWithoutSecondFactor);
        assert_eq!(found[0].subject.as_deref(), Some("Ana, Chloé, Eva, +1"));
        // The organisation requires it: they must set one up at their next sign-in.
        assert_eq!(found[0].severity, Severity::Info);
        // It does not: a stolen password is enough.
        let mut lax = org();
        lax.two_factor_required = false;
        assert_eq!(
            people_findings(NOW, &lax, &people)[0].severity,
            Severity::Warning
        );
        // Unknown, set up, or only invited: nothing to say.
        assert!(keys(&[member("Dario", None), member("Ben", Some(true))]).is_empty());
        let mut invited = person(Role::Collaborator, false, Some(NOW));
        invited.second_factor = Some(false);
        assert!(keys(&[invited]).is_empty());
    }

    #[test]
    fn an_organisation_whose_members_none_receive_the_billing_mail_is_reported() {
        let mut a = person(Role::LegalRepresentative, false, None);
        a.contact_billing = false;
        let mut b = person(Role::Administrator, false, None);
        b.contact_billing = false;
        assert_eq!(
            keys(&[a.clone(), b.clone()]),
            [FindingKey::NoBillingContact]
        );
        b.contact_billing = true;
        assert!(keys(&[a.clone(), b]).is_empty());
        // A pending invitation cannot be the contact; no members known, nothing is said.
        let mut invited = person(Role::Collaborator, false, Some(NOW));
        invited.contact_billing = true;
        assert_eq!(keys(&[a, invited]), [FindingKey::NoBillingContact]);
        assert!(keys(&[]).is_empty());
    }
}
