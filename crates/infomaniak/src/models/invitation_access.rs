//! Product access granted along with an invitation: kDrive, a mailbox, kChat, kSuite.

use crate::ids::ProductId;
use serde::{Deserialize, Serialize};

/// Which product an invitation grants access to with a role. A mailbox is given with
/// permissions instead: [`MailboxGrant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessTarget {
    /// A kDrive (its product id).
    Drive(ProductId),
    /// The organisation's kChat.
    Kchat,
    /// The organisation's kSuite.
    Ksuite,
}

/// The role given on the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccessRole {
    /// Administers it.
    Admin,
    /// Uses it.
    #[default]
    User,
    /// A role this version does not know yet.
    #[serde(other)]
    Unknown,
}

/// A kDrive right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DriveRight {
    /// Manage the drive.
    Manage,
    /// No access to the files.
    None,
    /// Read the files.
    Read,
    /// Read and write the files.
    Write,
    /// A right this version does not know yet.
    #[serde(other)]
    Unknown,
}

/// What to grant: a role, and for a kDrive a right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct AccessGrant {
    /// The role.
    pub role: AccessRole,
    /// The kDrive right (ignored for other products).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right: Option<DriveRight>,
}

/// A mailbox of one of the organisation's mail services, given with an invitation
/// (`POST …/invitations/{invitation_id}/mailbox/invite`, documented). The spec lists the fields
/// without describing them; this is the app's reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailboxInvite {
    /// The mail service (its id) the mailbox belongs to.
    pub mail_id: u64,
    /// The mailbox's name, the part of the address before `@`.
    pub mailbox_name: String,
    /// The mailbox's full address.
    pub email: String,
    /// `key`, required by the spec and not described there: the caller passes it through.
    pub key: String,
}

/// What the invited person may do with a mailbox besides reading and sending mail (the spec's
/// `mailbox_permissions`; every one is required).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "the spec's body: nine independent switches"
)]
pub struct MailboxPermissions {
    pub can_access_logs: bool,
    pub can_change_password: bool,
    pub can_configure_mail_folders: bool,
    pub can_manage_aliases: bool,
    pub can_manage_auto_reply: bool,
    pub can_manage_filters: bool,
    pub can_manage_redirections: bool,
    pub can_manage_security: bool,
    pub can_manage_signatures: bool,
}

impl MailboxPermissions {
    /// Every permission on (the person manages the mailbox's settings) or off (uses it only).
    pub fn all(on: bool) -> Self {
        Self {
            can_access_logs: on,
            can_change_password: on,
            can_configure_mail_folders: on,
            can_manage_aliases: on,
            can_manage_auto_reply: on,
            can_manage_filters: on,
            can_manage_redirections: on,
            can_manage_security: on,
            can_manage_signatures: on,
        }
    }
}

/// An existing mailbox of one of the organisation's mail services, given with a pending
/// invitation (`POST …/invitations/{invitation_id}/mailbox/{mail_id}`, documented).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailboxGrant {
    /// The mailbox's name on the service: the part of the address before `@`.
    pub mailbox_name: String,
    /// What the person may do with it.
    pub mailbox_permissions: MailboxPermissions,
}
