//! Hello, world in a Tauri window, reporting readiness the way Coverdesk does
//! (`COVERDESK_READY_FILE` gets the Unix milliseconds when the page has loaded).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::{SystemTime, UNIX_EPOCH};

#[tauri::command]
fn app_ready(window: tauri::WebviewWindow) {
    let _ = window.show();
    if let Some(path) = std::env::var_os("COVERDESK_READY_FILE") {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let _ = std::fs::write(path, format!("{}\n", now.as_millis()));
    }
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![app_ready])
        .run(tauri::generate_context!())
        .expect("hello-tauri could not start");
}
