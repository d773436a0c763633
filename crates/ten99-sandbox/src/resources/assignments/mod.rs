//! Assignments (`/api/v1/assignments`, reference §2.8): cover for a new job of a
//! contractor who already holds a policy.
//!
//! Eligibility is judged against the contractor's most recent policy in force
//! (`no_active_policy` without one). With `bind` (the default) and a positive
//! verdict the assignment is active at once (`assignment.active`; the real service
//! waits for the card charge a day later). `POST /assignments/cancel {job_id,
//! reason}` cancels a job's assignment before it starts (`assignment.cancelled`).

mod terms;

use super::shared::{
    checked, decode, deleted, found, query, referenced, renamed, without, QueryMap,
};
use super::{bridge, decode_over_default, events, json_object, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::table::text;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{AssignmentCancel, AssignmentInput, AssignmentUpdate, UnixTime};
use terms::Ask;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assignments", get(list).post(create))
        .route("/assignments/cancel", post(cancel))
        .route(
            "/assignments/{id}",
            get(retrieve).put(update).delete(remove),
        )
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let fields = renamed(
        json_object(&body)?,
        &[("contractor_id", "contractor"), ("job_id", "job")],
    );
    let input: AssignmentInput = decode_over_default(fields)?;
    let now = bridge::now(&state, &tenant);
    checked(without(
        input.validate(UnixTime(now)),
        &["effective_date", "end_date"],
    ))?;
    let ask = Ask {
        contractor: input.contractor,
        job: input.job,
        policy: input.policy,
        coverage: input.coverage_type,
        effective: input.effective_date.map(|t| t.0),
        end: input.end_date.map(|t| t.0),
        new_start: true,
        bind: input.bind.unwrap_or(true),
    };
    let id = ids::object(ten99::resources::assignments::ID_PREFIX);
    let assignment = terms::build(&state, &tenant, &id, now, ask)?;
    state
        .store
        .assignments()
        .insert(&tenant, &id, now, &columns(&assignment), &assignment)?;
    if is_active(&assignment) {
        events::emit(
            &state,
            &tenant,
            "assignment.active",
            "assignment",
            &assignment,
        )?;
    }
    Ok((StatusCode::CREATED, Json(assignment)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(
        state.store.assignments(),
        &tenant,
        &id,
        "assignment",
    )?))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    Ok(Json(state.store.assignments().list(&tenant, &[], &page)?))
}

/// Partial; eligibility, rate and links are worked out again. A cancelled
/// assignment can no longer change (reference §2.8).
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let stored = found(state.store.assignments(), &tenant, &id, "assignment")?;
    if stored["cancelled"] == json!(true) {
        return Err(Error::rule(
            "bad_request",
            format!("Assignment {id} was cancelled and can no longer be changed."),
        ));
    }
    let change: AssignmentUpdate = decode(json_object(&body)?)?;
    let now = bridge::now(&state, &tenant);
    checked(without(
        change.validate(UnixTime(now)),
        &["effective_date", "end_date"],
    ))?;
    let text_of = |key: &str| stored[key].as_str().unwrap_or_default().to_owned();
    let ask = Ask {
        contractor: change.contractor.unwrap_or_else(|| text_of("contractor")),
        job: change.job.unwrap_or_else(|| text_of("job")),
        policy: Some(change.policy.unwrap_or_else(|| text_of("policy"))),
        coverage: match change.coverage_type {
            Some(coverage) => coverage,
            None => serde_json::from_value(stored["coverage_type"].clone()).unwrap_or_default(),
        },
        new_start: change.effective_date.is_some(),
        effective: change
            .effective_date
            .map(|t| t.0)
            .or(stored["effective_date"].as_i64()),
        end: change.end_date.map(|t| t.0).or(stored["end_date"].as_i64()),
        bind: change.bind.unwrap_or(stored["bind"] != json!(false)),
    };
    let created = stored["created"].as_i64().unwrap_or(now);
    let assignment = terms::build(&state, &tenant, &id, created, ask)?;
    state
        .store
        .assignments()
        .update(&tenant, &id, &columns(&assignment), &assignment)?;
    if is_active(&assignment) && !is_active(&stored) {
        events::emit(
            &state,
            &tenant,
            "assignment.active",
            "assignment",
            &assignment,
        )?;
    }
    Ok(Json(assignment))
}

async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    found(state.store.assignments(), &tenant, &id, "assignment")?;
    state.store.assignments().delete(&tenant, &id)?;
    Ok(Json(deleted(
        &id,
        "assignment",
        bridge::now(&state, &tenant),
    )))
}

/// `{job_id, reason}`: the job's latest live assignment, only before it starts.
async fn cancel(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let fields = renamed(json_object(&body)?, &[("job", "job_id")]);
    let input: AssignmentCancel = decode_over_default(fields)?;
    checked(input.validate())?;
    let job = &input.job_id;
    referenced(state.store.jobs(), &tenant, job, "invalid_job_id", "job")?;
    let live = state
        .store
        .assignments()
        .find(&tenant, &[("job", text(job)), ("cancelled", 0.into())])?;
    let assignment = live
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound(format!("Job {job} has no assignment to cancel.")))?;
    let now = bridge::now(&state, &tenant);
    if assignment["effective_date"]
        .as_i64()
        .is_some_and(|start| start <= now)
    {
        return Err(Error::rule(
            "bad_request",
            "An assignment can only be cancelled before its effective date.",
        ));
    }
    let reason = input.reason.map(|r| r.as_str().to_owned());
    Ok(Json(mark_cancelled(&state, &tenant, assignment, reason)?))
}

/// Cancels the assignments under `policy` that have not started yet (when the
/// policy itself is cancelled, reference §2.7).
pub(crate) fn cancel_unstarted(
    state: &AppState,
    tenant: &Tenant,
    policy: &str,
) -> Result<(), Error> {
    let now = bridge::now(state, tenant);
    let live = state
        .store
        .assignments()
        .find(tenant, &[("policy", text(policy)), ("cancelled", 0.into())])?;
    for assignment in live {
        if assignment["effective_date"]
            .as_i64()
            .is_some_and(|start| start > now)
        {
            mark_cancelled(state, tenant, assignment, None)?;
        }
    }
    Ok(())
}

fn mark_cancelled(
    state: &AppState,
    tenant: &Tenant,
    mut assignment: Value,
    reason: Option<String>,
) -> Result<Value, Error> {
    let id = assignment["id"].as_str().unwrap_or_default().to_owned();
    assignment["cancelled"] = json!(true);
    assignment["cancellation_date"] = json!(bridge::now(state, tenant));
    assignment["cancellation_reason"] = json!(reason);
    state
        .store
        .assignments()
        .update(tenant, &id, &[("cancelled", 1.into())], &assignment)?;
    events::emit(
        state,
        tenant,
        "assignment.cancelled",
        "assignment",
        &assignment,
    )?;
    Ok(assignment)
}

fn is_active(assignment: &Value) -> bool {
    assignment["bind"] == json!(true) && assignment["eligible"]["result"] == json!(true)
}

fn columns(assignment: &Value) -> Vec<crate::store::table::Column<'static>> {
    let text_of = |key: &str| text(assignment[key].as_str().unwrap_or_default());
    vec![
        ("contractor", text_of("contractor")),
        ("job", text_of("job")),
        ("policy", text_of("policy")),
    ]
}
