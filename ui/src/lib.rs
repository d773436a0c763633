//! Coverdesk's web view: a Leptos app rendered in the browser (CSR), compiled to wasm32 and
//! loaded by `boot.js` inside the Tauri window.
//!
//! - `ipc`: typed calls into the backend, one file per resource (mirrors `src-tauri/src/commands/`).
//! - `forms`: what a form holds and which problems it shows; plain Rust, tested natively.
//! - `components`: small views named after what they show.
//! - `pages`: one per sidebar entry.

mod app;
mod bidi;
mod components;
mod current_settings;
pub mod dates;
pub mod forms;
mod ipc;
mod loaded;
mod pages;
pub mod records;
#[cfg(test)]
mod stylesheet_check;

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs once when `boot.js` has instantiated the module.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    // Mounting built the first screen synchronously; the window, created hidden, can
    // now be shown with it (see `ipc::startup`).
    leptos::task::spawn_local(async {
        let _ = ipc::startup::app_ready().await;
    });
}
