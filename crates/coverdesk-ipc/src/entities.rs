use serde::{Deserialize, Serialize};

/// Names of the backend commands for entities (`src-tauri/src/commands/entities.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Entity>` from the cache.
    pub const LIST: &str = "entities_list";
    /// args `{ input: ten99::EntityInput }` → `ten99::Entity`.
    pub const CREATE: &str = "entities_create";
    /// args `{ id: String, update: ten99::EntityUpdate }` → `ten99::Entity`: a partial PUT of the
    /// fields set in `update`.
    pub const UPDATE: &str = "entities_update";
    /// args `{ id: String }` → `ten99::Deleted`.
    pub const DELETE: &str = "entities_delete";
    /// args `{ id: String }` → [`super::EntityDetail`]: the record and its related records.
    pub const DETAIL: &str = "entities_detail";
    /// no args → [`super::RefreshSummary`]: pulls every page from the API into the cache.
    pub const REFRESH: &str = "entities_refresh";
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many entities the API returned.
    pub fetched: usize,
}

/// An entity and its jobs (from the cache).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityDetail {
    pub entity: ten99::Entity,
    pub jobs: Vec<ten99::Job>,
}
