//! Idempotent POSTs (reference §1.5): the first response to a key is stored and
//! replayed for later requests with the same key, for 24 hours.

use crate::auth::Tenant;
use crate::error::{Error, NotExecuted};
use crate::server::{original_path, AppState};
use crate::store::idempotency::Claim;
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The documented header first; `Idempotency-Key` too, because the Python SDK adds
/// one to every POST and honouring it makes that SDK's retries safe.
pub const HEADERS: [&str; 2] = ["Ten99Policy-Idempotent-Key", "Idempotency-Key"];

/// Set on a replayed response (Stripe's name; the 1099Policy docs name none).
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let key = HEADERS
        .iter()
        .find_map(|name| request.headers().get(*name))
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_owned);
    let tenant = request.extensions().get::<Tenant>().cloned();
    let (Some(key), Some(tenant), true) = (key, tenant, request.method() == Method::POST) else {
        return next.run(request).await;
    };
    let path = original_path(&request);
    let now = state.clock.now(&tenant);
    let response = match state
        .store
        .claim_idempotency_key(&tenant, &key, "POST", &path, now)
    {
        Err(e) => e.into_response(),
        Ok(Claim::Running) => Error::IdempotencyKeyInUse(format!(
            "A request with idempotency key {key} is still being processed; retry shortly."
        ))
        .into_response(),
        Ok(Claim::Done {
            method,
            path: first,
            ..
        }) if first != path => Error::BadRequest(format!(
            "Idempotency key {key} was already used for {method} {first}."
        ))
        .into_response(),
        Ok(Claim::Done { status, body, .. }) => replay(status, body),
        Ok(Claim::Claimed) => run_and_store(&state, &tenant, &key, request, next).await,
    };
    with_key(response, &key)
}

async fn run_and_store(
    state: &AppState,
    tenant: &Tenant,
    key: &str,
    request: Request,
    next: Next,
) -> Response {
    let mut claim = ClaimGuard {
        state,
        tenant,
        key,
        finished: false,
    };
    let response = next.run(request).await;
    // Framework rejections (an unreadable body, say) answer before any handler runs
    // and are the only responses that are not JSON yet: not stored either.
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if response.extensions().get::<NotExecuted>().is_some() || !is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        Err(e) => return Error::Io(std::io::Error::other(e.to_string())).into_response(),
    };
    if let Err(e) = state
        .store
        .finish_idempotency_key(tenant, key, parts.status.as_u16(), &bytes)
    {
        return e.into_response();
    }
    claim.finished = true;
    Response::from_parts(parts, Body::from(bytes))
}

/// Releases a claim whose outcome was not stored: on every early return, and also
/// when the client hangs up and the request future is dropped mid-way, which would
/// otherwise leave the key "still running" for 24 hours.
struct ClaimGuard<'a> {
    state: &'a AppState,
    tenant: &'a Tenant,
    key: &'a str,
    finished: bool,
}

impl Drop for ClaimGuard<'_> {
    fn drop(&mut self) {
        if !self.finished {
            let _ = self
                .state
                .store
                .release_idempotency_key(self.tenant, self.key);
        }
    }
}

fn replay(status: u16, body: Vec<u8>) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(REPLAYED_HEADER, HeaderValue::from_static("true"));
    response
}

/// The Python SDK reads the key back from the response.
fn with_key(mut response: Response, key: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(key) {
        response.headers_mut().insert(HEADERS[0], value);
    }
    response
}
