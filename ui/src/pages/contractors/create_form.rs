//! The "New contractor" form: validates as you type with `ten99`'s rules, sends only a valid
//! request, and puts the backend's objections next to the fields they concern.

use crate::components::draft_keeper::{keep_draft, DraftNote};
use crate::components::field::{focus_field, Field};
use crate::components::form_alert::FormAlert;
use crate::components::state_picker::StatePicker;
use crate::components::toast::Toasts;
use crate::current_settings::CurrentSettings;
use crate::forms::contractor_draft::FIELD_PATHS;
use crate::forms::{ContractorDraft, FormFeedback};
use crate::ipc;
use coverdesk_ipc::drafts::DraftForm;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use leptos::task::spawn_local;
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
        }
    }

    fn clear(self) {
        self.set(ContractorDraft::default());
    }

    fn set(self, draft: ContractorDraft) {
        self.first_name.set(draft.first_name);
        self.middle_name.set(draft.middle_name);
        self.last_name.set(draft.last_name);
        self.email.set(draft.email);
        self.phone.set(draft.phone);
        self.company_name.set(draft.company_name);
        self.line1.set(draft.line1);
        self.line2.set(draft.line2);
        self.locality.set(draft.locality);
        self.region.set(draft.region);
        self.postalcode.set(draft.postalcode);
    }
}

#[component]
pub fn CreateContractorForm(
    /// Runs after the backend created the contractor.
    on_created: Callback<Contractor>,
) -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let toasts = expect_context::<Toasts>();

    let values = DraftSignals::new();
    let keeper = keep_draft(
        DraftForm::Contractor,
        None,
        move || values.draft(),
        move |draft| values.set(draft),
    );
    let feedback = RwSignal::new(FormFeedback::default());
    let problems = Memo::new(move |_| values.draft().to_input().validate());
    let rejection = RwSignal::new(None::<ErrorView>);
    let sending = RwSignal::new(false);
    // In production a valid form first asks for confirmation.
    let confirming = RwSignal::new(false);

    let error_of = move |path: &'static str| {
        Signal::derive(move || {
            problems.with(|problems| feedback.with(|f| f.visible_error(path, problems)))
        })
    };
    let touch =
        move |path: &'static str| Callback::new(move |()| feedback.update(|f| f.touch(path)));
    let edit = move |path: &'static str| {
        Callback::new(move |()| {
            feedback.update(|f| f.edited(path));
            confirming.set(false);
        })
    };

    let send = move || {
        let input = values.draft().to_input();
        confirming.set(false);
        sending.set(true);
        rejection.set(None);
        spawn_local(async move {
            match ipc::contractors::create(&input).await {
                Ok(contractor) => {
                    values.clear();
                    keeper.start_over();
                    feedback.set(FormFeedback::default());
                    toasts.success(format!(
                        "Created {} ({})",
                        contractor.full_name(),
                        contractor.id
                    ));
                    on_created.run(contractor);
                }
                Err(error) => {
                    feedback.update(|f| f.rejected(error.fields.clone()));
                    rejection.set(Some(error));
                    if let Some(path) = feedback.with_untracked(|f| {
                        f.first_visible(&FIELD_PATHS, &problems.get_untracked())
                    }) {
                        focus_field(path);
                    }
                }
            }
            sending.set(false);
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        feedback.update(FormFeedback::attempt_submit);
        let problems = problems.get_untracked();
        if !problems.is_empty() {
            confirming.set(false);
            if let Some(path) =
                feedback.with_untracked(|f| f.first_visible(&FIELD_PATHS, &problems))
            {
                focus_field(path);
            }
            return;
        }
        if settings.is_production() && !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        send();
    };

    let problem_count = move || {
        feedback
            .with(FormFeedback::submit_attempted)
            .then(|| problems.with(|p| p.len()))
            .filter(|n| *n > 0)
    };

    view! {
        <section class="card" aria-labelledby="new-contractor-title">
            <header class="card-header">
                <div>
                    <h2 id="new-contractor-title">"New contractor"</h2>
                    <p class="card-subtitle">
                        "Checked as you type with the same rules the backend applies before calling 1099Policy."
                    </p>
                </div>
                <DraftNote
                    keeper=keeper
                    kind="contractor"
                    on_discard=Callback::new(move |()| {
                        values.clear();
                        feedback.set(FormFeedback::default());
                        rejection.set(None);
                        keeper.start_over();
                    })
                />
            </header>
            <form class="form-grid" novalidate=true on:submit=on_submit>
                <FormAlert rejection=rejection field_paths=&FIELD_PATHS />
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
                {move || {
                    confirming.get().then(|| {
                        view! {
                            <div id="contractor-confirm" class="confirm span-6" role="alert">
                                <p>
                                    <strong>"Create this contractor in Production?"</strong>
                                    " It becomes a real record in your live 1099Policy account."
                                </p>
                                <div class="button-row">
                                    <button
                                        id="contractor-confirm-production"
                                        type="button"
                                        class="button button-danger"
                                        on:click=move |_| send()
                                    >
                                        "Create in Production"
                                    </button>
                                    <button
                                        type="button"
                                        class="button button-secondary"
                                        on:click=move |_| confirming.set(false)
                                    >
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }
                    })
                }}
                <div class="form-actions span-6">
                    {move || {
                        problem_count()
                            .map(|count| {
                                let noun = if count == 1 { "field needs" } else { "fields need" };
                                view! {
                                    <span id="form-summary" class="form-summary">
                                        {format!("{count} {noun} attention")}
                                    </span>
                                }
                            })
                    }}
                    <button
                        id="contractor-submit"
                        type="submit"
                        class="button button-primary"
                        disabled=move || sending.get()
                        aria-busy=move || if sending.get() { "true" } else { "false" }
                    >
                        {move || if sending.get() { "Creating…" } else { "Create contractor" }}
                    </button>
                </div>
            </form>
        </section>
    }
}
