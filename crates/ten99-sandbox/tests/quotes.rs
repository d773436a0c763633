//! `/api/v1/quotes` over HTTP (reference §2.5, §6.1).

mod common;

use common::world::{contractor_in, id, job, now, DAY, DESIGN, FIELD_TECH};
use common::{ids, start, KEY};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

fn tomorrow() -> i64 {
    (now() / DAY + 1) * DAY
}

#[tokio::test]
async fn create_prices_with_defaults_and_the_documented_shape() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let q = sandbox
        .quote(KEY, &contractor, &job, &["general", "workers-comp"])
        .await;
    let quote_id = id(&q);
    assert!(
        quote_id.starts_with("qt_") && quote_id.len() == 13,
        "{quote_id}"
    );
    assert_eq!(q["contractor"], contractor.as_str());
    assert_eq!(q["job"], job.as_str());
    assert_eq!(
        q["coverage_type"],
        json!(["general", "workers-comp"]),
        "a plain array"
    );
    assert_eq!(
        q["effective_date"],
        tomorrow(),
        "default: the start of the next day"
    );
    assert_eq!(q["end_date"], tomorrow() + 30 * DAY, "default: 30 days on");
    assert_eq!(q["eligible"], true);
    let (wc, gl) = (
        q["wc_net_rate"].as_i64().unwrap(),
        q["gl_net_rate"].as_i64().unwrap(),
    );
    assert!(wc > 0 && gl > 0);
    assert_eq!(q["net_rate"].as_i64().unwrap(), wc + gl);
    // quote_json is a real object whose lines add up; the work state is the
    // entity's (IL, the job has no site), the residence the contractor's (CA).
    let breakdown = &q["quote_json"];
    assert_eq!(breakdown["wc"]["net_rate"], wc);
    assert_eq!(breakdown["wc"]["state"], "IL");
    assert_eq!(breakdown["gl"]["residence_state"], "CA");
    let typed: ten99::Quote = serde_json::from_value(q.clone()).unwrap();
    assert_eq!(typed.total_rate().unwrap().0, wc + gl);
    assert_eq!(typed.quote_json.total_net_rate().unwrap().0, wc + gl);
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/quotes/{quote_id}"))
            .await
            .body,
        q
    );
    // Same inputs, same price.
    let again = sandbox
        .quote(KEY, &contractor, &job, &["workers-comp", "general"])
        .await;
    assert_eq!(again["net_rate"], q["net_rate"]);
    let gl_only = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    assert_eq!(gl_only["wc_net_rate"], Value::Null);
    assert_eq!(gl_only["net_rate"], gl);
}

#[tokio::test]
async fn the_work_state_comes_from_the_job_then_the_entity_then_the_contractor() {
    let sandbox = start().await;
    let contractor = sandbox
        .made(
            KEY,
            "/api/v1/contractors",
            &contractor_in("tx@example.com", "TX"),
        )
        .await;
    let no_address = sandbox
        .made(KEY, "/api/v1/entities", &json!({"name": "Remote Co"}))
        .await;
    let mut on_site = job(&id(&no_address), FIELD_TECH);
    on_site["address"] = json!({"region": "NY"});
    let on_site = sandbox.made(KEY, "/api/v1/jobs", &on_site).await;
    let remote = sandbox.job(KEY, &id(&no_address), FIELD_TECH).await;
    let at = |job: String| {
        let sandbox = &sandbox;
        let contractor = id(&contractor);
        async move {
            let q = sandbox
                .quote(KEY, &contractor, &job, &["workers-comp"])
                .await;
            q["quote_json"]["wc"]["state"].as_str().unwrap().to_owned()
        }
    };
    assert_eq!(at(id(&on_site)).await, "NY");
    assert_eq!(at(remote).await, "TX");
}

#[tokio::test]
async fn ineligible_requests_still_quote_but_say_so() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    // Field technicians cannot buy media liability.
    let q = sandbox
        .quote(KEY, &contractor, &job, &["general", "media"])
        .await;
    assert_eq!(q["eligible"], false);
    assert_eq!(q["net_rate"], 0);
    assert!(
        q["quote_json"]["eligibility"]["message"]
            .as_str()
            .unwrap()
            .contains("Media"),
        "{q}"
    );
}

#[tokio::test]
async fn references_fields_and_dates_have_their_codes() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let post = |body: Value| {
        let sandbox = &sandbox;
        async move { sandbox.post(KEY, "/api/v1/quotes", &body).await }
    };
    let base = json!({"contractor": contractor, "job": job, "coverage_type": ["general"]});
    let with = |key: &str, value: Value| {
        let mut body = base.clone();
        body[key] = value;
        body
    };
    let reply = post(with("contractor", json!("cn_nope123456"))).await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "invalid_contractor_id")
    );
    assert_eq!(
        post(with("job", json!("jb_nope123456"))).await.code(),
        "invalid_job_id"
    );
    let reply = post(with("coverage_type", json!(["auto"]))).await;
    assert_eq!(reply.code(), "invalid_input");
    assert_eq!(
        post(with("coverage_type", json!([]))).await.code(),
        "invalid_input"
    );
    assert_eq!(
        post(with("effective_date", json!(now() - 60))).await.code(),
        "effective_date_invalid"
    );
    let start = tomorrow() + 3 * DAY;
    let mut body = with("effective_date", json!(start));
    body["end_date"] = json!(start - DAY);
    assert_eq!(post(body.clone()).await.code(), "end_date_invalid");
    body["end_date"] = json!(start + 366 * DAY);
    assert_eq!(post(body.clone()).await.code(), "end_date_invalid");
    body["end_date"] = json!(start + 365 * DAY);
    assert_eq!(post(body.clone()).await.status, StatusCode::CREATED);
    // An end on the start's own day moves to the start of the next day.
    body["end_date"] = json!(start + 3_600);
    let q = post(body).await.body;
    assert_eq!(q["end_date"], start + DAY, "{q}");
    // The older field names still work.
    let old = json!({"contractor_id": contractor, "job_id": job, "coverage_type": "general"});
    assert_eq!(post(old).await.status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_quote_matching_a_policy_in_force_is_refused() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    sandbox.bound(KEY, &contractor, &job).await;
    let body =
        json!({"contractor": contractor, "job": job, "coverage_type": ["workers-comp", "general"]});
    let reply = sandbox.post(KEY, "/api/v1/quotes", &body).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "contractor_has_matching_policy");
    assert_eq!(
        reply.body["message"],
        "Contractor already has a matching policy on file."
    );
    // Different coverage, or a job of another class, is a different cover.
    sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let entity = sandbox.get(KEY, &format!("/api/v1/jobs/{job}")).await.body["entity"].clone();
    let design = sandbox.job(KEY, entity.as_str().unwrap(), DESIGN).await;
    sandbox
        .quote(KEY, &contractor, &design, &["general", "workers-comp"])
        .await;
}

#[tokio::test]
async fn update_reprices_until_a_policy_is_bound() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let q = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let path = format!("/api/v1/quotes/{}", id(&q));
    let reply = sandbox
        .put(
            KEY,
            &path,
            &json!({"coverage_type": ["general", "workers-comp"]}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body["net_rate"].as_i64() > q["net_rate"].as_i64());
    assert_eq!(reply.body["created"], q["created"]);
    assert_eq!(reply.body["effective_date"], q["effective_date"]);
    let before = q["effective_date"].as_i64().unwrap() - DAY;
    let bad = sandbox.put(KEY, &path, &json!({"end_date": before})).await;
    assert_eq!(bad.code(), "end_date_invalid");
    let session = sandbox.session(KEY, &id(&q)).await;
    sandbox
        .post(
            KEY,
            &format!("/_sandbox/sessions/{}/complete", id(&session)),
            &json!({}),
        )
        .await;
    let locked = sandbox
        .put(KEY, &path, &json!({"coverage_type": ["general"]}))
        .await;
    assert_eq!(
        (locked.status, locked.code()),
        (StatusCode::BAD_REQUEST, "cant_update_create_new_quote")
    );
}

#[tokio::test]
async fn there_is_no_delete_and_lists_page() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let a = id(&sandbox.quote(KEY, &contractor, &job, &["general"]).await);
    let b = id(&sandbox
        .quote(KEY, &contractor, &job, &["workers-comp"])
        .await);
    let auth = format!("Bearer {KEY}");
    let reply = sandbox
        .send(
            Method::DELETE,
            &format!("/api/v1/quotes/{a}"),
            Some(&auth),
            &[],
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(
        ids(&sandbox.get(KEY, "/api/v1/quotes").await.body),
        vec![b.clone(), a.clone()]
    );
    assert_eq!(
        ids(&sandbox
            .get(KEY, &format!("/api/v1/quotes?ending_before={a}"))
            .await
            .body),
        vec![b]
    );
}

#[tokio::test]
async fn the_python_literal_fault_stringifies_quote_json_once() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let q = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let fault = sandbox
        .post(
            KEY,
            "/_sandbox/faults",
            &json!({"kind": "python_quote_json"}),
        )
        .await;
    assert!(fault.status.is_success(), "{}", fault.body);
    let path = format!("/api/v1/quotes/{}", id(&q));
    let literal = sandbox.get(KEY, &path).await.body;
    let text = literal["quote_json"].as_str().expect("a string");
    assert!(
        text.starts_with("{'gl': {") && text.contains("'residence_state': 'CA'"),
        "{text}"
    );
    // The model reads it back to the same breakdown.
    let typed: ten99::Quote = serde_json::from_value(literal.clone()).unwrap();
    assert_eq!(
        typed.quote_json.total_net_rate().unwrap().0,
        q["net_rate"].as_i64().unwrap()
    );
    assert!(
        sandbox.get(KEY, &path).await.body["quote_json"].is_object(),
        "one response only"
    );
}
