//! The entity form, to create one or edit one: the company the work is for, where it
//! is, and the cover it requires. Validates as you type with `ten99`'s rules; limits are
//! typed in dollars and sent in cents; an edit sends only the fields that changed.

use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::coverage_checkboxes::CoverageCheckboxes;
use crate::components::field::{FormField, TextInput};
use crate::components::record_form::{record_form, DraftInputs, FormOpen, Subtitles};
use crate::forms::EntityDraft;
use leptos::prelude::*;
use ten99::{CoverageType, Entity};

/// One signal per input.
#[derive(Clone, Copy)]
struct DraftSignals {
    name: RwSignal<String>,
    address: AddressSignals,
    required_coverage: RwSignal<Vec<CoverageType>>,
    aggregate_limit: RwSignal<String>,
    occurrence_limit: RwSignal<String>,
}

impl DraftInputs for DraftSignals {
    type Draft = EntityDraft;

    fn new() -> Self {
        DraftSignals {
            name: RwSignal::new(String::new()),
            address: AddressSignals::new(),
            required_coverage: RwSignal::new(Vec::new()),
            aggregate_limit: RwSignal::new(String::new()),
            occurrence_limit: RwSignal::new(String::new()),
        }
    }

    fn draft(self) -> EntityDraft {
        EntityDraft {
            name: self.name.get(),
            address: self.address.draft(),
            required_coverage: self.required_coverage.get(),
            aggregate_limit: self.aggregate_limit.get(),
            occurrence_limit: self.occurrence_limit.get(),
        }
    }

    fn set(self, draft: &EntityDraft) {
        self.name.set(draft.name.clone());
        self.address.set(&draft.address);
        self.required_coverage.set(draft.required_coverage.clone());
        self.aggregate_limit.set(draft.aggregate_limit.clone());
        self.occurrence_limit.set(draft.occurrence_limit.clone());
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
            <AddressFields
                form=form
                values=values.address
                title="Address"
                hint="Optional; leave every line blank to skip it."
            />
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
