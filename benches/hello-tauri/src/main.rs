//! Hello, world in a Tauri window, reporting readiness the way Coverdesk does
//! (`COVERDESK_READY_FILE` gets the Unix milliseconds when the page is drawn, and
//! stderr a line with when the page's navigation began and when it was drawn, as
//! Coverdesk's has). Its window is created visible, as Coverdesk's is: a hidden one
//! never draws, so its page would never see an animation frame.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::sync::OnceLock;
use std::time::{SystemTime, UNIX_EPOCH};

static STARTED_AT: OnceLock<f64> = OnceLock::new();

fn unix_millis() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
        * 1000.0
}

#[tauri::command]
fn app_ready(page: f64, painted: f64) {
    let started = STARTED_AT.get().copied().unwrap_or_default();
    let now = unix_millis();
    eprintln!(
        "hello: ready {} ms after start (page {} ms, painted {} ms)",
        (now - started).round(),
        (page - started).round(),
        (painted - started).round()
    );
    if let Some(path) = std::env::var_os("COVERDESK_READY_FILE") {
        let _ = std::fs::write(path, format!("{}\n", now as u64));
    }
}

fn main() {
    STARTED_AT.get_or_init(unix_millis);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_ready])
        .run(tauri::generate_context!())
        .expect("hello-tauri could not start");
}
