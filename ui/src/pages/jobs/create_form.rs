//! The "New job" form: the work, who it is for (an entity from the cache), its approved
//! category, and its pay. Validates as you type with `ten99`'s rules; the wage is typed
//! in dollars and sent in cents.

use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::category_picker::CategoryPicker;
use crate::components::draft_keeper::{keep_draft, DraftNote};
use crate::components::field::Field;
use crate::components::form_actions::FormActions;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::select_field::SelectField;
use crate::components::toast::Toasts;
use crate::current_settings::CurrentSettings;
use crate::forms::job_draft::FIELD_PATHS;
use crate::forms::JobDraft;
use crate::ipc;
use coverdesk_ipc::drafts::DraftForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::{Entity, Job, JobCategory, WageType};

/// One signal per input.
#[derive(Clone, Copy)]
struct DraftSignals {
    name: RwSignal<String>,
    description: RwSignal<String>,
    entity: RwSignal<String>,
    category_code: RwSignal<String>,
    wage: RwSignal<String>,
    wage_type: RwSignal<String>,
    years_experience: RwSignal<String>,
    duration_hours: RwSignal<String>,
    address: AddressSignals,
}

impl DraftSignals {
    fn new() -> Self {
        let empty = || RwSignal::new(String::new());
        DraftSignals {
            name: empty(),
            description: empty(),
            entity: empty(),
            category_code: empty(),
            wage: empty(),
            wage_type: empty(),
            years_experience: empty(),
            duration_hours: empty(),
            address: AddressSignals::new(),
        }
    }

    fn draft(self) -> JobDraft {
        JobDraft {
            name: self.name.get(),
            description: self.description.get(),
            entity: self.entity.get(),
            category_code: self.category_code.get(),
            wage: self.wage.get(),
            wage_type: self.wage_type.get(),
            years_experience: self.years_experience.get(),
            duration_hours: self.duration_hours.get(),
            address: self.address.draft(),
        }
    }

    fn set(self, draft: JobDraft) {
        self.name.set(draft.name);
        self.description.set(draft.description);
        self.entity.set(draft.entity);
        self.category_code.set(draft.category_code);
        self.wage.set(draft.wage);
        self.wage_type.set(draft.wage_type);
        self.years_experience.set(draft.years_experience);
        self.duration_hours.set(draft.duration_hours);
        self.address.set(draft.address);
    }

    fn clear(self) {
        self.set(JobDraft::default());
    }

    /// Keeps the entity: the next job is most often for the same company.
    fn clear_after_create(self) {
        for value in [
            self.name,
            self.description,
            self.category_code,
            self.wage,
            self.wage_type,
            self.years_experience,
            self.duration_hours,
        ] {
            value.set(String::new());
        }
        self.address.clear();
    }
}

#[component]
pub fn CreateJobForm(
    /// The cached entities, for the entity picker.
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
    /// Runs after the backend created the job.
    on_created: Callback<Job>,
) -> impl IntoView {
    let settings = expect_context::<CurrentSettings>();
    let toasts = expect_context::<Toasts>();
    let values = DraftSignals::new();
    let form = FormState::new(Memo::new(move |_| values.draft().checked().1));
    let keeper = keep_draft(DraftForm::Job, None, move || values.draft(), move |d| values.set(d));

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

    let send = move || {
        let (input, _) = values.draft().checked();
        form.sending_started();
        spawn_local(async move {
            match ipc::jobs::create(&input).await {
                Ok(job) => {
                    values.clear_after_create();
                    keeper.start_over();
                    form.succeeded();
                    toasts.success(format!("Created {} ({})", job.name, job.id));
                    on_created.run(job);
                }
                Err(error) => form.refused(error, &FIELD_PATHS),
            }
        });
    };

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.ready_to_send(&FIELD_PATHS, settings.is_production()) {
            send();
        }
    };

    view! {
        <section class="card" aria-labelledby="new-job-title">
            <header class="card-header">
                <div>
                    <h2 id="new-job-title">"New job"</h2>
                    <p class="card-subtitle">
                        "The work, who it is for, its approved category and its pay."
                    </p>
                </div>
                <DraftNote
                    keeper=keeper
                    kind="job"
                    on_discard=Callback::new(move |()| {
                        values.clear();
                        form.feedback.set(Default::default());
                        form.rejection.set(None);
                        keeper.start_over();
                    })
                />
            </header>
            <form class="form-grid" novalidate=true on:submit=on_submit>
                <FormAlert rejection=form.rejection field_paths=&FIELD_PATHS />
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
                <Field
                    path="name"
                    label="Job title"
                    value=values.name
                    error=form.error_of("name")
                    placeholder="Field technician"
                    class="span-3"
                    on_touch=form.touch("name")
                    on_edit=form.edit("name")
                />
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
                <Field
                    path="description"
                    label="Description"
                    value=values.description
                    error=form.error_of("description")
                    placeholder="Run cable from the front of the building to the rear"
                    class="span-6"
                    on_touch=form.touch("description")
                    on_edit=form.edit("description")
                />
                <CategoryPicker
                    value=values.category_code
                    categories=categories
                    error=form.error_of("category_code")
                    class="span-6"
                    on_touch=form.touch("category_code")
                    on_edit=form.edit("category_code")
                />
                <h3 class="form-section span-6">"Pay and experience"</h3>
                <Field
                    path="wage"
                    label="Wage (USD)"
                    value=values.wage
                    error=form.error_of("wage")
                    inputmode="decimal"
                    placeholder="120.00"
                    class="span-3"
                    on_touch=form.touch("wage")
                    on_edit=form.edit("wage")
                />
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
                <Field
                    path="years_experience"
                    label="Years of experience"
                    value=values.years_experience
                    error=form.error_of("years_experience")
                    inputmode="numeric"
                    placeholder="5"
                    optional=true
                    class="span-3"
                    on_touch=form.touch("years_experience")
                    on_edit=form.edit("years_experience")
                />
                <Field
                    path="duration_hours"
                    label="Duration (hours)"
                    value=values.duration_hours
                    error=form.error_of("duration_hours")
                    inputmode="numeric"
                    placeholder="40"
                    optional=true
                    class="span-3"
                    on_touch=form.touch("duration_hours")
                    on_edit=form.edit("duration_hours")
                />
                <AddressFields
                    form=form
                    values=values.address
                    title="Work site"
                    hint="Optional; leave blank for remote work. Its state decides workers' comp."
                />
                <FormActions form=form noun="job" on_confirm=Callback::new(move |()| send()) />
            </form>
        </section>
    }
}
