//! The contractor form, to create one or edit one: validates as you type with `ten99`'s
//! rules, sends only a valid request (an edit sends only the fields that changed), and
//! puts the backend's objections next to the fields they concern.

use crate::components::check_field::CheckField;
use crate::components::field::Field;
use crate::components::metadata_rows::MetadataRows;
use crate::components::record_form::{record_form, DraftInputs, FormOpen, Subtitles};
use crate::components::state_picker::StatePicker;
use crate::forms::metadata_draft::MetadataRow;
use crate::forms::ContractorDraft;
use leptos::prelude::*;
use ten99::Contractor;

/// One signal per input.
#[derive(Clone, Copy)]
struct DraftSignals {
    first_name: RwSignal<String>,
    middle_name: RwSignal<String>,
    last_name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
    company_name: RwSignal<String>,
    line1: RwSignal<String>,
    line2: RwSignal<String>,
    locality: RwSignal<String>,
    region: RwSignal<String>,
    postalcode: RwSignal<String>,
    tax_identification: RwSignal<String>,
    withhold_premium: RwSignal<bool>,
    custom_metadata: RwSignal<Vec<MetadataRow>>,
}

impl DraftSignals {
    fn texts(self) -> [RwSignal<String>; 12] {
        [
            self.first_name,
            self.middle_name,
            self.last_name,
            self.email,
            self.phone,
            self.company_name,
            self.line1,
            self.line2,
            self.locality,
            self.region,
            self.postalcode,
            self.tax_identification,
        ]
    }
}

impl DraftInputs for DraftSignals {
    type Draft = ContractorDraft;

    fn new() -> Self {
        let empty = || RwSignal::new(String::new());
        DraftSignals {
            first_name: empty(),
            middle_name: empty(),
            last_name: empty(),
            email: empty(),
            phone: empty(),
            company_name: empty(),
            line1: empty(),
            line2: empty(),
            locality: empty(),
            region: empty(),
            postalcode: empty(),
            tax_identification: empty(),
            withhold_premium: RwSignal::new(false),
            custom_metadata: RwSignal::new(Vec::new()),
        }
    }

    fn draft(self) -> ContractorDraft {
        ContractorDraft {
            first_name: self.first_name.get(),
            middle_name: self.middle_name.get(),
            last_name: self.last_name.get(),
            email: self.email.get(),
            phone: self.phone.get(),
            company_name: self.company_name.get(),
            line1: self.line1.get(),
            line2: self.line2.get(),
            locality: self.locality.get(),
            region: self.region.get(),
            postalcode: self.postalcode.get(),
            tax_identification: self.tax_identification.get(),
            withhold_premium: self.withhold_premium.get(),
            custom_metadata: self.custom_metadata.get(),
        }
    }

    fn set(self, draft: &ContractorDraft) {
        let d = draft.clone();
        let values = [
            d.first_name,
            d.middle_name,
            d.last_name,
            d.email,
            d.phone,
            d.company_name,
            d.line1,
            d.line2,
            d.locality,
            d.region,
            d.postalcode,
            d.tax_identification,
        ];
        for (signal, value) in self.texts().into_iter().zip(values) {
            signal.set(value);
        }
        self.withhold_premium.set(d.withhold_premium);
        self.custom_metadata.set(d.custom_metadata);
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
            <Field
                path="first_name"
                label="First name"
                value=values.first_name
                error=error_of("first_name")
                autocomplete="given-name"
                class="span-2"
                on_touch=touch("first_name")
                on_edit=edit("first_name")
            />
            <Field
                path="middle_name"
                label="Middle name"
                value=values.middle_name
                error=error_of("middle_name")
                autocomplete="additional-name"
                optional=true
                class="span-2"
                on_touch=touch("middle_name")
                on_edit=edit("middle_name")
            />
            <Field
                path="last_name"
                label="Last name"
                value=values.last_name
                error=error_of("last_name")
                autocomplete="family-name"
                class="span-2"
                on_touch=touch("last_name")
                on_edit=edit("last_name")
            />
            <Field
                path="email"
                label="Email"
                value=values.email
                error=error_of("email")
                input_type="email"
                autocomplete="email"
                placeholder="name@example.com"
                class="span-3"
                on_touch=touch("email")
                on_edit=edit("email")
            />
            <Field
                path="phone"
                label="Phone"
                value=values.phone
                error=error_of("phone")
                input_type="tel"
                autocomplete="tel"
                placeholder="415-474-9088"
                class="span-3"
                on_touch=touch("phone")
                on_edit=edit("phone")
            />
            <Field
                path="company_name"
                label="Company name"
                value=values.company_name
                error=error_of("company_name")
                autocomplete="organization"
                optional=true
                class="span-6"
                on_touch=touch("company_name")
                on_edit=edit("company_name")
            />
            <h3 class="form-section span-6">"Address"</h3>
            <Field
                path="address.line1"
                label="Street address"
                value=values.line1
                error=error_of("address.line1")
                autocomplete="address-line1"
                class="span-6"
                on_touch=touch("address.line1")
                on_edit=edit("address.line1")
            />
            <Field
                path="address.line2"
                label="Apartment, suite, unit"
                value=values.line2
                error=error_of("address.line2")
                autocomplete="address-line2"
                optional=true
                class="span-6"
                on_touch=touch("address.line2")
                on_edit=edit("address.line2")
            />
            <Field
                path="address.locality"
                label="City"
                value=values.locality
                error=error_of("address.locality")
                autocomplete="address-level2"
                class="span-3"
                on_touch=touch("address.locality")
                on_edit=edit("address.locality")
            />
            <StatePicker
                path="address.region"
                label="State"
                value=values.region
                error=error_of("address.region")
                class="span-2"
                on_touch=touch("address.region")
                on_edit=edit("address.region")
            />
            <Field
                path="address.postalcode"
                label="ZIP code"
                value=values.postalcode
                error=error_of("address.postalcode")
                autocomplete="postal-code"
                inputmode="numeric"
                placeholder="94104"
                class="span-1"
                on_touch=touch("address.postalcode")
                on_edit=edit("address.postalcode")
            />
            <h3 class="form-section span-6">"Tax and payment"</h3>
            <Field
                path="tax_identification"
                label="EIN or SSN"
                value=values.tax_identification
                error=error_of("tax_identification")
                autocomplete="off"
                inputmode="numeric"
                placeholder=if is_edit { "Leave blank to keep the one on file" } else { "12-3456789" }
                optional=true
                class="span-3"
                on_touch=touch("tax_identification")
                on_edit=edit("tax_identification")
            />
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
