//! The contractor form, to create one or edit one: validates as you type with `ten99`'s
//! rules, sends only a valid request (an edit sends only the fields that changed), and
//! puts the backend's objections next to the fields they concern.

use crate::components::check_field::CheckField;
use crate::components::field::{FormField, TextInput};
use crate::components::metadata_rows::MetadataRows;
use crate::components::record_form::{record_form, FormOpen, Subtitles};
use crate::components::state_picker::StatePicker;
use crate::forms::metadata_draft::MetadataRow;
use crate::forms::ContractorDraft;
use leptos::prelude::*;
use ten99::Contractor;

crate::draft_signals! {
    /// One signal per input.
    struct DraftSignals for ContractorDraft {
        first_name, middle_name, last_name, email, phone, company_name: RwSignal<String>;
        line1, line2, locality, region, postalcode, tax_identification: RwSignal<String>;
        withhold_premium: RwSignal<bool>;
        custom_metadata: RwSignal<Vec<MetadataRow>>;
    }
}

pub fn contractor_form(open: FormOpen<Contractor>) -> AnyView {
    let subtitles = Subtitles {
        new:
            "Checked as you type with the same rules the backend applies before calling 1099Policy.",
        edit: "Only the fields you change are sent; the same rules apply as when creating.",
    };
    record_form::<DraftSignals>(open, subtitles, |values, form, is_edit| {
        let error_of = move |path| form.error_of(path);
        let touch = move |path| form.touch(path);
        let edit = move |path| form.edit(path);
        view! {
            <FormField form=form value=values.first_name input={TextInput::new("first_name", "First name", "span-2").autocomplete("given-name")} />
            <FormField form=form value=values.middle_name input={TextInput::new("middle_name", "Middle name", "span-2").autocomplete("additional-name").optional()} />
            <FormField form=form value=values.last_name input={TextInput::new("last_name", "Last name", "span-2").autocomplete("family-name")} />
            <FormField form=form value=values.email input={TextInput::new("email", "Email", "span-3").input_type("email").autocomplete("email").placeholder("name@example.com")} />
            <FormField form=form value=values.phone input={TextInput::new("phone", "Phone", "span-3").input_type("tel").autocomplete("tel").placeholder("415-474-9088")} />
            <FormField form=form value=values.company_name input={TextInput::new("company_name", "Company name", "span-6").autocomplete("organization").optional()} />
            <h3 class="form-section span-6">"Address"</h3>
            <FormField form=form value=values.line1 input={TextInput::new("address.line1", "Street address", "span-6").autocomplete("address-line1")} />
            <FormField form=form value=values.line2 input={TextInput::new("address.line2", "Apartment, suite, unit", "span-6").autocomplete("address-line2").optional()} />
            <FormField form=form value=values.locality input={TextInput::new("address.locality", "City", "span-3").autocomplete("address-level2")} />
            <StatePicker
                path="address.region"
                label="State"
                value=values.region
                error=error_of("address.region")
                class="span-2"
                on_touch=touch("address.region")
                on_edit=edit("address.region")
            />
            <FormField form=form value=values.postalcode input={TextInput::new("address.postalcode", "ZIP code", "span-1").autocomplete("postal-code").inputmode("numeric").placeholder("94104")} />
            <h3 class="form-section span-6">"Tax and payment"</h3>
            <FormField form=form value=values.tax_identification input={TextInput::new("tax_identification", "EIN or SSN", "span-3").autocomplete("off").inputmode("numeric").placeholder(if is_edit { "Leave blank to keep the one on file" } else { "12-3456789" }).optional()} />
            <CheckField
                path="withhold_premium"
                label="Withhold premium from pay"
                hint="The platform pays the premium from the contractor's wages; no card is asked for."
                value=values.withhold_premium
                class="span-3"
                on_edit=edit("withhold_premium")
            />
            <MetadataRows
                rows=values.custom_metadata
                error=error_of("custom_metadata")
                hint="Your own fields, kept with the contractor at 1099Policy (an ID in your system, a team)."
                class="span-6"
                on_edit=edit("custom_metadata")
            />
        }
        .into_any()
    })
}
