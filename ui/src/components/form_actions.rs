//! The bottom of a create or edit form: the Production confirmation when it is asked
//! for, the count of problems, the submit button and, when editing, Cancel.

use crate::components::form_state::FormState;
use leptos::prelude::*;

#[component]
pub fn FormActions(
    form: FormState,
    /// What is being created, for ids and words: `entity` → `entity-submit`,
    /// `entity-confirm`, "Create entity".
    noun: &'static str,
    /// Sends the request (after the Production confirmation).
    on_confirm: Callback<()>,
    /// Edit mode: "Save changes" instead of "Create …", and a Cancel button.
    #[prop(default = None)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let editing = on_cancel.is_some();
    let (question, confirm_label, idle_label, busy_label) = if editing {
        (
            "Save these changes in Production? They change a real record in your live 1099Policy account.".to_owned(),
            "Save in Production",
            "Save changes".to_owned(),
            "Saving…",
        )
    } else {
        (
            format!("Create this {noun} in Production? It becomes a real record in your live 1099Policy account."),
            "Create in Production",
            format!("Create {noun}"),
            "Creating…",
        )
    };
    let confirming = form.confirming;
    let sending = form.sending;
    view! {
        {move || {
            confirming
                .get()
                .then(|| {
                    view! {
                        <div id=format!("{noun}-confirm") class="confirm span-6" role="alert">
                            <p>
                                <strong>{question.clone()}</strong>
                            </p>
                            <div class="button-row">
                                <button
                                    id=format!("{noun}-confirm-production")
                                    type="button"
                                    class="button button-danger"
                                    on:click=move |_| on_confirm.run(())
                                >
                                    {confirm_label}
                                </button>
                                <button
                                    type="button"
                                    class="button button-secondary"
                                    on:click=move |_| confirming.set(false)
                                >
                                    "Cancel"
                                </button>
                            </div>
                        </div>
                    }
                })
        }}
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
