//! What the API answers and what the client sends, decoded leniently where the document leaves
//! fields loose: enums end in `Unknown`, timestamps are Unix seconds (`i64`).

mod account;
mod app_access;
mod billing;
mod invitation;
mod invitation_access;
pub(crate) mod lenient;
mod money;
mod product;
mod profile;
mod renewal;
mod role;
mod support;
mod team;
mod user;

pub use account::{Account, AccountOrders, LegalEntity, Relation};
pub use app_access::AppAccess;
pub use billing::{Invoice, PrepaidMovement, PrepaidStatus};
pub use invitation::{
    Invitation, InvitationRights, InvitationStatus, InvitationUpdate, Locale, NewInvitation,
    Notifications, PermissionType, ProductPermission,
};
pub use invitation_access::{
    AccessGrant, AccessRole, AccessTarget, DriveRight, MailboxGrant, MailboxInvite,
    MailboxPermissions,
};
pub use money::{Currency, Price};
pub use product::{Product, ProductRights, ProductStatus, ProductTag, ServiceCount};
pub use profile::{
    CurrentAccount, Preferences, Profile, ProfileEmail, ProfilePhone, Security, TimeZone,
};
pub use renewal::{AutoRenewResult, ItemError, ItemResult, PaymentMethod, Renewal};
pub use role::{RoleType, State};
pub use support::{SupportAccess, SupportContent};
pub use team::{NewTeam, Team, TeamLeader, TeamPermission, TeamServices, TeamUpdate, TeamUser};
pub use user::{InvitationDates, MemberUpdate, User, UserSecurity};

pub(crate) use renewal::AutoRenewSwitch;
pub(crate) use support::SupportSwitch;
pub(crate) use team::TeamMembers;
