//! An ops person records a contractor: the form checks the input before any call,
//! the created contractor shows in the list, and the stand-in has it.

use coverdesk_journeys::App;

async fn fill_joe(app: &App, email: &str) {
    app.fill("field-first_name", "Joe").await;
    app.fill("field-last_name", "Parker").await;
    app.fill("field-email", email).await;
    app.fill("field-phone", "415-474-9088").await;
    app.fill("field-company_name", "Parker Field Services")
        .await;
    app.fill("field-address-line1", "1 Kearny St").await;
    app.fill("field-address-locality", "San Francisco").await;
    app.select("field-address-region", "CA").await;
    app.fill("field-address-postalcode", "94104").await;
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn a_bad_email_is_caught_before_any_call_then_the_contractor_is_created() {
    let app = App::launch("contractors").await;

    fill_joe(&app, "joe.parker@").await;
    app.click("contractor-submit").await;
    let error = app.wait_for_text("error-email", |t| !t.is_empty()).await;
    assert!(
        error.contains("email"),
        "the email field explains itself: {error}"
    );
    let calls = app.api_calls().await;
    assert!(
        !calls
            .iter()
            .any(|c| c.starts_with("POST /api/v1/contractors")),
        "no contractor may be sent while the form is invalid; the stand-in saw {calls:?}"
    );

    app.fill("field-email", "joe.parker@example.com").await;
    app.click("contractor-submit").await;
    app.wait_for_text("contractor-list", |t| t.contains("joe.parker@example.com"))
        .await;
    app.screenshot("contractor-form").await;
    app.scroll_to("contractor-list").await;
    app.screenshot("contractors").await;

    let stored = app
        .standin_get("/api/v1/contractors?email=joe.parker@example.com")
        .await;
    let stored = stored.as_array().expect("a bare array, as the API lists");
    assert_eq!(
        stored.len(),
        1,
        "the stand-in holds exactly one Joe: {stored:?}"
    );
    assert_eq!(stored[0]["first_name"], "Joe");
    assert_eq!(stored[0]["address"]["region"], "CA");
    assert!(stored[0]["id"].as_str().unwrap().starts_with("cn_"));

    app.close().await;
}
