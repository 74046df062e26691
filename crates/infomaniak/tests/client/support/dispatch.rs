//! One call per route of the table, so that tests can walk every route and a new route cannot be
//! added without a test calling it (the match below is exhaustive).

use infomaniak::models::{
    AccessGrant, AccessRole, AccessTarget, DriveRight, InvitationUpdate, Locale, MailboxGrant,
    MailboxInvite, MailboxPermissions, MemberUpdate, NewInvitation, NewTeam, RoleType,
    SupportContent, TeamUpdate,
};
use infomaniak::{
    AccountId, Client, Error, InvitationId, MailboxId, ProductId, Route, TeamId, UserId,
};

/// Ids the calls use; they need to exist only for tests that expect success.
#[derive(Debug, Clone)]
pub struct Ids {
    pub account: AccountId,
    pub user: UserId,
    pub invitation: InvitationId,
    pub team: TeamId,
    pub drive: ProductId,
    /// A mail service of the organisation (an `email_hosting` product's id).
    pub mail_service: u64,
    /// A pre-signed invoice link (absolute).
    pub pdf: String,
}

impl Ids {
    /// The route's path with these ids, as the request log shows it.
    pub fn path(&self, route: Route) -> String {
        if route == Route::InvoicePdf {
            let after_host = self.pdf.splitn(4, '/').nth(3).unwrap_or_default();
            let path = after_host.split('?').next().unwrap_or_default();
            return format!("/{path}");
        }
        let mut path = route.template().to_owned();
        for (name, value) in [
            ("{account_id}", self.account.to_string()),
            ("{user_id}", self.user.to_string()),
            ("{invitation_id}", self.invitation.to_string()),
            ("{team_id}", self.team.to_string()),
            ("{drive_id}", self.drive.to_string()),
            ("{mail_id}", self.mail_service.to_string()),
            ("{content}", "kdrive".to_owned()),
        ] {
            path = path.replace(name, &value);
        }
        path
    }
}

/// A mail service (`email_hosting` product) of an organisation.
pub async fn mail_service(api: &sandbox::Sandbox, account: AccountId) -> u64 {
    let client = super::fast_client(api, sandbox::tokens::DEMO);
    client
        .account_products(account)
        .service_names(&["email_hosting"])
        .all()
        .await
        .unwrap()
        .first()
        .map_or(0, |p| p.id.0)
}

fn grant() -> AccessGrant {
    AccessGrant {
        role: AccessRole::User,
        right: Some(DriveRight::Read),
    }
}

/// Calls `route` once with valid bodies; the payload is dropped, only the outcome matters.
pub async fn call(client: &Client, route: Route, ids: &Ids) -> Result<(), Error> {
    let (a, u, i, t) = (ids.account, ids.user, ids.invitation, ids.team);
    let drive = AccessTarget::Drive(ids.drive);
    let mail = MailboxId(ids.mail_service);
    let mailbox = MailboxGrant {
        mailbox_name: "shared.box".into(),
        mailbox_permissions: MailboxPermissions::all(false),
    };
    let invitation = NewInvitation::new(
        "new.person@example.ch",
        "New",
        "Person",
        Locale::Fr,
        RoleType::Normal,
    );
    let rename = TeamUpdate {
        name: Some("Renamed".into()),
        ..TeamUpdate::default()
    };
    let billing = MemberUpdate {
        has_billing_access: Some(true),
        ..MemberUpdate::default()
    };
    let change = InvitationUpdate {
        has_mailing: Some(true),
        ..InvitationUpdate::default()
    };
    match route {
        Route::Profile => client.profile().await.map(drop),
        Route::Accounts => client.accounts().await.map(drop),
        Route::Account => client.account(a).await.map(drop),
        Route::AccountUsers => client.users(a).page(1).await.map(drop),
        Route::UserAppAccesses => client.app_accesses(a, u).await.map(drop),
        Route::InvitationCreate => client.invite(a, &invitation).await.map(drop),
        Route::InvitationGet => client.invitation(a, i).await.map(drop),
        Route::InvitationUpdate => client.update_invitation(a, i, &change).await.map(drop),
        Route::InvitationCancel => client.cancel_invitation(a, i).await,
        Route::UserInvitations => client.user_invitations(a, u).await.map(drop),
        Route::InvitationDriveAdd => client
            .grant_invitation_access(a, i, drive, &grant())
            .await
            .map(drop),
        Route::InvitationDriveUpdate => client
            .update_invitation_access(a, i, drive, &grant())
            .await
            .map(drop),
        Route::InvitationDriveRemove => client.revoke_invitation_access(a, i, drive).await,
        Route::InvitationMailboxInvite => client
            .invite_mailbox(
                a,
                i,
                &MailboxInvite {
                    mail_id: ids.mail_service,
                    mailbox_name: "new.person".into(),
                    email: "new.person@example.ch".into(),
                    key: "invitation".into(),
                },
            )
            .await
            .map(drop),
        Route::InvitationMailboxAdd => client
            .grant_invitation_mailbox(a, i, mail, &mailbox)
            .await
            .map(drop),
        Route::InvitationMailboxUpdate => client
            .update_invitation_mailbox(a, i, mail, &mailbox)
            .await
            .map(drop),
        Route::InvitationMailboxRemove => {
            client
                .revoke_invitation_mailbox(a, i, mail, &mailbox.mailbox_name)
                .await
        }
        Route::InvitationKchatUpdate => client
            .update_invitation_access(a, i, AccessTarget::Kchat, &grant())
            .await
            .map(drop),
        Route::InvitationKsuiteAdd => client
            .grant_invitation_access(a, i, AccessTarget::Ksuite, &grant())
            .await
            .map(drop),
        Route::InvitationKsuiteRemove => {
            client
                .revoke_invitation_access(a, i, AccessTarget::Ksuite)
                .await
        }
        Route::Teams => client.teams(a).page(1).await.map(drop),
        Route::TeamCreate => client
            .create_team(a, &NewTeam::named("New"))
            .await
            .map(drop),
        Route::TeamGet => client.team(a, t).await.map(drop),
        Route::TeamUpdate => client.update_team(a, t, &rename).await.map(drop),
        Route::TeamDelete => client.delete_team(a, t).await,
        Route::TeamUsers => client.team_members(a, t).page(1).await.map(drop),
        Route::TeamUsersAdd => client.add_team_members(a, t, &[u]).await,
        Route::TeamUsersRemove => client.remove_team_members(a, t, &[u]).await,
        Route::Products => client.products().page(1).await.map(drop),
        Route::AccountProducts => client.account_products(a).page(1).await.map(drop),
        Route::AccountServices => client.services(a).await.map(drop),
        Route::Invoices => client.invoices(a).page(1).await.map(drop),
        Route::InvoicePdf => client.download_invoice(&ids.pdf).await.map(drop),
        Route::PrepaidHistory => client.prepaid_history(a).page(1).await.map(drop),
        Route::Renewals => client.renewals(a).page(1).await.map(drop),
        Route::AutoRenewSet => client
            .set_auto_renew(a, &[ids.drive], false)
            .await
            .map(drop),
        Route::SupportAccesses => client.support_accesses().await.map(drop),
        Route::SupportAccessSet => client
            .set_support_access(SupportContent::Kdrive, false)
            .await
            .map(drop),
        Route::MemberUpdate => client.update_member(a, u, &billing).await.map(drop),
        Route::MemberRemove => client.remove_member(a, u).await,
    }
}
