//! Assignments (repeat coverage): cover for a further job of a contractor who already
//! holds a policy, and cancelling it before it starts. The page reads them from the API
//! each time (they are few per contractor and their eligibility changes with the
//! policy); every answer is also kept in the cache, where the compliance desk counts
//! them offline.

use super::CACHE_CHANGED;
use crate::audit;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::sessions::RefreshSummary;
use tauri::{AppHandle, Emitter, State};
use ten99::{Assignment, AssignmentCancel, AssignmentInput, UnixTime};

/// Newest first; only `contractor`'s when given.
pub async fn list(state: &AppState, contractor: Option<String>) -> Result<Vec<Assignment>> {
    let active = state.active().await;
    let mut all = active.client.assignments().list_all().await?;
    active.cache.upsert_assignments(&all, now())?;
    if let Some(contractor) = contractor.as_deref().map(str::trim) {
        all.retain(|a| a.contractor == contractor);
    }
    Ok(all)
}

/// Validates before anything is sent. The API answers with the eligibility verdict
/// (`eligible.result`, `eligible.message`), which the UI shows as it is.
pub async fn create(state: &AppState, input: AssignmentInput) -> Result<Assignment> {
    let input = AssignmentInput {
        contractor: input.contractor.trim().to_owned(),
        job: input.job.trim().to_owned(),
        policy: input
            .policy
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        ..input
    };
    input
        .validate(UnixTime::now())
        .into_result()
        .map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .assignments()
        .create(&input)
        .await
        .map_err(Error::from);
    audit::record(&active, "create", "assignment", None, &result);
    keep(&active, result)
}

pub async fn cancel(state: &AppState, cancel: AssignmentCancel) -> Result<Assignment> {
    let cancel = AssignmentCancel {
        job_id: cancel.job_id.trim().to_owned(),
        ..cancel
    };
    cancel.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .assignments()
        .cancel(&cancel)
        .await
        .map_err(Error::from);
    // The API cancels by job; the job is what the log names.
    audit::record(
        &active,
        "cancel",
        "assignment",
        Some(&cancel.job_id),
        &result,
    );
    keep(&active, result)
}

/// Every assignment from the API into the cache (the background refresh).
pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let all = list(state, None).await?;
    Ok(RefreshSummary { fetched: all.len() })
}

/// A write the API accepted is in the cache before the UI hears of it; a cache that
/// cannot take it is no reason to report the write as failed (the next refresh brings it).
fn keep(active: &crate::state::Active, result: Result<Assignment>) -> Result<Assignment> {
    if let Ok(assignment) = &result {
        let _ = active
            .cache
            .upsert_assignments(std::slice::from_ref(assignment), now());
    }
    result
}

#[tauri::command]
pub async fn assignments_list(
    state: State<'_, AppState>,
    contractor: Option<String>,
) -> Result<Vec<Assignment>> {
    list(&state, contractor).await
}

#[tauri::command]
pub async fn assignments_create(
    app: AppHandle,
    state: State<'_, AppState>,
    input: AssignmentInput,
) -> Result<Assignment> {
    let assignment = create(&state, input).await?;
    let _ = app.emit(CACHE_CHANGED, "assignments");
    Ok(assignment)
}

#[tauri::command]
pub async fn assignments_cancel(
    app: AppHandle,
    state: State<'_, AppState>,
    cancel: AssignmentCancel,
) -> Result<Assignment> {
    let assignment = self::cancel(&state, cancel).await?;
    let _ = app.emit(CACHE_CHANGED, "assignments");
    Ok(assignment)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{
        complete_application, pending_application, requests_seen, started,
    };
    use ten99::{CancellationReason, Cents, JobInput, WageType};

    #[tokio::test]
    async fn a_returning_contractor_gets_an_assignment_with_a_verdict_and_can_cancel_it() {
        let (_dir, state) = started().await;
        let (contractor, first_job, session) = pending_application(&state).await;
        complete_application(&state, &session.id).await;
        let client = state.active().await.client;
        let second_job = client
            .jobs()
            .create(&JobInput {
                name: "Cable inspector".into(),
                description: "Inspect the cable runs of the building.".into(),
                wage: Cents(90_000),
                wage_type: Some(WageType::Flatfee),
                entity: first_job.entity.clone(),
                category_code: first_job.category_code.clone(),
                ..Default::default()
            })
            .await
            .unwrap();
        let assignment = create(
            &state,
            AssignmentInput {
                contractor: format!(" {} ", contractor.id),
                job: second_job.id.clone(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let verdict = assignment.eligible.clone().unwrap();
        assert!(verdict.result, "{verdict:?}");
        assert!(!verdict.message.unwrap_or_default().is_empty());
        assert!(assignment.policy.is_some());

        let mine = list(&state, Some(contractor.id.clone())).await.unwrap();
        assert_eq!(mine.len(), 1);
        assert!(list(&state, Some("cn_other".into()))
            .await
            .unwrap()
            .is_empty());

        let cancelled = cancel(
            &state,
            AssignmentCancel {
                job_id: second_job.id,
                reason: Some(CancellationReason::ClientRequest),
            },
        )
        .await
        .unwrap();
        assert!(cancelled.cancelled);
        assert_eq!(cancelled.id, assignment.id);
        // The desk reads the cancel from the cache, without asking the API.
        let cache = state.active().await.cache;
        let cached = cache.list_assignments().unwrap();
        assert_eq!(cached.len(), 1);
        assert!(cached[0].cancelled, "{cached:?}");
        let records = cache.compliance_records(now()).unwrap();
        assert_eq!(records.assignments[0].id, assignment.id);
    }

    #[tokio::test]
    async fn invalid_requests_never_reach_the_api() {
        let (_dir, state) = started().await;
        let before = requests_seen(&state).await;
        let view = create(&state, AssignmentInput::default())
            .await
            .unwrap_err()
            .view();
        assert!(
            view.fields.contains_key("contractor") && view.fields.contains_key("job"),
            "{view:?}"
        );
        let view = cancel(&state, AssignmentCancel::default())
            .await
            .unwrap_err()
            .view();
        assert!(view.fields.contains_key("job_id"), "{view:?}");
        assert_eq!(requests_seen(&state).await, before);
    }
}
