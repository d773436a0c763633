//! An ops person follows an application link to the bound policy: a contractor, entity,
//! job, quote and application session exist at the API (made over HTTP here; the
//! coverage journey makes them through the UI), the contractor completes the
//! application, and the app notices on its own: a notice "Policy bound for Ann Lee"
//! and the policy in the list. The certificate opens inside the app with its first
//! page drawn; then the policy is cancelled after a confirmation that names it.

use coverdesk_journeys::App;
use serde_json::json;
use std::time::{Duration, Instant};

/// Makes everything up to the application link at the stand-in; returns the session id.
async fn pending_application(app: &App) -> String {
    let contractor = app
        .standin_post(
            "/api/v1/contractors",
            json!({
                "first_name": "Ann", "last_name": "Lee", "email": "ann.lee@example.com",
                "phone": "415-474-9088",
                "address": {"line1": "1 Main St", "locality": "Oakland", "region": "CA", "postalcode": "94607"}
            }),
        )
        .await;
    let entity = app
        .standin_post(
            "/api/v1/entities",
            json!({
                "name": "Lake View Bowl",
                "address": {"line1": "3639 18th St", "locality": "Chicago", "region": "IL", "postalcode": "60640"},
                "required_coverage": ["general", "workers-comp"]
            }),
        )
        .await;
    let codes = app.standin_get("/api/v1/category_codes?limit=1").await;
    let code = codes[0]["category_code"].as_str().unwrap();
    let job = app
        .standin_post(
            "/api/v1/jobs",
            json!({
                "name": "Field technician", "description": "Run cable from front to rear.",
                "entity": entity["id"], "category_code": code,
                "wage": 120000, "wage_type": "flatfee", "duration_hours": 20
            }),
        )
        .await;
    let quote = app
        .standin_post(
            "/api/v1/quotes",
            json!({"contractor": contractor["id"], "job": job["id"], "coverage_type": ["workers-comp", "general"]}),
        )
        .await;
    assert_eq!(quote["eligible"], true, "{quote}");
    let session = app
        .standin_post(
            "/api/v1/apply/sessions",
            json!({"quote": quote["id"], "success_url": "https://example.com/done", "cancel_url": "https://example.com/cancel"}),
        )
        .await;
    session["id"].as_str().unwrap().to_owned()
}

/// Waits until the app has polled the events at least `times` times.
async fn polled(app: &App, times: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let polls = app
            .api_calls()
            .await
            .iter()
            .filter(|c| c.as_str() == "GET /api/v1/events")
            .count();
        if polls >= times {
            return;
        }
        assert!(Instant::now() < deadline, "the app never polled the events");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn a_completed_application_shows_up_with_its_certificate() {
    let app = App::launch_with("policies", &[("COVERDESK_FOLLOW_SECONDS", "1")]).await;
    app.click("nav-policies").await;
    app.element("policy-empty").await;
    let session = pending_application(&app).await;
    // The first poll takes note of where the events stand; what follows is news.
    polled(&app, 1).await;

    let done = app
        .standin_post(&format!("/_sandbox/sessions/{session}/complete"), json!({}))
        .await;
    let policy = done["policy"]["id"].as_str().unwrap().to_owned();

    let notice = app
        .wait_for_text(&format!("notice-{policy}"), |t| !t.is_empty())
        .await;
    assert!(notice.contains("Policy bound for Ann Lee"), "{notice}");
    let row = app
        .wait_for_text("policy-list", |t| t.contains("Ann Lee"))
        .await;
    assert!(
        row.contains("Field technician") && row.contains("Workers' comp"),
        "{row}"
    );
    assert!(row.to_lowercase().contains("active"), "{row}");
    app.screenshot("policies").await;

    app.click_by_script(&format!("notice-open-{policy}")).await;
    app.click(&format!("policy-doc-wc-coi-{policy}")).await;
    let drawn = app.drawn_width("viewer-image").await;
    assert!(drawn > 600.0, "the first page is drawn: {drawn} px wide");
    let title = app
        .wait_for_text("viewer-title", |t| t.contains("Ann Lee"))
        .await;
    assert!(title.contains("WC certificate"), "{title}");
    app.wait_for_text("viewer-page", |t| t.starts_with("Page 1 of"))
        .await;
    // A loaded image may still be waiting to be painted; give the window a moment.
    tokio::time::sleep(Duration::from_millis(2000)).await;
    app.scroll_to("pdf-viewer").await;
    app.screenshot("pdf-viewer").await;
    let kept = app
        .data_home
        .join("cache/dev.coverdesk.app/documents/local");
    let pdfs = std::fs::read_dir(&kept).map(|d| d.count()).unwrap_or(0);
    assert_eq!(pdfs, 1, "the certificate is kept under {}", kept.display());
    app.click("viewer-zoom-in").await;
    app.wait_for_text("viewer-zoom", |t| t == "125%").await;
    app.click("viewer-close").await;

    // Repeat coverage: the same contractor, another job, no new application.
    let entity = app.standin_get("/api/v1/entities").await[0]["id"].clone();
    let first_job = app.standin_get("/api/v1/jobs").await[0].clone();
    let second = app
        .standin_post(
            "/api/v1/jobs",
            json!({
                "name": "Cable inspector", "description": "Inspect the cable runs.",
                "entity": entity, "category_code": first_job["category_code"],
                "wage": 90000, "wage_type": "flatfee"
            }),
        )
        .await;
    let second = second["id"].as_str().unwrap().to_owned();
    app.click(&format!("policy-assign-{policy}")).await;
    app.click("assignment-submit").await;
    let error = app.wait_for_text("error-job", |t| !t.is_empty()).await;
    assert!(error.to_lowercase().contains("job"), "{error}");
    assert!(
        !app.api_calls()
            .await
            .iter()
            .any(|c| c == "POST /api/v1/assignments"),
        "no assignment is sent without a job"
    );
    app.select("field-job", &second).await;
    app.click("assignment-submit").await;
    let verdict = app
        .wait_for_text("assignment-eligibility", |t| !t.is_empty())
        .await;
    assert!(verdict.contains("Eligible"), "{verdict}");
    app.wait_for_text("assignment-list", |t| t.contains("Cable inspector"))
        .await;
    app.scroll_to("repeat-coverage").await;
    app.screenshot("repeat-coverage").await;
    let assignment = app.standin_get("/api/v1/assignments").await[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    app.click(&format!("assignment-cancel-{assignment}")).await;
    app.click(&format!("assignment-cancel-confirm-{assignment}"))
        .await;
    app.wait_for_text("assignment-list", |t| {
        t.to_lowercase().contains("cancelled")
    })
    .await;
    let stored = app
        .standin_get(&format!("/api/v1/assignments/{assignment}"))
        .await;
    assert_eq!(stored["cancelled"], true, "{stored}");
    app.click("repeat-coverage-close").await;

    app.click(&format!("policy-cancel-{policy}")).await;
    let dialog = app
        .wait_for_text("policy-cancel-dialog", |t| !t.is_empty())
        .await;
    assert!(
        dialog.contains(&policy) && dialog.contains("Ann Lee"),
        "{dialog}"
    );
    app.click("policy-cancel-confirm").await;
    app.wait_for_text("policy-list", |t| t.to_lowercase().contains("cancelled"))
        .await;
    let stored = app.standin_get(&format!("/api/v1/policies/{policy}")).await;
    assert_eq!(stored["status"], "cancelled");

    app.close().await;
}
