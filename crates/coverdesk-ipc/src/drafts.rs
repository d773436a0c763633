//! Drafts: what an open record form holds, saved as it is typed
//! (`src-tauri/src/commands/drafts.rs`).

use serde::{Deserialize, Serialize};

/// Names of the backend commands for drafts.
pub mod command {
    /// args `{ form: DraftForm, recordId: Option<String> }` → `Option<SavedDraft>`.
    pub const GET: &str = "drafts_get";
    /// args `{ form, recordId, body: String }` → [`super::SavedDraft`].
    pub const SAVE: &str = "drafts_save";
    /// args `{ form, recordId }` → `()`.
    pub const DISCARD: &str = "drafts_discard";
}

/// The forms that keep drafts. Only record forms: the API key form never does, so a
/// draft cannot hold a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftForm {
    Contractor,
    Entity,
    Job,
}

impl DraftForm {
    pub fn as_str(self) -> &'static str {
        match self {
            DraftForm::Contractor => "contractor",
            DraftForm::Entity => "entity",
            DraftForm::Job => "job",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    /// The form's values as its own JSON.
    pub body: String,
    /// Unix seconds.
    pub saved_at: i64,
}

/// The largest draft kept; a form's values are a few hundred bytes.
pub const MAX_DRAFT_BYTES: usize = 64 * 1024;
