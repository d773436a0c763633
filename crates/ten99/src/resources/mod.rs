//! One module per API resource: its request and response types and their validation.
//!
//! Each has an `…Input` (create body), an `…Update` (partial `PUT` body, every field
//! optional) where the API allows updates, and the response type. Inputs decode as
//! tolerantly as responses, so the stand-in can read SDK-style bodies and answer with
//! field errors from the same `validate()` the forms use.

pub mod assignments;
pub mod certificates;
pub mod contractors;
mod cover_request;
pub mod deleted;
pub mod entities;
pub mod events;
pub mod invoices;
pub mod job_categories;
pub mod jobs;
pub mod policies;
pub mod quotes;
pub mod sessions;
pub mod webhook_endpoints;
