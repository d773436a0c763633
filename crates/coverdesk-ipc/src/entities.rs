use serde::{Deserialize, Serialize};

/// Names of the backend commands for entities (`src-tauri/src/commands/entities.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Entity>` from the cache.
    pub const LIST: &str = "entities_list";
    /// args `{ input: ten99::EntityInput }` → `ten99::Entity`.
    pub const CREATE: &str = "entities_create";
    /// no args → [`super::RefreshSummary`]: pulls every page from the API into the cache.
    pub const REFRESH: &str = "entities_refresh";
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many entities the API returned.
    pub fetched: usize,
}
