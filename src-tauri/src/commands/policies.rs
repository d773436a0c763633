//! Policies: listed from the cache (which the follow task and Refresh fill), fetched,
//! cancelled.

use super::CACHE_CHANGED;
use crate::error::Result;
use crate::state::{now, Active, AppState};
use coverdesk_ipc::policies::{PolicyFilter, PolicyRow, RefreshSummary};
use tauri::{AppHandle, Emitter, State};
use ten99::client::Client;
use ten99::{Policy, PolicyStatus, PolicyUpdate};

pub async fn list(state: &AppState, filter: PolicyFilter) -> Result<Vec<PolicyRow>> {
    state.active().await.cache.list_policies(&filter, now())
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.policies().list_all().await?;
    let mut rows = Vec::with_capacity(all.len());
    for policy in all {
        rows.push(describe(&active, policy).await);
    }
    active.cache.upsert_policies(&rows, now())?;
    Ok(RefreshSummary {
        fetched: rows.len(),
    })
}

pub async fn get(state: &AppState, id: &str) -> Result<PolicyRow> {
    let active = state.active().await;
    let policy = active.client.policies().get(id.trim()).await?;
    let row = describe(&active, policy).await;
    active
        .cache
        .upsert_policies(std::slice::from_ref(&row), now())?;
    Ok(row)
}

/// Ends cover now. `PUT {is_active: false}` rather than `DELETE`: the policy stays
/// visible (as cancelled) with its documents.
pub async fn cancel(state: &AppState, id: &str) -> Result<PolicyRow> {
    let active = state.active_for_write().await?;
    let update = PolicyUpdate {
        is_active: Some(false),
    };
    let policy = active.client.policies().update(id.trim(), &update).await?;
    let row = describe(&active, policy).await;
    active
        .cache
        .upsert_policies(std::slice::from_ref(&row), now())?;
    Ok(row)
}

/// The policy with who and what it covers, looked up through its quote. The policy is
/// worth keeping even when those lookups fail (a contractor deleted since, the network
/// gone): the row then shows the ids it has.
pub async fn describe(active: &Active, policy: Policy) -> PolicyRow {
    let client: &Client = &active.client;
    let quote = match &policy.quote {
        Some(id) => client.quotes().get(id).await.ok(),
        None => None,
    };
    let (contractor, job, coverage) = match &quote {
        Some(q) => (
            Some(q.contractor.clone()),
            Some(q.job.clone()),
            q.coverage_type.clone(),
        ),
        None => (None, None, Vec::new()),
    };
    let contractor_name = match &contractor {
        Some(id) => client
            .contractors()
            .get(id)
            .await
            .ok()
            .map(|c| c.full_name()),
        None => None,
    };
    let job_name = match &job {
        Some(id) => client.jobs().get(id).await.ok().map(|j| j.name),
        None => None,
    };
    let status = policy
        .current_status()
        .unwrap_or_else(|| PolicyStatus::Unknown("unknown".into()));
    PolicyRow {
        policy,
        status,
        contractor,
        contractor_name,
        job,
        job_name,
        coverage,
    }
}

#[tauri::command]
pub async fn policies_list(
    state: State<'_, AppState>,
    filter: Option<PolicyFilter>,
) -> Result<Vec<PolicyRow>> {
    list(&state, filter.unwrap_or_default()).await
}

#[tauri::command]
pub async fn policies_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    // The UI re-queries the cache when it hears this; failing to emit only delays that.
    let _ = app.emit(CACHE_CHANGED, "policies");
    Ok(summary)
}

#[tauri::command]
pub async fn policies_get(state: State<'_, AppState>, id: String) -> Result<PolicyRow> {
    get(&state, &id).await
}

#[tauri::command]
pub async fn policies_cancel(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<PolicyRow> {
    let row = cancel(&state, &id).await?;
    let _ = app.emit(CACHE_CHANGED, "policies");
    Ok(row)
}
