//! The look the documents share: colours, the specimen watermark, the footer.

use super::pdf::{Color, Font, Page};
use super::SPECIMEN;

pub const NAVY: Color = Color(0.07, 0.21, 0.36);
pub const AMBER: Color = Color(0.96, 0.72, 0.0);
pub const SHADE: Color = Color::gray(0.93);
pub const MUTED: Color = Color::gray(0.38);
pub const LIGHT_ON_NAVY: Color = Color(0.78, 0.85, 0.93);

/// A large, pale diagonal "SANDBOX SPECIMEN" across the page centre. Drawn first,
/// so it sits under the content and leaves it readable.
pub fn watermark(page: &mut Page) {
    const TEXT: &str = "SANDBOX SPECIMEN";
    const SIZE: f32 = 60.0;
    const DEGREES: f32 = 38.0;
    let half = super::pdf::text_width(Font::Bold, SIZE, TEXT) / 2.0;
    let (sin, cos) = DEGREES.to_radians().sin_cos();
    // Start so the middle of the text lands on the middle of the page (y grows
    // downwards here, so going up the slope means a smaller y).
    let x = page.width() / 2.0 - half * cos;
    let y = 396.0 + half * sin + SIZE * 0.35 * cos;
    page.text_rotated(x, y, DEGREES, (Font::Bold, SIZE, Color::gray(0.94)), TEXT);
}

/// The rule and line of small print at the bottom of every page.
pub fn footer(page: &mut Page, left: f32, right: f32, label: &str, number: usize, of: usize) {
    page.line(left, 756.0, right, 756.0, 0.5);
    page.text_in(left, 768.0, Font::Regular, 7.0, MUTED, SPECIMEN);
    page.text_in(left, 778.0, Font::Regular, 7.0, MUTED, label);
    let text = format!("Page {number} of {of}");
    let x = right - super::pdf::text_width(Font::Regular, 7.0, &text);
    page.text_in(x, 768.0, Font::Regular, 7.0, MUTED, &text);
}

/// A small upper-case caption above a value.
pub fn caption(page: &mut Page, x: f32, y: f32, text: &str) {
    page.text_in(x, y, Font::Bold, 6.5, MUTED, text);
}
