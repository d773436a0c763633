//! `/api/v1/policies` over HTTP (reference §2.7), the PDFs they link to, and the
//! contractor endpoints that touch policies (§2.1).

mod common;

use common::world::{id, DAY};
use common::{ids, start, Sandbox, KEY, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn quoted(sandbox: &Sandbox, coverage: &[&str]) -> (String, Value) {
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let quote = sandbox.quote(KEY, &contractor, &job, coverage).await;
    (contractor, quote)
}

#[tokio::test]
async fn create_binds_a_quote_once() {
    let sandbox = start().await;
    let (_, quote) = quoted(&sandbox, &["general", "workers-comp"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    let policy_id = id(&p);
    assert!(
        policy_id.starts_with("pl_") && policy_id.len() == 13,
        "{policy_id}"
    );
    assert_eq!(p["quote"], quote["id"]);
    assert_eq!(p["status"], "active");
    assert_eq!(p["effective_date"], quote["effective_date"]);
    assert_eq!(p["expiration_date"], quote["end_date"]);
    let pdf = p["pdf_url"].as_str().unwrap();
    assert!(
        pdf.starts_with(&format!("/bound-policies/sandbox/policy_{policy_id}_"))
            && pdf.ends_with(".pdf"),
        "{pdf}"
    );
    let gl = p["certificates"]["gl_coi_pdf_url"].as_str().unwrap();
    assert!(
        gl.starts_with(&format!("/bound-policies/sandbox/gl_coi_{policy_id}_")),
        "{gl}"
    );
    assert!(p["certificates"]["wc_coi_pdf_url"].is_string());
    let typed: ten99::Policy = serde_json::from_value(p.clone()).unwrap();
    assert_eq!(typed.status, Some(ten99::PolicyStatus::Active));
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/policies/{policy_id}"))
            .await
            .body,
        p
    );

    let again = sandbox
        .post(KEY, "/api/v1/policies", &json!({"quote_id": id(&quote)}))
        .await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::CONFLICT, "policy_already_exists")
    );
    let unknown = sandbox
        .post(KEY, "/api/v1/policies", &json!({"quote": "qt_nope123456"}))
        .await;
    assert_eq!(
        (unknown.status, unknown.code()),
        (StatusCode::BAD_REQUEST, "invalid_quote_id")
    );
    assert_eq!(sandbox.event_types(KEY).await, ["policy.active"]);
    let event = &sandbox.get(KEY, "/api/v1/events").await.body[0];
    assert_eq!(event["data"]["id"], policy_id.as_str());
    assert_eq!(event["data"]["object"], "policy");
}

#[tokio::test]
async fn a_gl_only_policy_has_no_workers_comp_certificate() {
    let sandbox = start().await;
    let (_, quote) = quoted(&sandbox, &["general"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    assert_eq!(p["certificates"]["wc_coi_pdf_url"], Value::Null);
}

#[tokio::test]
async fn the_linked_pdfs_are_served() {
    let sandbox = start().await;
    let (_, quote) = quoted(&sandbox, &["general", "workers-comp"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    for link in [
        &p["pdf_url"],
        &p["certificates"]["gl_coi_pdf_url"],
        &p["certificates"]["wc_coi_pdf_url"],
    ] {
        let url = sandbox.url(link.as_str().unwrap());
        let reply = reqwest::get(&url).await.unwrap();
        assert_eq!(reply.status(), StatusCode::OK, "{url}");
        assert_eq!(reply.headers()["content-type"], "application/pdf");
        let bytes = reply.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "{url}");
    }
    // With a key, only the holder's key opens it; unknown files are 404 JSON.
    let url = sandbox.url(p["pdf_url"].as_str().unwrap());
    let http = reqwest::Client::new();
    let own = http.get(&url).bearer_auth(KEY).send().await.unwrap();
    assert_eq!(own.status(), StatusCode::OK);
    let other = http.get(&url).bearer_auth(OTHER_KEY).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let wrong_env = url.replace("/sandbox/", "/prod/");
    assert_eq!(
        reqwest::get(&wrong_env).await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
    let missing = sandbox
        .get(KEY, "/bound-policies/sandbox/policy_pl_nope_1.pdf")
        .await;
    assert_eq!(missing.code(), "resource_not_found");
}

#[tokio::test]
async fn is_active_cancels_and_reactivates_with_events() {
    let sandbox = start().await;
    let (_, quote) = quoted(&sandbox, &["general"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    let path = format!("/api/v1/policies/{}", id(&p));
    let off = sandbox.put(KEY, &path, &json!({"is_active": false})).await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.body);
    assert_eq!(off.body["status"], "cancelled");
    // Asking again changes nothing and emits nothing.
    sandbox.put(KEY, &path, &json!({"is_active": false})).await;
    let on = sandbox.put(KEY, &path, &json!({"is_active": true})).await;
    assert_eq!(on.body["status"], "active");
    assert_eq!(
        sandbox.event_types(KEY).await,
        ["policy.active", "policy.cancelled", "policy.reactivated"]
    );
    assert_eq!(
        sandbox.put(KEY, &path, &json!({})).await.code(),
        "invalid_input"
    );
}

#[tokio::test]
async fn delete_cancels_then_forgets() {
    let sandbox = start().await;
    let (_, quote) = quoted(&sandbox, &["general"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    let path = format!("/api/v1/policies/{}", id(&p));
    let gone = sandbox.delete(KEY, &path).await;
    assert_eq!(gone.body["object"], "policy");
    assert_eq!(gone.body["deleted"], true);
    assert_eq!(sandbox.get(KEY, &path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        sandbox.event_types(KEY).await,
        ["policy.active", "policy.cancelled"]
    );
}

#[tokio::test]
async fn a_policy_expires_when_the_sandbox_clock_passes_its_end() {
    let sandbox = start().await;
    let (contractor, quote) = quoted(&sandbox, &["general"]).await;
    let p = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&quote)}))
        .await;
    let path = format!("/api/v1/policies/{}", id(&p));
    sandbox.advance(KEY, 32 * DAY).await;
    assert_eq!(sandbox.get(KEY, &path).await.body["status"], "expired");
    // An expired policy is no longer "on file": the same cover quotes again.
    let job = quote["job"].as_str().unwrap();
    sandbox.quote(KEY, &contractor, job, &["general"]).await;
}

#[tokio::test]
async fn lists_filter_by_quote_and_by_contractor() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let first = sandbox.bound(KEY, &contractor, &job).await;
    let other_quote = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let second = sandbox
        .made(KEY, "/api/v1/policies", &json!({"quote": id(&other_quote)}))
        .await;
    let all = sandbox.get(KEY, "/api/v1/policies").await;
    assert_eq!(ids(&all.body), vec![id(&second), id(&first)]);
    let one = sandbox
        .get(KEY, &format!("/api/v1/policies?quote={}", id(&other_quote)))
        .await;
    assert_eq!(ids(&one.body), vec![id(&second)]);
    let theirs = sandbox
        .get(KEY, &format!("/api/v1/contractors/{contractor}/policies"))
        .await;
    assert_eq!(ids(&theirs.body), vec![id(&second), id(&first)]);
    let paged = sandbox
        .get(
            KEY,
            &format!("/api/v1/contractors/{contractor}/policies?limit=1"),
        )
        .await;
    assert_eq!(ids(&paged.body), vec![id(&second)]);
    let nobody = sandbox
        .get(KEY, "/api/v1/contractors/cn_nope123456/policies")
        .await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn deleting_a_contractor_cancels_their_policies() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let policy = sandbox.bound(KEY, &contractor, &job).await;
    let gone = sandbox
        .delete(KEY, &format!("/api/v1/contractors/{contractor}"))
        .await;
    assert_eq!(gone.status, StatusCode::OK);
    assert_eq!(gone.body["object"], "contractor");
    assert_eq!(gone.body["id"], contractor.as_str());
    assert_eq!(gone.body["deleted"], true);
    let after = sandbox
        .get(KEY, &format!("/api/v1/policies/{}", id(&policy)))
        .await;
    assert_eq!(after.body["status"], "cancelled");
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "policy.cancelled"
    );
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/contractors/{contractor}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    // The documents outlive the contractor: they are drawn from what was bound.
    let pdf = reqwest::get(sandbox.url(policy["pdf_url"].as_str().unwrap()))
        .await
        .unwrap();
    assert_eq!(pdf.status(), StatusCode::OK);
}
