//! What the desktop gives the web view: the system clipboard, the system browser and QR
//! codes (`src-tauri/src/commands/desktop.rs`).

/// Names of the backend commands.
pub mod command {
    /// args `{ text: String }` → `()`: puts `text` on the system clipboard.
    pub const CLIPBOARD_WRITE: &str = "clipboard_write_text";
    /// args `{ url: String }` → `()`: opens an http(s) URL in the system browser;
    /// anything else is refused with `invalid_input` on field `url`.
    pub const OPEN_URL: &str = "open_external_url";
    /// args `{ text: String }` → `String`: an SVG image of `text` as a QR code.
    pub const QR_SVG: &str = "qr_code_svg";
}

/// Event (no payload): Coverdesk was launched again on the same data folder, and this
/// window came forward instead (`src-tauri/src/one_instance.rs`).
pub const ALREADY_RUNNING_EVENT: &str = "already-running";
