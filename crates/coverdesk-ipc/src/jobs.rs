use serde::{Deserialize, Serialize};

/// Names of the backend commands for jobs and their category codes
/// (`src-tauri/src/commands/jobs.rs`).
pub mod command {
    /// args `{ search: Option<String> }` → `Vec<ten99::Job>` from the cache.
    pub const LIST: &str = "jobs_list";
    /// args `{ input: ten99::JobInput }` → `ten99::Job`.
    pub const CREATE: &str = "jobs_create";
    /// args `{ id: String, update: ten99::JobUpdate }` → `ten99::Job`: a partial PUT of the
    /// fields set in `update`.
    pub const UPDATE: &str = "jobs_update";
    /// args `{ id: String }` → `ten99::Deleted`.
    pub const DELETE: &str = "jobs_delete";
    /// args `{ id: String }` → [`super::JobDetail`]: the record and its related records.
    pub const DETAIL: &str = "jobs_detail";
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

/// A job, the entity it is for, and its quotes and assignments (from the API).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    pub job: ten99::Job,
    pub entity: Option<ten99::Entity>,
    /// The category's name, when the cache has it.
    pub category_name: Option<String>,
    pub quotes: Vec<ten99::Quote>,
    pub assignments: Vec<ten99::Assignment>,
    /// Why the quotes and assignments could not be fetched from the API (offline, …).
    pub related_error: Option<String>,
}
