//! `/api/v1/entities` over HTTP (reference §2.2).

mod common;

use common::world::{entity, id};
use common::{ids, start, KEY, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn create_returns_the_documented_shape_and_reads_back() {
    let sandbox = start().await;
    let mut body = entity();
    // The SDK examples send limits as strings.
    body["coverage_limit"]["aggregate_limit"] = json!("200000000");
    let e = sandbox.made(KEY, "/api/v1/entities", &body).await;
    let entity_id = id(&e);
    assert!(
        entity_id.starts_with("en_") && entity_id.len() == 13,
        "{entity_id}"
    );
    assert_eq!(e["name"], "Apple, Inc");
    assert_eq!(e["coverage_limit"]["aggregate_limit"], 200000000);
    assert_eq!(e["required_coverage"], json!(["general", "workers-comp"]));
    assert_eq!(e["address"]["region"], "IL");
    assert_eq!(e["address"]["line2"], Value::Null);
    assert!(e["created"].is_i64());
    let typed: ten99::Entity = serde_json::from_value(e.clone()).unwrap();
    assert_eq!(typed.id, entity_id);
    let fetched = sandbox
        .get(KEY, &format!("/api/v1/entities/{entity_id}"))
        .await;
    assert_eq!(fetched.body, e);
    // Only the name is required.
    let bare = sandbox
        .made(KEY, "/api/v1/entities", &json!({"name": "Solo"}))
        .await;
    assert_eq!(bare["address"], Value::Null);
    assert_eq!(bare["coverage_limit"], Value::Null);
    assert_eq!(bare["required_coverage"], json!([]));
}

#[tokio::test]
async fn bad_fields_are_invalid_input_with_a_field_map() {
    let sandbox = start().await;
    let body = json!({"name": "", "coverage_limit": {"aggregate_limit": 5, "occurrence_limit": 2000},
                      "required_coverage": ["general", "auto"]});
    let reply = sandbox.post(KEY, "/api/v1/entities", &body).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "invalid_input");
    assert!(
        reply.body["message"]["required_coverage[1]"].is_string()
            || reply.body["message"]["required_coverage"].is_string(),
        "{}",
        reply.body
    );
    let reply = sandbox.post(KEY, "/api/v1/entities", &json!({"name": "", "coverage_limit": {"aggregate_limit": 5, "occurrence_limit": 2000}})).await;
    let message = &reply.body["message"];
    assert!(
        message["name"].is_string() && message["coverage_limit.aggregate_limit"].is_string(),
        "{message}"
    );
}

#[tokio::test]
async fn update_is_partial_and_delete_returns_the_deleted_shape() {
    let sandbox = start().await;
    let e = sandbox.made(KEY, "/api/v1/entities", &entity()).await;
    let path = format!("/api/v1/entities/{}", id(&e));
    let reply = sandbox
        .put(KEY, &path, &json!({"name": "Apple Inc."}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["name"], "Apple Inc.");
    assert_eq!(
        reply.body["coverage_limit"], e["coverage_limit"],
        "unchanged"
    );
    assert_eq!(reply.body["created"], e["created"]);
    let reply = sandbox
        .put(KEY, &path, &json!({"required_coverage": ["professional"]}))
        .await;
    assert_eq!(reply.body["required_coverage"], json!(["professional"]));
    let bad = sandbox.put(KEY, &path, &json!({"name": " "})).await;
    assert_eq!(bad.code(), "invalid_input");

    let gone = sandbox.delete(KEY, &path).await;
    assert_eq!(gone.status, StatusCode::OK);
    assert_eq!(gone.body["id"], e["id"]);
    assert_eq!(gone.body["object"], "entity");
    assert_eq!(gone.body["deleted"], true);
    assert!(gone.body["deleted_at"].is_i64());
    let typed: ten99::Deleted = serde_json::from_value(gone.body).unwrap();
    assert!(typed.deleted);
    assert_eq!(sandbox.get(KEY, &path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        sandbox.delete(KEY, &path).await.code(),
        "resource_not_found"
    );
}

#[tokio::test]
async fn lists_newest_first_pages_and_keeps_tenants_apart() {
    let sandbox = start().await;
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(sandbox.entity(KEY).await);
    }
    made.reverse();
    let all = sandbox.get(KEY, "/api/v1/entities").await;
    assert_eq!(ids(&all.body), made);
    let page = sandbox
        .get(
            KEY,
            &format!("/api/v1/entities?limit=1&starting_after={}", made[0]),
        )
        .await;
    assert_eq!(ids(&page.body), made[1..2]);
    let other = sandbox.get(OTHER_KEY, "/api/v1/entities").await;
    assert_eq!(other.body, json!([]));
    let hidden = sandbox
        .get(OTHER_KEY, &format!("/api/v1/entities/{}", made[0]))
        .await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn deleting_an_entity_cancels_the_policies_of_its_jobs() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let policy = sandbox.bound(KEY, &contractor, &job).await;
    let entity = sandbox.get(KEY, &format!("/api/v1/jobs/{job}")).await.body["entity"].clone();
    sandbox
        .delete(
            KEY,
            &format!("/api/v1/entities/{}", entity.as_str().unwrap()),
        )
        .await;
    let after = sandbox
        .get(KEY, &format!("/api/v1/policies/{}", id(&policy)))
        .await;
    assert_eq!(after.body["status"], "cancelled");
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "policy.cancelled"
    );
}

#[tokio::test]
async fn reset_clears_the_new_tables_too() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    sandbox.bound(KEY, &contractor, &job).await;
    let reply = sandbox.post(KEY, "/_sandbox/reset", &json!({})).await;
    assert_eq!(reply.status, StatusCode::OK);
    for list in [
        "entities",
        "jobs",
        "quotes",
        "apply/sessions",
        "policies",
        "events",
    ] {
        let reply = sandbox.get(KEY, &format!("/api/v1/{list}")).await;
        assert_eq!(reply.body, json!([]), "{list}");
    }
}
