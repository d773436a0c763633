//! Retries against the stand-in's injected faults (`POST /_sandbox/faults`): the
//! client and the stand-in's idempotency store together make a retried POST happen
//! once.
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use serde_json::{json, Value};
use std::time::Duration;
use ten99::client::{ApiKey, Client, Error, ListParams};

/// Queues a fault for [`KEY`]'s next requests.
async fn inject(base: &str, fault: Value) {
    let response = reqwest::Client::new()
        .post(format!("{base}/_sandbox/faults"))
        .bearer_auth(KEY)
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "{fault}: {}",
        response.status()
    );
}

/// The API requests the stand-in logged for [`KEY`], as `METHOD path status`.
async fn requests(base: &str) -> Vec<String> {
    let log: Vec<Value> = reqwest::Client::new()
        .get(format!("{base}/_sandbox/requests"))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    log.iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["method"].as_str().unwrap(),
                r["path"].as_str().unwrap(),
                r["status"]
            )
        })
        .collect()
}

#[tokio::test]
async fn injected_503s_are_retried_until_the_post_goes_through() {
    let (running, client) = sandbox().await;
    inject(
        running.base_url(),
        json!({"kind": "status", "status": 503, "count": 2, "method": "POST", "path": "/api/v1/contractors"}),
    )
    .await;
    let created = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    assert!(created.id.starts_with("cn_"));
    let posts: Vec<String> = requests(running.base_url())
        .await
        .into_iter()
        .filter(|r| r.starts_with("POST"))
        .collect();
    assert_eq!(posts.len(), 3, "{posts:?}");
    running.stop().await;
}

#[tokio::test]
async fn a_post_whose_answer_was_lost_is_retried_and_runs_once() {
    let (running, client) = sandbox().await;
    for kind in ["drop", "truncate"] {
        inject(
            running.base_url(),
            json!({"kind": kind, "method": "POST", "path": "/api/v1/contractors"}),
        )
        .await;
        let email = format!("{kind}@example.com");
        let created = client
            .contractors()
            .create(&contractor(&email))
            .await
            .unwrap();
        // Had the retry not reused the key, it would have been a duplicate_email.
        let found = client.contractors().list_by_email(&email).await.unwrap();
        assert_eq!(ids(&found, |c| &c.id), [created.id.as_str()], "{kind}");
    }
    running.stop().await;
}

#[tokio::test]
async fn a_409_that_persists_is_returned_after_the_retries() {
    let (running, client) = sandbox().await;
    inject(
        running.base_url(),
        json!({"kind": "status", "status": 409, "count": 5, "method": "GET"}),
    )
    .await;
    let error = client
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(409), "{error:?}");
    assert_eq!(requests(running.base_url()).await.len(), 3);
    running.stop().await;
}

#[tokio::test]
async fn a_delay_longer_than_the_timeout_is_a_timeout() {
    let (running, _) = sandbox().await;
    inject(
        running.base_url(),
        json!({"kind": "delay", "delay_ms": 1500, "count": 2, "method": "GET"}),
    )
    .await;
    let client = Client::builder(running.base_url(), ApiKey::new(KEY))
        .retry_policy(quick_retries(1))
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let error = client
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Timeout), "{error:?}");
    running.stop().await;
}
