//! The job form, to create one or edit one: the work, who it is for (an entity from the
//! cache), its approved category, and its pay. Validates as you type with `ten99`'s
//! rules; the wage is typed in dollars and sent in cents; an edit sends only changes.

use crate::bidi::isolate;
use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::category_picker::CategoryPicker;
use crate::components::check_field::CheckField;
use crate::components::draft_keeper::{keep_draft, DraftNote};
use crate::components::field::Field;
use crate::components::form_actions::FormActions;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::metadata_rows::MetadataRows;
use crate::components::select_field::SelectField;
use crate::components::toast::Toasts;
use crate::forms::job_draft::FIELD_PATHS;
use crate::forms::metadata_draft::MetadataRow;
use crate::forms::JobDraft;
use crate::ipc;
use coverdesk_ipc::drafts::DraftForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::{Entity, Job, JobCategory, JobUpdate, WageType};

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
    withhold_premium: RwSignal<bool>,
    custom_metadata: RwSignal<Vec<MetadataRow>>,
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
            withhold_premium: RwSignal::new(false),
            custom_metadata: RwSignal::new(Vec::new()),
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
            withhold_premium: self.withhold_premium.get(),
            custom_metadata: self.custom_metadata.get(),
        }
    }

    fn set(self, draft: &JobDraft) {
        self.name.set(draft.name.clone());
        self.description.set(draft.description.clone());
        self.entity.set(draft.entity.clone());
        self.category_code.set(draft.category_code.clone());
        self.wage.set(draft.wage.clone());
        self.wage_type.set(draft.wage_type.clone());
        self.years_experience.set(draft.years_experience.clone());
        self.duration_hours.set(draft.duration_hours.clone());
        self.address.set(&draft.address);
        self.withhold_premium.set(draft.withhold_premium);
        self.custom_metadata.set(draft.custom_metadata.clone());
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
        self.withhold_premium.set(false);
        self.custom_metadata.set(Vec::new());
    }
}

#[component]
pub fn JobForm(
    /// The cached entities, for the entity picker.
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
    /// Edit mode: the job as it is; the form starts from it and sends only changes.
    #[prop(optional)]
    editing: Option<Job>,
    /// Runs after the backend created or updated the job.
    on_saved: Callback<Job>,
    /// Edit mode: leave without saving.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let values = DraftSignals::new();
    let original = editing.as_ref().map(JobDraft::from_record);
    if let Some(original) = &original {
        values.set(original);
    }
    let editing = editing.map(|j| (j.id.clone(), j.name.clone()));
    let is_edit = editing.is_some();
    let form = FormState::new(Memo::new(move |_| values.draft().checked().1));
    // Edits keep their drafts apart, by record.
    let keeper = keep_draft(
        DraftForm::Job,
        editing.as_ref().map(|(id, _)| id.clone()),
        move || values.draft(),
        move |draft| values.set(&draft),
    );
    let discard_to = original.clone();
    let on_discard = Callback::new(move |()| {
        match &discard_to {
            Some(original) => values.set(original),
            None => values.set(&JobDraft::default()),
        }
        form.succeeded();
        form.rejection.set(None);
        keeper.start_over();
    });

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

    let send = StoredValue::new(move || {
        let draft = values.draft();
        let (editing, original) = (editing.clone(), original.clone());
        form.sending_started();
        spawn_local(async move {
            let saved = match (&editing, &original) {
                (Some((id, name)), Some(original)) => {
                    let update = draft.changes_since(original);
                    if update == JobUpdate::default() {
                        form.succeeded();
                        keeper.start_over();
                        toasts.success("Nothing changed");
                        if let Some(cancel) = on_cancel {
                            cancel.run(());
                        }
                        return;
                    }
                    ipc::jobs::update(id, &update, name).await
                }
                _ => ipc::jobs::create(&draft.checked().0).await,
            };
            match saved {
                Ok(job) => {
                    if !is_edit {
                        values.clear_after_create();
                    }
                    form.succeeded();
                    keeper.start_over();
                    let verb = if is_edit { "Saved" } else { "Created" };
                    toasts.success(format!("{verb} {} ({})", isolate(&job.name), job.id));
                    on_saved.run(job);
                }
                Err(error) => form.refused(error, &FIELD_PATHS),
            }
        });
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.ready_to_send(&FIELD_PATHS) {
            send.with_value(|send| send());
        }
    };
    let (title_id, title) = if is_edit {
        ("edit-job-title", "Edit job")
    } else {
        ("new-job-title", "New job")
    };

    view! {
        <section id="job-form" class="card" aria-labelledby=title_id>
            <header class="card-header">
                <div>
                    <h2 id=title_id>{title}</h2>
                    <p class="card-subtitle">
                        "The work, who it is for, its approved category and its pay."
                    </p>
                </div>
                <DraftNote keeper=keeper kind="job" on_discard=on_discard />
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
                <FormActions
                    form=form
                    noun="job"
                    on_cancel=on_cancel.filter(|_| is_edit)
                />
            </form>
        </section>
    }
}
