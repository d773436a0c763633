//! `PUT /api/v1/contractors/{id}` over HTTP (reference §2.1). Delete and the
//! contractor's policies are in `policies.rs`, next to the policies they touch.

mod common;

use common::world::id;
use common::{contractor, start, KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn update_is_partial() {
    let sandbox = start().await;
    let mut body = contractor("joe@example.com");
    body["company_name"] = json!("Parker Inc");
    let c = sandbox.made(KEY, "/api/v1/contractors", &body).await;
    let path = format!("/api/v1/contractors/{}", id(&c));
    let reply = sandbox
        .put(
            KEY,
            &path,
            &json!({"phone": 4155550100u64, "withhold_premium": true, "company_name": ""}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let u = &reply.body;
    assert_eq!(
        u["phone"], "4155550100",
        "numbers are read as text, like on create"
    );
    assert_eq!(u["withhold_premium"], true);
    assert_eq!(
        u["company_name"],
        Value::Null,
        "an empty optional field clears it"
    );
    for key in ["first_name", "email", "address", "created", "id"] {
        assert_eq!(u[key], c[key], "{key} unchanged");
    }
    let moved = sandbox
        .put(KEY, &path, &json!({"address": {"line1": "2 Main St", "locality": "Austin", "region": "TX", "postalcode": "73301"}}))
        .await;
    assert_eq!(moved.body["address"]["region"], "TX");
    assert_eq!(sandbox.get(KEY, &path).await.body, moved.body);
    assert!(moved.body.get("tax_identification").is_none());
}

#[tokio::test]
async fn metadata_keys_are_merged_removed_and_cleared() {
    let sandbox = start().await;
    let mut body = contractor("joe@example.com");
    body["custom_metadata"] = json!({"team": "west", "level": 3, "badge": "A1"});
    let c = sandbox.made(KEY, "/api/v1/contractors", &body).await;
    let path = format!("/api/v1/contractors/{}", id(&c));
    let reply = sandbox
        .put(
            KEY,
            &path,
            &json!({"custom_metadata": {"team": "", "badge": null, "region": "north"}}),
        )
        .await;
    assert_eq!(
        reply.body["custom_metadata"],
        json!({"level": 3, "region": "north"})
    );
    let reply = sandbox.put(KEY, &path, &json!({"first_name": "Jo"})).await;
    assert_eq!(
        reply.body["custom_metadata"],
        json!({"level": 3, "region": "north"}),
        "left out: kept"
    );
    let reply = sandbox
        .put(KEY, &path, &json!({"custom_metadata": {}}))
        .await;
    assert_eq!(reply.body["custom_metadata"], json!({}));
}

#[tokio::test]
async fn bad_values_and_taken_emails_are_refused() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    sandbox.create(KEY, "ann@example.com").await;
    let path = format!("/api/v1/contractors/{joe}");
    let reply = sandbox
        .put(KEY, &path, &json!({"email": "nope", "first_name": " "}))
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "invalid_input")
    );
    assert!(
        reply.body["message"]["email"].is_string()
            && reply.body["message"]["first_name"].is_string()
    );
    let reply = sandbox
        .put(KEY, &path, &json!({"email": "ann@example.com"}))
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::CONFLICT, "duplicate_email")
    );
    // Keeping one's own email is not a duplicate; the new one is what the filter finds.
    assert_eq!(
        sandbox
            .put(KEY, &path, &json!({"email": "joe@example.com"}))
            .await
            .status,
        StatusCode::OK
    );
    sandbox
        .put(KEY, &path, &json!({"email": "joseph@example.com"}))
        .await;
    assert_eq!(
        sandbox.list_ids(KEY, "?email=joseph@example.com").await,
        vec![joe.clone()]
    );
    assert!(sandbox
        .list_ids(KEY, "?email=joe@example.com")
        .await
        .is_empty());
    let missing = sandbox
        .put(
            KEY,
            "/api/v1/contractors/cn_nope123456",
            &json!({"first_name": "X"}),
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let typed = sandbox
        .put(KEY, &path, &json!({"withhold_premium": "yes please"}))
        .await;
    assert_eq!(typed.code(), "invalid_input");
}
