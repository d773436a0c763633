//! Faults over real HTTP, against a server whose state the test can also reach.

use super::*;
use crate::server::{router, AppState};
use crate::store::Store;
use serde_json::json;
use std::time::Instant;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const KEY: &str = "t9sk_test_faults-0001";

struct Server {
    base: String,
    addr: std::net::SocketAddr,
    state: AppState,
    http: reqwest::Client,
}

async fn serve() -> Server {
    let state = AppState::new(Store::in_memory().unwrap());
    let app = router(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        base: format!("http://{addr}"),
        addr,
        state,
        http: reqwest::Client::new(),
    }
}

impl Server {
    async fn fault(&self, body: Value) -> reqwest::Response {
        self.http
            .post(format!("{}/_sandbox/faults", self.base))
            .bearer_auth(KEY)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap()
    }

    /// Sends raw bytes and returns everything the server sends back before it
    /// closes the connection.
    async fn raw(&self, request: String) -> Vec<u8> {
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.unwrap();
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        let _ = stream.read_to_end(&mut out).await;
        out
    }
}

fn create_contractor(idempotency_key: &str) -> String {
    let body = json!({
        "first_name": "Joe", "last_name": "Parker", "email": "joe@example.com",
        "phone": "415-474-9088",
        "address": {"line1": "1 Kearny St", "locality": "San Francisco", "region": "CA", "postalcode": "94104"}
    })
    .to_string();
    format!(
        "POST /api/v1/contractors HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n\
         Ten99Policy-Idempotent-Key: {idempotency_key}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[tokio::test]
async fn status_faults_answer_for_the_next_n_requests_only() {
    let s = serve().await;
    let r = s
        .fault(json!({"kind": "status", "status": 503, "count": 2}))
        .await;
    assert_eq!(r.status(), 201);
    for _ in 0..2 {
        let r = s.get("/api/v1/contractors").await;
        assert_eq!(r.status(), 503);
        assert_eq!(r.headers()[SHOULD_RETRY_HEADER], "true");
        assert!(r.headers().contains_key("request-id"));
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["error_code"], "general_error");
    }
    assert_eq!(s.get("/api/v1/contractors").await.status(), 200);
    // The log shows what the client saw.
    let log = s.state.requests.of(KEY);
    assert_eq!(
        log.iter().map(|r| r.status).collect::<Vec<_>>(),
        [503, 503, 200]
    );
}

#[tokio::test]
async fn status_faults_take_a_code_a_retry_after_and_a_path() {
    let s = serve().await;
    let fault = json!({"kind": "status", "status": 429, "retry_after": 2, "path": "/api/v1/category_codes"});
    s.fault(fault).await;
    s.fault(json!({"kind": "status", "status": 400, "error_code": "effective_date_invalid", "method": "POST"})).await;
    assert_eq!(s.get("/api/v1/contractors").await.status(), 200);
    let r = s.get("/api/v1/category_codes").await;
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "2");
    assert_eq!(r.headers()[SHOULD_RETRY_HEADER], "false");
    assert_eq!(r.json::<Value>().await.unwrap()["error_code"], "rate_limit");
    let pending = s.state.faults.pending(KEY);
    assert_eq!(pending.len(), 1);
    assert_eq!(
        pending[0].error_code.as_deref(),
        Some("effective_date_invalid")
    );
}

#[tokio::test]
async fn delay_then_serve() {
    let s = serve().await;
    s.fault(json!({"kind": "delay", "delay_ms": 300})).await;
    let started = Instant::now();
    assert_eq!(s.get("/api/v1/contractors").await.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn drop_does_the_work_but_sends_nothing_and_a_retry_replays() {
    let s = serve().await;
    s.fault(json!({"kind": "drop"})).await;
    let reply = s.raw(create_contractor("idem-1")).await;
    assert!(reply.is_empty(), "{}", String::from_utf8_lossy(&reply));
    // The contractor exists, and the idempotent retry gets the stored 201.
    let list: Value = s.get("/api/v1/contractors").await.json().await.unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let retry = String::from_utf8(s.raw(create_contractor("idem-1")).await).unwrap();
    assert!(retry.starts_with("HTTP/1.1 201"), "{retry}");
    assert!(retry
        .to_ascii_lowercase()
        .contains("idempotent-replayed: true"));
    assert!(retry.contains(list[0]["id"].as_str().unwrap()));
}

#[tokio::test]
async fn truncate_sends_half_the_body_then_hangs_up() {
    let s = serve().await;
    let full = s
        .get("/api/v1/category_codes?limit=100")
        .await
        .bytes()
        .await
        .unwrap();
    s.fault(json!({"kind": "truncate"})).await;
    let raw = s
        .raw(format!(
            "GET /api/v1/category_codes?limit=100 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {KEY}\r\n\r\n"
        ))
        .await;
    let text = String::from_utf8_lossy(&raw);
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head
        .to_ascii_lowercase()
        .contains(&format!("content-length: {}", full.len())));
    assert_eq!(body.len(), full.len() / 2);
    // An ordinary client sees a broken body.
    s.fault(json!({"kind": "truncate"})).await;
    assert!(s.get("/api/v1/category_codes").await.text().await.is_err());
}

#[tokio::test]
async fn python_quote_json_is_left_for_the_quote_serializer() {
    let s = serve().await;
    s.fault(json!({"kind": "python_quote_json", "count": 2}))
        .await;
    assert_eq!(s.get("/api/v1/contractors").await.status(), 200);
    let tenant = Tenant {
        key: KEY.into(),
        environment: ten99::Environment::Sandbox,
    };
    assert!(s.state.faults.python_quote_json_requested(&tenant));
    assert!(s.state.faults.python_quote_json_requested(&tenant));
    assert!(!s.state.faults.python_quote_json_requested(&tenant));
}

#[tokio::test]
async fn control_endpoints_validate_list_clear_and_are_never_faulted() {
    let s = serve().await;
    for bad in [
        json!({"kind": "explode"}),
        json!({"kind": "status", "status": 200}),
        json!({"kind": "delay"}),
        json!({"kind": "drop", "count": 0}),
    ] {
        let r = s.fault(bad.clone()).await;
        assert_eq!(r.status(), 400, "{bad}");
        assert_eq!(
            r.json::<Value>().await.unwrap()["error_code"],
            "invalid_input"
        );
    }
    s.fault(json!({"kind": "status", "count": 5})).await;
    let listed: Value = s.get("/_sandbox/faults").await.json().await.unwrap();
    assert_eq!(
        listed["pending"][0],
        json!({"kind": "status", "remaining": 5, "status": 503})
    );
    let cleared = s
        .http
        .delete(format!("{}/_sandbox/faults", s.base))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(cleared.status(), 200);
    assert!(s.state.faults.pending(KEY).is_empty());
    // Reset clears them too.
    s.fault(json!({"kind": "status"})).await;
    let reset = s
        .http
        .post(format!("{}/_sandbox/reset", s.base))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 200);
    assert_eq!(s.get("/api/v1/contractors").await.status(), 200);
}
