//! The organisation's rules about people, checked before any request (API document §6):
//! only a legal representative may appoint another; the last legal representative can be neither
//! removed, demoted nor leave; only legal representatives and administrators manage people.

use crate::organisations::Relation;
use crate::users::{Person, Role};
use infomaniak::UserId;

/// Why the app refuses before sending anything.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The signed-in person is neither legal representative nor administrator here.
    #[error(
        "only a legal representative or an administrator can manage the people of this organisation"
    )]
    NotAnAdministrator,
    /// Making someone legal representative takes a legal representative.
    #[error("only a legal representative can appoint another legal representative")]
    OnlyLegalRepresentativeAppoints,
    /// The change would leave the organisation without a legal representative.
    #[error("{0} is the last legal representative: appoint another one first{suggestion}", suggestion = candidates_sentence(.1))]
    LastLegalRepresentative(String, Vec<String>),
    /// The person is not (or no longer) in the list.
    #[error("this person is no longer in the organisation's list; refresh it")]
    UnknownPerson,
    /// Adding people who are already in the team.
    #[error("already in the team: {}", .0.join(", "))]
    AlreadyInTeam(Vec<String>),
    /// Removing people who are not in the team.
    #[error("not in the team: {}", .0.join(", "))]
    NotInTeam(Vec<String>),
    /// Another team of the organisation already has this name: two would be told apart by
    /// nobody, and a create whose answer was lost could not be read back.
    #[error("the organisation already has a team named {0}")]
    TeamNameTaken(String),
    /// A team leader must be a member of the organisation.
    #[error("a team's leader must be a member of the organisation")]
    LeaderNotMember,
    /// Infomaniak keeps this person in the organisation (their login is one of its mailboxes, or
    /// they belong to its kSuite): `cannot_leave_account`.
    #[error(
        "you cannot leave this organisation: your login address is one of its mailboxes, or you belong to its kSuite"
    )]
    CannotLeaveAccount,
}

fn candidates_sentence(candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!(" (for example {})", candidates.join(", "))
    }
}

impl Refusal {
    /// A stable key the UI translates.
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::NotAnAdministrator => "not_an_administrator",
            Refusal::OnlyLegalRepresentativeAppoints => "only_legal_representative_appoints",
            Refusal::LastLegalRepresentative(..) => "last_legal_representative",
            Refusal::UnknownPerson => "unknown_person",
            Refusal::AlreadyInTeam(_) => "already_in_team",
            Refusal::NotInTeam(_) => "not_in_team",
            Refusal::TeamNameTaken(_) => "team_name_taken",
            Refusal::LeaderNotMember => "leader_not_member",
            Refusal::CannotLeaveAccount => "cannot_leave_account",
        }
    }

    /// Names the UI shows with the refusal (who else could be appointed).
    pub fn names(&self) -> Vec<String> {
        match self {
            Refusal::LastLegalRepresentative(who, others) => std::iter::once(who.clone())
                .chain(others.iter().cloned())
                .collect(),
            Refusal::AlreadyInTeam(names) | Refusal::NotInTeam(names) => names.clone(),
            Refusal::TeamNameTaken(name) => vec![name.clone()],
            _ => Vec::new(),
        }
    }
}

fn manages(caller: Relation) -> bool {
    matches!(
        caller,
        Relation::Owner | Relation::Admin | Relation::PartnerAdmin
    )
}

/// May the caller invite someone with this role?
pub fn check_invite(caller: Relation, role: Role) -> Result<(), Refusal> {
    if !manages(caller) {
        return Err(Refusal::NotAnAdministrator);
    }
    if role == Role::LegalRepresentative && caller != Relation::Owner {
        return Err(Refusal::OnlyLegalRepresentativeAppoints);
    }
    Ok(())
}

/// May the caller give `target` the role `new_role`?
pub fn check_role_change(
    caller: Relation,
    people: &[Person],
    target: UserId,
    new_role: Role,
) -> Result<(), Refusal> {
    check_invite(caller, new_role)?;
    let person = member(people, target)?;
    if person.role == Role::LegalRepresentative && new_role != Role::LegalRepresentative {
        ensure_another_legal_representative(people, &[target])?;
    }
    Ok(())
}

/// May the caller remove every one of `selection` (the whole selection is checked at once)?
/// Removing oneself is leaving: the same last-representative rule applies, whoever the caller is.
pub fn check_removal(
    caller: Relation,
    people: &[Person],
    selection: &[UserId],
    me: Option<UserId>,
) -> Result<(), Refusal> {
    let only_leaving = me.is_some_and(|me| selection == [me]);
    if !only_leaving && !manages(caller) {
        return Err(Refusal::NotAnAdministrator);
    }
    for id in selection {
        member(people, *id)?;
    }
    ensure_another_legal_representative(people, selection)
}

fn member(people: &[Person], user: UserId) -> Result<&Person, Refusal> {
    people
        .iter()
        .find(|p| p.user_id == Some(user) && !p.pending)
        .ok_or(Refusal::UnknownPerson)
}

fn ensure_another_legal_representative(
    people: &[Person],
    leaving: &[UserId],
) -> Result<(), Refusal> {
    let representatives: Vec<&Person> = people
        .iter()
        .filter(|p| !p.pending && p.role == Role::LegalRepresentative)
        .collect();
    let staying = representatives
        .iter()
        .any(|p| p.user_id.is_some_and(|id| !leaving.contains(&id)));
    if staying || representatives.is_empty() {
        return Ok(());
    }
    let last = representatives
        .iter()
        .map(|p| p.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let candidates = people
        .iter()
        .filter(|p| !p.pending && p.role == Role::Administrator)
        .filter(|p| p.user_id.is_some_and(|id| !leaving.contains(&id)))
        .take(3)
        .map(|p| p.name.clone())
        .collect();
    Err(Refusal::LastLegalRepresentative(last, candidates))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: u64, role: Role, pending: bool) -> Person {
        Person {
            key: format!("u{id}"),
            user_id: (!pending).then_some(UserId(id)),
            invitation_id: pending.then_some(infomaniak::InvitationId(id)),
            name: format!("P{id}"),
            email: format!("p{id}@example.ch"),
            role,
            pending,
            billing_access: false,
            contact_products: false,
            contact_billing: false,
            last_login_at: None,
            team_ids: Vec::new(),
            external: false,
            invited_at: None,
            second_factor: None,
        }
    }

    fn org() -> Vec<Person> {
        vec![
            person(1, Role::LegalRepresentative, false),
            person(2, Role::Administrator, false),
            person(3, Role::Collaborator, false),
            // A pending invitation as legal representative does not count as one yet.
            person(4, Role::LegalRepresentative, true),
        ]
    }

    #[test]
    fn only_a_legal_representative_appoints_one() {
        assert_eq!(
            check_invite(Relation::Admin, Role::LegalRepresentative),
            Err(Refusal::OnlyLegalRepresentativeAppoints)
        );
        assert_eq!(
            check_invite(Relation::Owner, Role::LegalRepresentative),
            Ok(())
        );
        assert_eq!(
            check_invite(Relation::Normal, Role::Collaborator),
            Err(Refusal::NotAnAdministrator)
        );
        assert_eq!(
            check_role_change(
                Relation::Admin,
                &org(),
                UserId(3),
                Role::LegalRepresentative
            ),
            Err(Refusal::OnlyLegalRepresentativeAppoints)
        );
    }

    #[test]
    fn the_last_legal_representative_cannot_be_demoted_removed_or_leave() {
        let people = org();
        let refusal = check_role_change(Relation::Owner, &people, UserId(1), Role::Administrator)
            .unwrap_err();
        assert_eq!(refusal.key(), "last_legal_representative");
        assert_eq!(
            refusal.names(),
            vec!["P1".to_owned(), "P2".to_owned()],
            "names who else could be appointed"
        );
        assert!(check_removal(Relation::Owner, &people, &[UserId(1)], None).is_err());
        assert!(
            check_removal(Relation::Owner, &people, &[UserId(1)], Some(UserId(1))).is_err(),
            "leaving"
        );
        assert_eq!(
            check_removal(Relation::Owner, &people, &[UserId(3)], None),
            Ok(())
        );
    }

    #[test]
    fn a_selection_is_checked_as_a_whole() {
        let mut people = org();
        people.push(person(5, Role::LegalRepresentative, false));
        assert_eq!(
            check_removal(Relation::Owner, &people, &[UserId(1)], None),
            Ok(()),
            "another stays"
        );
        assert!(
            check_removal(
                Relation::Owner,
                &people,
                &[UserId(1), UserId(5), UserId(3)],
                None
            )
            .is_err(),
            "both would go"
        );
    }

    #[test]
    fn a_collaborator_may_leave_but_not_remove_others() {
        let people = org();
        assert_eq!(
            check_removal(Relation::Normal, &people, &[UserId(3)], Some(UserId(3))),
            Ok(())
        );
        assert_eq!(
            check_removal(Relation::Normal, &people, &[UserId(2)], Some(UserId(3))),
            Err(Refusal::NotAnAdministrator)
        );
        assert_eq!(
            check_removal(Relation::Owner, &people, &[UserId(42)], None),
            Err(Refusal::UnknownPerson)
        );
    }
}
