//! The entity form, to create one or edit one: the company the work is for, where it
//! is, and the cover it requires. Validates as you type with `ten99`'s rules; limits are
//! typed in dollars and sent in cents; an edit sends only the fields that changed.

use crate::components::address_fields::{AddressFields, AddressSignals};
use crate::components::coverage_checkboxes::CoverageCheckboxes;
use crate::components::draft_keeper::{keep_draft, DraftNote};
use crate::components::field::Field;
use crate::components::form_actions::FormActions;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::toast::Toasts;
use crate::forms::entity_draft::FIELD_PATHS;
use crate::forms::EntityDraft;
use crate::ipc;
use coverdesk_ipc::drafts::DraftForm;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::{CoverageType, Entity, EntityUpdate};

/// One signal per input.
#[derive(Clone, Copy)]
struct DraftSignals {
    name: RwSignal<String>,
    address: AddressSignals,
    required_coverage: RwSignal<Vec<CoverageType>>,
    aggregate_limit: RwSignal<String>,
    occurrence_limit: RwSignal<String>,
}

impl DraftSignals {
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

    fn clear(self) {
        self.name.set(String::new());
        self.address.clear();
        self.required_coverage.set(Vec::new());
        self.aggregate_limit.set(String::new());
        self.occurrence_limit.set(String::new());
    }
}

#[component]
pub fn EntityForm(
    /// Edit mode: the entity as it is; the form starts from it and sends only changes.
    #[prop(optional)]
    editing: Option<Entity>,
    /// Runs after the backend created or updated the entity.
    on_saved: Callback<Entity>,
    /// Edit mode: leave without saving.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let values = DraftSignals::new();
    let original = editing.as_ref().map(EntityDraft::from_record);
    if let Some(original) = &original {
        values.set(original);
    }
    let editing = editing.map(|e| (e.id.clone(), e.name.clone()));
    let is_edit = editing.is_some();
    let form = FormState::new(Memo::new(move |_| values.draft().checked().1));
    // Edits keep their drafts apart, by record.
    let keeper = keep_draft(
        DraftForm::Entity,
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

    let send = StoredValue::new(move || {
        let draft = values.draft();
        let (editing, original) = (editing.clone(), original.clone());
        form.sending_started();
        spawn_local(async move {
            let saved = match (&editing, &original) {
                (Some((id, name)), Some(original)) => {
                    let update = draft.changes_since(original);
                    if update == EntityUpdate::default() {
                        form.succeeded();
                        keeper.start_over();
                        toasts.success("Nothing changed");
                        if let Some(cancel) = on_cancel {
                            cancel.run(());
                        }
                        return;
                    }
                    ipc::entities::update(id, &update, name).await
                }
                _ => ipc::entities::create(&draft.checked().0).await,
            };
            match saved {
                Ok(entity) => {
                    if !is_edit {
                        values.clear();
                    }
                    form.succeeded();
                    keeper.start_over();
                    let verb = if is_edit { "Saved" } else { "Created" };
                    toasts.success(format!("{verb} {} ({})", entity.name, entity.id));
                    on_saved.run(entity);
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
        ("edit-entity-title", "Edit entity")
    } else {
        ("new-entity-title", "New entity")
    };

    view! {
        <section id="entity-form" class="card" aria-labelledby=title_id>
            <header class="card-header">
                <div>
                    <h2 id=title_id>{title}</h2>
                    <p class="card-subtitle">
                        "The company the work is done for, and the cover it requires of contractors."
                    </p>
                </div>
                <DraftNote keeper=keeper kind="entity" on_discard=on_discard />
            </header>
            <form class="form-grid" novalidate=true on:submit=on_submit>
                <FormAlert rejection=form.rejection field_paths=&FIELD_PATHS />
                <Field
                    path="name"
                    label="Company name"
                    value=values.name
                    error=form.error_of("name")
                    autocomplete="organization"
                    placeholder="Lake View Bowl"
                    class="span-6"
                    on_touch=form.touch("name")
                    on_edit=form.edit("name")
                />
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
                <Field
                    path="coverage_limit.aggregate_limit"
                    label="Aggregate limit (USD)"
                    value=values.aggregate_limit
                    error=form.error_of("coverage_limit.aggregate_limit")
                    inputmode="decimal"
                    placeholder="2,000,000"
                    optional=true
                    class="span-3"
                    on_touch=form.touch("coverage_limit.aggregate_limit")
                    on_edit=form.edit("coverage_limit.aggregate_limit")
                />
                <Field
                    path="coverage_limit.occurrence_limit"
                    label="Per-occurrence limit (USD)"
                    value=values.occurrence_limit
                    error=form.error_of("coverage_limit.occurrence_limit")
                    inputmode="decimal"
                    placeholder="1,000,000"
                    optional=true
                    class="span-3"
                    on_touch=form.touch("coverage_limit.occurrence_limit")
                    on_edit=form.edit("coverage_limit.occurrence_limit")
                />
                <FormActions
                    form=form
                    noun="entity"
                    on_cancel=on_cancel.filter(|_| is_edit)
                />
            </form>
        </section>
    }
}
