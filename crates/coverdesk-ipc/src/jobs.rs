use serde::{Deserialize, Serialize};

/// Names of the backend commands for jobs and their category codes
/// (`src-tauri/src/commands/jobs.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Job>` from the cache.
    pub const LIST: &str = "jobs_list";
    /// args `{ input: ten99::JobInput }` → `ten99::Job`.
    pub const CREATE: &str = "jobs_create";
    /// no args → [`super::RefreshSummary`]: pulls every page from the API into the cache.
    pub const REFRESH: &str = "jobs_refresh";
    /// no args → `Vec<ten99::JobCategory>`: the approved category codes, from the cache,
    /// fetched from the API first when the cache has none yet.
    pub const CATEGORIES: &str = "job_categories_list";
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshSummary {
    /// How many jobs the API returned.
    pub fetched: usize,
}
