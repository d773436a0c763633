//! What the contractor, entity and job commands share: the cache and audit steps after
//! a write, and the refresh command's body.

use super::CACHE_CHANGED;
use crate::audit::{self, Identified};
use crate::cache::{Cache, RecordTable};
use crate::error::Result;
use crate::state::{now, Active, AppState};
use crate::sync::Refreshes;
use coverdesk_ipc::sync::PROGRESS_EVENT;
use tauri::{AppHandle, Emitter};
use ten99::Deleted;

/// Audits a create or an update and, when the API accepted it, caches the record it
/// returned with `upsert` (the table's own, e.g. [`Cache::upsert_jobs`]).
pub(crate) fn after_save<T: Identified>(
    active: &Active,
    action: &str,
    kind: &str,
    id: Option<&str>,
    result: Result<T>,
    upsert: fn(&Cache, &[T], i64) -> Result<()>,
) -> Result<T> {
    audit::record(active, action, kind, id, &result);
    let record = result?;
    upsert(&active.cache, std::slice::from_ref(&record), now())?;
    Ok(record)
}

/// Audits a delete and, when the API confirmed it, drops the record from the cache.
pub(crate) fn after_delete(
    active: &Active,
    table: RecordTable,
    kind: &str,
    id: &str,
    result: Result<Deleted>,
) -> Result<Deleted> {
    audit::record(active, "delete", kind, Some(id), &result);
    let deleted = result?;
    active.cache.delete_record(table, id)?;
    Ok(deleted)
}

/// Walks every page of `table` now; the number of records the API returned (0 when a
/// walk of it was already running, which then reports on its own).
pub(crate) async fn refresh(
    state: &AppState,
    refreshes: &Refreshes,
    table: RecordTable,
    report: &(dyn Fn(coverdesk_ipc::sync::SyncStatus) + Send + Sync),
) -> Result<usize> {
    let active = state.active().await;
    Ok(refreshes
        .refresh(&active, table, report)
        .await?
        .unwrap_or_default())
}

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
