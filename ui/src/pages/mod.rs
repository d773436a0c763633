//! One page per sidebar entry.

pub mod contractors;
pub mod entities;
pub mod jobs;
pub mod policies;
pub mod settings;
