//! The 1099Policy API in Rust.
//!
//! The model and its validation build everywhere, including `wasm32-unknown-unknown`,
//! so the Coverdesk front end checks a form with exactly the rules the backend enforces
//! before any call. The async HTTP client lives behind the `client` feature.
//!
//! Conventions of the API kept by the types here: IDs are prefixed strings (`cn_…`),
//! money is integer cents ([`Cents`], [`RatePer100`]), times are Unix seconds
//! ([`UnixTime`]). Decoding is tolerant of the shapes the real API is known to send
//! (numeric strings, ISO dates, Python-literal strings, `"null"`); encoding is exactly
//! what the official SDKs send.
//!
//! The crate's README (with feature `client`, its example is compiled as a doctest) follows.
#![cfg_attr(feature = "client", doc = include_str!("../README.md"))]
#![warn(missing_docs)]

#[macro_use]
mod string_enum;

pub mod address;
pub mod compare;
pub mod coverage;
pub mod decode;
pub mod environment;
pub mod error_body;
pub mod list;
pub mod money;
pub mod resources;
pub mod time;
pub mod validation;

#[cfg(feature = "client")]
pub mod client;
#[cfg(feature = "webhooks")]
pub mod webhooks;

pub use address::Address;
pub use coverage::CoverageType;
pub use environment::Environment;
pub use error_body::ErrorBody;
pub use list::List;
pub use money::{Cents, MoneyError, RatePer100};
pub use resources::assignments::{
    Assignment, AssignmentCancel, AssignmentInput, AssignmentUpdate, CancellationReason,
    Eligibility,
};
pub use resources::certificates::{
    AuditResult, Certificate, CertificateStatus, CertificateUpload, ReviewResults, ReviewSummary,
};
pub use resources::contractors::{Contractor, ContractorInput, ContractorUpdate};
pub use resources::deleted::Deleted;
pub use resources::entities::{CoverageLimit, Entity, EntityInput, EntityUpdate};
pub use resources::events::{Event, EventObject, EventType};
pub use resources::invoices::{Invoice, InvoiceInput, InvoiceUpdate};
pub use resources::job_categories::JobCategory;
pub use resources::jobs::{Job, JobInput, JobUpdate, WageType};
pub use resources::policies::{CoiUrls, Policy, PolicyInput, PolicyStatus, PolicyUpdate};
pub use resources::quotes::{
    CoverageLine, DecimalRate, Quote, QuoteBreakdown, QuoteInput, QuoteUpdate,
};
pub use resources::sessions::{Session, SessionInput, SessionStep, SessionUpdate};
pub use resources::webhook_endpoints::{
    WebhookEndpoint, WebhookEndpointInput, WebhookEndpointUpdate,
};
pub use time::UnixTime;
pub use validation::FieldErrors;
