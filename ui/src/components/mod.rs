//! Small views named after what they show.

pub mod address_fields;
pub mod category_picker;
pub mod check_field;
pub mod confirm_dialog;
pub mod coverage_checkboxes;
pub mod delete_dialog;
pub mod detail_card;
pub mod draft_keeper;
pub mod draft_signals;
pub mod environment_badge;
pub mod export_button;
pub mod field;
pub mod form_actions;
pub mod form_alert;
pub mod form_state;
pub mod metadata_rows;
pub mod pdf_viewer;
pub mod policy_notice;
pub mod record_detail;
pub mod record_form;
pub mod record_list;
pub mod record_table;
pub mod select_field;
pub mod state_picker;
pub mod sync_status;
pub mod toast;
