//! Alternative reply shapes: `/_sandbox/shapes` makes the calling key's replies
//! come in the other shapes the real API sends or the reference implies (numbers as
//! numeric strings, nulls as `"None"`/`""`, `quote_json` as a Python literal,
//! wrapped `coverage_type`, old and new key names side by side, list envelopes,
//! nested error objects, extra members). The objects are the same; only their
//! shape changes, so a tolerant client reads equal objects either way.
//!
//! * `GET /_sandbox/shapes` → `{"on":bool}`; `POST` turns it on, `DELETE` off.
//!   Reset turns it off too.
//!
//! The rewrite is one function of the canonical JSON per resource kind
//! ([`reshape`]), applied by [`layer`] to the reply as it leaves `/api/v1`, outside
//! the idempotency store (so stored replies stay canonical). The same layer also
//! turns the guides' form-encoded `curl -d` bodies into JSON objects before any
//! handler sees them ([`form`]), shapes on or off.

pub mod form;
mod reshape;

pub use reshape::{reshape, Kind};

use crate::auth::{self, Tenant};
use crate::error::Error;
use crate::server::AppState;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

/// The keys whose replies come in the alternative shapes. In memory, like faults:
/// a test's setting, not API state.
#[derive(Default)]
pub struct Shapes {
    on: Mutex<HashSet<String>>,
}

impl Shapes {
    pub fn set(&self, key: &str, on: bool) {
        if on {
            self.lock().insert(key.to_owned());
        } else {
            self.lock().remove(key);
        }
    }

    pub fn is_on(&self, key: &str) -> bool {
        self.lock().contains(key)
    }

    fn lock(&self) -> MutexGuard<'_, HashSet<String>> {
        self.on.lock().unwrap_or_else(|p| p.into_inner())
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/shapes", get(status).post(turn_on).delete(turn_off))
}

async fn status(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    Ok(Json(json!({ "on": state.shapes.is_on(&key) })))
}

async fn turn_on(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    state.shapes.set(&key, true);
    Ok(Json(json!({ "on": true })))
}

async fn turn_off(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    state.shapes.set(&key, false);
    Ok(Json(json!({ "on": false })))
}

/// Bodies larger than this are left as they are (the handlers' own limit applies).
const MAX_BODY: usize = 16 * 1024 * 1024;

/// The layer on `/api/v1` (inside authentication and faults, outside idempotency).
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let request = form::to_json(request).await;
    let Some(tenant) = request.extensions().get::<Tenant>().cloned() else {
        return next.run(request).await;
    };
    if !state.shapes.is_on(&tenant.key) {
        return next.run(request).await;
    }
    let kind = Kind::of_path(&crate::server::original_path(&request));
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json"));
    if !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(value) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let error = parts.status.is_client_error() || parts.status.is_server_error();
    let shaped = if error {
        reshape::error(value)
    } else {
        reshape(kind, value)
    };
    let out = serde_json::to_vec(&shaped).unwrap_or_default();
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(out))
}

#[cfg(test)]
mod tests;
