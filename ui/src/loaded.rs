//! [`Loaded`]: the latest result of a load that reruns when what it reads changes.
//!
//! What Leptos' `LocalResource` does for these pages, without what they never use
//! (suspense, streaming, `.await` on the resource): each `LocalResource` compiled an async
//! reactive node of its own into the wasm, about 3 KB per use; this is a signal and an
//! effect.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;

/// A value loaded in the background. `None` until the first load ends; while a later load
/// runs the previous value stays, so a page refreshes in place instead of flashing empty.
pub struct Loaded<T: Send + Sync + 'static> {
    value: RwSignal<Option<T>>,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Clone + Send + Sync + 'static> Loaded<T> {
    /// Runs `load` now and again whenever a signal it reads while making its future
    /// changes. A load overtaken by a newer one is dropped, so an older reply that
    /// arrives late never replaces a newer one.
    pub fn new<F>(load: impl Fn() -> F + 'static) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new(None);
        let latest = StoredValue::new(0_u64);
        Effect::new(move |_| {
            let pending = load();
            let this = latest.get_value() + 1;
            latest.set_value(this);
            spawn_local(async move {
                let result = pending.await;
                // `try_`: the page may be gone by the time the reply comes.
                if latest.try_get_value() == Some(this) {
                    value.try_set(Some(result));
                }
            });
        });
        Loaded { value }
    }

    /// The latest result (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }
}

/// What a list or record shows until its first load ends.
pub fn loading_note(text: &'static str) -> AnyView {
    view! { <p class="table-note">{text}</p> }.into_any()
}
