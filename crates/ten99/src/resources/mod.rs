//! One module per API resource: its request and response types and their validation.

pub mod contractors;
