//! Every route of §5, grouped by the scope it requires.

mod accounts;
mod billing;
mod invitation_access;
mod invitations;
mod members;
mod params;
mod products;
mod profile;
mod renewals;
mod support;
mod team_members;
mod teams;
mod users;
mod views;

use std::sync::Arc;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, patch, post, put};

use crate::auth::{Scope, guard};
use crate::config::ApiProfile;
use crate::envelope::ApiError;
use crate::pipeline;
use crate::state::Shared;

type Routes = Router<Arc<Shared>>;

/// The whole HTTP surface. Routing happens before authentication, as on the real API: an
/// unknown route answers `404 method_not_found` even without a token.
pub(crate) fn app(shared: Arc<Shared>) -> Router {
    let extended = shared.profile == ApiProfile::Extended;
    let scoped = |routes: Routes, scope: Scope| {
        routes.route_layer(from_fn_with_state((Arc::clone(&shared), scope), guard))
    };
    let api = Router::new()
        .merge(scoped(profile_routes(extended), Scope::UserInfo))
        .merge(scoped(account_routes(extended), Scope::Accounts))
        .merge(scoped(user_routes(extended), Scope::Users))
        .merge(scoped(invoicing_routes(), Scope::Invoicing))
        // Pre-signed: downloadable without the bearer token.
        .route(
            "/2/invoicing/invoice/pdf/{account_id}/{invoice_id}",
            get(billing::pdf),
        )
        .fallback(unknown_route)
        .method_not_allowed_fallback(unknown_route)
        .with_state(Arc::clone(&shared));
    Router::new()
        .fallback_service(api)
        .layer(from_fn_with_state(shared, pipeline::outer))
}

async fn unknown_route() -> ApiError {
    ApiError::method_not_found()
}

fn profile_routes(extended: bool) -> Routes {
    let routes = Router::new().route("/2/profile", get(profile::show));
    if !extended {
        return routes;
    }
    routes
        .route("/2/profile/support_accesses", get(support::list))
        .route(
            "/2/profile/support_accesses/{content}",
            put(support::update),
        )
}

fn account_routes(extended: bool) -> Routes {
    let routes = Router::new()
        .route("/1/accounts", get(accounts::list))
        .route("/1/accounts/{account_id}", get(accounts::show))
        .route("/1/products", get(products::all))
        .route(
            "/1/accounts/{account_id}/products",
            get(products::of_account),
        )
        .route("/1/accounts/{account_id}/services", get(products::services));
    if !extended {
        return routes;
    }
    routes
        .route("/1/accounts/{account_id}/renewals", get(renewals::list))
        .route(
            "/1/accounts/{account_id}/renewals/auto_renew",
            put(renewals::auto_renew),
        )
}

fn user_routes(extended: bool) -> Routes {
    const INVITATION: &str = "/1/accounts/{account_id}/invitations/{invitation_id}";
    let routes = Router::new()
        .route("/2/accounts/{account_id}/users", get(users::list))
        .route(
            "/2/accounts/{account_id}/users/{user_id}/app_accesses",
            get(users::app_accesses),
        )
        .route(
            "/1/accounts/{account_id}/invitations",
            post(invitations::create),
        )
        .route(
            INVITATION,
            get(invitations::show)
                .patch(invitations::update)
                .delete(invitations::cancel),
        )
        .route(
            "/1/accounts/{account_id}/invitations/users/{user_id}",
            get(invitations::of_user),
        )
        .route(
            &format!("{INVITATION}/drive"),
            post(invitation_access::create_drive),
        )
        .route(
            &format!("{INVITATION}/drive/{{target_id}}"),
            post(invitation_access::create_drive_at)
                .patch(invitation_access::update_drive)
                .delete(invitation_access::delete_drive),
        )
        .route(
            &format!("{INVITATION}/mailbox/invite"),
            post(invitation_access::invite_mailbox),
        )
        .route(
            &format!("{INVITATION}/mailbox/{{target_id}}"),
            post(invitation_access::create_mailbox)
                .patch(invitation_access::update_mailbox)
                .delete(invitation_access::delete_mailbox),
        )
        .route(
            &format!("{INVITATION}/kchat"),
            patch(invitation_access::set_kchat),
        )
        .route(
            &format!("{INVITATION}/ksuite"),
            post(invitation_access::create_ksuite).delete(invitation_access::delete_ksuite),
        )
        .route(
            "/1/accounts/{account_id}/teams",
            get(teams::list).post(teams::create),
        )
        .route(
            "/1/accounts/{account_id}/teams/{team_id}",
            get(teams::show).patch(teams::update).delete(teams::delete),
        )
        .route(
            "/1/accounts/{account_id}/teams/{team_id}/users",
            get(team_members::list)
                .post(team_members::add)
                .delete(team_members::remove),
        );
    if !extended {
        return routes;
    }
    routes.route(
        "/2/accounts/{account_id}/users/{user_id}",
        axum::routing::patch(members::update).delete(members::remove),
    )
}

fn invoicing_routes() -> Routes {
    Router::new()
        .route(
            "/2/invoicing/account/{account_id}/invoices",
            get(billing::invoices),
        )
        .route(
            "/1/invoicing/{account_id}/payment/prepay/history",
            get(billing::prepaid),
        )
}
