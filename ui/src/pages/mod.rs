//! One page per sidebar entry.

pub mod audit;
pub mod contractors;
pub mod entities;
pub mod jobs;
mod record_screen;
pub mod settings;
