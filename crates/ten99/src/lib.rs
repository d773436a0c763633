//! The 1099Policy API in Rust.
//!
//! The model and its validation build everywhere, including `wasm32-unknown-unknown`,
//! so the Coverdesk front end checks a form with exactly the rules the backend enforces
//! before any call. The async HTTP client lives behind the `client` feature.
//!
//! Conventions of the API kept by the types here: IDs are prefixed strings (`cn_…`),
//! money is integer cents, times are Unix seconds.

pub mod address;
pub mod decode;
pub mod environment;
pub mod error_body;
pub mod resources;
pub mod validation;

#[cfg(feature = "client")]
pub mod client;

pub use address::Address;
pub use environment::Environment;
pub use error_body::ErrorBody;
pub use resources::contractors::{Contractor, ContractorInput};
pub use validation::FieldErrors;
