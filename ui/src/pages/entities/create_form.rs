//! The entity form, to create one or edit one: the company the work is for, where it
//! is, and the cover it requires. Validates as you type with `ten99`'s rules; limits are
//! typed in dollars and sent in cents; an edit sends only the fields that changed.

use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::coverage_checkboxes::CoverageCheckboxes;
use crate::components::field::{FormField, TextInput};
use crate::components::record_form::{record_form, FormOpen, Subtitles};
use crate::forms::EntityDraft;
use leptos::prelude::*;
use ten99::{CoverageType, Entity};

crate::draft_signals! {
    /// One signal per input.
    struct DraftSignals for EntityDraft {
        name: RwSignal<String>;
        address: AddressSignals;
        required_coverage: RwSignal<Vec<CoverageType>>;
        aggregate_limit, occurrence_limit: RwSignal<String>;
    }
}

/// The same words when creating and editing.
const SUBTITLE: &str =
    "The company the work is done for, and the cover it requires of contractors.";

pub fn entity_form(open: FormOpen<Entity>) -> AnyView {
    let subtitles = Subtitles {
        new: SUBTITLE,
        edit: SUBTITLE,
    };
    record_form::<DraftSignals>(open, subtitles, |values, form, _| {
        view! {
            <FormField form=form value=values.name input={TextInput::new("name", "Company name", "span-6").autocomplete("organization").placeholder("Lake View Bowl")} />
            <AddressFields form=form values=values.address title="Address" hint="Optional; leave every line blank to skip it." />
            <h3 class="form-section span-6">"Coverage"</h3>
            <CoverageCheckboxes
                value=values.required_coverage
                error=form.error_of("required_coverage")
                class="span-6"
                on_edit=form.edit("required_coverage")
            />
            <FormField form=form value=values.aggregate_limit input={TextInput::new("coverage_limit.aggregate_limit", "Aggregate limit (USD)", "span-3").inputmode("decimal").placeholder("2,000,000").optional()} />
            <FormField form=form value=values.occurrence_limit input={TextInput::new("coverage_limit.occurrence_limit", "Per-occurrence limit (USD)", "span-3").inputmode("decimal").placeholder("1,000,000").optional()} />
        }
        .into_any()
    })
}
