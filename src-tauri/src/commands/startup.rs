//! Start-up without a white flash: the window is created hidden, painted in the app's
//! background colour (`tauri.conf.json`: `visible: false`, `backgroundColor`), and
//! shown when the UI says it has mounted its first screen (`app_ready`). If the UI
//! never says so (a broken build), it is shown anyway after [`SHOW_ANYWAY_AFTER`].
//!
//! `app_ready` also reports how long start-up took: one line on stderr, and, when
//! `COVERDESK_READY_FILE` names a file, the wall-clock time of readiness in Unix
//! milliseconds written there (what `scripts/bench-startup` waits for).

use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tauri::{AppHandle, Manager, Runtime, WebviewWindow};

pub const SHOW_ANYWAY_AFTER: Duration = Duration::from_secs(4);

static STARTED: OnceLock<Instant> = OnceLock::new();
static READY: Once = Once::new();

/// Marks the start of the process's own work; call first thing.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// The UI has mounted: show the window and report the time once.
#[tauri::command]
pub fn app_ready<R: Runtime>(window: WebviewWindow<R>) {
    let _ = window.show();
    READY.call_once(report);
}

/// Shows the main window after [`SHOW_ANYWAY_AFTER`] if `app_ready` has not.
pub fn show_anyway_later<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(SHOW_ANYWAY_AFTER);
        if !READY.is_completed() {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.show();
            }
        }
    });
}

fn report() {
    let elapsed = STARTED.get().map(Instant::elapsed).unwrap_or_default();
    eprintln!("coverdesk: ready {} ms after start", elapsed.as_millis());
    if let Some(path) = std::env::var_os("COVERDESK_READY_FILE") {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let _ = std::fs::write(path, format!("{}\n", now.as_millis()));
    }
}
