//! `/api/v1/jobs` over HTTP (reference §2.3).

mod common;

use common::world::{id, job, DESIGN, FIELD_TECH};
use common::{ids, start, KEY, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

#[tokio::test]
async fn create_returns_the_documented_shape() {
    let sandbox = start().await;
    let entity = sandbox.entity(KEY).await;
    let mut body = job(&entity, FIELD_TECH);
    body["address"] = json!({"region": "CA"});
    body["custom_metadata"] = json!({"purchase_order_number": "PO-7", "n": 1});
    let j = sandbox.made(KEY, "/api/v1/jobs", &body).await;
    let job_id = id(&j);
    assert!(job_id.starts_with("jb_") && job_id.len() == 13, "{job_id}");
    for (key, want) in [
        ("name", json!("Field technician")),
        ("description", json!("Run cable.")),
        ("entity", json!(entity)),
        ("category_code", json!(FIELD_TECH)),
        ("wage", json!(15000)),
        ("wage_type", json!("flatfee")),
        ("years_experience", Value::Null),
        ("withhold_premium", json!(false)),
        ("duration_hours", json!(20)),
        (
            "custom_metadata",
            json!({"purchase_order_number": "PO-7", "n": 1}),
        ),
    ] {
        assert_eq!(j[key], want, "{key}");
    }
    assert_eq!(j["address"]["region"], "CA");
    let typed: ten99::Job = serde_json::from_value(j.clone()).unwrap();
    assert_eq!(typed.purchase_order_number(), Some("PO-7"));
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/jobs/{job_id}"))
            .await
            .body,
        j
    );
    // The 2023 rename: `entity_id` still works.
    let mut old = job(&entity, FIELD_TECH);
    old["entity_id"] = old.as_object_mut().unwrap().remove("entity").unwrap();
    sandbox.made(KEY, "/api/v1/jobs", &old).await;
}

#[tokio::test]
async fn references_and_category_codes_have_their_own_errors() {
    let sandbox = start().await;
    let entity = sandbox.entity(KEY).await;
    let check = |body: Value, status: StatusCode, code: &'static str| {
        let sandbox = &sandbox;
        async move {
            let reply = sandbox.post(KEY, "/api/v1/jobs", &body).await;
            assert_eq!(
                (reply.status, reply.code()),
                (status, code),
                "{}",
                reply.body
            );
            reply
        }
    };
    check(
        job("en_nope123456", FIELD_TECH),
        StatusCode::BAD_REQUEST,
        "invalid_entity_id",
    )
    .await;
    let foreign = sandbox.entity(OTHER_KEY).await;
    check(
        job(&foreign, FIELD_TECH),
        StatusCode::BAD_REQUEST,
        "invalid_entity_id",
    )
    .await;
    check(
        job(&entity, "jc_notacode1"),
        StatusCode::BAD_REQUEST,
        "invalid_job_category_code",
    )
    .await;
    let mut missing = job(&entity, FIELD_TECH);
    missing.as_object_mut().unwrap().remove("category_code");
    check(
        missing.clone(),
        StatusCode::BAD_REQUEST,
        "missing_job_category_code",
    )
    .await;
    // Other field problems come first, in the field map, without the code.
    missing["wage"] = json!(5);
    let reply = check(missing, StatusCode::BAD_REQUEST, "invalid_input").await;
    assert!(reply.body["message"]["wage"].is_string());
    assert!(
        reply.body["message"].get("category_code").is_none(),
        "{}",
        reply.body
    );
    let mut bad = job(&entity, FIELD_TECH);
    bad["wage_type"] = json!("weekly");
    let reply = check(bad, StatusCode::BAD_REQUEST, "invalid_input").await;
    assert!(
        reply.body["message"]["wage_type"].is_string(),
        "{}",
        reply.body
    );
}

#[tokio::test]
async fn update_is_partial_merges_metadata_and_checks_codes() {
    let sandbox = start().await;
    let entity = sandbox.entity(KEY).await;
    let mut body = job(&entity, FIELD_TECH);
    body["custom_metadata"] = json!({"a": "1", "b": "2"});
    let j = sandbox.made(KEY, "/api/v1/jobs", &body).await;
    let path = format!("/api/v1/jobs/{}", id(&j));
    let reply = sandbox
        .put(KEY, &path, &json!({"wage": 20000, "category_code": DESIGN, "custom_metadata": {"a": "", "c": "3"}}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["wage"], 20000);
    assert_eq!(reply.body["category_code"], DESIGN);
    assert_eq!(reply.body["name"], j["name"]);
    assert_eq!(reply.body["custom_metadata"], json!({"b": "2", "c": "3"}));
    let cleared = sandbox
        .put(KEY, &path, &json!({"custom_metadata": {}}))
        .await;
    assert_eq!(cleared.body["custom_metadata"], json!({}));
    assert_eq!(
        sandbox
            .put(KEY, &path, &json!({"category_code": "jc_unknown123"}))
            .await
            .code(),
        "invalid_job_category_code"
    );
    assert_eq!(
        sandbox
            .put(KEY, &path, &json!({"category_code": ""}))
            .await
            .code(),
        "missing_job_category_code"
    );
    assert_eq!(
        sandbox
            .put(KEY, &path, &json!({"entity": "en_nope123456"}))
            .await
            .code(),
        "invalid_entity_id"
    );
    assert_eq!(
        sandbox.get(KEY, &path).await.body["category_code"],
        DESIGN,
        "failed edits change nothing"
    );
}

#[tokio::test]
async fn an_invoiced_job_cannot_be_edited() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let path = format!("/api/v1/jobs/{job}");
    assert_eq!(
        sandbox.put(KEY, &path, &json!({"wage": 100})).await.status,
        StatusCode::OK
    );
    let invoice = json!({"contractor": contractor, "job": job, "gross_pay": 250000,
                         "paycycle_startdate": 1_700_000_000, "paycycle_enddate": 1_700_600_000});
    let made = sandbox.made(KEY, "/api/v1/invoices", &invoice).await;
    let reply = sandbox.put(KEY, &path, &json!({"wage": 200})).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "invoice_exists")
    );
    sandbox
        .delete(KEY, &format!("/api/v1/invoices/{}", id(&made)))
        .await;
    assert_eq!(
        sandbox.put(KEY, &path, &json!({"wage": 200})).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn list_and_delete() {
    let sandbox = start().await;
    let entity = sandbox.entity(KEY).await;
    let first = sandbox.job(KEY, &entity, FIELD_TECH).await;
    let second = sandbox.job(KEY, &entity, DESIGN).await;
    assert_eq!(
        ids(&sandbox.get(KEY, "/api/v1/jobs").await.body),
        vec![second.clone(), first.clone()]
    );
    let gone = sandbox.delete(KEY, &format!("/api/v1/jobs/{first}")).await;
    assert_eq!(gone.body["object"], "job");
    assert_eq!(gone.body["deleted"], true);
    assert_eq!(
        ids(&sandbox.get(KEY, "/api/v1/jobs").await.body),
        vec![second]
    );
}
