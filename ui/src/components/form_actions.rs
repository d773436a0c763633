//! The bottom of a create form: the count of problems and the submit button.

use crate::components::form_state::FormState;
use leptos::prelude::*;

#[component]
pub fn FormActions(
    form: FormState,
    /// What is being created, for ids and words: `entity` → `entity-submit`,
    /// "Create entity".
    noun: &'static str,
) -> impl IntoView {
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
