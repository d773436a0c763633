//! What the record commands tell the web view: a refresh's progress, and that a cache
//! changed.

use super::Record;
use crate::cache::RecordTable;
use crate::commands::CACHE_CHANGED;
use crate::error::Result;
use coverdesk_ipc::sync::PROGRESS_EVENT;
use tauri::{AppHandle, Emitter};

/// Tells the web view about a refresh's progress and, at its end, that the cache changed.
pub(crate) fn reporter(
    app: &AppHandle,
    table: RecordTable,
) -> impl Fn(coverdesk_ipc::sync::SyncStatus) + Send + Sync + '_ {
    move |status| {
        // Failing to emit only delays what the UI shows; the cache is already written.
        let _ = app.emit(PROGRESS_EVENT, &status);
        if !status.running {
            let _ = app.emit(CACHE_CHANGED, table.name());
        }
    }
}

/// Tells the web view a write changed the cache of `table`.
pub(crate) fn changed(app: &AppHandle, table: RecordTable) {
    let _ = app.emit(CACHE_CHANGED, table.name());
}

/// A write's `result`, after telling the web view, when it succeeded, that the cache
/// of `K` changed.
pub(crate) fn announced<K: Record, T>(app: &AppHandle, result: Result<T>) -> Result<T> {
    let written = result?;
    changed(app, K::TABLE);
    Ok(written)
}
