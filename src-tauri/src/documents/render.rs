//! PDF pages drawn to PNG in the backend with `hayro` (pure Rust), so the viewer shows
//! the same pixels on every platform and a screenshot can check them.

use crate::error::{Error, Result};
use base64::Engine;
use coverdesk_ipc::documents::PageImage;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

/// Pixels per CSS pixel: pages are drawn at twice the size they are shown, so text
/// stays sharp on high-density screens and when zoomed a little.
const DENSITY: f32 = 2.0;
pub const MIN_ZOOM: f32 = 0.25;
pub const MAX_ZOOM: f32 = 4.0;

/// The largest PDF the viewer draws (policies and certificates are a few hundred KB).
/// A bigger one is refused before it is parsed; the system viewer can still open it.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Runs `work` on untrusted bytes: a panic inside the parser or renderer becomes a
/// "could not be read" for this document instead of taking the app down.
fn guarded<T>(work: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|_| {
        Err(Error::DocumentBroken(
            "the renderer could not make sense of it".into(),
        ))
    })
}

fn open(bytes: &[u8]) -> Result<Pdf> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::DocumentBroken(format!(
            "it is {} MB, more than the {} MB the viewer draws",
            bytes.len().div_ceil(1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        )));
    }
    if !bytes.trim_ascii_start().starts_with(b"%PDF-") {
        return Err(Error::DocumentBroken("the file is not a PDF".into()));
    }
    Pdf::new(bytes.to_vec()).map_err(|e| {
        Error::DocumentBroken(match e {
            hayro::hayro_syntax::LoadPdfError::Decryption(_) => "it is encrypted".into(),
            _ => "it is damaged or incomplete".into(),
        })
    })
}

/// How many pages `bytes` has; an error if it is not a PDF that can be drawn.
pub fn page_count(bytes: &[u8]) -> Result<u32> {
    let pages = guarded(|| Ok(open(bytes)?.pages().len() as u32))?;
    if pages == 0 {
        return Err(Error::DocumentBroken("it has no pages".into()));
    }
    Ok(pages)
}

/// Page `number` (from 1) at `zoom` (1 = the page's size in points as CSS pixels).
pub fn page(bytes: &[u8], number: u32, zoom: f32) -> Result<PageImage> {
    guarded(|| drawn(bytes, number, zoom))
}

fn drawn(bytes: &[u8], number: u32, zoom: f32) -> Result<PageImage> {
    let pdf = open(bytes)?;
    let pages = pdf.pages();
    let count = pages.len() as u32;
    let page = number
        .checked_sub(1)
        .and_then(|i| pages.get(i as usize))
        .ok_or_else(|| {
            Error::DocumentMissing(format!(
                "This document has no page {number}; it has {count}."
            ))
        })?;
    let zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    let scale = zoom * DENSITY;
    let pixmap = hayro::render(
        page,
        &RenderCache::new(),
        &InterpreterSettings::default(),
        &RenderSettings::default(),
        &PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        },
    );
    let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
    let png = pixmap
        .into_png()
        .map_err(|e| Error::DocumentBroken(format!("the page could not be drawn: {e}")))?;
    Ok(PageImage {
        data_url: format!(
            "data:image/png;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(png)
        ),
        width: (width as f32 / DENSITY).round() as u32,
        height: (height as f32 / DENSITY).round() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_the_renderer_becomes_a_broken_document() {
        let drawn: Result<u32> = guarded(|| panic!("a parser bug"));
        assert_eq!(drawn.unwrap_err().code(), "document_broken");
        assert_eq!(guarded(|| Ok(7)).unwrap(), 7);
    }
}
