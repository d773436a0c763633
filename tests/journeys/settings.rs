//! The canary: an ops person saves a sandbox key and works with it — records, quotes,
//! an application link, the bound policy's certificate, errors — and afterwards the key
//! is in the OS keychain and nowhere else: not in the web view, not in any reply the
//! backend sent it, not in the app's data, config or cache folders (the downloaded PDF
//! included), their SQLite files, or the app's log.

use coverdesk_journeys::coverage::{create_link, open_certificate, request_three_quotes};
use coverdesk_journeys::records::{create_contractor, create_entity, create_job};
use coverdesk_journeys::{get_as, App};
use rand::distr::{Alphanumeric, SampleString};
use std::process::Command;

/// What every step gets: the app, the "real" sandbox it talks to, and the canary key.
struct Journey {
    app: App,
    remote: String,
    canary: String,
}

impl Journey {
    /// The web view holds no trace of the key right now.
    async fn assert_page_clean(&self, after: &str) {
        let page = self.app.driver.source().await.unwrap();
        assert!(
            !page.contains(&self.canary),
            "after {after}: the web view holds the key"
        );
    }
}

async fn save_key(j: &Journey) {
    // A wrong key first: refused on the key field, and the message does not echo it.
    let wrong = format!("{}-wrong", j.canary);
    fault(j, &wrong, 401).await;
    j.app.click("nav-settings").await;
    j.app.fill("key-input-sandbox", &wrong).await;
    j.app.click("key-save-sandbox").await;
    let refused = j
        .app
        .wait_for_text("error-key-sandbox", |t| !t.is_empty())
        .await;
    assert!(refused.contains("did not accept"), "{refused}");

    j.app.fill("key-input-sandbox", &j.canary).await;
    j.app.click("key-save-sandbox").await;
    let last4 = &j.canary[j.canary.len() - 4..];
    j.app
        .wait_for_text("key-saved-sandbox", |t| t.contains(last4))
        .await;
    j.app.click("env-switch-sandbox").await;
    j.app
        .wait_for_text("env-badge", |t| t.contains("Sandbox"))
        .await;
    j.app.screenshot("settings").await;
}

async fn create_records(j: &Journey) {
    create_contractor(&j.app, "Rosa", "Diaz", "rosa.diaz@example.com").await;
    create_entity(&j.app, "Lake View Bowl").await;
    let entities = get_as(&j.remote, &j.canary, "/api/v1/entities").await;
    let entity = entities[0]["id"]
        .as_str()
        .expect("the entity reached the sandbox");
    create_job(&j.app, "Field technician", entity).await;
}

/// Quotes for the job, a link from the one with both lines, the contractor applies (at
/// the sandbox), and the bound policy's certificate opens in the viewer.
async fn get_coverage(j: &Journey) {
    let contractor = get_as(&j.remote, &j.canary, "/api/v1/contractors").await[0]["id"]
        .as_str()
        .expect("the contractor reached the sandbox")
        .to_owned();
    let job = get_as(&j.remote, &j.canary, "/api/v1/jobs").await[0]["id"]
        .as_str()
        .expect("the job reached the sandbox")
        .to_owned();
    request_three_quotes(&j.app, &job, &contractor).await;
    let quotes = get_as(&j.remote, &j.canary, "/api/v1/quotes").await;
    let both = quotes
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["coverage_type"].as_array().is_some_and(|c| c.len() == 2))
        .expect("a quote with both lines")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    create_link(&j.app, &both).await;
    j.assert_page_clean("creating the link").await;
    j.app.click("link-close").await;

    let sessions = get_as(&j.remote, &j.canary, "/api/v1/apply/sessions").await;
    let session = sessions[0]["id"].as_str().unwrap();
    let done = reqwest::Client::new()
        .post(format!("{}/_sandbox/sessions/{session}/complete", j.remote))
        .bearer_auth(&j.canary)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let policy = done["policy"]["id"].as_str().expect("a bound policy");
    j.app
        .wait_for_text(&format!("notice-{policy}"), |t| !t.is_empty())
        .await;
    j.app
        .click_by_script(&format!("notice-open-{policy}"))
        .await;
    j.app
        .wait_for_text("policy-list", |t| t.contains("Rosa Diaz"))
        .await;
    open_certificate(&j.app, policy, "Rosa Diaz").await;
}

/// Errors carry the API's words back to the screen; none of them may carry the key.
async fn provoke_errors(j: &Journey) {
    // The API refuses: a duplicate email.
    coverdesk_journeys::records::submit_contractor(
        &j.app,
        "Rosa",
        "Again",
        "rosa.diaz@example.com",
    )
    .await;
    j.app.wait_for_text("error-email", |t| !t.is_empty()).await;
    // The API fails: a 500 on the next call, shown in the form's alert.
    fault(j, &j.canary, 500).await;
    // (The refused form keeps its address; choosing the same state again through
    // WebDriver would clear it.)
    j.app.fill("field-first_name", "Lou").await;
    j.app.fill("field-email", "lou@example.com").await;
    j.app.click("contractor-submit").await;
    j.app.wait_for_text("form-alert", |t| !t.is_empty()).await;
}

/// Makes the stand-in answer the next calls with `key` with `status`: a 500 only to
/// creating a contractor (enough of them to outlast the client's retries), so the
/// background polls of events cannot use it up.
async fn fault(j: &Journey, key: &str, status: u16) {
    let fault = if status >= 500 {
        serde_json::json!({ "kind": "status", "status": status, "count": 5,
                            "method": "POST", "path": "/api/v1/contractors" })
    } else {
        serde_json::json!({ "kind": "status", "status": status, "count": 1 })
    };
    let queued = reqwest::Client::new()
        .post(format!("{}/_sandbox/faults", j.remote))
        .bearer_auth(key)
        .json(&fault)
        .send()
        .await
        .unwrap();
    assert!(queued.status().is_success());
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display, tauri-driver and a Secret Service; scripts/test runs it"]
async fn a_sandbox_key_is_kept_in_the_keychain_and_nowhere_else() {
    // The "real" sandbox for this journey is a second stand-in the app knows only by URL.
    let remote = ten99_sandbox::start(ten99_sandbox::Options::default())
        .await
        .unwrap();
    let canary = format!(
        "t9sk_test_canary{}",
        Alphanumeric.sample_string(&mut rand::rng(), 24)
    );
    let app = App::launch_with(
        "settings",
        &[
            ("COVERDESK_API_BASE", remote.base_url()),
            ("COVERDESK_FOLLOW_SECONDS", "1"),
        ],
    )
    .await;
    app.element("env-badge").await;
    app.record_ipc_replies().await;
    let journey = Journey {
        app,
        remote: remote.base_url().to_owned(),
        canary,
    };

    save_key(&journey).await;
    journey.assert_page_clean("saving the key").await;
    create_records(&journey).await;
    journey.assert_page_clean("creating records").await;
    get_coverage(&journey).await;
    journey.assert_page_clean("viewing the certificate").await;
    provoke_errors(&journey).await;
    journey.assert_page_clean("the errors").await;

    // Every step used the key (so the checks below are not vacuous) …
    let at_remote = get_as(&journey.remote, &journey.canary, "/_sandbox/requests").await;
    let posts = at_remote
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["method"] == "POST")
        .count();
    assert!(
        posts >= 7,
        "records, three quotes and a session went to the sandbox: {at_remote}"
    );
    let at_local = journey.app.standin_get("/api/v1/contractors").await;
    assert_eq!(
        at_local.as_array().unwrap().len(),
        0,
        "local stays empty: {at_local}"
    );

    // … and no reply of the backend carried it.
    let replies = journey.app.ipc_replies().await;
    assert!(
        replies
            .iter()
            .any(|r| r.starts_with("settings_save_key ok")),
        "the recorder saw the save: {replies:?}"
    );
    assert!(
        replies.iter().any(|r| r.contains(" err ")),
        "errors were recorded"
    );
    let leaked: Vec<_> = replies
        .iter()
        .filter(|r| r.contains(&journey.canary))
        .collect();
    assert!(leaked.is_empty(), "IPC replies carried the key: {leaked:?}");

    let Journey { app, canary, .. } = journey;
    app.close().await;

    // The data, config and cache folders (SQLite files included) and the app's log
    // (its stdout/stderr, in tauri-driver.log).
    let root = coverdesk_journeys::workspace_root().join("target/journeys/settings");
    assert!(root.join("tauri-driver.log").exists());
    let sqlite = coverdesk_journeys::files_containing(&root, "SQLite format 3");
    assert!(
        sqlite.iter().any(|p| p.ends_with("cache-sandbox.sqlite")),
        "the scan covers the SQLite files: {sqlite:?}"
    );
    let pdfs = coverdesk_journeys::files_containing(&root, "%PDF-");
    assert!(
        pdfs.iter()
            .any(|p| std::fs::read(p).is_ok_and(|b| b.starts_with(b"%PDF-"))),
        "the scan covers the downloaded certificate: {pdfs:?}"
    );
    let leaked = coverdesk_journeys::files_containing(&root, &canary);
    assert!(leaked.is_empty(), "the key leaked into {leaked:?}");

    let in_keychain = Command::new("secret-tool")
        .args([
            "lookup",
            "service",
            "dev.coverdesk.app",
            "username",
            "sandbox",
        ])
        .output()
        .expect("secret-tool (libsecret-tools)");
    assert_eq!(
        String::from_utf8_lossy(&in_keychain.stdout).trim(),
        canary,
        "the key is in the keychain"
    );
    remote.stop().await;
}

#[tokio::test]
#[ignore = "end-to-end: needs the built app, a display and tauri-driver; scripts/test runs it"]
async fn without_a_keychain_the_app_explains_and_works_on_local() {
    let data = coverdesk_journeys::workspace_root().join("target/journeys/no-keychain");
    let dead_bus = format!("unix:path={}", data.join("no-bus").display());
    let app = App::launch_with("no-keychain", &[("DBUS_SESSION_BUS_ADDRESS", &dead_bus)]).await;

    app.click("nav-settings").await;
    let status = app.element("keychain-status").await;
    assert_eq!(
        status.attr("data-available").await.unwrap().as_deref(),
        Some("false")
    );
    assert_eq!(
        status.attr("data-code").await.unwrap().as_deref(),
        Some("keychain_unavailable")
    );
    let advice = app
        .wait_for_text("keychain-status", |t| !t.is_empty())
        .await;
    assert!(advice.contains("Start a keyring service"), "{advice}");
    app.screenshot("no-keychain").await;

    // Still at work, on the local stand-in.
    app.wait_for_text("env-badge", |t| t.contains("Local"))
        .await;
    create_contractor(&app, "Ann", "Lee", "ann.lee@example.com").await;
    let calls = app.api_calls().await;
    assert!(
        calls.contains(&"POST /api/v1/contractors".to_owned()),
        "{calls:?}"
    );
    app.close().await;
}
