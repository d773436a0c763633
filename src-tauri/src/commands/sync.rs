use super::records::reporter;
use crate::cache::RecordTable;
use crate::error::Result;
use crate::state::AppState;
use crate::sync::{Refreshes, INTERVAL};
use coverdesk_ipc::sync::{SyncStatus, RESOURCES};
use tauri::{AppHandle, Emitter, Manager, State};

const TABLES: [RecordTable; 3] = [
    RecordTable::Entities,
    RecordTable::Jobs,
    RecordTable::Contractors,
];

/// How fresh each cached record list is, in the environment in use.
pub async fn status(state: &AppState, refreshes: &Refreshes) -> Result<Vec<SyncStatus>> {
    let active = state.active().await;
    RESOURCES
        .iter()
        .filter_map(|name| RecordTable::from_name(name))
        .map(|table| refreshes.status(&active.cache, table))
        .collect()
}

/// Walks every list (or the one named) from the API into the cache, reporting as it
/// goes. Failures are kept in the sync log, which the lists show; nothing to return.
pub async fn refresh_now(app: &AppHandle, resource: Option<&str>) {
    let state = app.state::<AppState>();
    let refreshes = app.state::<Refreshes>();
    let active = state.active().await;
    for table in TABLES {
        if resource.is_some_and(|name| name != table.name()) {
            continue;
        }
        let _ = refreshes
            .refresh(&active, table, &reporter(app, table))
            .await;
    }
    if resource.is_none() {
        refresh_coverage(app, &state).await;
    }
}

/// The quotes, application links, policies and assignments the compliance desk works from. Their
/// pages refresh them on demand and the follow task adds bound policies as they come;
/// this brings in what changed elsewhere (a link expired, a quote made by another
/// tool). A failure leaves the cache as it was, to be tried again next time.
async fn refresh_coverage(app: &AppHandle, state: &AppState) {
    let refreshed = [
        ("quotes", super::quotes::refresh(state).await.is_ok()),
        ("sessions", super::sessions::refresh(state).await.is_ok()),
        ("policies", super::policies::refresh(state).await.is_ok()),
        (
            "assignments",
            super::assignments::refresh(state).await.is_ok(),
        ),
    ];
    for (resource, ok) in refreshed {
        if ok {
            let _ = app.emit(super::CACHE_CHANGED, resource);
        }
    }
}

/// On start, then every [`INTERVAL`], for as long as the app runs.
pub fn keep_fresh(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            refresh_now(&app, None).await;
            tokio::time::sleep(INTERVAL).await;
        }
    });
}

#[tauri::command]
pub async fn sync_status(
    state: State<'_, AppState>,
    refreshes: State<'_, Refreshes>,
) -> Result<Vec<SyncStatus>> {
    status(&state, &refreshes).await
}

/// Walks the list named (or every list) now and answers with the statuses once done;
/// progress arrives meanwhile as events.
#[tauri::command]
pub async fn sync_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
    refreshes: State<'_, Refreshes>,
    resource: Option<String>,
) -> Result<Vec<SyncStatus>> {
    refresh_now(&app, resource.as_deref()).await;
    status(&state, &refreshes).await
}
