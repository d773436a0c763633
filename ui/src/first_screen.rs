//! The first screen's first paint: what that screen does not show is built once it is
//! on screen, so the first paint does not wait for it.

use leptos::prelude::*;
use std::time::Duration;

/// Whether the frame showing the first screen has been drawn (given as context by the
/// app; every later screen finds it drawn).
#[derive(Clone, Copy)]
pub struct FirstScreen {
    drawn: RwSignal<bool>,
}

impl FirstScreen {
    /// Drawn once the frame showing what is mounted by then has been painted.
    pub fn after_next_paint() -> FirstScreen {
        let drawn = RwSignal::new(false);
        after_next_paint(move || drawn.set(true));
        FirstScreen { drawn }
    }

    /// Reactive.
    pub fn is_drawn(&self) -> bool {
        self.drawn.get()
    }
}

/// Runs `f` in the task after the next animation frame: the web view paints that frame
/// between the two, so by then what is mounted now is on screen.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
