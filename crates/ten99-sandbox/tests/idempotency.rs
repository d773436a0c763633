//! Idempotent POSTs (reference §1.5).

mod common;

use common::{contractor, start, KEY, OTHER_KEY};
use reqwest::{Method, StatusCode};

async fn post_with_key(
    sandbox: &common::Sandbox,
    api_key: &str,
    header: &str,
    key: &str,
    email: &str,
) -> common::Reply {
    let auth = format!("Bearer {api_key}");
    let body = contractor(email).to_string();
    sandbox
        .send(
            Method::POST,
            "/api/v1/contractors",
            Some(&auth),
            &[(header, key)],
            Some(&body),
        )
        .await
}

#[tokio::test]
async fn a_repeated_key_replays_the_first_response_and_creates_once() {
    let sandbox = start().await;
    let first = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "k-1",
        "joe@example.com",
    )
    .await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert!(first.headers.get("idempotent-replayed").is_none());
    // Even a different body gets the stored answer: that is what a retry needs.
    let again = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "k-1",
        "other@example.com",
    )
    .await;
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body);
    assert_eq!(again.headers["idempotent-replayed"], "true");
    assert_eq!(again.headers["ten99policy-idempotent-key"], "k-1");
    assert_eq!(
        sandbox.list_ids(KEY, "").await,
        vec![first.body["id"].as_str().unwrap().to_owned()]
    );
}

#[tokio::test]
async fn the_python_sdk_header_works_too() {
    let sandbox = start().await;
    let first = post_with_key(&sandbox, KEY, "Idempotency-Key", "k-2", "joe@example.com").await;
    let again = post_with_key(&sandbox, KEY, "Idempotency-Key", "k-2", "joe@example.com").await;
    assert_eq!(
        again.status,
        StatusCode::CREATED,
        "not a duplicate_email: {}",
        again.body
    );
    assert_eq!(again.body["id"], first.body["id"]);
}

#[tokio::test]
async fn failures_after_the_endpoint_ran_are_replayed_too() {
    let sandbox = start().await;
    sandbox.create(KEY, "joe@example.com").await;
    let conflict = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "k-3",
        "joe@example.com",
    )
    .await;
    assert_eq!(conflict.code(), "duplicate_email");
    let replay = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "k-3",
        "new@example.com",
    )
    .await;
    assert_eq!(replay.status, StatusCode::CONFLICT);
    assert_eq!(replay.headers["idempotent-replayed"], "true");
}

#[tokio::test]
async fn rejected_input_is_not_stored_so_a_fixed_retry_runs() {
    let sandbox = start().await;
    let invalid = post_with_key(&sandbox, KEY, "Ten99Policy-Idempotent-Key", "k-4", "joe@").await;
    assert_eq!(invalid.code(), "invalid_input");
    let fixed = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "k-4",
        "joe@example.com",
    )
    .await;
    assert_eq!(fixed.status, StatusCode::CREATED, "{}", fixed.body);
}

#[tokio::test]
async fn keys_are_scoped_per_tenant() {
    let sandbox = start().await;
    let mine = post_with_key(
        &sandbox,
        KEY,
        "Ten99Policy-Idempotent-Key",
        "shared",
        "joe@example.com",
    )
    .await;
    let theirs = post_with_key(
        &sandbox,
        OTHER_KEY,
        "Ten99Policy-Idempotent-Key",
        "shared",
        "joe@example.com",
    )
    .await;
    assert_eq!(theirs.status, StatusCode::CREATED);
    assert_ne!(theirs.body["id"], mine.body["id"]);
}

#[tokio::test]
async fn a_client_that_hangs_up_mid_body_does_not_burn_the_key() {
    use tokio::io::AsyncWriteExt;
    let sandbox = start().await;
    let addr = sandbox
        .running
        .base_url()
        .trim_start_matches("http://")
        .to_owned();
    let mut socket = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /api/v1/contractors HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {KEY}\r\n\
         Ten99Policy-Idempotent-Key: k-5\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"first_"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.shutdown().await.unwrap();
    drop(socket);
    // Let the server notice the hang-up; poll instead of guessing a delay.
    for _ in 0..50 {
        let retry = post_with_key(
            &sandbox,
            KEY,
            "Ten99Policy-Idempotent-Key",
            "k-5",
            "joe@example.com",
        )
        .await;
        if retry.status == StatusCode::CREATED {
            return;
        }
        assert_eq!(retry.code(), "idempotency_key_in_use", "{}", retry.body);
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("the key stayed claimed after the client hung up");
}
