//! One page per sidebar entry.

pub mod audit;
pub mod compliance;
pub mod contractors;
pub mod entities;
pub mod jobs;
pub mod policies;
pub mod quotes;
mod record_page;
pub mod sessions;
pub mod settings;
