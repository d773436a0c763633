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
mod first_screen;
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
    let marks = std::rc::Rc::new(std::cell::Cell::new(coverdesk_ipc::startup::StartupMarks {
        page: page_number(&["performance", "timeOrigin"]),
        boot: page_number(&["__coverdeskBootAt"]),
        wasm: js_sys::Date::now(),
        ..Default::default()
    }));
    console_error_panic_hook::set_once();
    // Mounting builds the first screen synchronously, but it is not on screen until the
    // web view has laid it out and drawn it (its fonts resolved, its styles applied): the
    // app is ready when that frame is drawn. Asked for before mounting, so it comes
    // before the work the first screen put off until then (`FirstScreen`).
    let drawn = marks.clone();
    first_screen::after_next_paint(move || {
        let mut marks = drawn.get();
        marks.painted = js_sys::Date::now();
        ipc::startup::app_ready(marks);
    });
    leptos::mount::mount_to_body(app::App);
    let mut mounted = marks.get();
    mounted.mounted = js_sys::Date::now();
    marks.set(mounted);
}

/// The number at `path` from `globalThis` (`["performance", "timeOrigin"]`); 0 where
/// the page has none.
fn page_number(path: &[&str]) -> f64 {
    path.iter()
        .fold(js_sys::global().into(), |of: wasm_bindgen::JsValue, key| {
            js_sys::Reflect::get(&of, &(*key).into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
        })
        .as_f64()
        .unwrap_or_default()
}
