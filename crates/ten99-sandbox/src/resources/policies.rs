//! Policies (`/api/v1/policies`, reference §2.7): bound cover.
//!
//! Normally bound by completing an application session; `POST` binds directly from a
//! quote. The stored status is `active` or `cancelled` (`PUT {is_active}`,
//! `DELETE`); `expired` is worked out against the tenant's clock when read, so
//! moving the sandbox clock past `expiration_date` expires the policy.

use super::cover;
use super::shared::{checked, decode, deleted, found, param, query, referenced, renamed, QueryMap};
use super::{bridge, decode_over_default, events, json_object, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::policies::NewPolicy;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{Environment, PolicyInput, PolicyUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/policies", get(list).post(create))
        .route("/policies/{id}", get(retrieve).put(update).delete(remove))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let fields = renamed(json_object(&body)?, &[("quote_id", "quote")]);
    let input: PolicyInput = decode_over_default(fields)?;
    checked(input.validate())?;
    let dates = (
        input.effective_date.map(|t| t.0),
        input.expiration_date.map(|t| t.0),
    );
    let policy = bind(&state, &tenant, &input.quote, dates)?;
    Ok((StatusCode::CREATED, Json(policy)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let policy = found(state.store.policies().0, &tenant, &id, "policy")?;
    Ok(Json(render(&state, &tenant, policy)))
}

/// Newest first; `quote` narrows to the policy of one quote (reference §2.7).
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let query = query(query_map)?;
    let page = page(&query)?;
    let filters: Vec<(&str, String)> = param(&query, "quote")
        .map(|q| ("quote", q.to_owned()))
        .into_iter()
        .collect();
    let policies = state.store.policies().list(&tenant, &filters, &page)?;
    Ok(Json(rendered(&state, &tenant, policies)))
}

/// `{is_active}`: `false` cancels (`policy.cancelled`), `true` reactivates
/// (`policy.reactivated`); asking for the state it is already in changes nothing.
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let policy = found(state.store.policies().0, &tenant, &id, "policy")?;
    let change: PolicyUpdate = decode(json_object(&body)?)?;
    checked(change.validate())?;
    let policy = match (change.is_active, policy["status"].as_str()) {
        (Some(false), Some("active")) => cancel(&state, &tenant, policy)?,
        (Some(true), Some("cancelled")) => reactivate(&state, &tenant, policy)?,
        _ => policy,
    };
    Ok(Json(render(&state, &tenant, policy)))
}

/// Permanent: cancels cover first (with its event), then forgets the policy.
async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let policy = found(state.store.policies().0, &tenant, &id, "policy")?;
    if policy["status"] == "active" {
        cancel(&state, &tenant, policy)?;
    }
    state.store.policies().delete(&tenant, &id)?;
    Ok(Json(deleted(&id, "policy", bridge::now(&state, &tenant))))
}

/// Binds cover from `quote_id` (the API's `POST` and a completed application):
/// stores the policy as active, emits `policy.active`, returns the policy.
/// `dates` override the quote's start and end.
pub(crate) fn bind(
    state: &AppState,
    tenant: &Tenant,
    quote_id: &str,
    dates: (Option<i64>, Option<i64>),
) -> Result<Value, Error> {
    let quote = referenced(
        state.store.quotes(),
        tenant,
        quote_id,
        "invalid_quote_id",
        "quote",
    )?;
    if quote["eligible"] != json!(true) {
        return Err(Error::rule(
            "invalid_quote_id",
            format!("Quote {quote_id} is not eligible for coverage, so no policy can be bound."),
        ));
    }
    let text_of = |key: &str| quote[key].as_str().unwrap_or_default().to_owned();
    let parties = cover::parties(state, tenant, &text_of("contractor"), &text_of("job"))?;
    let effective = dates
        .0
        .or(quote["effective_date"].as_i64())
        .unwrap_or_default();
    let expiration = dates.1.or(quote["end_date"].as_i64()).unwrap_or_default();
    let id = ids::object(ten99::resources::policies::ID_PREFIX);
    let created = bridge::now(state, tenant);
    let covers = |kind: &str| {
        quote["coverage_type"]
            .as_array()
            .is_some_and(|a| a.iter().any(|c| c == kind))
    };
    let link = |kind: &str| document_url(tenant.environment, kind, &id, created);
    let policy = json!({
        "id": id,
        "quote": quote_id,
        "status": "active",
        "effective_date": effective,
        "expiration_date": expiration,
        "pdf_url": link("policy"),
        "certificates": {
            "gl_coi_pdf_url": covers("general").then(|| link("gl_coi")),
            "wc_coi_pdf_url": covers("workers-comp").then(|| link("wc_coi")),
        },
        "created": created,
    });
    let bound = json!({
        "contractor": parties.contractor,
        "job": parties.job,
        "entity": parties.entity,
        "quote": quote,
        "work_state": parties.work_state,
    });
    let new = NewPolicy {
        id: &id,
        created,
        quote: quote_id,
        contractor: parties.contractor_id(),
        job: parties.job_id(),
        expiration_date: expiration,
        bound: &bound,
        body: &policy,
    };
    if let Some(existing) = state.store.policies().create(tenant, new)? {
        return Err(Error::conflict(
            "policy_already_exists",
            format!("Quote {quote_id} already has a policy: {existing}."),
        ));
    }
    let policy = render(state, tenant, policy);
    events::emit(state, tenant, "policy.active", "policy", &policy)?;
    Ok(policy)
}

/// Cancels an active policy: status `cancelled`, event `policy.cancelled`, and its
/// contractor's assignments under it that have not started are cancelled too
/// (reference §2.7 delete).
pub(crate) fn cancel(state: &AppState, tenant: &Tenant, mut policy: Value) -> Result<Value, Error> {
    let id = policy["id"].as_str().unwrap_or_default().to_owned();
    policy["status"] = json!("cancelled");
    state
        .store
        .policies()
        .set(tenant, &id, "cancelled", &policy)?;
    let shown = render(state, tenant, policy.clone());
    events::emit(state, tenant, "policy.cancelled", "policy", &shown)?;
    super::assignments::cancel_unstarted(state, tenant, &id)?;
    Ok(policy)
}

fn reactivate(state: &AppState, tenant: &Tenant, mut policy: Value) -> Result<Value, Error> {
    let id = policy["id"].as_str().unwrap_or_default().to_owned();
    policy["status"] = json!("active");
    state.store.policies().set(tenant, &id, "active", &policy)?;
    let shown = render(state, tenant, policy.clone());
    events::emit(state, tenant, "policy.reactivated", "policy", &shown)?;
    Ok(policy)
}

/// The policy as the API shows it now: `expired` once the tenant's clock is past
/// `expiration_date` (unless it was cancelled first).
pub(crate) fn render(state: &AppState, tenant: &Tenant, mut policy: Value) -> Value {
    let now = bridge::now(state, tenant);
    let over = policy["expiration_date"]
        .as_i64()
        .is_some_and(|end| end <= now);
    if over && policy["status"] == "active" {
        policy["status"] = json!("expired");
    }
    policy
}

pub(crate) fn rendered(state: &AppState, tenant: &Tenant, policies: Vec<Value>) -> Vec<Value> {
    policies
        .into_iter()
        .map(|p| render(state, tenant, p))
        .collect()
}

/// The contractor's policies, newest first (`GET /api/v1/contractors/{id}/policies`).
pub(crate) fn of_contractor(
    state: &AppState,
    tenant: &Tenant,
    contractor: &str,
    page: &crate::store::Page,
) -> Result<Vec<Value>, Error> {
    let filters = [("contractor", contractor.to_owned())];
    let policies = state.store.policies().list(tenant, &filters, page)?;
    Ok(rendered(state, tenant, policies))
}

/// A document link relative to the API host, like the reference's
/// `/bound-policies/prod/gl_coi_pl_…_<ts>.pdf` (served by `documents`).
pub(crate) fn document_url(environment: Environment, kind: &str, id: &str, stamp: i64) -> String {
    let folder = match environment {
        Environment::Sandbox => "sandbox",
        Environment::Production => "prod",
    };
    format!("/bound-policies/{folder}/{kind}_{id}_{stamp}.pdf")
}
