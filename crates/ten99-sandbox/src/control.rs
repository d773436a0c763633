//! Test hooks under `/_sandbox/`: not part of the 1099Policy API.
//!
//! * `GET /_sandbox/health` → `{"ok":true}`, no key needed.
//! * `GET /_sandbox/requests` → the calling key's API requests so far, oldest first,
//!   each `{method, path, query, status, at, environment}`; lets a test prove that an
//!   action made no API call.
//! * `POST /_sandbox/reset` → deletes the calling key's data and request log, and
//!   puts its clock, faults and shapes back.
//! * `GET /_sandbox/clock`, `POST /_sandbox/clock/advance` → the key's sandbox time
//!   (see `clock`).
//! * `GET|POST|DELETE /_sandbox/faults` → injected failures (see `faults`).
//! * `GET|POST|DELETE /_sandbox/shapes` → replies in the alternative shapes (see `shapes`).
//!
//! All but health take the key in any form the API accepts.

use crate::auth::{self, Tenant};
use crate::error::Error;
use crate::server::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::sync::Mutex;
use ten99::Environment;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(health))
        .route("/requests", get(requests))
        .route("/reset", post(reset))
        .merge(crate::clock::routes())
        .merge(crate::faults::routes())
        .merge(crate::shapes::routes())
        .merge(crate::resources::sessions::control::routes())
}

async fn health() -> Json<Value> {
    Json(json!({ "ok": true }))
}

async fn requests(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<Vec<RequestRecord>>, Error> {
    let key = auth::api_key(&headers)?;
    Ok(Json(state.requests.of(&key)))
}

async fn reset(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    state.store.reset(&key)?;
    state.requests.forget(&key);
    state.clock.reset(&key);
    state.faults.clear(&key);
    state.shapes.set(&key, false);
    Ok(Json(json!({ "ok": true })))
}

/// One API request as `GET /_sandbox/requests` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct RequestRecord {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub status: u16,
    /// Unix seconds, on the key's sandbox clock.
    pub at: i64,
    pub environment: Environment,
}

/// The request log. Kept in memory, not SQLite: it describes this process's
/// traffic (what a test asserts on), not API state, and it must not grow a data
/// file without bound — only the newest [`RequestLog::CAPACITY`] entries are kept.
#[derive(Default)]
pub struct RequestLog {
    entries: Mutex<VecDeque<(String, RequestRecord)>>,
}

impl RequestLog {
    pub const CAPACITY: usize = 10_000;

    pub fn record(
        &self,
        tenant: &Tenant,
        method: String,
        path: String,
        query: Option<String>,
        status: StatusCode,
        at: i64,
    ) {
        let record = RequestRecord {
            method,
            path,
            query,
            status: status.as_u16(),
            at,
            environment: tenant.environment,
        };
        let mut entries = self.lock();
        if entries.len() == Self::CAPACITY {
            entries.pop_front();
        }
        entries.push_back((tenant.key.clone(), record));
    }

    pub fn of(&self, key: &str) -> Vec<RequestRecord> {
        self.lock()
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, r)| r.clone())
            .collect()
    }

    pub fn forget(&self, key: &str) {
        self.lock().retain(|(k, _)| k != key);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<(String, RequestRecord)>> {
        self.entries
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
