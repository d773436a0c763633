//! Start-up: the window opens painted in the app's background colour
//! (`tauri.conf.json` `backgroundColor`, so there is no white flash), and the UI calls
//! `app_ready` once its first screen is drawn.
//!
//! The window is deliberately created visible. Created hidden and shown from
//! `app_ready`, a release build under Xvfb sometimes kept the window in the background
//! colour although the page had rendered (WebKit compositing); a window that might stay
//! blank is worse than one that shows its background colour for a moment.
//!
//! `app_ready` reports how long start-up took, how much of it the backend's `setup`
//! took (it runs on the main thread after the window is created, so the web view's first
//! requests wait for it), and when the web view reached each step of its own start (the
//! [`StartupMarks`] it sends): one line on stderr, and, when
//! `COVERDESK_READY_FILE` names a file, the wall-clock time of readiness in Unix
//! milliseconds written there (what `scripts/bench-startup` waits for).

use coverdesk_ipc::startup::StartupMarks;
use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

static STARTED: OnceLock<Instant> = OnceLock::new();
/// The same moment on the wall clock, which the web view's marks are read on.
static STARTED_AT: OnceLock<f64> = OnceLock::new();
/// When `setup` began (after the process's start) and how long it took.
static SETUP: OnceLock<(Duration, Duration)> = OnceLock::new();
static READY: Once = Once::new();

/// Marks the start of the process's own work; call first thing.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
    STARTED_AT.get_or_init(unix_millis);
}

/// Records when the backend's `setup`, which began at `began`, ended.
pub fn mark_setup(began: Instant) {
    let start = STARTED.get().copied().unwrap_or(began);
    let _ = SETUP.set((began.duration_since(start), began.elapsed()));
}

/// The UI's first screen is drawn: report the time, once.
#[tauri::command]
pub fn app_ready(marks: StartupMarks) {
    READY.call_once(|| report(&marks));
}

fn report(marks: &StartupMarks) {
    let elapsed = STARTED.get().map(Instant::elapsed).unwrap_or_default();
    let (setup_at, setup) = SETUP.get().copied().unwrap_or_default();
    let started_at = STARTED_AT.get().copied().unwrap_or_default();
    eprintln!(
        "coverdesk: ready {} ms after start (setup {} ms, from {} ms; {})",
        elapsed.as_millis(),
        setup.as_millis(),
        setup_at.as_millis(),
        web_view_steps(marks, started_at)
    );
    if let Some(path) = std::env::var_os("COVERDESK_READY_FILE") {
        let _ = std::fs::write(path, format!("{}\n", unix_millis() as u64));
    }
}

/// The web view's steps as milliseconds after the process started, in the words
/// `scripts/bench-startup` reads back.
fn web_view_steps(marks: &StartupMarks, started_at: f64) -> String {
    let at = |mark: f64| (mark - started_at).round() as i64;
    format!(
        "page {} ms, boot {} ms, wasm {} ms, mounted {} ms, painted {} ms",
        at(marks.page),
        at(marks.boot),
        at(marks.wasm),
        at(marks.mounted),
        at(marks.painted)
    )
}

fn unix_millis() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
        * 1000.0
}

/// What opening the caches found that the person should know (a damaged cache rebuilt),
/// each told once. The UI asks after its first screen and after a switch of environment.
#[tauri::command]
pub fn cache_notices() -> Vec<String> {
    crate::state::take_cache_notices()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_web_views_steps_are_told_from_the_process_start() {
        let marks = StartupMarks {
            page: 1_000_120.4,
            boot: 1_000_180.0,
            wasm: 1_000_305.6,
            mounted: 1_000_350.0,
            painted: 1_000_371.2,
        };
        assert_eq!(
            web_view_steps(&marks, 1_000_000.0),
            "page 120 ms, boot 180 ms, wasm 306 ms, mounted 350 ms, painted 371 ms"
        );
    }
}
