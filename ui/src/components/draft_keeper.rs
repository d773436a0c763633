//! Keeps an open form's draft in the backend as it is typed (debounced), brings it back
//! when the form opens, and forgets it when the form starts over (created or discarded).

use crate::ipc;
use crate::ipc::json;
use coverdesk_ipc::drafts::DraftForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::time::Duration;

/// How long typing must pause before the draft is written.
const QUIET: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftStatus {
    /// No draft kept (an untouched form).
    None,
    /// The form was filled from a saved draft.
    Restored,
    Saved,
    /// The backend could not keep it; the values are still in the form.
    NotSaved,
}

#[derive(Clone, Copy)]
pub struct DraftKeeper {
    form: DraftForm,
    record_id: StoredValue<Option<String>>,
    pub status: RwSignal<DraftStatus>,
    /// The form's values as JSON, read without tracking.
    snapshot: StoredValue<Box<dyn Fn() -> String>, LocalStorage>,
    /// What the backend holds, if anything.
    stored: StoredValue<Option<String>>,
    /// The values of a form with nothing worth keeping.
    baseline: StoredValue<String>,
    pending: StoredValue<Option<TimeoutHandle>>,
}

/// Starts keeping the draft of `form` (`record_id`: the record an edit form edits).
/// `values` reads the form's values (tracked); `restore` puts a saved draft back.
pub fn keep_draft<T>(
    form: DraftForm,
    record_id: Option<String>,
    values: impl Fn() -> T + Clone + 'static,
    restore: impl Fn(T) + 'static,
) -> DraftKeeper
where
    T: Serialize + DeserializeOwned + 'static,
{
    let to_json = |value: &T| json::to_text(value).unwrap_or_default();
    let untracked = values.clone();
    let keeper = DraftKeeper {
        form,
        record_id: StoredValue::new(record_id),
        status: RwSignal::new(DraftStatus::None),
        snapshot: StoredValue::new_local(
            Box::new(move || untrack(|| to_json(&untracked()))) as Box<dyn Fn() -> String>
        ),
        stored: StoredValue::new(None),
        baseline: StoredValue::new(String::new()),
        pending: StoredValue::new(None),
    };
    keeper.baseline.set_value(keeper.snapshot());
    let loaded = RwSignal::new(false);
    spawn_local(async move {
        let id = keeper.record_id.get_value();
        if let Ok(Some(saved)) = ipc::drafts::get(form, id.as_deref()).await {
            if let Ok(draft) = json::from_text::<T>(&saved.body) {
                restore(draft);
                keeper.stored.set_value(Some(saved.body));
                keeper.status.set(DraftStatus::Restored);
            }
        }
        loaded.set(true);
    });
    Effect::new(move |_| {
        let json = to_json(&values());
        // Until the saved draft is back, the empty form must not overwrite it.
        if loaded.get()
            && keeper
                .stored
                .with_value(|s| s.as_deref() != Some(json.as_str()))
        {
            keeper.schedule();
        }
    });
    keeper
}

impl DraftKeeper {
    fn snapshot(self) -> String {
        self.snapshot.with_value(|read| read())
    }

    fn cancel_pending(self) {
        if let Some(handle) = self.pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    fn schedule(self) {
        self.cancel_pending();
        let handle = set_timeout_with_handle(move || self.flush(), QUIET).ok();
        self.pending.set_value(handle);
    }

    /// Writes what the form holds now, or forgets the draft when there is nothing to keep.
    fn flush(self) {
        self.pending.set_value(None);
        let json = self.snapshot();
        if self
            .stored
            .with_value(|s| s.as_deref() == Some(json.as_str()))
        {
            return;
        }
        let nothing_to_keep = self.baseline.with_value(|b| *b == json);
        let form = self.form;
        let id = self.record_id.get_value();
        spawn_local(async move {
            if nothing_to_keep {
                if ipc::drafts::discard(form, id.as_deref()).await.is_ok() {
                    self.stored.set_value(None);
                    self.status.set(DraftStatus::None);
                }
            } else {
                match ipc::drafts::save(form, id.as_deref(), &json).await {
                    Ok(saved) => {
                        self.stored.set_value(Some(saved.body));
                        self.status.set(DraftStatus::Saved);
                    }
                    Err(_) => self.status.set(DraftStatus::NotSaved),
                }
            }
        });
    }

    /// Call once the form's values were reset (after a create, or Discard): what it holds
    /// now is nothing to keep, and any saved draft is forgotten.
    pub fn start_over(self) {
        self.cancel_pending();
        self.baseline.set_value(self.snapshot());
        self.flush();
    }
}

/// "Draft saved" next to a form's title, and a Discard button while a draft is kept.
#[component]
pub fn DraftNote(
    keeper: DraftKeeper,
    /// For ids: `contractor` → `contractor-draft-status`, `contractor-draft-discard`.
    kind: &'static str,
    /// Empties the form (the keeper then forgets the draft).
    on_discard: Callback<()>,
) -> impl IntoView {
    let status = keeper.status;
    let text = move || match status.get() {
        DraftStatus::None => "",
        DraftStatus::Restored => "Draft restored",
        DraftStatus::Saved => "Draft saved",
        DraftStatus::NotSaved => "Draft not saved",
    };
    view! {
        <div class="draft-note">
            <span id=format!("{kind}-draft-status") class="draft-status" aria-live="polite">
                {text}
            </span>
            <button
                id=format!("{kind}-draft-discard")
                type="button"
                class="button button-link"
                hidden=move || status.get() == DraftStatus::None
                on:click=move |_| on_discard.run(())
            >
                "Discard draft"
            </button>
        </div>
    }
}
