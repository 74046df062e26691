//! Product access sent along with an invitation: a kDrive (with its right), a mailbox of one of
//! the organisation's mail services (with what the person may change), kChat, kSuite. The
//! invitation goes first; each access follows it, and one refused does not undo the others or the
//! invitation: the outcome says which were refused and why.

use crate::Desk;
use crate::activity::Change;
use crate::error::{Error, ErrorCode};
use crate::session::ProfileId;
use infomaniak::models::{
    AccessGrant, AccessRole, AccessTarget, DriveRight, MailboxGrant, MailboxPermissions,
};
use infomaniak::{AccountId, Client, InvitationId, MailboxId, ProductId, Route};
use serde::{Deserialize, Serialize};

/// What a kDrive access lets the person do with the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DriveAccess {
    Read,
    Write,
    Manage,
}

/// One product the invited person gets, as the form chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ProductAccessChoice {
    /// One of the organisation's kDrives.
    #[serde(rename_all = "camelCase")]
    Drive {
        #[cfg_attr(feature = "specta", specta(type = u32))]
        product_id: u64,
        right: DriveAccess,
        admin: bool,
    },
    /// An existing mailbox of one of the organisation's mail services.
    #[serde(rename_all = "camelCase")]
    Mailbox {
        /// The mail service (its product id).
        #[cfg_attr(feature = "specta", specta(type = u32))]
        service_id: u64,
        /// The part of the address before `@`.
        mailbox_name: String,
        /// The person may also change the mailbox's settings (filters, redirections, aliases,
        /// auto-reply, signatures, folders, security, password, logs); otherwise they use it.
        manage: bool,
    },
    /// The organisation's kChat.
    Kchat { admin: bool },
    /// The organisation's kSuite.
    Ksuite { admin: bool },
}

/// What one choice sends: a product access with a role, or a mailbox by name.
enum Grant {
    Product(AccessTarget, AccessGrant),
    Mailbox(MailboxId, MailboxGrant),
}

/// An access the API refused after the invitation was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AccessRefused {
    /// The product as people know it.
    pub product: String,
    /// What went wrong, for the sentence the window shows in the person's language.
    pub code: ErrorCode,
    /// The scope the token lacks, when that is why.
    pub scope: Option<String>,
    /// The API's error code, when it gave one.
    pub error_code: Option<String>,
    /// The technical detail (English), shown only under "technical details".
    pub message: String,
}

/// How an invitation ended: sent, with the accesses that were refused (none, usually).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct InviteOutcome {
    pub access_refused: Vec<AccessRefused>,
}

impl ProductAccessChoice {
    fn grant(&self) -> Grant {
        let role = |admin: bool| {
            if admin {
                AccessRole::Admin
            } else {
                AccessRole::User
            }
        };
        match self {
            Self::Drive {
                product_id,
                right,
                admin,
            } => Grant::Product(
                AccessTarget::Drive(ProductId(*product_id)),
                AccessGrant {
                    role: role(*admin),
                    right: Some(match right {
                        DriveAccess::Read => DriveRight::Read,
                        DriveAccess::Write => DriveRight::Write,
                        DriveAccess::Manage => DriveRight::Manage,
                    }),
                },
            ),
            Self::Mailbox {
                service_id,
                mailbox_name,
                manage,
            } => Grant::Mailbox(
                MailboxId(*service_id),
                MailboxGrant {
                    mailbox_name: mailbox_name.trim().to_owned(),
                    mailbox_permissions: MailboxPermissions::all(*manage),
                },
            ),
            Self::Kchat { admin } => Grant::Product(
                AccessTarget::Kchat,
                AccessGrant {
                    role: role(*admin),
                    right: None,
                },
            ),
            Self::Ksuite { admin } => Grant::Product(
                AccessTarget::Ksuite,
                AccessGrant {
                    role: role(*admin),
                    right: None,
                },
            ),
        }
    }

    fn route(&self) -> Route {
        match self {
            Self::Drive { .. } => Route::InvitationDriveAdd,
            Self::Mailbox { .. } => Route::InvitationMailboxAdd,
            Self::Kchat { .. } => Route::InvitationKchatUpdate,
            Self::Ksuite { .. } => Route::InvitationKsuiteAdd,
        }
    }
}

impl Desk {
    /// Grants each chosen access with the invitation just sent; audited one by one.
    pub(crate) async fn grant_with_invitation(
        &self,
        profile: &ProfileId,
        account: AccountId,
        invitation: InvitationId,
        email: &str,
        choices: &[ProductAccessChoice],
    ) -> Result<InviteOutcome, Error> {
        let mut outcome = InviteOutcome::default();
        if choices.is_empty() {
            return Ok(outcome);
        }
        let client = self.client(profile).await?;
        let names = self.cached_products(profile)?.unwrap_or_default();
        for choice in choices {
            let product = match choice {
                ProductAccessChoice::Drive { product_id, .. } => names
                    .iter()
                    .find(|p| p.id == *product_id)
                    .map_or_else(|| format!("kDrive {product_id}"), |p| p.name.clone()),
                ProductAccessChoice::Mailbox {
                    service_id,
                    mailbox_name,
                    ..
                } => {
                    let domain = names
                        .iter()
                        .find(|p| p.id == *service_id)
                        .map_or_else(|| format!("mail {service_id}"), |p| p.name.clone());
                    format!("{}@{domain}", mailbox_name.trim())
                }
                ProductAccessChoice::Kchat { .. } => "kChat".to_owned(),
                ProductAccessChoice::Ksuite { .. } => "kSuite".to_owned(),
            };
            let target = format!("{product} for {email}");
            let route = choice.route();
            let change = Change {
                action: "invitation.access",
                account_id: Some(account),
                target: &target,
                route,
            };
            let grant = choice.grant();
            let send = async {
                let answer = send_grant(&client, account, invitation, &grant).await;
                self.note(profile, route, &answer);
                self.watch(profile, answer)
            };
            // No route lists an invitation's product access: a lost answer stays unconfirmed
            // (granting the same access again changes nothing).
            let read_back = move || async move { Err(Error::NoReadBack { route }) };
            let sent = self.audited(profile, change, send, read_back).await;
            if let Err(e) = sent {
                let error_code = match &e {
                    Error::Api(api) => api.api_failure().map(|f| f.code.clone()),
                    _ => None,
                };
                outcome.access_refused.push(AccessRefused {
                    product,
                    code: e.code(),
                    scope: e.scope().map(str::to_owned),
                    error_code,
                    message: e.to_string(),
                });
            }
        }
        Ok(outcome)
    }
}

async fn send_grant(
    client: &Client,
    account: AccountId,
    invitation: InvitationId,
    grant: &Grant,
) -> Result<infomaniak::models::Invitation, infomaniak::Error> {
    match grant {
        Grant::Product(to, grant) => {
            client
                .grant_invitation_access(account, invitation, *to, grant)
                .await
        }
        Grant::Mailbox(mail, grant) => {
            client
                .grant_invitation_mailbox(account, invitation, *mail, grant)
                .await
        }
    }
}
