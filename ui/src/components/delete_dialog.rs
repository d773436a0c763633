//! The confirmation before a delete: names the record (or how many, for a bulk delete)
//! and says what else the API cancels with it. Nothing is sent until the person presses
//! the red button.

use crate::records::kind::RecordKind;
use leptos::prelude::*;

#[component]
pub fn DeleteDialog(
    kind: RecordKind,
    /// The question and its consequences: [`RecordKind::delete_warning`] or
    /// [`RecordKind::bulk_delete_warning`].
    warning: (String, &'static str),
    /// The confirm button's label: "Delete contractor", "Delete 3 contractors".
    label: String,
    deleting: Signal<bool>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let noun = kind.noun();
    let (question, consequence) = warning;
    let cancel = NodeRef::<leptos::html::Button>::new();
    // The safe choice has the focus: Enter does not delete.
    Effect::new(move |_| {
        if let Some(button) = cancel.get() {
            let _ = button.focus();
        }
    });
    view! {
        <div class="dialog-backdrop">
            <div
                id=format!("{noun}-delete-dialog")
                class="dialog"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby=format!("{noun}-delete-question")
                aria-describedby=format!("{noun}-delete-warning")
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        on_cancel.run(());
                    }
                }
            >
                <h2 id=format!("{noun}-delete-question") class="dialog-title">{question}</h2>
                <p id=format!("{noun}-delete-warning") class="dialog-text">{consequence}</p>
                <div class="button-row dialog-actions">
                    <button
                        id=format!("{noun}-delete-cancel")
                        type="button"
                        class="button button-secondary"
                        node_ref=cancel
                        on:click=move |_| on_cancel.run(())
                    >
                        "Keep it"
                    </button>
                    <button
                        id=format!("{noun}-delete-confirm")
                        type="button"
                        class="button button-danger"
                        disabled=move || deleting.get()
                        aria-busy=move || if deleting.get() { "true" } else { "false" }
                        on:click=move |_| on_confirm.run(())
                    >
                        {move || if deleting.get() { "Deleting…".to_owned() } else { label.clone() }}
                    </button>
                </div>
            </div>
        </div>
    }
}
