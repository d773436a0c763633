//! Start-up: the window opens painted in the app's background colour
//! (`tauri.conf.json` `backgroundColor`, so there is no white flash), and the UI calls
//! `app_ready` once it has mounted its first screen.
//!
//! The window is deliberately created visible. Created hidden and shown from
//! `app_ready`, a release build under Xvfb sometimes kept the window in the background
//! colour although the page had rendered (WebKit compositing); a window that might stay
//! blank is worse than one that shows its background colour for a moment.
//!
//! `app_ready` reports how long start-up took, and how much of it the backend's `setup`
//! took (it runs on the main thread after the window is created, so the web view's first
//! requests wait for it): one line on stderr, and, when
//! `COVERDESK_READY_FILE` names a file, the wall-clock time of readiness in Unix
//! milliseconds written there (what `scripts/bench-startup` waits for).

use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<Instant> = OnceLock::new();
static SETUP: OnceLock<Duration> = OnceLock::new();
static READY: Once = Once::new();

/// Marks the start of the process's own work; call first thing.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Records how long the backend's `setup` took.
pub fn mark_setup(took: Duration) {
    let _ = SETUP.set(took);
}

/// The UI has mounted its first screen: report the time, once.
#[tauri::command]
pub fn app_ready() {
    READY.call_once(report);
}

fn report() {
    let elapsed = STARTED.get().map(Instant::elapsed).unwrap_or_default();
    let setup = SETUP.get().copied().unwrap_or_default();
    eprintln!(
        "coverdesk: ready {} ms after start (setup {} ms)",
        elapsed.as_millis(),
        setup.as_millis()
    );
    if let Some(path) = std::env::var_os("COVERDESK_READY_FILE") {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let _ = std::fs::write(path, format!("{}\n", now.as_millis()));
    }
}

/// What opening the caches found that the person should know (a damaged cache rebuilt),
/// each told once. The UI asks after its first screen and after a switch of environment.
#[tauri::command]
pub fn cache_notices() -> Vec<String> {
    crate::state::take_cache_notices()
}
