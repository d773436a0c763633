//! The one path the contractor, entity and job commands share: list from the cache;
//! create and update (normalize, validate, call the API, audit, cache); delete; the
//! detail (cached or fetched, with its related records); refresh. What differs between
//! the kinds is the [`Record`] trait; each kind's module implements it with
//! [`record_impl!`] and writes its commands with [`record_commands!`].
//!
//! It lives here, beside the commands, rather than in `cache/`: the steps reach the
//! app's state, the client, the audit log and the web view's events, which are the
//! commands' business; the cache stays a store of rows that knows none of them.

mod after_write;
mod commands;
mod events;
mod record;
mod related;

pub(crate) use after_write::{after_delete, after_save};
pub(crate) use commands::record_commands;
pub(crate) use events::{announced, reporter};
pub(crate) use record::{record_impl, Record};
pub(crate) use related::quotes_and_assignments;

use crate::cache::RecordTable;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use crate::sync::Refreshes;
use tauri::AppHandle;
use ten99::Deleted;

pub(crate) async fn list<K: Record>(state: &AppState, search: Option<String>) -> Result<Vec<K>> {
    K::cached(&state.active().await.cache, search.as_deref())
}

/// Validates before anything is sent: a form with errors never reaches the API (nor
/// the audit log: it never left the app).
pub(crate) async fn create<K: Record>(state: &AppState, input: K::Input) -> Result<K> {
    let input = checked_input::<K>(input)?;
    let active = state.active_for_write().await?;
    let result = K::send_create(&active.client, &input)
        .await
        .map_err(Error::from);
    after_save(&active, "create", K::KIND, None, result, K::cache)
}

/// The input as it is sent ([`Record::normalized_input`]) once it passes `ten99`'s
/// checks; their field errors otherwise.
pub(crate) fn checked_input<K: Record>(input: K::Input) -> Result<K::Input> {
    let input = K::normalized_input(input);
    K::validate_input(&input)
        .into_result()
        .map_err(Error::Invalid)?;
    Ok(input)
}

/// A partial PUT: only the fields set in `update` change.
pub(crate) async fn update<K: Record>(state: &AppState, id: &str, update: K::Update) -> Result<K> {
    let update = K::normalized_update(update);
    K::validate_update(&update)
        .into_result()
        .map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = K::send_update(&active.client, id, &update)
        .await
        .map_err(Error::from);
    after_save(&active, "update", K::KIND, Some(id), result, K::cache)
}

/// Deletes for good (the API also cancels the policies that depended on the record).
pub(crate) async fn delete<K: Record>(state: &AppState, id: &str) -> Result<Deleted> {
    let active = state.active_for_write().await?;
    let result = K::send_delete(&active.client, id)
        .await
        .map_err(Error::from);
    after_delete(&active, K::TABLE, K::KIND, id, result)
}

/// The record from the cache (or the API, when the cache has not seen it yet, which
/// then keeps it), with what [`Record::detail`] adds.
pub(crate) async fn detail<K: Record>(state: &AppState, id: &str) -> Result<K::Detail> {
    let active = state.active().await;
    let record = match active.cache.cached_record::<K>(K::TABLE, id)? {
        Some(record) => record,
        None => {
            let fetched = K::fetch(&active.client, id).await?;
            K::cache(&active.cache, std::slice::from_ref(&fetched), now())?;
            fetched
        }
    };
    K::detail(&active, record, id).await
}

/// Walks every page of `table` now; the number of records the API returned (0 when a
/// walk of it was already running, which then reports on its own). By table, not by
/// kind: nothing kind-specific enters a walk (`sync` runs the same one on a timer).
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

/// [`refresh`] of `K`'s table, reporting its progress to the web view.
pub(crate) async fn refresh_reported<K: Record>(
    app: &AppHandle,
    state: &AppState,
    refreshes: &Refreshes,
) -> Result<usize> {
    refresh(state, refreshes, K::TABLE, &reporter(app, K::TABLE)).await
}
