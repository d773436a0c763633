//! Webhooks (reference §5): signing deliveries and delivering them in the
//! background with retries. The endpoints resource registers URLs and secrets; the
//! events it records are handed to a [`Deliverer`].

pub mod delivery;
mod http;
pub mod signature;

pub use delivery::{Attempt, Deliverer, Delivery, RetrySchedule};
