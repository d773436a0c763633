//! The `/_sandbox/` test hooks.

mod common;

use common::{start, KEY, OTHER_KEY};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn health_needs_no_key() {
    let sandbox = start().await;
    let reply = sandbox
        .send(Method::GET, "/_sandbox/health", None, &[], None)
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.body, json!({"ok": true}));
}

#[tokio::test]
async fn requests_lists_the_callers_api_calls_in_order() {
    let sandbox = start().await;
    assert_eq!(sandbox.get(KEY, "/_sandbox/requests").await.body, json!([]));
    let id = sandbox.create(KEY, "joe@example.com").await;
    sandbox.get(KEY, &format!("/api/v1/contractors/{id}")).await;
    sandbox.get(KEY, "/api/v1/contractors?limit=1000").await;
    sandbox.get(OTHER_KEY, "/api/v1/contractors").await;
    sandbox
        .send(Method::GET, "/api/v1/contractors", None, &[], None)
        .await;

    let log = sandbox.get(KEY, "/_sandbox/requests").await;
    assert_eq!(log.status, StatusCode::OK);
    let seen: Vec<(String, String, u64)> = log
        .body
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["method"].as_str().unwrap().into(),
                r["path"].as_str().unwrap().into(),
                r["status"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("POST".into(), "/api/v1/contractors".into(), 201),
            ("GET".into(), format!("/api/v1/contractors/{id}"), 200),
            ("GET".into(), "/api/v1/contractors".into(), 400),
        ]
    );
    assert_eq!(log.body[2]["query"], "limit=1000");
    assert!(log.body[0]["at"].as_i64().unwrap() > 1_600_000_000);
    assert_eq!(log.body[0]["environment"], "sandbox");
    assert_eq!(
        sandbox
            .get(OTHER_KEY, "/_sandbox/requests")
            .await
            .body
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn requests_needs_a_key() {
    let sandbox = start().await;
    let reply = sandbox
        .send(Method::GET, "/_sandbox/requests", None, &[], None)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.code(), "invalid_api_key");
}

#[tokio::test]
async fn reset_clears_only_the_callers_data() {
    let sandbox = start().await;
    sandbox.create(KEY, "joe@example.com").await;
    let theirs = sandbox.create(OTHER_KEY, "joe@example.com").await;
    let reset = sandbox
        .send(
            Method::POST,
            "/_sandbox/reset",
            Some(&format!("Bearer {KEY}")),
            &[],
            None,
        )
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    assert_eq!(sandbox.get(KEY, "/_sandbox/requests").await.body, json!([]));
    assert_eq!(sandbox.list_ids(KEY, "").await, Vec::<String>::new());
    assert_eq!(sandbox.list_ids(OTHER_KEY, "").await, vec![theirs]);
    // The email is free again.
    sandbox.create(KEY, "joe@example.com").await;
}
