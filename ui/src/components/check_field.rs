//! A labelled checkbox bound to a signal, with a line saying what ticking it means.

use crate::forms::field_ids::input_id;
use leptos::prelude::*;

/// The box gets the id `field-<path>`, like a text field.
#[component]
pub fn CheckField(
    path: &'static str,
    label: &'static str,
    hint: &'static str,
    value: RwSignal<bool>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let id = input_id(path);
    let label_for = id.clone();
    view! {
        <div class=format!("field {class}")>
            <label class="check" for=label_for>
                <input
                    id=id
                    name=path
                    type="checkbox"
                    prop:checked=move || value.get()
                    on:change=move |ev| {
                        value.set(event_target_checked(&ev));
                        if let Some(on_edit) = on_edit {
                            on_edit.run(());
                        }
                    }
                />
                <span>{label}</span>
            </label>
            <p class="field-hint">{hint}</p>
        </div>
    }
}
