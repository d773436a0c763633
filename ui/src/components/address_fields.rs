//! The address sub-form: street, unit, city, state picker, ZIP, under `address.*`.

use crate::components::field::Field;
use crate::components::form_state::FormState;
use crate::components::state_picker::StatePicker;
use crate::forms::AddressDraft;
use leptos::prelude::*;

crate::draft_signals! {
    /// One signal per address input.
    pub struct AddressSignals for AddressDraft {
        line1, line2, locality, region, postalcode: RwSignal<String>;
    }
}

#[component]
pub fn AddressFields(
    form: FormState,
    values: AddressSignals,
    /// The heading of the section, e.g. "Work site".
    title: &'static str,
    /// A line under the heading saying when the address may be left out.
    #[prop(optional)]
    hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <h3 class="form-section span-6">
            {title}
            {hint.map(|hint| view! { <span class="form-section-hint">{hint}</span> })}
        </h3>
        <Field
            path="address.line1"
            label="Street address"
            value=values.line1
            error=form.error_of("address.line1")
            autocomplete="address-line1"
            class="span-6"
            on_touch=form.touch("address.line1")
            on_edit=form.edit("address.line1")
        />
        <Field
            path="address.line2"
            label="Apartment, suite, unit"
            value=values.line2
            error=form.error_of("address.line2")
            autocomplete="address-line2"
            optional=true
            class="span-6"
            on_touch=form.touch("address.line2")
            on_edit=form.edit("address.line2")
        />
        <Field
            path="address.locality"
            label="City"
            value=values.locality
            error=form.error_of("address.locality")
            autocomplete="address-level2"
            class="span-3"
            on_touch=form.touch("address.locality")
            on_edit=form.edit("address.locality")
        />
        <StatePicker
            path="address.region"
            label="State"
            value=values.region
            error=form.error_of("address.region")
            class="span-2"
            on_touch=form.touch("address.region")
            on_edit=form.edit("address.region")
        />
        <Field
            path="address.postalcode"
            label="ZIP code"
            value=values.postalcode
            error=form.error_of("address.postalcode")
            autocomplete="postal-code"
            inputmode="numeric"
            placeholder="94104"
            class="span-1"
            on_touch=form.touch("address.postalcode")
            on_edit=form.edit("address.postalcode")
        />
    }
}
