use serde::{Deserialize, Serialize};

/// Names of the backend commands for contractors (`src-tauri/src/commands/contractors.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Contractor>` from the cache.
    pub const LIST: &str = "contractors_list";
    /// args `{ input: ten99::ContractorInput }` → `ten99::Contractor`.
    pub const CREATE: &str = "contractors_create";
    /// args `{ id: String, update: ten99::ContractorUpdate }` → `ten99::Contractor`: a partial PUT of the
    /// fields set in `update`.
    pub const UPDATE: &str = "contractors_update";
    /// args `{ id: String }` → `ten99::Deleted`.
    pub const DELETE: &str = "contractors_delete";
    /// args `{ id: String }` → [`super::ContractorDetail`]: the record and its related records.
    pub const DETAIL: &str = "contractors_detail";
    /// no args → [`super::RefreshSummary`]: pulls every page from the API into the cache.
    pub const REFRESH: &str = "contractors_refresh";
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many contractors the API returned.
    pub fetched: usize,
}

/// A contractor with what hangs off it. The API links contractors to jobs only through
/// quotes and assignments, so the jobs are those of their quotes and assignments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContractorDetail {
    pub contractor: ten99::Contractor,
    pub quotes: Vec<ten99::Quote>,
    pub policies: Vec<ten99::Policy>,
    pub assignments: Vec<ten99::Assignment>,
    /// The jobs of the quotes and assignments, as far as the cache knows them.
    pub jobs: Vec<ten99::Job>,
    /// Why the related records could not be fetched from the API (offline, …): the
    /// record itself still comes from the cache.
    pub related_error: Option<String>,
}
