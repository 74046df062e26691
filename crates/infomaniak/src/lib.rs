//! A typed, paced client for the Infomaniak API.
//!
//! Every request of a token goes through one [`Budget`] (60 per rolling minute, interactive before
//! background); reads are retried on 429, 5xx and dropped connections, mutations never are. Errors
//! keep what the API said ([`ApiFailure`]) and the route's [`Tier`], so the app can tell a missing
//! route from a missing scope from an expired token.

mod api;
mod budget;
mod client;
mod clock;
mod envelope;
mod error;
mod ids;
pub mod models;
pub mod retry;
mod routes;
mod token;

pub use budget::{API_LIMIT_PER_MINUTE, Budget, DEFAULT_MARGIN, Priority};
pub use client::{Client, ClientBuilder, PRODUCTION_BASE_URL};
pub use clock::{Clock, TokioClock};
pub use envelope::Envelope;
pub use error::{ApiFailure, Error, FieldError, TransportKind};
pub use ids::{AccountId, InvitationId, InvoiceId, ProductId, TeamId, UserId};
pub use routes::{Method, Route, Tier};
pub use token::ApiToken;
