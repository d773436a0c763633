//! What the desktop does for the web view: the system clipboard, the system browser, and
//! QR codes. The web view's own clipboard API needs a user gesture and a permission
//! prompt; going through the backend works the same in every window and in tests.

use crate::error::{Error, Result};
use std::sync::Mutex;
use tauri::State;
use ten99::FieldErrors;

/// The app's handle on the system clipboard. On X11 the copied text is served by the
/// process that copied it, so one handle lives as long as the app does.
#[derive(Default)]
pub struct SystemClipboard(Mutex<Option<arboard::Clipboard>>);

impl SystemClipboard {
    pub fn write_text(&self, text: &str) -> Result<()> {
        let mut slot = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if slot.is_none() {
            *slot = Some(arboard::Clipboard::new().map_err(unavailable)?);
        }
        let clipboard = slot.as_mut().expect("set above");
        clipboard.set_text(text.to_owned()).map_err(unavailable)
    }
}

fn unavailable(error: arboard::Error) -> Error {
    Error::Desktop(format!("The system clipboard is unavailable: {error}"))
}

fn invalid(field: &str, message: &str) -> Error {
    let mut errors = FieldErrors::default();
    errors.add(field, message);
    Error::Invalid(errors)
}

/// Only web links leave the app: `file:`, `javascript:` or a bare command could run
/// something on this machine if handed to the system opener.
pub fn web_link(url: &str) -> Result<&str> {
    let url = url.trim();
    if ten99::validation::is_http_url(url) {
        Ok(url)
    } else {
        Err(invalid(
            "url",
            "Only web addresses starting with https:// or http:// can be opened",
        ))
    }
}

/// `text` as a QR code, an SVG image that scales without blurring.
pub fn qr_svg(text: &str) -> Result<String> {
    if text.trim().is_empty() {
        return Err(invalid("text", "Nothing to encode"));
    }
    let code = qrcode::QrCode::new(text.as_bytes())
        .map_err(|e| invalid("text", &format!("Too long for a QR code: {e}")))?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .dark_color(qrcode::render::svg::Color("#0f172a"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build();
    // The web view places it inline in HTML, where an XML declaration has no place.
    Ok(match svg.find("<svg") {
        Some(start) => svg[start..].to_owned(),
        None => svg,
    })
}

#[tauri::command]
pub async fn clipboard_write_text(
    clipboard: State<'_, SystemClipboard>,
    text: String,
) -> Result<()> {
    clipboard.write_text(&text)
}

#[tauri::command]
pub async fn open_external_url(url: String) -> Result<()> {
    let url = web_link(&url)?;
    open::that_detached(url).map_err(|e| Error::Desktop(format!("Could not open the browser: {e}")))
}

#[tauri::command]
pub async fn qr_code_svg(text: String) -> Result<String> {
    qr_svg(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_links_open() {
        assert_eq!(
            web_link(" https://apply.example.com/ias_1 ").unwrap(),
            "https://apply.example.com/ias_1"
        );
        assert!(web_link("http://127.0.0.1:8099/apply/ias_1").is_ok());
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "xdg-open",
            "https://",
            "ftp://x.org",
            "",
        ] {
            let view = web_link(bad).unwrap_err().view();
            assert!(view.fields.contains_key("url"), "{bad}: {view:?}");
        }
    }

    #[test]
    fn qr_codes_are_svg_and_differ_by_text() {
        let a = qr_svg("https://apply.example.com/ias_01FVCHXE7PNQHA1T3S2AXL2QZE").unwrap();
        let b = qr_svg("https://apply.example.com/ias_01FVCHXE7PNQHA1T3S2AXL2QZF").unwrap();
        assert!(
            a.starts_with("<svg") && a.contains("#0f172a"),
            "{}",
            &a[..a.len().min(200)]
        );
        assert_ne!(a, b);
        assert!(qr_svg("  ").is_err());
        assert!(qr_svg(&"x".repeat(8_000))
            .unwrap_err()
            .view()
            .fields
            .contains_key("text"));
    }
}
