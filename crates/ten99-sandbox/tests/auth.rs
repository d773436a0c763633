//! Authentication (reference §1.3) and environments (§1.2).

mod common;

use base64::Engine;
use common::{start, KEY, LIVE_KEY, OTHER_KEY};
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn every_wire_form_of_the_key_reaches_the_same_tenant() {
    let sandbox = start().await;
    let id = sandbox.create(KEY, "joe@example.com").await;
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{KEY}:"));
    for authorization in [
        format!("Bearer {KEY}"),
        format!("Basic {basic}"),
        format!("Basic {KEY}"),
        KEY.to_owned(),
    ] {
        let reply = sandbox
            .send(
                Method::GET,
                "/api/v1/contractors",
                Some(&authorization),
                &[],
                None,
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::OK,
            "{authorization}: {}",
            reply.body
        );
        assert_eq!(
            common::ids(&reply.body),
            vec![id.clone()],
            "{authorization}"
        );
    }
}

#[tokio::test]
async fn a_missing_or_malformed_key_is_401_invalid_api_key() {
    let sandbox = start().await;
    let missing = sandbox
        .send(Method::GET, "/api/v1/contractors", None, &[], None)
        .await;
    assert_eq!(missing.status, StatusCode::UNAUTHORIZED);
    assert_eq!(missing.code(), "invalid_api_key");
    assert!(missing.body["message"]
        .as_str()
        .unwrap()
        .contains("No API key"));
    for bad in [
        "Bearer sk_test_abc",
        "Bearer t9k_test_",
        "Basic Zm9vOg==",
        "Token t9k_test_abc",
    ] {
        let reply = sandbox
            .send(
                Method::POST,
                "/api/v1/contractors",
                Some(bad),
                &[],
                Some("{}"),
            )
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(reply.code(), "invalid_api_key", "{bad}");
    }
    // Unknown endpoints are behind auth too, like the real host.
    let unknown = sandbox
        .send(Method::GET, "/api/v1/nothing", None, &[], None)
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn every_response_has_a_request_id() {
    let sandbox = start().await;
    for reply in [
        sandbox.get(KEY, "/api/v1/contractors").await,
        sandbox
            .send(Method::GET, "/api/v1/contractors", None, &[], None)
            .await,
    ] {
        let id = reply.headers["request-id"].to_str().unwrap().to_owned();
        assert!(id.starts_with("req_") && id.len() > 10, "{id}");
    }
}

#[tokio::test]
async fn tenants_are_isolated() {
    let sandbox = start().await;
    let id = sandbox.create(KEY, "joe@example.com").await;
    assert_eq!(sandbox.list_ids(OTHER_KEY, "").await, Vec::<String>::new());
    let other = sandbox
        .get(OTHER_KEY, &format!("/api/v1/contractors/{id}"))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    // The same email is free in another tenant.
    let other_id = sandbox.create(OTHER_KEY, "joe@example.com").await;
    assert_ne!(other_id, id);
    assert_eq!(sandbox.list_ids(KEY, "").await, vec![id]);
}

#[tokio::test]
async fn the_environment_header_must_agree_with_the_key() {
    let sandbox = start().await;
    assert_eq!(get(&sandbox, KEY, "sandbox").await.status, StatusCode::OK);
    assert_eq!(
        get(&sandbox, LIVE_KEY, "production").await.status,
        StatusCode::OK
    );
    let test_in_production = get(&sandbox, KEY, "production").await;
    assert_eq!(test_in_production.status, StatusCode::FORBIDDEN);
    assert_eq!(test_in_production.code(), "insufficient_permissions");
    assert!(
        test_in_production.body["message"]
            .as_str()
            .unwrap()
            .contains("test key"),
        "{}",
        test_in_production.body
    );
    let live_in_sandbox = get(&sandbox, LIVE_KEY, "sandbox").await;
    assert_eq!(live_in_sandbox.status, StatusCode::FORBIDDEN);
    let nonsense = get(&sandbox, KEY, "staging").await;
    assert_eq!(nonsense.status, StatusCode::BAD_REQUEST);
    assert_eq!(nonsense.code(), "bad_request");
}

async fn get(sandbox: &common::Sandbox, key: &str, environment: &str) -> common::Reply {
    let auth = format!("Bearer {key}");
    sandbox
        .send(
            Method::GET,
            "/api/v1/contractors",
            Some(&auth),
            &[("Ten99Policy-Environment", environment)],
            None,
        )
        .await
}
