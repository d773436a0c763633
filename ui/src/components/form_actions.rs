//! The bottom of a create or edit form: the count of problems, the submit button and,
//! when editing, Cancel. (Production writes are confirmed by `ipc::write`, not here.)

use crate::components::form_state::FormState;
use leptos::prelude::*;

#[component]
pub fn FormActions(
    form: FormState,
    /// What is being created, for ids and words: `entity` → `entity-submit`,
    /// "Create entity".
    noun: &'static str,
    /// Edit mode: "Save changes" instead of "Create …", and a Cancel button.
    #[prop(default = None)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let editing = on_cancel.is_some();
    let (idle_label, busy_label) = if editing {
        ("Save changes".to_owned(), "Saving…")
    } else {
        (format!("Create {noun}"), "Creating…")
    };
    let sending = form.sending;
    view! {
        <div class="form-actions span-6">
            {move || {
                form.problem_count()
                    .map(|count| {
                        let noun = if count == 1 { "field needs" } else { "fields need" };
                        view! {
                            <span id="form-summary" class="form-summary">
                                {format!("{count} {noun} attention")}
                            </span>
                        }
                    })
            }}
            {on_cancel
                .map(|cancel| {
                    view! {
                        <button
                            id=format!("{noun}-cancel")
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| cancel.run(())
                        >
                            "Cancel"
                        </button>
                    }
                })}
            <button
                id=format!("{noun}-submit")
                type="submit"
                class="button button-primary"
                disabled=move || sending.get()
                aria-busy=move || if sending.get() { "true" } else { "false" }
            >
                {move || if sending.get() { busy_label.to_owned() } else { idle_label.clone() }}
            </button>
        </div>
    }
}
