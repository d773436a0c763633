//! Saving, replacing and removing keys against a stand-in playing the remote API.
//! Tests that store keys need a Secret Service (`scripts/test` provides one in a
//! private D-Bus session) and are `#[ignore]`d in a plain `cargo test`.

use super::*;
use crate::keys::KeyStore;
use crate::preferences::Preferences;
use std::time::{SystemTime, UNIX_EPOCH};

/// A key nobody else uses, so the stand-in gives it an empty account.
fn fresh_key(prefix: &str) -> ApiKey {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    ApiKey::new(format!("{prefix}{}x{nanos}", std::process::id()))
}

struct Setup {
    _dir: tempfile::TempDir,
    state: AppState,
    remote: ten99_sandbox::Running,
}

async fn setup(name: &str) -> Setup {
    let remote = ten99_sandbox::start(ten99_sandbox::Options::default())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let keys = KeyStore::with_service(&format!(
        "dev.coverdesk.test.settings.{name}.{}",
        std::process::id()
    ));
    let state = AppState::start_with_remote(dir.path().into(), keys, remote.base_url().into())
        .await
        .unwrap();
    Setup {
        _dir: dir,
        state,
        remote,
    }
}

/// The API calls the remote stand-in has seen made with `key`.
async fn calls_with(remote: &ten99_sandbox::Running, key: &ApiKey) -> usize {
    crate::commands::test_support::requests_seen_at(remote.base_url(), key.expose()).await
}

#[tokio::test]
async fn a_key_of_the_other_environment_is_refused_without_a_call() {
    let Setup {
        _dir,
        state,
        remote,
    } = setup("other-environment").await;
    let cases = [
        (
            AppEnvironment::Sandbox,
            fresh_key("t9sk_live_"),
            "save it under Production",
        ),
        (
            AppEnvironment::Production,
            fresh_key("t9sk_test_"),
            "save it under Sandbox",
        ),
        (
            AppEnvironment::Sandbox,
            fresh_key("sk_test_"),
            "does not look like",
        ),
        (
            AppEnvironment::Local,
            fresh_key("t9sk_test_"),
            "needs no key",
        ),
    ];
    for (environment, key, says) in cases {
        let view = save_key(&state, environment, key.clone())
            .await
            .unwrap_err()
            .view();
        assert_eq!(view.code, "key_rejected", "{environment:?}");
        let on_field = view
            .fields
            .get("key")
            .expect("the message sits on the key field");
        assert!(on_field.contains(says), "{on_field}");
        assert!(!on_field.contains(key.expose()), "{on_field}");
        // The stand-in files calls by key, so only a well-formed key has a log to read.
        if ten99::Environment::of_key(key.expose()).is_some() {
            assert_eq!(calls_with(&remote, &key).await, 0, "nothing was sent");
        }
    }
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn a_key_the_api_refuses_is_not_stored() {
    let Setup {
        _dir,
        state,
        remote,
    } = setup("refused").await;
    let key = fresh_key("t9sk_test_");
    // The stand-in accepts any well-formed key; make it answer as for a revoked one.
    let queued = reqwest::Client::new()
        .post(format!("{}/_sandbox/faults", remote.base_url()))
        .bearer_auth(key.expose())
        .json(&serde_json::json!({ "kind": "status", "status": 401 }))
        .send()
        .await
        .unwrap();
    assert!(queued.status().is_success());

    let view = save_key(&state, AppEnvironment::Sandbox, key.clone())
        .await
        .unwrap_err()
        .view();
    assert_eq!(view.code, "key_rejected");
    assert!(view.fields["key"].contains("did not accept it"), "{view:?}");
    assert_eq!(calls_with(&remote, &key).await, 1, "checked with one call");
    assert!(state.keys.read(AppEnvironment::Sandbox).unwrap().is_none());
    assert!(view_of(&state).await.keys.is_empty());
}

async fn view_of(state: &AppState) -> SettingsView {
    view(state).await.unwrap()
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn adds_replaces_and_removes_keys_of_both_environments() {
    let Setup {
        _dir,
        state,
        remote,
    } = setup("lifecycle").await;
    let first = fresh_key("t9sk_test_");
    let saved = save_key(&state, AppEnvironment::Sandbox, first.clone())
        .await
        .unwrap();
    assert_eq!(saved.last4, first.last4());
    assert_eq!(
        calls_with(&remote, &first).await,
        1,
        "checked before storing"
    );
    let live = fresh_key("t9sk_live_");
    save_key(&state, AppEnvironment::Production, live.clone())
        .await
        .unwrap();

    // Replacing while sandbox is in use: calls use the new key at once.
    state.switch(AppEnvironment::Sandbox).await.unwrap();
    let second = ApiKey::new(format!("{}9z8y", fresh_key("t9sk_test_").expose()));
    save_key(&state, AppEnvironment::Sandbox, second.clone())
        .await
        .unwrap();
    let view = view_of(&state).await;
    assert_eq!(view.environment, AppEnvironment::Sandbox);
    let last4: Vec<_> = view
        .keys
        .iter()
        .map(|k| (k.environment, k.last4.clone()))
        .collect();
    assert_eq!(
        last4,
        vec![
            (AppEnvironment::Sandbox, "9z8y".to_owned()),
            (AppEnvironment::Production, live.last4())
        ]
    );
    assert_eq!(
        state.keys.read(AppEnvironment::Sandbox).unwrap().unwrap(),
        second
    );
    crate::commands::records::refresh(
        &state,
        &crate::sync::Refreshes::default(),
        crate::cache::RecordTable::Contractors,
        &|_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        calls_with(&remote, &second).await,
        2,
        "the new key is in use"
    );

    // Removing the key in use falls back to the local stand-in.
    delete_key(&state, AppEnvironment::Sandbox).await.unwrap();
    let view = view_of(&state).await;
    assert_eq!(view.environment, AppEnvironment::Local);
    assert_eq!(view.keys.len(), 1);
    assert!(state.keys.read(AppEnvironment::Sandbox).unwrap().is_none());
    delete_key(&state, AppEnvironment::Production)
        .await
        .unwrap();
    assert!(view_of(&state).await.keys.is_empty());
}

#[tokio::test]
#[ignore = "needs a Secret Service; scripts/test provides one"]
async fn production_writes_go_out_only_as_far_as_the_person_confirmed() {
    let Setup {
        _dir,
        state,
        remote,
    } = setup("production-permit").await;
    let live = fresh_key("t9sk_live_");
    save_key(&state, AppEnvironment::Production, live.clone())
        .await
        .unwrap();
    state.switch(AppEnvironment::Production).await.unwrap();
    let checked = calls_with(&remote, &live).await;
    let create = || {
        crate::commands::entities::create(
            &state,
            crate::commands::entities::tests::lake_view_bowl(),
        )
    };

    let refused = create().await.unwrap_err();
    assert_eq!(refused.code(), "production_unconfirmed");
    assert_eq!(
        calls_with(&remote, &live).await,
        checked,
        "nothing was sent"
    );

    state.permits.grant("Create entity Lake View Bowl", 1);
    create().await.unwrap();
    assert_eq!(calls_with(&remote, &live).await, checked + 1);
    let again = create().await.unwrap_err();
    assert_eq!(
        again.code(),
        "production_unconfirmed",
        "one confirmation, one write"
    );

    // A confirmation does not outlive the visit to production it was given in.
    state.permits.grant("Create entity Lake View Bowl", 1);
    state.switch(AppEnvironment::Local).await.unwrap();
    state.switch(AppEnvironment::Production).await.unwrap();
    assert_eq!(create().await.unwrap_err().code(), "production_unconfirmed");
    assert_eq!(calls_with(&remote, &live).await, checked + 1);
    delete_key(&state, AppEnvironment::Production)
        .await
        .unwrap();
}

/// Set only in the child process of the test below.
const NO_BUS: &str = "COVERDESK_TEST_NO_KEYCHAIN";
const CHECKED: &str = "keychain-unreachable: checked";

#[test]
#[ignore = "needs a Secret Service to prove it is the dead bus that fails; scripts/test provides one"]
fn an_unreachable_keychain_is_explained_and_the_app_runs_on_local() {
    // The D-Bus address is process-wide, so the check runs in a child process whose
    // session bus leads nowhere; this process keeps the working one.
    let dir = tempfile::tempdir().unwrap();
    let child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "commands::settings::tests::without_a_keychain",
            "--exact",
            "--include-ignored",
            "--nocapture",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}", dir.path().join("no-bus").display()),
        )
        .env(NO_BUS, "1")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&child.stdout);
    let err = String::from_utf8_lossy(&child.stderr);
    assert!(child.status.success(), "{out}\n{err}");
    assert!(out.contains(CHECKED), "the check ran: {out}\n{err}");
    // And the same checks with the working bus would not pass: the keychain is there.
    assert!(
        KeyStore::with_service("dev.coverdesk.test.reachable")
            .status()
            .available
    );
}

#[tokio::test]
#[ignore = "runs as the child process of an_unreachable_keychain_is_explained_and_the_app_runs_on_local"]
async fn without_a_keychain() {
    if std::env::var_os(NO_BUS).is_none() {
        return;
    }
    let remote = ten99_sandbox::start(ten99_sandbox::Options::default())
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Sandbox was in use last time; without its key the app starts on local.
    Preferences::open(&dir.path().join("settings.sqlite"))
        .unwrap()
        .set_last_environment(AppEnvironment::Sandbox)
        .unwrap();
    let keys = KeyStore::with_service("dev.coverdesk.test.no-keychain");
    let state = AppState::start_with_remote(dir.path().into(), keys, remote.base_url().into())
        .await
        .unwrap();

    let view = view_of(&state).await;
    assert_eq!(view.environment, AppEnvironment::Local);
    assert!(!view.keychain.available);
    assert_eq!(view.keychain.code.as_deref(), Some("keychain_unavailable"));
    let message = view.keychain.message.unwrap();
    assert!(message.contains("Start a keyring service"), "{message}");

    let key = fresh_key("t9sk_test_");
    let error = save_key(&state, AppEnvironment::Sandbox, key.clone())
        .await
        .unwrap_err();
    assert_eq!(error.code(), "keychain_unavailable");
    assert_eq!(
        calls_with(&remote, &key).await,
        0,
        "no call for a key that cannot be kept"
    );
    let error = state.switch(AppEnvironment::Sandbox).await.unwrap_err();
    assert_eq!(error.code(), "keychain_unavailable");

    // Work goes on against the local stand-in.
    assert_eq!(state.active().await.environment, AppEnvironment::Local);
    crate::commands::records::refresh(
        &state,
        &crate::sync::Refreshes::default(),
        crate::cache::RecordTable::Contractors,
        &|_| {},
    )
    .await
    .unwrap();
    println!("{CHECKED}");
}
