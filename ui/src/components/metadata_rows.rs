//! Custom metadata as key/value rows: add a row, type into it, remove it. Blank rows are
//! left out of the request; half-filled ones are reported under `custom_metadata`.

use crate::components::field::{focus_field, FieldError};
use crate::forms::field_ids::{error_id, input_id};
use crate::forms::metadata_draft::{MetadataRow, PATH};
use leptos::prelude::*;

/// Row `n`'s inputs have the ids `field-custom_metadata-key-<n>` and `…-value-<n>`.
#[component]
pub fn MetadataRows(
    rows: RwSignal<Vec<MetadataRow>>,
    #[prop(into)] error: Signal<Option<String>>,
    /// What the keys are for, e.g. the purchase order number a job's invoices inherit.
    hint: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    let has_error = move || error.with(Option::is_some);
    let edited = move || {
        if let Some(on_edit) = on_edit {
            on_edit.run(());
        }
    };
    let add_row = move |_| {
        rows.update(|rows| rows.push(MetadataRow::default()));
        let last = rows.with_untracked(Vec::len) - 1;
        // After the new row is drawn.
        request_animation_frame(move || focus_field(&format!("{PATH}.key-{last}")));
    };
    // Keyed by position: typing never redraws a row (the focus stays), removing one
    // shifts the values up through the bindings below.
    let row_view = move |index: usize| {
        let text = move |pick: fn(&MetadataRow) -> &String| {
            move || {
                rows.with(|rows| {
                    rows.get(index)
                        .map(|row| pick(row).clone())
                        .unwrap_or_default()
                })
            }
        };
        let set = move |put: fn(&mut MetadataRow, String), value: String| {
            rows.update(|rows| {
                if let Some(row) = rows.get_mut(index) {
                    put(row, value);
                }
            });
            edited();
        };
        let remove = move |_| {
            rows.update(|rows| {
                if index < rows.len() {
                    rows.remove(index);
                }
            });
            edited();
        };
        view! {
            <div class="metadata-row">
                <input
                    id=input_id(&format!("{PATH}.key-{index}"))
                    class="metadata-key"
                    aria-label=format!("Key {}", index + 1)
                    placeholder="Key"
                    prop:value=text(|row| &row.key)
                    on:input=move |ev| set(|row, v| row.key = v, event_target_value(&ev))
                />
                <input
                    id=input_id(&format!("{PATH}.value-{index}"))
                    class="metadata-value"
                    aria-label=format!("Value {}", index + 1)
                    placeholder="Value"
                    prop:value=text(|row| &row.value)
                    on:input=move |ev| set(|row, v| row.value = v, event_target_value(&ev))
                />
                <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label=format!("Remove row {}", index + 1)
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
        }
    };

    view! {
        <fieldset
            id=input_id(PATH)
            class=format!("field checks metadata-rows {class}")
            class:has-error=has_error
            tabindex="-1"
        >
            <legend>
                "Custom metadata" <span class="field-optional">"Optional"</span>
            </legend>
            <p class="field-hint">{hint}</p>
            <For each=move || 0..rows.with(Vec::len) key=|index| *index children=row_view />
            <div>
                <button
                    id="metadata-add"
                    type="button"
                    class="button button-secondary button-small"
                    on:click=add_row
                >
                    "+ Add key"
                </button>
            </div>
            <FieldError id=error_id(PATH) error=error />
        </fieldset>
    }
}
