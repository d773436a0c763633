//! A labelled select bound to a signal holding the chosen option's value.

use crate::components::field::FieldError;
use crate::forms::field_ids::{error_id, input_id};
use leptos::prelude::*;

/// `options` are `(value, label)`; the first, empty option reads `placeholder`.
#[component]
pub fn SelectField(
    path: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    placeholder: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] on_touch: Option<Callback<()>>,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let input_id = input_id(path);
    let error_id = error_id(path);
    let described_by = error_id.clone();
    let has_error = move || error.with(Option::is_some);
    let touch = move || {
        if let Some(on_touch) = on_touch {
            on_touch.run(());
        }
    };

    view! {
        <div class=format!("field {class}") class:has-error=has_error>
            <label for=input_id.clone()>{label}</label>
            <select
                id=input_id
                name=path
                aria-required="true"
                aria-invalid=move || if has_error() { "true" } else { "false" }
                aria-describedby=move || has_error().then(|| described_by.clone())
                // The select itself follows the signal too: when a form is cleared, the
                // options' `selected` alone could leave the old choice showing, and
                // picking it again would then change nothing.
                prop:value=move || value.get()
                on:change=move |ev| {
                    value.set(event_target_value(&ev));
                    if let Some(on_edit) = on_edit {
                        on_edit.run(());
                    }
                    touch();
                }
                on:blur=move |_| touch()
            >
                <option value="" prop:selected=move || value.with(String::is_empty)>
                    {placeholder}
                </option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let selected = code.clone();
                            view! {
                                <option value=code prop:selected=move || value.with(|v| *v == selected)>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <FieldError id=error_id error=error />
        </div>
    }
}
