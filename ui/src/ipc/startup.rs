//! Start-up (mirrors `src-tauri/src/commands/startup.rs`).

use super::{invoke, send_now, NoArgs};
use coverdesk_ipc::startup::StartupMarks;
use serde::Serialize;

#[derive(Serialize)]
struct ReadyArgs {
    marks: StartupMarks,
}

/// Tells the backend the first screen is drawn, and when each step of getting there
/// happened (it logs them with its ready line). Sent at once: mounting queued the first
/// screen's own calls (its list, its draft, the event listeners), and the news that it is
/// up should not wait behind them.
pub fn app_ready(marks: StartupMarks) {
    send_now("app_ready", &ReadyArgs { marks });
}

/// What opening the caches found that the person should know, each told once.
pub async fn cache_notices() -> Vec<String> {
    invoke("cache_notices", &NoArgs {})
        .await
        .unwrap_or_default()
}

/// Shows each cache notice as an error toast (it says what was lost and kept).
pub async fn tell_cache_notices(toasts: crate::components::toast::Toasts) {
    for notice in cache_notices().await {
        toasts.error(notice);
    }
}
