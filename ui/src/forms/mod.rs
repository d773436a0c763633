//! What forms hold and which problems they show, in plain Rust so it is tested natively
//! (`cargo test -p coverdesk-ui`) without a browser.

pub mod contractor_draft;
pub mod field_ids;
pub mod form_feedback;

pub use contractor_draft::ContractorDraft;
pub use form_feedback::FormFeedback;
