//! The commands the web view may call: one module per resource, mirroring
//! `coverdesk-ipc` and `ui/src/ipc/`. Each `#[tauri::command]` is a thin wrapper over a
//! plain async function that tests call directly.

pub mod assignments;
pub mod audit;
pub mod compliance;
pub mod contractors;
pub mod desktop;
pub mod documents;
pub mod drafts;
pub mod entities;
pub mod jobs;
pub mod policies;
pub mod quotes;
mod records;
pub mod records_csv;
pub mod sessions;
pub mod settings;
pub mod startup;
pub mod sync;
#[cfg(test)]
pub(crate) mod test_support;

/// Event telling the UI that the cache of a resource changed; payload: the resource name.
pub const CACHE_CHANGED: &str = "cache-changed";
