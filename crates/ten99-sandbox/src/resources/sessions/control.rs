//! Test hooks for sessions, under `/_sandbox/` (not part of the API): do what a
//! contractor does on the application page, without driving the page.
//!
//! * `POST /_sandbox/sessions/{id}/complete` → binds the quote as if the contractor
//!   finished every step: `{"session": …, "policy": …}`, with the same events as the
//!   page (`application.started` if not yet, `policy.active`, `application.complete`).
//! * `POST /_sandbox/sessions/{id}/abandon` → the contractor gave up (the page's
//!   "Cancel and return"): the session expires, `application.expired`.
//!
//! Both take the key like the API; a session of another key is unknown (404).

use super::{end, flow};
use crate::auth::Tenant;
use crate::error::Error;
use crate::resources::shared::found;
use crate::server::AppState;
use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sessions/{id}/complete", post(complete))
        .route("/sessions/{id}/abandon", post(abandon))
}

async fn complete(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let session = found(state.store.sessions(), &tenant, &id, "session")?;
    let (session, policy) = flow::finish(&state, &tenant, session)?;
    Ok(Json(json!({"session": session, "policy": policy})))
}

async fn abandon(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let session = found(state.store.sessions(), &tenant, &id, "session")?;
    Ok(Json(end(&state, &tenant, session)?))
}
