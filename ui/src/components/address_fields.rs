//! The address sub-form: street, unit, city, state picker, ZIP, under `address.*`.

use crate::components::field::Field;
use crate::components::form_state::FormState;
use crate::components::state_picker::StatePicker;
use crate::forms::AddressDraft;
use leptos::prelude::*;

/// One signal per address input.
#[derive(Clone, Copy)]
pub struct AddressSignals {
    pub line1: RwSignal<String>,
    pub line2: RwSignal<String>,
    pub locality: RwSignal<String>,
    pub region: RwSignal<String>,
    pub postalcode: RwSignal<String>,
}

impl AddressSignals {
    pub fn new() -> AddressSignals {
        let empty = || RwSignal::new(String::new());
        AddressSignals {
            line1: empty(),
            line2: empty(),
            locality: empty(),
            region: empty(),
            postalcode: empty(),
        }
    }

    pub fn draft(self) -> AddressDraft {
        AddressDraft {
            line1: self.line1.get(),
            line2: self.line2.get(),
            locality: self.locality.get(),
            region: self.region.get(),
            postalcode: self.postalcode.get(),
        }
    }

    /// Puts saved values back (an edited record or a restored draft).
    pub fn set(self, draft: &AddressDraft) {
        self.line1.set(draft.line1.clone());
        self.line2.set(draft.line2.clone());
        self.locality.set(draft.locality.clone());
        self.region.set(draft.region.clone());
        self.postalcode.set(draft.postalcode.clone());
    }

    pub fn clear(self) {
        for value in [
            self.line1,
            self.line2,
            self.locality,
            self.region,
            self.postalcode,
        ] {
            value.set(String::new());
        }
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
