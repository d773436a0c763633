//! The bottom of a create form: the Production confirmation when it is asked for, the
//! count of problems, and the submit button.

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
) -> impl IntoView {
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
                                <strong>{format!("Create this {noun} in Production?")}</strong>
                                " It becomes a real record in your live 1099Policy account."
                            </p>
                            <div class="button-row">
                                <button
                                    id=format!("{noun}-confirm-production")
                                    type="button"
                                    class="button button-danger"
                                    on:click=move |_| on_confirm.run(())
                                >
                                    "Create in Production"
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
            <button
                id=format!("{noun}-submit")
                type="submit"
                class="button button-primary"
                disabled=move || sending.get()
                aria-busy=move || if sending.get() { "true" } else { "false" }
            >
                {move || if sending.get() { "Creating…".to_owned() } else { format!("Create {noun}") }}
            </button>
        </div>
    }
}
