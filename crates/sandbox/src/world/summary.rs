//! What tests need to know about the seeded world without calling the API.

use super::model::{InvitationStatus, Role, World};

/// The signed-in person and every organisation with the ids tests refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldSummary {
    /// The signed-in person's user id (the `id` of `/2/profile`).
    pub user_id: u64,
    pub display_name: String,
    pub email: String,
    pub organisations: Vec<OrgSummary>,
}

/// One organisation as the signed-in person sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgSummary {
    pub id: u64,
    pub name: String,
    /// The signed-in person's relation: `owner`, `admin`, `normal` or `external`.
    pub relation: String,
    pub is_blocked: bool,
    pub count_owners: usize,
    pub nb_users: usize,
    pub nb_invitations: usize,
    pub owner_ids: Vec<u64>,
    pub admin_ids: Vec<u64>,
    pub normal_ids: Vec<u64>,
    pub external_ids: Vec<u64>,
    /// Members who come in through a partnership (`partnership_id`), whatever their role.
    pub partnership_ids: Vec<u64>,
    pub pending_invitation_ids: Vec<u64>,
    pub team_ids: Vec<u64>,
    pub product_ids: Vec<u64>,
    pub invoice_ids: Vec<u64>,
}

impl WorldSummary {
    pub fn total_users(&self) -> usize {
        self.organisations.iter().map(|o| o.nb_users).sum()
    }

    pub fn total_products(&self) -> usize {
        self.organisations.iter().map(|o| o.product_ids.len()).sum()
    }

    /// The first organisation where the signed-in person has this relation.
    pub fn org_with_relation(&self, relation: &str) -> Option<&OrgSummary> {
        self.organisations.iter().find(|o| o.relation == relation)
    }

    /// The first organisation whose name contains `part`.
    pub fn org_named(&self, part: &str) -> Option<&OrgSummary> {
        self.organisations.iter().find(|o| o.name.contains(part))
    }
}

pub(crate) fn summarize(world: &World) -> WorldSummary {
    let me = world.person(world.me);
    let organisations = world
        .accounts
        .values()
        .filter_map(|account| {
            let relation = account.member(world.me)?.role.relation().to_owned();
            let with_role = |role: Role| {
                account
                    .members
                    .iter()
                    .filter(|m| m.role == role)
                    .map(|m| m.user_id)
                    .collect::<Vec<_>>()
            };
            Some(OrgSummary {
                id: account.id,
                name: account.name.clone(),
                relation,
                is_blocked: account.is_blocked,
                count_owners: account.count_owners(),
                nb_users: account.members.len(),
                nb_invitations: account.pending_invitations().count(),
                owner_ids: with_role(Role::Owner),
                admin_ids: with_role(Role::Admin),
                normal_ids: with_role(Role::Normal),
                external_ids: with_role(Role::External),
                partnership_ids: account
                    .members
                    .iter()
                    .filter(|m| m.partnership_id.is_some())
                    .map(|m| m.user_id)
                    .collect(),
                pending_invitation_ids: account
                    .invitations
                    .iter()
                    .filter(|i| i.status == InvitationStatus::Pending)
                    .map(|i| i.id)
                    .collect(),
                team_ids: account.teams.iter().map(|t| t.id).collect(),
                product_ids: account.products.iter().map(|p| p.id).collect(),
                invoice_ids: account.invoices.iter().map(|i| i.id).collect(),
            })
        })
        .collect();
    WorldSummary {
        user_id: world.me,
        display_name: me.map(|p| p.display_name()).unwrap_or_default(),
        email: me.map(|p| p.email.clone()).unwrap_or_default(),
        organisations,
    }
}
