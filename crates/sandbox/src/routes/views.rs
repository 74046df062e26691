//! JSON shapes of the model, field names as in the API document.

use serde_json::{Value, json};

use crate::world::model::{
    Account, Invitation, Member, Product, ProductAccess, Role, Team, World, language_id,
    service_name,
};

/// Amounts travel as decimal numbers with two places.
pub(crate) fn money(cents: i64) -> Value {
    json!(cents as f64 / 100.0)
}

/// An organisation as the spec's `Account`; what it leaves optional and the world does not have
/// (a partner, a blocking date, a logo) is left out rather than sent as `null`.
pub(crate) fn account(account: &Account, me: &Member) -> Value {
    let mut view = json!({
        "id": account.id,
        "name": account.name,
        "legal_entity_type": account.legal_entity_type,
        "type": me.role.relation(),
        "count_owners": account.count_owners(),
        "nb_users": account.members.len(),
        "nb_invitations": account.pending_invitations().count(),
        "is_blocked": account.is_blocked,
        "has_2fa_required": account.has_2fa_required,
        "beta": false,
        "is_customer": true,
        "is_sso": false,
        "language_id": language_id(account.locale),
        "support_level": 1,
        "order": {
            "waiting_payment": account.waiting_payment,
            "in_process": account.in_process,
            "blocked_order_id": account.blocked_order_ids,
        },
        "has_customer_paiement_method": account.payment_method.is_some(),
        "billing": me.has_billing_access,
        "mailing": me.is_correspondent,
        "billing_mailing": me.is_correspondent_billing,
        "addresses": [{
            "id": account.id,
            "street": account.address.street,
            "street2": "",
            "zip": account.address.zipcode,
            "city": account.address.city,
            "country": {
                "id": 1,
                "name": account.address.country,
                "short_name": account.address.country,
                "is_enabled": true,
            },
            "type": "billing",
            "for_invoice": true,
            "created_at": account.created_at,
        }],
        "tags": account.tags.iter().map(|t| json!({"id": t.id, "name": t.name, "color": t.color})).collect::<Vec<_>>(),
        "created_at": account.created_at,
        "locale": account.locale,
        "timezone": account.timezone,
    });
    if let Some(at) = account.blocked_at {
        view["blocked_at"] = json!(at);
    }
    if let Some(partner) = account.partner_id {
        view["partner_id"] = json!(partner);
    }
    view
}

/// A member as an item of the organisation's user list.
pub(crate) fn member(world: &World, account: &Account, member: &Member) -> Option<Value> {
    let person = world.person(member.user_id)?;
    Some(json!({
        "user_id": person.id,
        "invitation_id": Value::Null,
        "unique_key": format!("user-{}", person.id),
        "partnership_id": member.partnership_id,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "display_name": person.display_name(),
        "email": person.email,
        "avatar": Value::Null,
        "role_type": member.role.role_type(),
        "state_in_account": "valid",
        "is_correspondent": member.is_correspondent,
        "is_correspondent_billing": member.is_correspondent_billing,
        "has_billing_access": member.has_billing_access,
        "has_no_manager_access": member.has_no_manager_access,
        "is_workspace_only": person.is_workspace_only,
        "is_sso": person.is_sso,
        "last_login_at": person.last_login_at.unwrap_or(0),
        "teams": account.teams_of(person.id),
        "language_id": language_id(&person.locale),
    }))
}

/// A member of a work team: the spec's `Team User`, whose id is `id`, with the teams it is in.
pub(crate) fn team_user(world: &World, account: &Account, user_id: u64) -> Option<Value> {
    let person = world.person(user_id)?;
    let teams: Vec<Value> = account
        .teams
        .iter()
        .filter(|t| t.user_ids.contains(&user_id))
        .map(team_summary)
        .collect();
    Some(json!({
        "id": person.id,
        "display_name": person.display_name(),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "is_sso": person.is_sso,
        "last_login_at": person.last_login_at.unwrap_or(0),
        "teams": teams,
    }))
}

/// A pending invitation as an item of the organisation's user list.
pub(crate) fn pending(invitation: &Invitation) -> Value {
    json!({
        "user_id": Value::Null,
        "invitation_id": invitation.id,
        "unique_key": format!("invitation-{}", invitation.id),
        "partnership_id": Value::Null,
        "first_name": invitation.first_name,
        "last_name": invitation.last_name,
        "display_name": format!("{} {}", invitation.first_name, invitation.last_name),
        "email": invitation.email,
        "avatar": Value::Null,
        "role_type": invitation.role.role_type(),
        "state_in_account": "pending",
        "is_correspondent": invitation.has_mailing,
        "is_correspondent_billing": invitation.has_billing_mailing,
        "has_billing_access": invitation.has_billing,
        "has_no_manager_access": false,
        "is_workspace_only": false,
        "is_sso": false,
        "last_login_at": 0,
        "teams": invitation.teams,
        "language_id": language_id(&invitation.locale),
    })
}

pub(crate) fn access(access: &ProductAccess) -> Value {
    let mut view = json!({
        "type": access.kind,
        "id": access.target_id,
        "role": access.role,
        "right": access.right,
    });
    if let Some(name) = &access.mailbox_name {
        view["mailbox_name"] = json!(name);
    }
    if let Some(permissions) = &access.mailbox_permissions {
        view["mailbox_permissions"] = Value::Object(permissions.clone());
    }
    view
}

/// An invitation as the spec's `AccountInvitation`; its teams are the spec's `Team` objects, so
/// `teams` is the organisation's list to look them up in.
pub(crate) fn invitation(
    base_url: &str,
    account_id: u64,
    teams: &[Team],
    invitation: &Invitation,
) -> Value {
    let team_views: Vec<Value> = invitation
        .teams
        .iter()
        .filter_map(|id| teams.iter().find(|t| t.id == *id))
        .map(team_summary)
        .collect();
    json!({
        "id": invitation.id,
        "account_id": account_id,
        "email": invitation.email,
        "first_name": invitation.first_name,
        "last_name": invitation.last_name,
        "status": invitation.status.as_str(),
        "role_type": invitation.role.role_type(),
        "teams": team_views,
        "locale": invitation.locale,
        "strict": false,
        "has_ksuite": invitation.accesses.iter().any(|a| a.kind == "ksuite"),
        "updated_at": invitation.sent_at.unwrap_or(invitation.created_at),
        "language_id": language_id(&invitation.locale),
        "has_billing": invitation.has_billing,
        "has_billing_mailing": invitation.has_billing_mailing,
        "has_mailing": invitation.has_mailing,
        "permissions": invitation.permissions,
        "product_accesses": invitation.accesses.iter().map(access).collect::<Vec<_>>(),
        "user_id": invitation.user_id,
        "sent_at": invitation.sent_at,
        "created_at": invitation.created_at,
        "expired_at": invitation.expired_at,
        "url_accept": format!("{base_url}/invitation/accept/{}", invitation.key),
    })
}

/// A team as the spec's `Team`. Its counts are optional in the spec: the seeded worlds leave
/// them out of every third team, so the app cannot assume they are sent.
pub(crate) fn team(world: &World, account: &Account, team: &Team) -> Value {
    let leader = team.owned_by_id.and_then(|id| world.person(id));
    let mut view = json!({
        "id": team.id,
        "account_id": account.id,
        "name": team.name,
        "color_id": team.color_id,
        "is_sso": false,
        "owned_by_id": team.owned_by_id,
        "created_by_id": team.created_by_id,
        "created_at": team.created_at,
        "updated_at": team.updated_at,
        "permissions": team.service_ids.iter().map(|id| json!({
            "service_id": id,
            "service_name": service_name(*id),
            "rights": "technical",
        })).collect::<Vec<_>>(),
    });
    if let Some(p) = leader {
        view["owned_by"] = json!({
            "id": p.id, "display_name": p.display_name(), "first_name": p.first_name,
            "last_name": p.last_name, "email": p.email, "avatar": Value::Null, "is_sso": p.is_sso,
        });
    }
    if !team.id.is_multiple_of(3) {
        view["user_count"] = json!(team.user_ids.len());
        view["product_count"] = json!(account.products_of_services(&team.service_ids));
    }
    view
}

/// A product as the spec's `Product`, with the caller's `rights` on it: legal representatives
/// and administrators have them all; a collaborator may work on it and see its statistics but
/// neither pay (`check`) nor buy or renew (`sale`); an external user only works on it.
pub(crate) fn product(account: &Account, caller: Role, product: &Product) -> Value {
    let all = matches!(caller, Role::Owner | Role::Admin);
    let parent = product
        .parent_id
        .and_then(|id| account.products.iter().find(|p| p.id == id));
    let mut view = json!({
        "id": product.id,
        "account_id": account.id,
        "service_id": product.service_id,
        "service_name": product.service_name,
        "customer_name": product.customer_name,
        "internal_name": product.internal_name,
        "description": product.description,
        "created_at": product.created_at,
        "expired_at": product.expired_at,
        "is_locked": product.is_locked,
        "has_maintenance": product.has_maintenance,
        "has_operation_in_progress": product.has_operation_in_progress,
        "is_trial": product.is_trial,
        "is_free": product.is_free,
        "is_zero_price": product.price_cents == 0,
        "unique_id": product.id,
        "version": 1,
        "rights": {
            "technical": true,
            "statistic": caller != Role::External,
            "check": all,
            "sale": all,
        },
        "status": {
            "maintenance": {"technical": product.has_maintenance, "superuser": false, "infomaniak": false},
            "locked": {"superuser": false, "infomaniak": product.is_locked},
            "activated_by": [],
            "activated_at": product.created_at,
        },
        "tags": account.tags.iter().filter(|t| product.tag_ids.contains(&t.id))
            .map(|t| json!({"id": t.id, "name": t.name, "color": t.color})).collect::<Vec<_>>(),
        "bill_reference": product.bill_reference,
        "is_managed_by_partner": product.is_managed_by_partner,
        "renew_preferences": [],
    });
    // Optional in the spec: sent only for a product that hangs under another.
    if let Some(parent) = parent {
        view["parent_id"] = json!(parent.id);
        view["parent_service_id"] = json!(parent.service_id);
        view["parent_service_name"] = json!(parent.service_name);
    }
    view
}

/// A team as the spec's short `Team` (inside invitations and team members).
pub(crate) fn team_summary(team: &Team) -> Value {
    json!({
        "id": team.id,
        "name": team.name,
        "color_id": team.color_id,
        "created_at": team.created_at,
        "updated_at": team.updated_at,
    })
}

/// A user's `security` extra (`with=security`). The spec names the expansion without its shape;
/// this is the shape the profile's own `preferences.security` has.
pub(crate) fn security(otp: bool) -> Value {
    json!({
        "otp": otp,
        "double_auth": otp,
        "double_auth_method": if otp { "otp" } else { "none" },
    })
}
