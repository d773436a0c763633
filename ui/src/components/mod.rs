//! Small views named after what they show.

pub mod address_fields;
pub mod category_picker;
pub mod coverage_checkboxes;
pub mod environment_badge;
pub mod field;
pub mod form_actions;
pub mod form_alert;
pub mod form_state;
pub mod pdf_viewer;
pub mod policy_notice;
pub mod select_field;
pub mod state_picker;
pub mod toast;
