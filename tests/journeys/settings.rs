//! An ops person adds a sandbox key and switches to it: the key goes to the OS keychain
//! and is used for calls, while the web view, the app's files and SQLite never hold it.

use coverdesk_journeys::App;
use rand::distr::{Alphanumeric, SampleString};
use std::process::Command;

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
    let last4 = &canary[canary.len() - 4..];
    let app = App::launch_with("settings", &[("COVERDESK_API_BASE", remote.base_url())]).await;

    app.click("nav-settings").await;
    app.fill("key-input-sandbox", &canary).await;
    app.click("key-save-sandbox").await;
    app.wait_for_text("key-saved-sandbox", |t| t.contains(last4))
        .await;
    let page = app.driver.source().await.unwrap();
    assert!(
        !page.contains(&canary),
        "the web view must never hold the key"
    );

    app.click("env-switch-sandbox").await;
    app.wait_for_text("env-badge", |t| t.contains("Sandbox"))
        .await;
    app.screenshot("settings").await;

    app.click("nav-contractors").await;
    app.fill("field-first_name", "Rosa").await;
    app.fill("field-last_name", "Diaz").await;
    app.fill("field-email", "rosa.diaz@example.com").await;
    app.fill("field-phone", "(312) 555-0142").await;
    app.fill("field-address-line1", "3639 18th St").await;
    app.fill("field-address-locality", "Chicago").await;
    app.select("field-address-region", "IL").await;
    app.fill("field-address-postalcode", "60640").await;
    app.click("contractor-submit").await;
    app.wait_for_text("contractor-list", |t| t.contains("rosa.diaz@example.com"))
        .await;

    // The contractor went to the sandbox, under the saved key's tenant …
    let at_remote: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/api/v1/contractors", remote.base_url()))
        .bearer_auth(&canary)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        at_remote.as_array().unwrap().len(),
        1,
        "sandbox holds Rosa: {at_remote}"
    );
    // … and not to the local stand-in.
    let at_local = app.standin_get("/api/v1/contractors").await;
    assert_eq!(
        at_local.as_array().unwrap().len(),
        0,
        "local stand-in stays empty: {at_local}"
    );

    let page = app.driver.source().await.unwrap();
    assert!(
        !page.contains(&canary),
        "the web view must never hold the key"
    );
    app.close().await;

    let leaked = app_files_containing(&canary);
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

/// The journey's data folders, scanned after the app has exited.
fn app_files_containing(needle: &str) -> Vec<std::path::PathBuf> {
    let root = coverdesk_journeys::workspace_root().join("target/journeys/settings");
    coverdesk_journeys::files_containing(&root, needle)
}
