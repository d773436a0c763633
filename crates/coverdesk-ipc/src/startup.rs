//! Start-up: how far the web view had got, and when (`src-tauri/src/commands/startup.rs`).

use serde::{Deserialize, Serialize};

/// Moments of the web view's start, each in Unix milliseconds (the web view's clock is
/// the system's, so the backend can set them against its own start). Sent with
/// `app_ready`, logged with the ready line: what the first screen waited for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct StartupMarks {
    /// The page's navigation began (`performance.timeOrigin`).
    pub page: f64,
    /// `boot.js` ran: the page, its stylesheet and the wasm-bindgen glue were loaded.
    pub boot: f64,
    /// The wasm module was fetched, compiled and instantiated: its start function ran.
    pub wasm: f64,
    /// The first screen was mounted (built into the DOM, before the first paint).
    pub mounted: f64,
    /// The frame showing the first screen was drawn (the task after the next animation
    /// frame): what a person sees, and when `app_ready` is sent.
    pub painted: f64,
}
