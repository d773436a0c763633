//! Insurance application sessions (`/api/v1/apply/sessions`, reference §2.6).
//!
//! A session is made from a quote (`invalid_quote_id`) and links to the stand-in's
//! own application page (`url` = `<base>/apply/<id>`), which walks the contractor
//! through the steps and binds the policy (see [`flow`]). `PUT` changes only the
//! redirect URLs; `POST …/expire` ends the link. General opt-in sessions (no
//! quote) are not offered by the stand-in: `custom_applications_disabled`.

pub mod control;
pub mod flow;

use super::shared::{base_url, checked, decode, found, query, referenced, QueryMap};
use super::{bridge, decode_over_default, events, json_object, page};
use crate::application_page::Step;
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::table::text;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{SessionInput, SessionUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/apply/sessions", get(list).post(create))
        .route("/apply/sessions/{id}", get(retrieve).put(update))
        .route("/apply/sessions/{id}/expire", post(expire))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let input: SessionInput = decode_over_default(json_object(&body)?)?;
    if input.is_general_opt_in == Some(true) {
        return Err(Error::rule(
            "custom_applications_disabled",
            "General opt-in applications are not available here; create the session from a quote.",
        ));
    }
    checked(input.validate())?;
    let quote_id = input.quote.unwrap_or_default();
    let quote = referenced(
        state.store.quotes(),
        &tenant,
        &quote_id,
        "invalid_quote_id",
        "quote",
    )?;
    let created = bridge::now(&state, &tenant);
    let millis = u64::try_from(created).unwrap_or(0) * 1000 + now_millis_part();
    let id = format!(
        "{}{}",
        ten99::resources::sessions::ID_PREFIX,
        ids::ulid(millis)
    );
    let session = json!({
        "id": id,
        "quote": quote_id,
        "contractor": quote["contractor"],
        "success_url": input.success_url,
        "cancel_url": input.cancel_url,
        "url": format!("{}/apply/{id}", base_url(&headers)),
        "expired": false,
        "step": Step::VerifyInfo.as_str(),
        "created": created,
    });
    state.store.sessions().insert(
        &tenant,
        &id,
        created,
        &[("quote", text(&quote_id))],
        &session,
    )?;
    events::emit(
        &state,
        &tenant,
        "application.created",
        "application",
        &session,
    )?;
    Ok((StatusCode::CREATED, Json(session)))
}

/// The milliseconds of the real clock, so ids made within one second still sort.
fn now_millis_part() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_millis()))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(
        state.store.sessions(),
        &tenant,
        &id,
        "session",
    )?))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    Ok(Json(state.store.sessions().list(&tenant, &[], &page)?))
}

/// Only `success_url` and `cancel_url` can change (reference §2.6).
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let mut session = found(state.store.sessions(), &tenant, &id, "session")?;
    let fields = json_object(&body)?;
    if let Some(other) = fields
        .keys()
        .find(|k| !matches!(k.as_str(), "success_url" | "cancel_url"))
    {
        return Err(Error::invalid(
            other,
            "Only success_url and cancel_url can be changed",
        ));
    }
    let change: SessionUpdate = decode(fields)?;
    checked(change.validate())?;
    writable(&session)?;
    if let Some(url) = change.success_url {
        session["success_url"] = json!(url.trim());
    }
    if let Some(url) = change.cancel_url {
        session["cancel_url"] = json!(url.trim());
    }
    state.store.sessions().update(&tenant, &id, &[], &session)?;
    Ok(Json(session))
}

async fn expire(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let session = found(state.store.sessions(), &tenant, &id, "session")?;
    Ok(Json(end(&state, &tenant, session)?))
}

/// Expires a session that is still open: `expired: true`, `application.expired`.
pub(crate) fn end(state: &AppState, tenant: &Tenant, mut session: Value) -> Result<Value, Error> {
    writable(&session)?;
    let id = session["id"].as_str().unwrap_or_default().to_owned();
    session["expired"] = json!(true);
    state.store.sessions().update(tenant, &id, &[], &session)?;
    events::emit(
        state,
        tenant,
        "application.expired",
        "application",
        &session,
    )?;
    Ok(session)
}

/// A finished or expired session can no longer change.
pub(crate) fn writable(session: &Value) -> Result<(), Error> {
    if session["step"] == Step::ApplicationComplete.as_str() {
        return Err(Error::rule(
            "application_already_complete",
            "This application is already complete.",
        ));
    }
    if session["expired"] == json!(true) {
        return Err(Error::rule(
            "session_expired",
            "This application session has expired.",
        ));
    }
    Ok(())
}
