//! One page per sidebar entry.

pub mod contractors;
pub mod settings;
