//! The audit log of changes made from Coverdesk (`src-tauri/src/commands/audit.rs`).
use serde::{Deserialize, Serialize};

pub mod command {
    /// args `{ limit: Option<u32> }` → `Vec<`[`super::AuditEntry`]`>`, newest first.
    pub const LIST: &str = "audit_list";
}

/// One change sent to the API, and how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// Unix seconds.
    pub at: i64,
    /// `local`, `sandbox` or `production`.
    pub environment: String,
    /// `create`, `update`, `delete`, …
    pub action: String,
    /// `contractor`, `entity`, `job`, …
    pub object_kind: String,
    /// The object's id; `None` when a create failed before the API gave one.
    pub object_id: Option<String>,
    /// `ok`, or the error code (`duplicate_email`, `network`, …).
    pub outcome: String,
    /// The error's message, for failures.
    pub detail: Option<String>,
}

impl AuditEntry {
    pub fn succeeded(&self) -> bool {
        self.outcome == "ok"
    }
}
