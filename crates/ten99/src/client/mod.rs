//! Async HTTP client for the 1099Policy API (feature `client`).
//!
//! One [`Client`] per API base, key and environment; one accessor per resource
//! ([`Client::contractors`], [`Client::quotes`], …) with the calls the reference lists.
//! Every call sends `Authorization: Bearer <key>` and `Ten99Policy-Environment`; every
//! POST gets a fresh `Ten99Policy-Idempotent-Key`, reused on its retries (see
//! [`RetryPolicy`]). List calls return one page; `stream` walks all of them.
//!
//! The whole flow of the integration guide — a contractor, the entity they work for,
//! the job, a quote, and the hosted application session to send them to:
//!
//! ```no_run
//! use ten99::client::{ApiKey, Client};
//! use ten99::*;
//!
//! # async fn flow() -> Result<(), ten99::client::Error> {
//! let client = Client::new(
//!     "https://api.1099policy.com",
//!     ApiKey::new("t9sk_test_c6a100e0-88b2-4548-a9ca-d4b681503946"),
//!     Environment::Sandbox,
//! )?;
//! let address = Address {
//!     line1: "1 Kearny St".into(),
//!     locality: "San Francisco".into(),
//!     region: "CA".into(),
//!     postalcode: "94104".into(),
//!     ..Default::default()
//! };
//! let contractor = client
//!     .contractors()
//!     .create(&ContractorInput {
//!         first_name: "Joe".into(),
//!         last_name: "Parker".into(),
//!         email: "joe@example.com".into(),
//!         phone: "415-474-9088".into(),
//!         address: address.clone(),
//!         ..Default::default()
//!     })
//!     .await?;
//! let entity = client
//!     .entities()
//!     .create(&EntityInput {
//!         name: "Apple, Inc".into(),
//!         required_coverage: vec![CoverageType::General],
//!         ..Default::default()
//!     })
//!     .await?;
//! // Category codes are pre-approved per organisation; take the first.
//! let category = client.job_categories().list_all().await?.remove(0);
//! let job = client
//!     .jobs()
//!     .create(&JobInput {
//!         name: "Field technician".into(),
//!         description: "Installs and repairs equipment on site".into(),
//!         entity: entity.id.clone(),
//!         category_code: category.category_code,
//!         wage: Cents(15_000),
//!         wage_type: Some(WageType::Flatfee),
//!         address: Some(address),
//!         ..Default::default()
//!     })
//!     .await?;
//! let quote = client
//!     .quotes()
//!     .create(&QuoteInput {
//!         contractor: contractor.id.clone(),
//!         job: job.id.clone(),
//!         coverage_type: vec![CoverageType::General, CoverageType::WorkersComp],
//!         ..Default::default()
//!     })
//!     .await?;
//! let session = client
//!     .sessions()
//!     .create(&SessionInput::for_quote(
//!         &quote.id,
//!         "https://platform.example/insured",
//!         "https://platform.example/not-insured",
//!     ))
//!     .await?;
//! println!("send {} to {}", contractor.full_name(), session.url.unwrap_or_default());
//! # Ok(()) }
//! ```
//!
//! Paging through everything, lazily:
//!
//! ```no_run
//! use futures_util::TryStreamExt;
//! # async fn demo(client: ten99::client::Client) -> Result<(), ten99::client::Error> {
//! let mut contractors = client.contractors().stream(100);
//! while let Some(contractor) = contractors.try_next().await? {
//!     println!("{}", contractor.full_name());
//! }
//! # Ok(()) }
//! ```

#[macro_use]
mod macros;

mod api_key;
mod builder;
mod documents;
mod error;
mod error_code;
mod list;
mod paging;
mod retry;
mod transport;

pub mod assignments;
pub mod certificates;
pub mod contractors;
pub mod entities;
pub mod events;
pub mod invoices;
pub mod job_categories;
pub mod jobs;
pub mod policies;
pub mod quotes;
pub mod sessions;
pub mod webhook_endpoints;

pub use api_key::ApiKey;
pub use builder::ClientBuilder;
pub use error::Error;
pub use error_code::ErrorCode;
pub use list::ListParams;
pub use paging::Paged;
pub use retry::{RetryPolicy, SHOULD_RETRY_HEADER};

use crate::environment::Environment;
use std::sync::Arc;

/// Header carrying the idempotency key of a POST (reference §1.5).
pub const IDEMPOTENCY_HEADER: &str = "Ten99Policy-Idempotent-Key";

/// A client for one API base, key and environment. Cheap to clone (shared inside).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base: String,
    url: reqwest::Url,
    key: ApiKey,
    environment: Environment,
    retry: RetryPolicy,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .field("key", &self.inner.key)
            .field("environment", &self.inner.environment)
            .field("retry", &self.inner.retry)
            .finish()
    }
}

impl Client {
    /// A client with the default retries and timeouts. `base` is the host part, e.g.
    /// `https://api.1099policy.com`; `/api/v1` is added here.
    pub fn new(base: &str, key: ApiKey, environment: Environment) -> Result<Client, Error> {
        ClientBuilder::new(base, key)
            .environment(environment)
            .build()
    }

    /// For anything but the defaults: retries, timeouts.
    pub fn builder(base: impl Into<String>, key: ApiKey) -> ClientBuilder {
        ClientBuilder::new(base, key)
    }

    /// The API base this client calls, without the trailing `/` (`/api/v1` is added per call).
    pub fn base(&self) -> &str {
        &self.inner.base
    }

    /// The `Ten99Policy-Environment` every request sends.
    pub fn environment(&self) -> Environment {
        self.inner.environment
    }

    /// How failed attempts are retried.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// `/api/v1/contractors`: the people covered.
    pub fn contractors(&self) -> contractors::Contractors<'_> {
        contractors::Contractors { client: self }
    }

    /// `/api/v1/entities`: the companies the work is for.
    pub fn entities(&self) -> entities::Entities<'_> {
        entities::Entities { client: self }
    }

    /// `/api/v1/jobs`: the work, its pay and classification.
    pub fn jobs(&self) -> jobs::Jobs<'_> {
        jobs::Jobs { client: self }
    }

    /// `/api/v1/category_codes`: the job categories approved for the organisation.
    pub fn job_categories(&self) -> job_categories::JobCategories<'_> {
        job_categories::JobCategories { client: self }
    }

    /// `/api/v1/quotes`: the price of cover.
    pub fn quotes(&self) -> quotes::Quotes<'_> {
        quotes::Quotes { client: self }
    }

    /// `/api/v1/apply/sessions`: hosted insurance applications.
    pub fn sessions(&self) -> sessions::Sessions<'_> {
        sessions::Sessions { client: self }
    }

    /// `/api/v1/policies`: bound cover.
    pub fn policies(&self) -> policies::Policies<'_> {
        policies::Policies { client: self }
    }

    /// `/api/v1/assignments`: repeat cover for a contractor's next job.
    pub fn assignments(&self) -> assignments::Assignments<'_> {
        assignments::Assignments { client: self }
    }

    /// `/api/v1/invoices`: premium per pay period.
    pub fn invoices(&self) -> invoices::Invoices<'_> {
        invoices::Invoices { client: self }
    }

    /// `/api/v1/events`: what happened, newest first.
    pub fn events(&self) -> events::Events<'_> {
        events::Events { client: self }
    }

    /// `/api/v1/webhook_endpoints`: where events are delivered.
    pub fn webhook_endpoints(&self) -> webhook_endpoints::WebhookEndpoints<'_> {
        webhook_endpoints::WebhookEndpoints { client: self }
    }

    /// `/api/v1/files/certificates`: certificates of insurance uploaded for review.
    pub fn certificates(&self) -> certificates::Certificates<'_> {
        certificates::Certificates { client: self }
    }
}
