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
        fix: Fix::App {
            route: format!("#/users/{}", o.id),
        },
    }
}

/// People from outside the organisation who may administer it (a warning each), and
/// invitations sent more than 14 days before `now` and still pending (for information). An
/// invitation whose date is unknown is not reported: nothing is known to be wrong.
pub fn people_findings(now: i64, o: &Organisation, people: &[Person]) -> Vec<Finding> {
    let mut out = Vec::new();
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
            contact_billing: false,
            last_login_at: None,
            team_ids: Vec::new(),
            external,
            invited_at,
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
}
