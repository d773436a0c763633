//! Keeping the cache in step with the API (`src-tauri/src/commands/sync.rs`).
use serde::{Deserialize, Serialize};

/// Names of the backend commands and events of the background refresh.
pub mod command {
    /// no args → `Vec<`[`super::SyncStatus`]`>`, one per record list.
    pub const STATUS: &str = "sync_status";
    /// args `{ resource: Option<String> }` → `Vec<`[`super::SyncStatus`]`>` once that
    /// list (or every list) was walked; progress comes meanwhile as
    /// [`super::PROGRESS_EVENT`], and `cache-changed` at the end.
    pub const REFRESH: &str = "sync_refresh";
}

/// Event naming a resource (`"contractors"`) whose cache changed; lists re-read it.
pub const CACHE_CHANGED_EVENT: &str = "cache-changed";

/// Event with a [`SyncStatus`] payload, sent as a refresh walks the pages and when it ends.
pub const PROGRESS_EVENT: &str = "sync-progress";

/// The record lists the background refresh keeps, by the name `cache-changed` carries.
pub const RESOURCES: [&str; 3] = ["contractors", "entities", "jobs"];

/// How fresh one cached list is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// `contractors`, `entities` or `jobs`.
    pub resource: String,
    /// When every page was last read from the API (unix seconds); `None`: never.
    pub refreshed_at: Option<i64>,
    /// When the last refresh ended, whether it worked or not.
    pub attempted_at: Option<i64>,
    /// Why the last refresh failed; `None` when it worked.
    pub last_error: Option<String>,
    /// The last failure was the API being out of reach (the list is served from the cache).
    pub offline: bool,
    /// A refresh is walking the pages now.
    pub running: bool,
    /// Records read so far by the running refresh, or by the last one.
    pub fetched: usize,
}
