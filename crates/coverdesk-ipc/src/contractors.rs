use serde::{Deserialize, Serialize};

/// Names of the backend commands for contractors (`src-tauri/src/commands/contractors.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Contractor>` from the cache.
    pub const LIST: &str = "contractors_list";
    /// args `{ input: ten99::ContractorInput }` → `ten99::Contractor`.
    pub const CREATE: &str = "contractors_create";
    /// no args → [`super::RefreshSummary`]: pulls every page from the API into the cache.
    pub const REFRESH: &str = "contractors_refresh";
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many contractors the API returned.
    pub fetched: usize,
}
