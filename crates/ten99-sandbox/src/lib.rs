//! A local stand-in of the 1099Policy API (reference `shared/api/1099policy-api.md`).
//!
//! A real HTTP server with the API's paths, auth forms, error bodies, paging and
//! idempotency, keeping its state in SQLite, so the client, the app and the end-to-end
//! tests can run without the internet and without a 1099Policy account. Everything
//! that is not the API (test hooks) lives under `/_sandbox/` (see `control`).
//!
//! ```no_run
//! # async fn demo() -> Result<(), ten99_sandbox::Error> {
//! let running = ten99_sandbox::start(ten99_sandbox::Options::default()).await?;
//! println!("API base: {}", running.base_url());
//! running.stop().await;
//! # Ok(()) }
//! ```

pub mod application_page;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod control;
pub mod coverage;
pub mod demo;
pub mod documents;
pub mod error;
pub mod faults;
pub mod format;
mod idempotency;
pub mod ids;
pub mod pricing;
pub mod resources;
pub mod server;
pub mod shapes;
pub mod store;
pub mod webhooks;

pub use error::Error;
pub use server::{start, Options, Running};
