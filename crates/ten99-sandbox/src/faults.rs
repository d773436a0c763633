//! Fault injection: make the calling key's next API requests fail the ways a real
//! network and server do, so retries, timeouts and odd payloads can be tested.
//!
//! `POST /_sandbox/faults {"kind", "count"?, "status"?, "delay_ms"?, "error_code"?,
//! "message"?, "retry_after"?, "method"?, "path"?}` queues a fault for the key's next
//! `count` (default 1) API requests — only those with that `method` and a path
//! starting with `path`, when given. `GET` lists what is pending, `DELETE` clears.
//!
//! * `status` — answers `status` (default 503) with a JSON error body without
//!   running the endpoint; `ten99policy-should-retry: true` on 5xx and 409 (what the
//!   Python SDK's retry logic reads, reference §4.4), `Retry-After` if asked.
//! * `delay` — waits `delay_ms`, then serves the request normally.
//! * `drop` — runs the request, then hangs up without sending any of the response:
//!   the work is done but the client never hears, as when a connection dies. An
//!   idempotent retry then gets the stored answer.
//! * `truncate` — runs the request, then sends the head and half the body and hangs
//!   up (the `Content-Length` promises the whole body).
//! * `python_quote_json` — the next `count` responses that carry quotes render
//!   `quote_json` as a Python literal string (reference §1.6); the quote resource
//!   asks [`Faults::python_quote_json_requested`].
//!
//! Faults apply under `/api/v1` only, never to `/_sandbox` (so a test can always
//! clear them), and sit outside the idempotency layer: a `status` fault is a request
//! that never ran (not stored), `drop`/`truncate` lose a response that was stored.

use crate::auth::{self, Tenant};
use crate::error::Error;
use crate::resources::json_object;
use crate::server::AppState;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_LENGTH;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::{Mutex, MutexGuard};
use std::task::{Context, Poll};
use std::time::Duration;
use ten99::ErrorBody;

/// The retry hint the Python SDK reads (reference §1.6, §4.4).
pub const SHOULD_RETRY_HEADER: &str = "ten99policy-should-retry";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    Status,
    Delay,
    Drop,
    Truncate,
    PythonQuoteJson,
}

/// One queued fault, as `GET /_sandbox/faults` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fault {
    pub kind: FaultKind,
    /// How many more requests it applies to.
    pub remaining: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay_ms: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// The pending faults of every key, oldest first. In memory: they are for the
/// test that queued them, not state to keep.
#[derive(Default)]
pub struct Faults {
    queues: Mutex<HashMap<String, VecDeque<Fault>>>,
}

impl Faults {
    pub fn add(&self, key: &str, fault: Fault) {
        self.lock()
            .entry(key.to_owned())
            .or_default()
            .push_back(fault);
    }

    pub fn pending(&self, key: &str) -> Vec<Fault> {
        self.lock()
            .get(key)
            .map(|q| q.iter().cloned().collect())
            .unwrap_or_default()
    }

    pub fn clear(&self, key: &str) {
        self.lock().remove(key);
    }

    /// Whether this response's quotes should carry `quote_json` as a Python-literal
    /// string; uses up one count of a pending `python_quote_json` fault. Call once per
    /// response (a list counts once).
    pub fn python_quote_json_requested(&self, tenant: &Tenant) -> bool {
        self.take(&tenant.key, |f| f.kind == FaultKind::PythonQuoteJson)
            .is_some()
    }

    /// Uses up one count of the oldest fault `matches` accepts.
    fn take(&self, key: &str, matches: impl Fn(&Fault) -> bool) -> Option<Fault> {
        let mut queues = self.lock();
        let queue = queues.get_mut(key)?;
        let index = queue.iter().position(matches)?;
        let fault = queue[index].clone();
        queue[index].remaining -= 1;
        if queue[index].remaining == 0 {
            queue.remove(index);
        }
        Some(fault)
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<String, VecDeque<Fault>>> {
        self.queues.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The layer on `/api/v1` (inside authentication, outside idempotency).
pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(tenant) = request.extensions().get::<Tenant>().cloned() else {
        return next.run(request).await;
    };
    let method = request.method().as_str().to_owned();
    let path = crate::server::original_path(&request);
    let fault = state.faults.take(&tenant.key, |f| {
        f.kind != FaultKind::PythonQuoteJson
            && f.method
                .as_deref()
                .is_none_or(|m| m.eq_ignore_ascii_case(&method))
            && f.path.as_deref().is_none_or(|p| path.starts_with(p))
    });
    let Some(fault) = fault else {
        return next.run(request).await;
    };
    match fault.kind {
        FaultKind::Status => status_response(&fault),
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms.unwrap_or(0))).await;
            next.run(request).await
        }
        FaultKind::Drop => {
            let (parts, _) = next.run(request).await.into_parts();
            Response::from_parts(parts, Body::new(CutBody::new(None)))
        }
        FaultKind::Truncate => {
            let (mut parts, body) = next.run(request).await.into_parts();
            let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
            parts.headers.insert(CONTENT_LENGTH, bytes.len().into());
            let half = bytes.slice(..bytes.len() / 2);
            Response::from_parts(parts, Body::new(CutBody::new(Some(half))))
        }
        FaultKind::PythonQuoteJson => next.run(request).await,
    }
}

fn status_response(fault: &Fault) -> Response {
    let status = StatusCode::from_u16(fault.status.unwrap_or(503))
        .unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let code = fault
        .error_code
        .clone()
        .unwrap_or_else(|| default_code(status).to_owned());
    let message = fault.message.clone().unwrap_or_else(|| {
        format!(
            "Injected fault (sandbox): {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )
    });
    let mut response = (status, Json(ErrorBody::new(&code, message))).into_response();
    let retry = status.is_server_error() || status == StatusCode::CONFLICT;
    let headers = response.headers_mut();
    headers.insert(
        SHOULD_RETRY_HEADER,
        HeaderValue::from_static(if retry { "true" } else { "false" }),
    );
    if let Some(seconds) = fault.retry_after {
        headers.insert("Retry-After", seconds.into());
    }
    response
}

/// The `error_code` a real server would most likely send with `status`; codes the
/// SDKs map to their generic classes where there is one (`rate_limit` →
/// `RateLimitError`).
fn default_code(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "bad_request",
        401 => "invalid_api_key",
        403 => "insufficient_permissions",
        404 => "resource_not_found",
        409 => "idempotency_key_in_use",
        429 => "rate_limit",
        _ => "general_error",
    }
}

/// A response body that sends `head` (if any), then fails, which makes hyper close
/// the connection. Before failing it pauses briefly so the head actually leaves the
/// write buffer; with no head it fails at once, before the response head is
/// flushed, so the client gets nothing at all.
struct CutBody {
    head: Option<Bytes>,
    pause: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl CutBody {
    fn new(head: Option<Bytes>) -> CutBody {
        let pause = head
            .is_some()
            .then(|| Box::pin(tokio::time::sleep(Duration::from_millis(50))));
        CutBody { head, pause }
    }
}

impl http_body::Body for CutBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        if let Some(head) = self.head.take() {
            return Poll::Ready(Some(Ok(http_body::Frame::data(head))));
        }
        if let Some(pause) = self.pause.as_mut() {
            if pause.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            self.pause = None;
        }
        Poll::Ready(Some(Err(std::io::Error::other(
            "sandbox fault: connection cut",
        ))))
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/faults", get(list).post(add).delete(clear))
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    Ok(Json(json!({ "pending": state.faults.pending(&key) })))
}

async fn clear(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, Error> {
    let key = auth::api_key(&headers)?;
    state.faults.clear(&key);
    Ok(Json(json!({ "pending": [] })))
}

async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let key = auth::api_key(&headers)?;
    let fault = parse(&json_object(&body)?)?;
    state.faults.add(&key, fault);
    Ok((
        StatusCode::CREATED,
        Json(json!({ "pending": state.faults.pending(&key) })),
    ))
}

fn parse(fields: &Map<String, Value>) -> Result<Fault, Error> {
    let text = |name: &str| -> Result<Option<String>, Error> {
        match fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_owned())),
            Some(_) => Err(Error::invalid(name, "Must be a non-empty string")),
        }
    };
    let number = |name: &str, max: u64| -> Result<Option<u64>, Error> {
        match fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => match v.as_u64() {
                Some(n) if n <= max => Ok(Some(n)),
                _ => Err(Error::invalid(
                    name,
                    format!("Use a whole number from 0 to {max}"),
                )),
            },
        }
    };
    let kind = match text("kind")?.as_deref() {
        Some("status") => FaultKind::Status,
        Some("delay") => FaultKind::Delay,
        Some("drop") => FaultKind::Drop,
        Some("truncate") => FaultKind::Truncate,
        Some("python_quote_json") => FaultKind::PythonQuoteJson,
        _ => {
            return Err(Error::invalid(
                "kind",
                "Use status, delay, drop, truncate or python_quote_json",
            ))
        }
    };
    let status = number("status", 599)?;
    if status.is_some_and(|s| s < 400) {
        return Err(Error::invalid("status", "Use an error status, 400 to 599"));
    }
    let delay_ms = number("delay_ms", 120_000)?;
    if kind == FaultKind::Delay && delay_ms.is_none() {
        return Err(Error::invalid("delay_ms", "Required for a delay fault"));
    }
    let count = number("count", 1000)?.unwrap_or(1);
    if count == 0 {
        return Err(Error::invalid("count", "Use a whole number from 1 to 1000"));
    }
    Ok(Fault {
        kind,
        remaining: count as u32,
        status: (kind == FaultKind::Status).then_some(status.unwrap_or(503) as u16),
        delay_ms,
        error_code: text("error_code")?,
        message: text("message")?,
        retry_after: number("retry_after", 3600)?,
        method: text("method")?,
        path: text("path")?,
    })
}

#[cfg(test)]
mod tests;
