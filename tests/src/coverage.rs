//! The steps of getting coverage, for journeys that walk through them: quotes from a
//! job, the application link from a quote, a bound policy's certificate in the viewer.

use crate::App;
use std::time::{Duration, Instant};

/// From the job's row on the Jobs page: quotes for the combinations ticked to start
/// with (workers' comp alone, general alone, both), for `contractor`. Waits until all
/// three are quoted.
pub async fn request_three_quotes(app: &App, job: &str, contractor: &str) {
    app.click(&format!("quote-job-{job}")).await;
    app.select("field-contractor", contractor).await;
    app.wait_for_text("quote-submit", |t| t == "Request 3 quotes")
        .await;
    app.click("quote-submit").await;
    let progress = app
        .wait_for_text("quote-progress", |t| t.matches("Quoted").count() == 3)
        .await;
    assert!(!progress.contains("Requesting"), "{progress}");
}

/// Opens the link generator on `quote` in the comparison, creates the session with the
/// default URLs and returns the link it shows.
pub async fn create_link(app: &App, quote: &str) -> String {
    app.click(&format!("link-{quote}")).await;
    app.click("session-submit").await;
    let url_field = app.element("link-url").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let value = url_field.prop("value").await.unwrap().unwrap_or_default();
        if value.starts_with("http") {
            return value;
        }
        assert!(Instant::now() < deadline, "no link appeared");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// From the Policies page: the policy's workers' comp certificate, drawn in the app's
/// viewer, its title naming `contractor_name`.
pub async fn open_certificate(app: &App, policy: &str, contractor_name: &str) {
    app.click(&format!("policy-doc-wc-coi-{policy}")).await;
    let drawn = app.drawn_width("viewer-image").await;
    assert!(drawn > 600.0, "the first page is drawn: {drawn} px wide");
    app.wait_for_text("viewer-title", |t| t.contains(contractor_name))
        .await;
    app.wait_for_text("viewer-page", |t| t.starts_with("Page 1 of"))
        .await;
}
