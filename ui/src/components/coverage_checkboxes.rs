//! Checkboxes for the coverage an entity requires of its contractors.

use crate::components::field::FieldError;
use crate::forms::entity_draft::COVERAGE_CHOICES;
use crate::forms::field_ids::{error_id, input_id};
use leptos::prelude::*;
use ten99::CoverageType;

/// Bound to a signal holding the ticked coverage types. Each box has the id
/// `coverage-<API spelling>` (`coverage-workers-comp`).
#[component]
pub fn CoverageCheckboxes(
    value: RwSignal<Vec<CoverageType>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] on_edit: Option<Callback<()>>,
) -> impl IntoView {
    const PATH: &str = "required_coverage";
    let has_error = move || error.with(Option::is_some);
    view! {
        // tabindex lets the form focus the group when it has a problem.
        <fieldset id=input_id(PATH) class=format!("field checks {class}") class:has-error=has_error tabindex="-1">
            <legend>"Required coverage" <span class="field-optional">"Optional"</span></legend>
            <div class="check-row">
                {COVERAGE_CHOICES
                    .into_iter()
                    .map(|coverage| {
                        let id = format!("coverage-{}", coverage.as_str());
                        let label_for = id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input
                                    id=id
                                    type="checkbox"
                                    name=PATH
                                    value=coverage.as_str()
                                    prop:checked=move || value.with(|v| v.contains(&coverage))
                                    on:change=move |ev| {
                                        let ticked = event_target_checked(&ev);
                                        value.update(|v| {
                                            v.retain(|c| *c != coverage);
                                            if ticked {
                                                v.push(coverage);
                                            }
                                        });
                                        if let Some(on_edit) = on_edit {
                                            on_edit.run(());
                                        }
                                    }
                                />
                                <span>{coverage.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldError id=error_id(PATH) error=error />
        </fieldset>
    }
}
