//! The system clipboard, browser and QR codes: `src-tauri/src/commands/desktop.rs`.

use super::invoke;
use coverdesk_ipc::desktop::command;
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct TextArgs<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct UrlArgs<'a> {
    url: &'a str,
}

pub async fn copy(text: &str) -> Result<(), ErrorView> {
    invoke(command::CLIPBOARD_WRITE, &TextArgs { text }).await
}

/// Opens an http(s) link in the system browser (the backend refuses anything else).
pub async fn open_url(url: &str) -> Result<(), ErrorView> {
    invoke(command::OPEN_URL, &UrlArgs { url }).await
}

/// `text` as a QR code, SVG markup.
pub async fn qr_svg(text: &str) -> Result<String, ErrorView> {
    invoke(command::QR_SVG, &TextArgs { text }).await
}
