//! What forms hold and which problems they show, in plain Rust so it is tested natively
//! (`cargo test -p coverdesk-ui`) without a browser.

pub mod address_draft;
pub mod application_message;
pub mod changes;
pub mod contractor_draft;
pub mod contractor_import;
pub mod entity_draft;
pub mod field_ids;
pub mod form_feedback;
pub mod job_draft;
pub mod metadata_draft;
pub mod quote_request_draft;
pub mod record_draft;
pub mod typed_numbers;

pub use address_draft::AddressDraft;
pub use contractor_draft::ContractorDraft;
pub use entity_draft::EntityDraft;
pub use form_feedback::FormFeedback;
pub use job_draft::JobDraft;
