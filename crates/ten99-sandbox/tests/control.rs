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

#[tokio::test]
async fn the_clock_moves_forward_per_key_and_stamps_what_is_created() {
    let sandbox = start().await;
    let clock = sandbox.get(KEY, "/_sandbox/clock").await;
    assert_eq!(clock.status, StatusCode::OK);
    assert_eq!(clock.body["offset_seconds"], 0);
    let real = clock.body["real_now"].as_i64().unwrap();

    let two_days = 2 * 86_400;
    let moved = sandbox
        .post(
            KEY,
            "/_sandbox/clock/advance",
            &json!({"seconds": two_days}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(moved.body["offset_seconds"], two_days);
    assert!(moved.body["now"].as_i64().unwrap() >= real + two_days);

    let id = sandbox.create(KEY, "joe@example.com").await;
    let created = sandbox
        .get(KEY, &format!("/api/v1/contractors/{id}"))
        .await
        .body["created"]
        .as_i64()
        .unwrap();
    assert!(created >= real + two_days, "{created} vs {real}");
    let log = sandbox.get(KEY, "/_sandbox/requests").await;
    assert!(log.body[0]["at"].as_i64().unwrap() >= real + two_days);

    // Other keys keep real time.
    let theirs = sandbox.get(OTHER_KEY, "/_sandbox/clock").await;
    assert_eq!(theirs.body["offset_seconds"], 0);

    for bad in [
        json!({"seconds": -1}),
        json!({"seconds": "60"}),
        json!({}),
        json!({"seconds": 1.5}),
    ] {
        let reply = sandbox.post(KEY, "/_sandbox/clock/advance", &bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(reply.code(), "invalid_input");
    }
    sandbox
        .send(
            Method::POST,
            "/_sandbox/reset",
            Some(&format!("Bearer {KEY}")),
            &[],
            None,
        )
        .await;
    assert_eq!(
        sandbox.get(KEY, "/_sandbox/clock").await.body["offset_seconds"],
        0
    );
}

#[tokio::test]
async fn idempotency_keys_lapse_on_the_keys_clock() {
    let sandbox = start().await;
    let body = common::contractor("joe@example.com").to_string();
    let auth = format!("Bearer {KEY}");
    let send = || {
        sandbox.send(
            Method::POST,
            "/api/v1/contractors",
            Some(&auth),
            &[("Ten99Policy-Idempotent-Key", "same-key")],
            Some(&body),
        )
    };
    assert_eq!(send().await.status, StatusCode::CREATED);
    assert_eq!(send().await.headers["idempotent-replayed"], "true");
    sandbox
        .post(
            KEY,
            "/_sandbox/clock/advance",
            &json!({"seconds": 25 * 3600}),
        )
        .await;
    // The key is forgotten, so the request runs again and meets the first contractor.
    let again = send().await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.code(), "duplicate_email");
    assert!(!again.headers.contains_key("idempotent-replayed"));
}

#[tokio::test]
async fn category_codes_are_a_bare_paged_array() {
    let sandbox = start().await;
    let first = sandbox.get(KEY, "/api/v1/category_codes").await;
    assert_eq!(first.status, StatusCode::OK);
    let first = first.body.as_array().unwrap().clone();
    assert_eq!(first.len(), 10);
    assert_eq!(first[0].as_object().unwrap().len(), 2);
    let all = sandbox
        .get(KEY, "/api/v1/category_codes?limit=100")
        .await
        .body;
    let all = all.as_array().unwrap();
    assert!(all.len() >= 40);
    assert!(all
        .iter()
        .any(|c| c == &json!({"category_code": "jc_MTqpkbkp6G", "name": "Field Technician"})));
    let last = first[9]["category_code"].as_str().unwrap();
    let next = sandbox
        .get(
            KEY,
            &format!("/api/v1/category_codes?limit=2&starting_after={last}"),
        )
        .await
        .body;
    assert_eq!(next.as_array().unwrap()[..], all[10..12]);
    let unauthenticated = sandbox
        .send(Method::GET, "/api/v1/category_codes", None, &[], None)
        .await;
    assert_eq!(unauthenticated.status, StatusCode::UNAUTHORIZED);
}
