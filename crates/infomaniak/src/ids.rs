//! Typed identifiers: a user id cannot be passed where a team id is expected.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(transparent)]
        // Ids stay far below 2^53, so a TypeScript `number` holds them exactly; specta is told
        // "u32" only because that is its spelling of a plain, never-null `number`.
        pub struct $name(#[cfg_attr(feature = "specta", specta(type = u32))] pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<u64> for $name {
            fn from(raw: u64) -> Self {
                Self(raw)
            }
        }
    };
}

id_type!(
    /// An organisation ("account" in the API).
    AccountId
);
id_type!(
    /// A person's Infomaniak user id.
    UserId
);
id_type!(
    /// A work team of an organisation.
    TeamId
);
id_type!(
    /// A product (a domain, a hosting, a kSuite…).
    ProductId
);
id_type!(
    /// A pending or past invitation to an organisation.
    InvitationId
);
id_type!(
    /// An invoice.
    InvoiceId
);
id_type!(
    /// A kind of product (`service_id`: domains, hosting, kDrive…).
    ServiceId
);
id_type!(
    /// A mailbox, as invitations grant access to it.
    MailboxId
);
