//! The cache and audit steps after a write reached the API.

use crate::audit::{self, Identified};
use crate::cache::{Cache, RecordTable};
use crate::error::Result;
use crate::state::{now, Active};
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
