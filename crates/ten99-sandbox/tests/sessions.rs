//! `/api/v1/apply/sessions` over HTTP (reference §2.6), the application page behind
//! a session's `url`, and the `/_sandbox/sessions/…` hooks.

mod common;

use common::world::id;
use common::{ids, start, Sandbox, KEY, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn quoted(sandbox: &Sandbox, email: &str) -> Value {
    let (contractor, job) = sandbox.parties(KEY, email).await;
    sandbox
        .quote(KEY, &contractor, &job, &["general", "workers-comp"])
        .await
}

#[tokio::test]
async fn create_returns_a_ulid_id_a_page_url_and_the_first_step() {
    let sandbox = start().await;
    let quote = quoted(&sandbox, "joe@example.com").await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let session_id = id(&s);
    let ulid = session_id.strip_prefix("ias_").expect(&session_id);
    assert_eq!(ulid.len(), 26);
    assert!(
        ulid.chars()
            .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c)),
        "{ulid}"
    );
    assert_eq!(
        s["url"],
        format!("{}/apply/{session_id}", sandbox.running.base_url())
    );
    assert_eq!(s["quote"], quote["id"]);
    assert_eq!(s["step"], "verify_info");
    assert_eq!(s["expired"], false);
    assert_eq!(s["success_url"], "https://example.com/ok");
    assert_eq!(s["cancel_url"], "https://example.com/no");
    let typed: ten99::Session = serde_json::from_value(s.clone()).unwrap();
    assert!(!typed.is_complete());
    assert_eq!(
        sandbox
            .get(KEY, &format!("/api/v1/apply/sessions/{session_id}"))
            .await
            .body,
        s
    );
    // Later sessions sort after earlier ones (time-ordered ids) and list newest first.
    let later = sandbox.session(KEY, &id(&quote)).await;
    assert!(id(&later) > session_id);
    let list = sandbox.get(KEY, "/api/v1/apply/sessions").await;
    assert_eq!(ids(&list.body), vec![id(&later), session_id]);
    assert_eq!(
        sandbox.event_types(KEY).await,
        ["application.created", "application.created"]
    );
}

#[tokio::test]
async fn create_needs_a_known_quote() {
    let sandbox = start().await;
    let reply = sandbox
        .post(
            KEY,
            "/api/v1/apply/sessions",
            &json!({"quote": "qt_nope123456"}),
        )
        .await;
    assert_eq!(
        (reply.status, reply.code()),
        (StatusCode::BAD_REQUEST, "invalid_quote_id")
    );
    let reply = sandbox
        .post(KEY, "/api/v1/apply/sessions", &json!({}))
        .await;
    assert_eq!(reply.code(), "invalid_input");
    let bad_url = json!({"quote": "qt_x", "success_url": "example.com"});
    let reply = sandbox.post(KEY, "/api/v1/apply/sessions", &bad_url).await;
    assert!(
        reply.body["message"]["success_url"].is_string(),
        "{}",
        reply.body
    );
    let opt_in =
        json!({"is_general_opt_in": true, "contractor": "cn_x", "general_opt_in_work_state": "IL"});
    let reply = sandbox.post(KEY, "/api/v1/apply/sessions", &opt_in).await;
    assert_eq!(reply.code(), "custom_applications_disabled");
}

#[tokio::test]
async fn update_changes_only_the_redirect_urls() {
    let sandbox = start().await;
    let quote = quoted(&sandbox, "joe@example.com").await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let path = format!("/api/v1/apply/sessions/{}", id(&s));
    let reply = sandbox
        .put(
            KEY,
            &path,
            &json!({"cancel_url": "https://example.com/back"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["cancel_url"], "https://example.com/back");
    assert_eq!(reply.body["success_url"], s["success_url"]);
    let reply = sandbox
        .put(KEY, &path, &json!({"step": "final_review"}))
        .await;
    assert_eq!(reply.code(), "invalid_input");
    assert!(reply.body["message"]["step"].is_string());
    let reply = sandbox
        .put(KEY, &path, &json!({"success_url": "nope"}))
        .await;
    assert_eq!(reply.code(), "invalid_input");
}

#[tokio::test]
async fn expire_ends_an_open_session_once() {
    let sandbox = start().await;
    let quote = quoted(&sandbox, "joe@example.com").await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let path = format!("/api/v1/apply/sessions/{}/expire", id(&s));
    let reply = sandbox.post(KEY, &path, &json!({})).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["expired"], true);
    let again = sandbox.post(KEY, &path, &json!({})).await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::BAD_REQUEST, "session_expired")
    );
    let complete = sandbox
        .post(
            KEY,
            &format!("/_sandbox/sessions/{}/complete", id(&s)),
            &json!({}),
        )
        .await;
    assert_eq!(complete.code(), "session_expired");
    // The page shows the link as expired.
    let page = reqwest::get(s["url"].as_str().unwrap()).await.unwrap();
    assert_eq!(page.status(), StatusCode::GONE);
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "application.expired"
    );
}

#[tokio::test]
async fn completing_binds_a_policy_with_events() {
    let sandbox = start().await;
    let quote = quoted(&sandbox, "joe@example.com").await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let path = format!("/_sandbox/sessions/{}/complete", id(&s));
    let reply = sandbox.post(KEY, &path, &json!({})).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (session, policy) = (&reply.body["session"], &reply.body["policy"]);
    assert_eq!(session["step"], "application_complete");
    assert_eq!(policy["quote"], quote["id"]);
    assert_eq!(policy["status"], "active");
    let fetched = sandbox
        .get(KEY, &format!("/api/v1/apply/sessions/{}", id(&s)))
        .await;
    assert_eq!(fetched.body["step"], "application_complete");
    assert_eq!(
        sandbox.event_types(KEY).await,
        [
            "application.created",
            "application.started",
            "policy.active",
            "application.complete"
        ]
    );
    let again = sandbox.post(KEY, &path, &json!({})).await;
    assert_eq!(
        (again.status, again.code()),
        (StatusCode::BAD_REQUEST, "application_already_complete")
    );
    let expire = sandbox
        .post(
            KEY,
            &format!("/api/v1/apply/sessions/{}/expire", id(&s)),
            &json!({}),
        )
        .await;
    assert_eq!(expire.code(), "application_already_complete");
    // Another key does not see the session.
    let foreign = sandbox.post(OTHER_KEY, &path, &json!({})).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn abandoning_expires_the_session() {
    let sandbox = start().await;
    let quote = quoted(&sandbox, "joe@example.com").await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let reply = sandbox
        .post(
            KEY,
            &format!("/_sandbox/sessions/{}/abandon", id(&s)),
            &json!({}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(reply.body["expired"], true);
    assert_eq!(
        sandbox.event_types(KEY).await.last().unwrap(),
        "application.expired"
    );
}

#[tokio::test]
async fn the_application_page_walks_the_stored_session_to_a_policy() {
    let sandbox = start().await;
    // A contractor whose premium is withheld: no card step to fill.
    let mut body = common::contractor("joe@example.com");
    body["withhold_premium"] = json!(true);
    let contractor = id(&sandbox.made(KEY, "/api/v1/contractors", &body).await);
    let entity = sandbox.entity(KEY).await;
    let job = sandbox.job(KEY, &entity, common::world::FIELD_TECH).await;
    let quote = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let s = sandbox.session(KEY, &id(&quote)).await;
    let url = s["url"].as_str().unwrap().to_owned();
    let page = reqwest::get(&url).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains("Joe Parker"));

    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut answers: Vec<(String, String)> = ten99_sandbox::application_page::QUESTIONS
        .iter()
        .map(|(q, _)| (q.to_string(), "no".to_string()))
        .collect();
    answers.push(("step".into(), "application_questions".into()));
    let forms: Vec<Vec<(String, String)>> = vec![
        pairs(&[("step", "verify_info"), ("confirm", "yes")]),
        answers,
        pairs(&[
            ("step", "esignature_document"),
            ("signed_name", "Joe Parker"),
            ("agree", "yes"),
        ]),
        pairs(&[("step", "add_card_details")]),
        pairs(&[("step", "final_review")]),
    ];
    for form in forms {
        let reply = browser
            .post(format!("{url}/step"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            reply.status(),
            StatusCode::SEE_OTHER,
            "{form:?}: {}",
            reply.text().await.unwrap()
        );
    }
    let done = sandbox
        .get(KEY, &format!("/api/v1/apply/sessions/{}", id(&s)))
        .await;
    assert_eq!(done.body["step"], "application_complete");
    let policies = sandbox
        .get(KEY, &format!("/api/v1/policies?quote={}", id(&quote)))
        .await;
    assert_eq!(policies.body.as_array().unwrap().len(), 1);
    let page = reqwest::get(&url).await.unwrap().text().await.unwrap();
    assert!(
        page.contains(policies.body[0]["id"].as_str().unwrap()),
        "the page names the policy"
    );
    assert_eq!(
        sandbox.event_types(KEY).await,
        [
            "application.created",
            "application.started",
            "policy.active",
            "application.complete"
        ]
    );
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
