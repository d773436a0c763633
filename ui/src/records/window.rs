//! Which rows of a long list are in the DOM: those in the scrolled viewport plus a few
//! either side, so a list of 10,000 rows renders a few dozen. Rows have one fixed
//! height, so the rows above and below are stood in for by two spacers.

use std::ops::Range;

/// The height of every row, in CSS pixels (`.record-row` in style.css says the same).
pub const ROW_HEIGHT: f64 = 52.0;
/// The list's viewport (`.table-scroll` max-height in style.css).
pub const VIEWPORT_HEIGHT: f64 = 560.0;
/// Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap.
pub const OVERSCAN: usize = 6;

/// The rows to render when scrolled to `scroll_top` (pixels) in a list of `total`.
pub fn visible_rows(scroll_top: f64, viewport: f64, total: usize) -> Range<usize> {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let shown = (viewport / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = (first + shown + OVERSCAN).min(total);
    start..end.max(start)
}

/// Heights of the spacers standing in for the rows above and below `rows`.
pub fn spacers(rows: &Range<usize>, total: usize) -> (f64, f64) {
    (
        rows.start as f64 * ROW_HEIGHT,
        total.saturating_sub(rows.end) as f64 * ROW_HEIGHT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_of_a_long_list_renders_a_screenful_and_the_overscan() {
        let rows = visible_rows(0.0, VIEWPORT_HEIGHT, 10_000);
        assert_eq!(rows.start, 0);
        assert!(rows.len() < 30, "{rows:?}");
        assert!(rows.len() as f64 * ROW_HEIGHT >= VIEWPORT_HEIGHT);
        let (above, below) = spacers(&rows, 10_000);
        assert_eq!(above, 0.0);
        assert_eq!(below, (10_000 - rows.end) as f64 * ROW_HEIGHT);
    }

    #[test]
    fn scrolled_far_down_renders_around_the_offset() {
        let top = 5_000.0 * ROW_HEIGHT + 10.0;
        let rows = visible_rows(top, VIEWPORT_HEIGHT, 10_000);
        assert_eq!(rows.start, 5_000 - OVERSCAN);
        assert!(rows.contains(&5_010));
        let (above, below) = spacers(&rows, 10_000);
        assert_eq!(
            above + below + rows.len() as f64 * ROW_HEIGHT,
            10_000.0 * ROW_HEIGHT
        );
    }

    #[test]
    fn short_and_empty_lists_and_overscrolling() {
        assert_eq!(visible_rows(0.0, VIEWPORT_HEIGHT, 3), 0..3);
        assert_eq!(visible_rows(0.0, VIEWPORT_HEIGHT, 0), 0..0);
        let past_end = visible_rows(1e9, VIEWPORT_HEIGHT, 50);
        assert!(past_end.is_empty() && past_end.end <= 50);
        assert_eq!(visible_rows(-40.0, VIEWPORT_HEIGHT, 50).start, 0);
    }
}
