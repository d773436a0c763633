//! Starting and stopping the server, and the layers every response goes through.

use crate::application_page::{self, ApplicationFlow, NoSessions};
use crate::auth::{self, Tenant};
use crate::clock::Clock;
use crate::control::{self, RequestLog};
use crate::error::Error;
use crate::faults::{self, Faults};
use crate::resources::sessions::flow::SessionFlow;
use crate::store::Store;
use crate::webhooks::{Deliverer, RetrySchedule};
use crate::{idempotency, ids, resources};
use axum::body::{to_bytes, Body};
use axum::extract::{OriginalUri, Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{from_fn, from_fn_with_state, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use ten99::{Environment, ErrorBody};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Where to listen and where to keep the data.
#[derive(Debug, Clone)]
pub struct Options {
    /// Port 0 picks a free port; read the real one from [`Running::base_url`].
    pub listen: SocketAddr,
    /// A SQLite file, created if missing; `None` keeps everything in memory.
    pub data: Option<PathBuf>,
}

impl Default for Options {
    /// A free loopback port and an in-memory database: what a test wants.
    fn default() -> Options {
        Options {
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            data: None,
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub requests: Arc<RequestLog>,
    /// Each key's sandbox time: use `clock.now(&tenant)`, never the system clock.
    pub clock: Arc<Clock>,
    pub faults: Arc<Faults>,
    pub shapes: Arc<crate::shapes::Shapes>,
    /// What the hosted application page (`/apply/…`) reads and advances.
    pub applications: Arc<dyn ApplicationFlow>,
    /// Sends stored events to the tenant's webhook endpoints, in the background.
    pub webhooks: Arc<Deliverer>,
}

impl AppState {
    /// Fresh in-memory state around `store`.
    pub fn new(store: Store) -> AppState {
        let mut state = AppState {
            store: Arc::new(store),
            requests: Arc::new(RequestLog::default()),
            clock: Arc::new(Clock::default()),
            faults: Arc::new(Faults::default()),
            shapes: Arc::new(crate::shapes::Shapes::default()),
            applications: Arc::new(NoSessions),
            // Needs a Tokio runtime: `new` is only called from inside one.
            webhooks: Arc::new(Deliverer::start(RetrySchedule::default())),
        };
        // The page works on the stored sessions. The flow keeps a copy of the state
        // whose own `applications` is `NoSessions`, so the two don't form a cycle.
        state.applications = Arc::new(SessionFlow::new(state.clone()));
        state
    }
}

/// A server that is accepting connections. Dropping it stops the server too, but
/// without waiting for it; prefer [`Running::stop`].
pub struct Running {
    base_url: String,
    state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Running {
    /// `http://HOST:PORT`, no trailing slash and no `/api/v1`: what a client takes as
    /// its API base.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Seeds the demo data set into `key`'s account (see [`crate::demo`]).
    pub async fn seed_demo(&self, key: &str) -> Result<crate::demo::Outcome, Error> {
        let host = self.base_url.trim_start_matches("http://");
        crate::demo::seed(&self.state, key, host).await
    }

    /// Stops accepting connections, lets requests in flight finish (for at most a
    /// few seconds), and returns once the server is down.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), &mut task)
                .await
                .is_err()
            {
                task.abort();
            }
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Opens the database, binds the address and serves in a background task.
/// Must be called inside a Tokio runtime.
pub async fn start(options: Options) -> Result<Running, Error> {
    let store = match &options.data {
        Some(path) => Store::open(path)?,
        None => Store::in_memory()?,
    };
    let state = AppState::new(store);
    let listener = tokio::net::TcpListener::bind(options.listen).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let app = router(state.clone());
    let task = tokio::spawn(async move {
        let shutdown = async {
            let _ = rx.await;
        };
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            eprintln!("ten99-sandbox: server stopped: {e}");
        }
    });
    Ok(Running {
        base_url: format!("http://{}", reachable(addr)),
        state,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// A wildcard listen address is not one a client can connect to; name loopback.
fn reachable(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => {
            SocketAddr::from((Ipv4Addr::LOCALHOST, addr.port()))
        }
        ip if ip.is_unspecified() => SocketAddr::from((Ipv6Addr::LOCALHOST, addr.port())),
        _ => addr,
    }
}

/// The whole app: the API under `/api/v1`, the test hooks under `/_sandbox`, the
/// hosted application page under `/apply`.
pub fn router(state: AppState) -> Router {
    let api = resources::routes()
        .fallback(unknown_endpoint)
        .method_not_allowed_fallback(method_not_allowed)
        // Layers wrap outwards: the key is checked first, then injected faults,
        // then shapes (form bodies to JSON, alternative reply shapes), then
        // idempotency (so a dropped response was still stored, and stored replies
        // stay canonical).
        .layer(from_fn_with_state(state.clone(), idempotency::layer))
        .layer(from_fn_with_state(state.clone(), crate::shapes::layer))
        .layer(from_fn_with_state(state.clone(), faults::layer))
        .layer(from_fn_with_state(state.clone(), api_layer));
    Router::new()
        .nest("/api/v1", api)
        .nest("/_sandbox", control::routes())
        .merge(application_page::routes(state.applications.clone()))
        .merge(resources::documents::routes())
        .merge(resources::certificates::file_routes())
        .fallback(unknown_endpoint)
        .layer(from_fn(every_response))
        .with_state(state)
}

/// Authenticates an API request, hands the tenant to the handler and logs the call
/// for `GET /_sandbox/requests`. Calls without a usable key belong to nobody and are
/// not logged.
async fn api_layer(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let method = request.method().to_string();
    let path = original_path(&request);
    let query = request.uri().query().map(str::to_owned);
    let key = match auth::api_key(request.headers()) {
        Ok(key) => key,
        Err(e) => return e.into_response(),
    };
    let (tenant, response) = match auth::environment(&key, request.headers()) {
        Ok(environment) => {
            let tenant = Tenant { key, environment };
            request.extensions_mut().insert(tenant.clone());
            (tenant, next.run(request).await)
        }
        Err(e) => {
            let environment = Environment::of_key(&key).unwrap_or(Environment::Sandbox);
            (Tenant { key, environment }, e.into_response())
        }
    };
    let at = state.clock.now(&tenant);
    state
        .requests
        .record(&tenant, method, path, query, response.status(), at);
    response
}

/// The path as the client sent it (a nested router only sees the rest).
pub(crate) fn original_path(request: &Request) -> String {
    match request.extensions().get::<OriginalUri>() {
        Some(OriginalUri(uri)) => uri.path().to_owned(),
        None => request.uri().path().to_owned(),
    }
}

/// Gives every response a `request-id` header, and turns any error that is not yet
/// JSON (framework rejections such as an oversized body) into the API's error body,
/// because clients expect JSON on every response (reference §4.2). HTML is left
/// alone: that is the application page's own error page.
async fn every_response(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let status = response.status();
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let is_json = content_type.starts_with("application/json");
    let is_html = content_type.starts_with("text/html");
    if (status.is_client_error() || status.is_server_error()) && !is_json && !is_html {
        let (mut parts, body) = response.into_parts();
        let text = to_bytes(body, 64 * 1024).await.unwrap_or_default();
        let message = match String::from_utf8_lossy(&text).trim() {
            "" => status.canonical_reason().unwrap_or("error").to_owned(),
            text => text.to_owned(),
        };
        let json =
            serde_json::to_vec(&ErrorBody::new(code_for(status), message)).unwrap_or_default();
        parts
            .headers
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        parts.headers.remove(CONTENT_LENGTH);
        response = Response::from_parts(parts, Body::from(json));
    }
    if let Ok(id) = HeaderValue::from_str(&ids::request()) {
        response.headers_mut().insert("request-id", id);
    }
    response
}

fn code_for(status: StatusCode) -> &'static str {
    match status.as_u16() {
        401 => "invalid_api_key",
        403 => "insufficient_permissions",
        404 => "resource_not_found",
        405 => "method_not_allowed",
        400..=499 => "bad_request",
        _ => "general_error",
    }
}

async fn unknown_endpoint(request: Request) -> Error {
    Error::NotFound(format!(
        "No such endpoint: {} {}",
        request.method(),
        original_path(&request)
    ))
}

async fn method_not_allowed(request: Request) -> Error {
    Error::MethodNotAllowed(format!(
        "{} is not allowed on {}",
        request.method(),
        original_path(&request)
    ))
}
