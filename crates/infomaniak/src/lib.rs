//! A typed, paced client for the Infomaniak API.
//!
//! Every request of a token goes through one [`Budget`] (60 per rolling minute, interactive before
//! background); reads are retried on 429, 5xx and dropped connections, mutations never are. Errors
//! keep what the API said ([`ApiFailure`]) and the route's [`Tier`], so the app can tell a missing
//! route from a missing scope from an expired token.
//!
//! Lists are builders in which the builder is the query:
//!
//! ```no_run
//! # async fn demo(client: infomaniak::Client) -> Result<(), infomaniak::Error> {
//! use infomaniak::models::State;
//! use infomaniak::{AccountId, UserOrder};
//! let pending = client
//!     .users(AccountId(42))
//!     .search("ann")
//!     .state(State::Pending)
//!     .order_by(UserOrder::LastName)
//!     .per_page(100)
//!     .all()
//!     .await?;
//! # Ok(()) }
//! ```

mod api;
mod budget;
mod call;
mod client;
mod clock;
mod envelope;
mod error;
mod ids;
pub mod models;
mod paging;
pub mod retry;
mod routes;
mod token;
mod transport;

pub use api::{
    AccountProductsQuery, Direction, InvoicesQuery, PrepaidQuery, ProductOrder, ProductsQuery,
    ProfileWith, RenewalsQuery, TeamMembersQuery, TeamOrder, TeamsQuery, UserOrder, UsersQuery,
};
pub use budget::{API_LIMIT_PER_MINUTE, Budget, DEFAULT_MARGIN, Priority};
pub use client::{
    AnswerLimits, Client, ClientBuilder, MAX_JSON_ANSWER, MAX_PDF_ANSWER, PRODUCTION_BASE_URL,
};
pub use clock::{Clock, TokioClock};
pub use envelope::Envelope;
pub use error::{ApiFailure, Error, FieldError, LinkRefusal, RequestError, TransportKind};
pub use ids::{
    AccountId, InvitationId, InvoiceId, MailboxId, ProductId, ServiceId, TeamId, UserId,
};
pub use paging::{DEFAULT_PER_PAGE, Listed, MAX_PAGES, MAX_PER_PAGE, Page};
pub use routes::{Method, Route, Tier};
pub use token::ApiToken;
