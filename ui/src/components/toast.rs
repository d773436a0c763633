//! Short notices in the corner: what just succeeded or failed, and, after an edit, a
//! way to take it back for a few seconds.

use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// What an "Undo" button does. Not a `Callback`: that would belong to the page that made
/// it and die with it, while the notice outlives the form it came from.
pub type Undo = Arc<dyn Fn() + Send + Sync>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Clone)]
pub struct Toast {
    id: u64,
    kind: ToastKind,
    text: String,
    /// The "Undo" button's action, while the notice is up.
    undo: Option<Undo>,
}

/// How long an edit can be taken back: long enough to notice the mistake, short enough
/// that nobody undoes on top of someone else's later change.
pub const UNDO_SECONDS: u64 = 8;

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
        self.push(
            ToastKind::Success,
            text.into(),
            None,
            Duration::from_secs(5),
        );
    }

    /// A success that can be taken back: the notice carries an "Undo" button for
    /// [`UNDO_SECONDS`]; pressing it closes the notice and runs `undo` once.
    pub fn success_with_undo(self, text: impl Into<String>, undo: Undo) {
        let lifetime = Duration::from_secs(UNDO_SECONDS);
        self.push(ToastKind::Success, text.into(), Some(undo), lifetime);
    }

    /// Errors stay longer: they usually need reading.
    pub fn error(self, text: impl Into<String>) {
        self.push(ToastKind::Error, text.into(), None, Duration::from_secs(10));
    }

    pub fn dismiss(self, id: u64) {
        self.shown
            .update(|shown| shown.retain(|toast| toast.id != id));
    }

    fn push(self, kind: ToastKind, text: String, undo: Option<Undo>, lifetime: Duration) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| {
            shown.push(Toast {
                id,
                kind,
                text,
                undo,
            });
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
                    {toast.undo.map(|undo| {
                        view! {
                            <button
                                id="toast-undo"
                                type="button"
                                class="toast-undo"
                                on:click=move |_| {
                                    toasts.dismiss(toast.id);
                                    undo();
                                }
                            >
                                "Undo"
                            </button>
                        }
                    })}
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
