//! The job form, to create one or edit one: the work, who it is for (an entity from the
//! cache), its approved category, and its pay. Validates as you type with `ten99`'s
//! rules; the wage is typed in dollars and sent in cents; an edit sends only changes.

use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::category_picker::CategoryPicker;
use crate::components::check_field::CheckField;
use crate::components::field::{FormField, TextInput};
use crate::components::metadata_rows::MetadataRows;
use crate::components::record_form::{record_form, FormOpen, Subtitles};
use crate::components::select_field::SelectField;
use crate::forms::metadata_draft::MetadataRow;
use crate::forms::JobDraft;
use leptos::prelude::*;
use ten99::{Entity, Job, JobCategory, WageType};

crate::draft_signals! {
    /// One signal per input.
    struct DraftSignals for JobDraft {
        name, description, entity, category_code, wage, wage_type: RwSignal<String>;
        years_experience, duration_hours: RwSignal<String>;
        address: AddressSignals;
        withhold_premium: RwSignal<bool>;
        custom_metadata: RwSignal<Vec<MetadataRow>>;
    }
}

/// The same words when creating and editing.
const SUBTITLE: &str = "The work, who it is for, its approved category and its pay.";

/// `entities`: the cached entities, for the entity picker.
pub fn job_form(
    open: FormOpen<Job>,
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
) -> AnyView {
    let subtitles = Subtitles {
        new: SUBTITLE,
        edit: SUBTITLE,
    };
    record_form::<DraftSignals>(open, subtitles, move |values, form, _| {
        let entity_options = Signal::derive(move || match entities.get() {
            Some(Ok(entities)) => entities
                .into_iter()
                .map(|e| {
                    let label = format!("{} ({})", e.name, e.id);
                    (e.id, label)
                })
                .collect(),
            _ => Vec::new(),
        });
        let no_entities = move || matches!(entities.get(), Some(Ok(list)) if list.is_empty());
        let wage_types: Vec<(String, String)> = WageType::ALL
            .iter()
            .map(|w| (w.as_str().to_owned(), w.label().to_owned()))
            .collect();
        view! {
            {move || {
                no_entities()
                    .then(|| {
                        view! {
                            <div id="job-no-entities" class="alert alert-warning span-6" role="status">
                                <p class="alert-title">"No entities in the cache yet"</p>
                                <p>"Create the company the work is for under Entities first."</p>
                            </div>
                        }
                    })
            }}
            <FormField form=form value=values.name input={TextInput::new("name", "Job title", "span-3").placeholder("Field technician")} />
            <SelectField
                path="entity"
                label="Entity"
                value=values.entity
                options=entity_options
                placeholder="Choose an entity…"
                error=form.error_of("entity")
                class="span-3"
                on_touch=form.touch("entity")
                on_edit=form.edit("entity")
            />
            <FormField form=form value=values.description input={TextInput::new("description", "Description", "span-6").placeholder("Run cable from the front of the building to the rear")} />
            <CategoryPicker
                value=values.category_code
                categories=categories
                error=form.error_of("category_code")
                class="span-6"
                on_touch=form.touch("category_code")
                on_edit=form.edit("category_code")
            />
            <h3 class="form-section span-6">"Pay and experience"</h3>
            <FormField form=form value=values.wage input={TextInput::new("wage", "Wage (USD)", "span-3").inputmode("decimal").placeholder("120.00")} />
            <SelectField
                path="wage_type"
                label="Wage type"
                value=values.wage_type
                options=wage_types
                placeholder="How is it paid?"
                error=form.error_of("wage_type")
                class="span-3"
                on_touch=form.touch("wage_type")
                on_edit=form.edit("wage_type")
            />
            <FormField form=form value=values.years_experience input={TextInput::new("years_experience", "Years of experience", "span-3").inputmode("numeric").placeholder("5").optional()} />
            <FormField form=form value=values.duration_hours input={TextInput::new("duration_hours", "Duration (hours)", "span-3").inputmode("numeric").placeholder("40").optional()} />
            <AddressFields form=form values=values.address title="Work site" hint="Optional; leave blank for remote work. Its state decides workers' comp." />
            <h3 class="form-section span-6">"Payment and your fields"</h3>
            <CheckField
                path="withhold_premium"
                label="Withhold premium from this job's pay"
                hint="Overrides the contractor's setting for this job only."
                value=values.withhold_premium
                class="span-6"
                on_edit=form.edit("withhold_premium")
            />
            <MetadataRows
                rows=values.custom_metadata
                error=form.error_of("custom_metadata")
                hint="A purchase_order_number key here is what the job's invoices carry."
                class="span-6"
                on_edit=form.edit("custom_metadata")
            />
        }
        .into_any()
    })
}
