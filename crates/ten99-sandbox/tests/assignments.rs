//! `/api/v1/assignments` over HTTP (reference §2.8): repeat coverage.

mod common;

use common::world::{id, now, DAY, DESIGN, FIELD_TECH};
use common::{ids, start, Sandbox, KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A contractor with a bound GL + WC policy for a field-technician job in IL,
/// and a second job of the same class and place: (contractor, policy, new job).
async fn covered(sandbox: &Sandbox) -> (String, Value, String) {
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let policy = sandbox.bound(KEY, &contractor, &job).await;
    let entity = sandbox.get(KEY, &format!("/api/v1/jobs/{job}")).await.body["entity"].clone();
    let next = sandbox.job(KEY, entity.as_str().unwrap(), FIELD_TECH).await;
    (contractor, policy, next)
}

#[tokio::test]
async fn an_assignment_rides_on_the_latest_active_policy() {
    let sandbox = start().await;
    let (contractor, policy, job) = covered(&sandbox).await;
    let a = sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": job}),
        )
        .await;
    let assignment_id = id(&a);
    assert!(assignment_id.starts_with("an_") && assignment_id.len() == 13);
    assert_eq!(a["policy"], policy["id"]);
    assert_eq!(
        a["coverage_type"],
        json!(["general", "workers-comp"]),
        "the policy's coverage"
    );
    assert_eq!(a["bind"], true);
    assert_eq!(
        a["eligible"],
        json!({"result": true, "message": "Contractor is pre-approved for insurance coverage."})
    );
    assert!(a["net_rate"].as_i64().unwrap() > 0);
    assert_eq!(a["cancelled"], false);
    assert_eq!(a["effective_date"], (now() / DAY + 1) * DAY);
    let gl = a["certificates"]["gl_coi_pdf_url"].as_str().unwrap();
    assert!(gl.contains(&format!("gl_coi_{assignment_id}_")), "{gl}");
    let pdf = reqwest::get(sandbox.url(gl)).await.unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
    let typed: ten99::Assignment = serde_json::from_value(a.clone()).unwrap();
    assert!(typed.eligible.unwrap().result);
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/assignments/{assignment_id}"))
            .await
            .body,
        a
    );
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "assignment.active"
    );
}

#[tokio::test]
async fn a_mismatched_job_is_not_eligible_and_bind_false_binds_nothing() {
    let sandbox = start().await;
    let (contractor, _, job) = covered(&sandbox).await;
    let entity = sandbox.get(KEY, &format!("/api/v1/jobs/{job}")).await.body["entity"].clone();
    let design = sandbox.job(KEY, entity.as_str().unwrap(), DESIGN).await;
    let a = sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": design}),
        )
        .await;
    assert_eq!(a["eligible"]["result"], false);
    assert!(
        a["eligible"]["message"]
            .as_str()
            .unwrap()
            .contains("category"),
        "{a}"
    );
    assert_eq!(a["certificates"]["gl_coi_pdf_url"], Value::Null);
    let dry =
        json!({"contractor": contractor, "job": job, "bind": false, "coverage_type": ["general"]});
    let a = sandbox.made(KEY, "/api/v1/assignments", &dry).await;
    assert_eq!(
        (a["bind"].clone(), a["eligible"]["result"].clone()),
        (json!(false), json!(true))
    );
    assert_eq!(a["coverage_type"], json!(["general"]));
    assert_eq!(a["certificates"]["gl_coi_pdf_url"], Value::Null);
    let types = sandbox.event_types(KEY).await;
    assert!(
        !types.contains(&"assignment.active".to_owned()),
        "{types:?}"
    );
}

#[tokio::test]
async fn refusals_have_their_codes() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let body = json!({"contractor": contractor, "job": job});
    let reply = sandbox.post(KEY, "/api/v1/assignments", &body).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "no_active_policy")
    );
    sandbox.bound(KEY, &contractor, &job).await;
    let with = |key: &str, value: Value| {
        let mut b = body.clone();
        b[key] = value;
        b
    };
    for (b, code) in [
        (
            with("contractor", json!("cn_nope123456")),
            "invalid_contractor_id",
        ),
        (with("job", json!("jb_nope123456")), "invalid_job_id"),
        (with("policy", json!("pl_nope123456")), "invalid_policy_id"),
        (
            with("effective_date", json!(now() - 10)),
            "effective_date_invalid",
        ),
        (with("coverage_type", json!(["cyber"])), "invalid_input"),
    ] {
        assert_eq!(
            sandbox.post(KEY, "/api/v1/assignments", &b).await.code(),
            code,
            "{b}"
        );
    }
}

#[tokio::test]
async fn cancel_by_job_before_the_start_only() {
    let sandbox = start().await;
    let (contractor, _, job) = covered(&sandbox).await;
    let a = sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": job}),
        )
        .await;
    let body = json!({"job_id": job, "reason": "client_request"});
    let reply = sandbox.post(KEY, "/api/v1/assignments/cancel", &body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["id"], a["id"]);
    assert_eq!(reply.body["cancelled"], true);
    assert_eq!(reply.body["cancellation_reason"], "client_request");
    assert!(reply.body["cancellation_date"].is_i64());
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "assignment.cancelled"
    );
    let again = sandbox.post(KEY, "/api/v1/assignments/cancel", &body).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let locked = sandbox
        .put(
            KEY,
            &format!("/api/v1/assignments/{}", id(&a)),
            &json!({"bind": false}),
        )
        .await;
    assert_eq!(locked.status, StatusCode::BAD_REQUEST);
    let unknown = sandbox
        .post(
            KEY,
            "/api/v1/assignments/cancel",
            &json!({"job_id": "jb_nope123456"}),
        )
        .await;
    assert_eq!(unknown.code(), "invalid_job_id");
    let bad_reason = sandbox
        .post(
            KEY,
            "/api/v1/assignments/cancel",
            &json!({"job_id": job, "reason": "bored"}),
        )
        .await;
    assert_eq!(bad_reason.code(), "invalid_input");

    // Once it has started, it is too late.
    sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": job}),
        )
        .await;
    sandbox.advance(KEY, 2 * DAY).await;
    let late = sandbox
        .post(KEY, "/api/v1/assignments/cancel", &json!({"job_id": job}))
        .await;
    assert_eq!(late.status, StatusCode::BAD_REQUEST, "{}", late.body);
}

#[tokio::test]
async fn update_list_delete_and_policy_cancellation() {
    let sandbox = start().await;
    let (contractor, policy, job) = covered(&sandbox).await;
    let a = sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": job}),
        )
        .await;
    let path = format!("/api/v1/assignments/{}", id(&a));
    let end = a["effective_date"].as_i64().unwrap() + 10 * DAY;
    let reply = sandbox
        .put(
            KEY,
            &path,
            &json!({"end_date": end, "coverage_type": ["workers-comp"]}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["end_date"], end);
    assert_eq!(reply.body["coverage_type"], json!(["workers-comp"]));
    assert_eq!(reply.body["certificates"]["gl_coi_pdf_url"], Value::Null);
    assert_eq!(reply.body["created"], a["created"]);
    let b = sandbox
        .made(
            KEY,
            "/api/v1/assignments",
            &json!({"contractor": contractor, "job": job}),
        )
        .await;
    assert_eq!(
        ids(&sandbox.get(KEY, "/api/v1/assignments").await.body),
        vec![id(&b), id(&a)]
    );
    let gone = sandbox.delete(KEY, &path).await;
    assert_eq!(gone.body["object"], "assignment");
    // Cancelling the policy cancels the assignments under it that have not started.
    let policy_path = format!("/api/v1/policies/{}", id(&policy));
    sandbox
        .put(KEY, &policy_path, &json!({"is_active": false}))
        .await;
    let b = sandbox
        .get(KEY, &format!("/api/v1/assignments/{}", id(&b)))
        .await;
    assert_eq!(b.body["cancelled"], true);
}
