//! What the command tests share: an app state on the embedded stand-in, and a count of
//! the calls the stand-in has seen (to prove invalid input never left the app).

use crate::keys::KeyStore;
use crate::state::AppState;

/// The state and the folder holding its files (dropped with it).
pub async fn started() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start(dir.path().into(), KeyStore::with_service("unused"))
        .await
        .unwrap();
    (dir, state)
}

pub async fn requests_seen(state: &AppState) -> usize {
    let base = state.api_base(coverdesk_ipc::AppEnvironment::Local).await;
    requests_seen_at(&base, crate::state::LOCAL_KEY).await
}

/// How many API calls the stand-in at `base` has seen made with `key`.
pub async fn requests_seen_at(base: &str, key: &str) -> usize {
    let seen: Vec<serde_json::Value> = reqwest::Client::new()
        .get(format!("{base}/_sandbox/requests"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    seen.len()
}
