//! Short notices in the corner: what just succeeded or failed.

use leptos::prelude::*;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    id: u64,
    kind: ToastKind,
    text: String,
}

/// At most this many notices are on screen; older ones make room.
const MAX_SHOWN: usize = 3;

/// The notices on screen, shared through context.
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    pub fn success(self, text: impl Into<String>) {
        self.push(ToastKind::Success, text.into(), Duration::from_secs(5));
    }

    /// Errors stay longer: they usually need reading.
    pub fn error(self, text: impl Into<String>) {
        self.push(ToastKind::Error, text.into(), Duration::from_secs(10));
    }

    pub fn dismiss(self, id: u64) {
        self.shown
            .update(|shown| shown.retain(|toast| toast.id != id));
    }

    fn push(self, kind: ToastKind, text: String, lifetime: Duration) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| {
            shown.push(Toast { id, kind, text });
            let excess = shown.len().saturating_sub(MAX_SHOWN);
            shown.drain(..excess);
        });
        set_timeout(move || self.dismiss(id), lifetime);
    }
}

#[component]
pub fn ToastStack() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    view! {
        <div id="toasts" class="toast-stack" aria-live="polite">
            <For each=move || toasts.shown.get() key=|toast| toast.id let(toast)>
                <div
                    class="toast"
                    class:toast-success=toast.kind == ToastKind::Success
                    class:toast-error=toast.kind == ToastKind::Error
                    role=if toast.kind == ToastKind::Error { "alert" } else { "status" }
                >
                    <span class="toast-text">{toast.text}</span>
                    <button
                        type="button"
                        class="toast-close"
                        aria-label="Dismiss"
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
