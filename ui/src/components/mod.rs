//! Small views named after what they show.

pub mod environment_badge;
pub mod field;
pub mod state_picker;
pub mod toast;
