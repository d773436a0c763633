//! The contractor form, to create one or edit one: validates as you type with `ten99`'s
//! rules, sends only a valid request (an edit sends only the fields that changed), and
//! puts the backend's objections next to the fields they concern.

use crate::bidi::isolate;
use crate::components::check_field::CheckField;
use crate::components::draft_keeper::{keep_draft, DraftNote};
use crate::components::field::Field;
use crate::components::form_actions::FormActions;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::metadata_rows::MetadataRows;
use crate::components::state_picker::StatePicker;
use crate::components::toast::Toasts;
use crate::forms::contractor_draft::FIELD_PATHS;
use crate::forms::metadata_draft::MetadataRow;
use crate::forms::ContractorDraft;
use crate::ipc;
use coverdesk_ipc::drafts::DraftForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::{Contractor, ContractorUpdate};

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

    fn clear(self) {
        for value in self.texts() {
            value.set(String::new());
        }
        self.withhold_premium.set(false);
        self.custom_metadata.set(Vec::new());
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

#[component]
pub fn ContractorForm(
    /// Edit mode: the contractor as it is; the form starts from it and sends only changes.
    #[prop(optional)]
    editing: Option<Contractor>,
    /// Runs after the backend created or updated the contractor.
    on_saved: Callback<Contractor>,
    /// Edit mode: leave without saving.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();

    let values = DraftSignals::new();
    let original = editing.as_ref().map(ContractorDraft::from_record);
    if let Some(original) = &original {
        values.set(original);
    }
    let editing = editing.map(|c| (c.id.clone(), c.full_name()));
    let is_edit = editing.is_some();
    let form = FormState::new(Memo::new(move |_| values.draft().problems()));
    // Edits keep their drafts apart, by record.
    let keeper = keep_draft(
        DraftForm::Contractor,
        editing.as_ref().map(|(id, _)| id.clone()),
        move || values.draft(),
        move |draft| values.set(&draft),
    );
    let discard_to = original.clone();
    let on_discard = Callback::new(move |()| {
        match &discard_to {
            Some(original) => values.set(original),
            None => values.clear(),
        }
        form.succeeded();
        form.rejection.set(None);
        keeper.start_over();
    });

    let send = move || {
        let draft = values.draft();
        let editing = editing.clone();
        let original = original.clone();
        form.sending_started();
        spawn_local(async move {
            let saved = match (&editing, &original) {
                (Some((id, name)), Some(original)) => {
                    let update = draft.changes_since(original);
                    if update == ContractorUpdate::default() {
                        form.succeeded();
                        keeper.start_over();
                        toasts.success("Nothing changed");
                        if let Some(cancel) = on_cancel {
                            cancel.run(());
                        }
                        return;
                    }
                    ipc::contractors::update(id, &update, name).await
                }
                _ => ipc::contractors::create(&draft.to_input()).await,
            };
            match saved {
                Ok(contractor) => {
                    if !is_edit {
                        values.clear();
                    }
                    form.succeeded();
                    keeper.start_over();
                    let verb = if is_edit { "Saved" } else { "Created" };
                    toasts.success(format!(
                        "{verb} {} ({})",
                        isolate(&contractor.full_name()),
                        contractor.id
                    ));
                    on_saved.run(contractor);
                }
                Err(error) => form.refused(error, &FIELD_PATHS),
            }
        });
    };
    let send = StoredValue::new(send);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.ready_to_send(&FIELD_PATHS) {
            send.with_value(|send| send());
        }
    };
    let (title_id, title, subtitle) = if is_edit {
        (
            "edit-contractor-title",
            "Edit contractor",
            "Only the fields you change are sent; the same rules apply as when creating.",
        )
    } else {
        (
            "new-contractor-title",
            "New contractor",
            "Checked as you type with the same rules the backend applies before calling 1099Policy.",
        )
    };
    let error_of = move |path| form.error_of(path);
    let touch = move |path| form.touch(path);
    let edit = move |path| form.edit(path);

    view! {
        <section id="contractor-form" class="card" aria-labelledby=title_id>
            <header class="card-header">
                <div>
                    <h2 id=title_id>{title}</h2>
                    <p class="card-subtitle">{subtitle}</p>
                </div>
                <DraftNote keeper=keeper kind="contractor" on_discard=on_discard />
            </header>
            <form class="form-grid" novalidate=true on:submit=on_submit>
                <FormAlert rejection=form.rejection field_paths=&FIELD_PATHS />
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
                <FormActions
                    form=form
                    noun="contractor"
                    on_cancel=on_cancel.filter(|_| is_edit)
                />
            </form>
        </section>
    }
}
