//! The commands the web view may call: one module per resource, mirroring
//! `coverdesk-ipc` and `ui/src/ipc/`. Each `#[tauri::command]` is a thin wrapper over a
//! plain async function that tests call directly.

pub mod assignments;
pub mod contractors;
pub mod documents;
pub mod entities;
pub mod jobs;
pub mod policies;
pub mod settings;
#[cfg(test)]
pub(crate) mod test_support;

/// Event telling the UI that the cache of a resource changed; payload: the resource name.
pub const CACHE_CHANGED: &str = "cache-changed";
