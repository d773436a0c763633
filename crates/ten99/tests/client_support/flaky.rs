//! A tiny local server that answers by script and remembers every attempt, for the
//! retry and timeout tests.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server saw of one attempt.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub idempotency_key: Option<String>,
    pub authorization: Option<String>,
    pub environment: Option<String>,
    pub content_type: Option<String>,
}

/// One scripted answer.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: String,
    /// Waited before answering.
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.to_owned(),
            delay: Duration::ZERO,
        }
    }

    pub fn error(status: u16, code: &str) -> Reply {
        Reply::json(
            status,
            &format!(r#"{{"error_code":"{code}","message":"scripted {status}"}}"#),
        )
    }

    pub fn header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

pub struct Flaky {
    pub base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Flaky {
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// Serves `script(n)` to the n-th request (0-based), on a free loopback port, until
/// the test's runtime ends.
pub async fn flaky(script: impl Fn(usize) -> Reply + Send + Sync + 'static) -> Flaky {
    let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
    let script = Arc::new(script);
    let log = seen.clone();
    let app = Router::new().fallback(move |request: Request| {
        let (script, log) = (script.clone(), log.clone());
        async move {
            let n = record(&log, &request);
            drop(request);
            let reply = script(n);
            tokio::time::sleep(reply.delay).await;
            let mut response = Response::new(Body::from(reply.body));
            *response.status_mut() = StatusCode::from_u16(reply.status).unwrap();
            let headers = response.headers_mut();
            headers.insert("content-type", HeaderValue::from_static("application/json"));
            for (name, value) in reply.headers {
                headers.insert(name, HeaderValue::from_str(&value).unwrap());
            }
            response
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Flaky { base, seen }
}

/// Logs one attempt; returns its 0-based number.
fn record(log: &Mutex<Vec<Seen>>, request: &Request) -> usize {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let mut log = log.lock().unwrap();
    log.push(Seen {
        method: request.method().to_string(),
        path: request.uri().path().to_owned(),
        query: request.uri().query().map(str::to_owned),
        idempotency_key: header("ten99policy-idempotent-key"),
        authorization: header("authorization"),
        environment: header("ten99policy-environment"),
        content_type: header("content-type"),
    });
    log.len() - 1
}

/// A contractor body the client decodes.
pub const CONTRACTOR: &str = r#"{"id":"cn_1","first_name":"Joe","last_name":"Parker","email":"joe@example.com","phone":"415-474-9088","address":{"line1":"1 Kearny St","locality":"San Francisco","region":"CA","postalcode":"94104"},"created":1700000000}"#;
