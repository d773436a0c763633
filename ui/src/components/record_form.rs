//! The one create/edit form of contractors, entities and jobs: it starts from the record
//! being edited, validates as you type, keeps the draft, sends a create or only the
//! changes, and puts the backend's objections next to the fields. A kind brings its
//! inputs (`draft_signals!`) and lays out its fields; the frame around them is shared.
//!
//! Only [`record_form`] is generic (what it sends has the kind's types); the frame around
//! the fields ([`form_frame`]: title, draft note, alert, submit) is compiled once.

use crate::components::draft_keeper::{keep_draft, DraftKeeper, DraftNote};
use crate::components::draft_signals::DraftInput;
use crate::components::form_actions::FormActions;
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::toast::{Toasts, Undo};
use crate::forms::record_draft::RecordDraft;
use crate::ipc;
use crate::ipc::records::Record;
use crate::records::kind::RecordKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::{Arc, Mutex};

type RecordOf<I> = <<I as DraftInput>::Value as RecordDraft>::Record;

/// How the page opens a form.
pub struct FormOpen<R: 'static> {
    /// Edit mode: the record as it is; the form starts from it and sends only changes.
    pub editing: Option<R>,
    /// Runs after the backend created or updated the record.
    pub on_saved: Callback<R>,
    /// Edit mode: leave without saving.
    pub on_cancel: Option<Callback<()>>,
}

/// The form's subtitle when creating and when editing.
pub struct Subtitles {
    pub new: &'static str,
    pub edit: &'static str,
}

/// Sends `back` (the fields of an edit, set to what they were before it) through the
/// kind's update, at most once. `on_saved` may be gone by then (the page was left):
/// `try_run`. Deletes have no such way back: the API deletes for good, with no undelete.
fn undo_edit<R: Record>(
    id: String,
    back: R::Update,
    name: String,
    toasts: Toasts,
    on_saved: Callback<R>,
) -> Undo {
    let back = Mutex::new(Some(back));
    Arc::new(move || {
        let Some(back) = back.lock().ok().and_then(|mut b| b.take()) else {
            return;
        };
        let (id, name) = (id.clone(), name.clone());
        spawn_local(async move {
            match ipc::records::update::<R>(&id, &back, &name).await {
                Ok(record) => {
                    toasts.success(format!(
                        "Undid the edit of {} ({})",
                        record.saved_name(),
                        record.id()
                    ));
                    on_saved.try_run(record);
                }
                Err(error) => toasts.error(format!(
                    "Could not undo the edit of {name}: {}",
                    error.message
                )),
            }
        });
    })
}

/// The form of one kind; `fields` lays out its inputs (it gets the inputs, the form's
/// state and whether this is an edit).
pub fn record_form<I>(
    open: FormOpen<RecordOf<I>>,
    subtitles: Subtitles,
    fields: impl FnOnce(I, FormState, bool) -> AnyView,
) -> AnyView
where
    I: DraftInput<Value: RecordDraft>,
{
    // As a component would: the page's screen must not follow what the form reads.
    untrack(move || {
        let FormOpen {
            editing,
            on_saved,
            on_cancel,
        } = open;
        let kind = RecordOf::<I>::KIND;
        let paths = I::Value::FIELD_PATHS;
        let toasts = expect_context::<Toasts>();
        let values = I::empty();
        let original = editing.as_ref().map(I::Value::from_record);
        if let Some(original) = &original {
            values.write(original);
        }
        let editing = editing.map(|r| (r.id().to_owned(), r.name()));
        let is_edit = editing.is_some();
        let form = FormState::new(Memo::new(move |_| values.read().problems()));
        // Edits keep their drafts apart, by record.
        let keeper = keep_draft(
            kind.draft_form(),
            editing.as_ref().map(|(id, _)| id.clone()),
            move || values.read(),
            move |draft| values.write(&draft),
        );
        let discard_to = original.clone();
        let on_discard = Callback::new(move |()| {
            match &discard_to {
                Some(original) => values.write(original),
                None => values.write(&Default::default()),
            }
            form.succeeded();
            form.rejection.set(None);
            keeper.start_over();
        });
        let send = Callback::new(move |()| {
            let draft = values.read();
            let (editing, original) = (editing.clone(), original.clone());
            form.sending_started();
            spawn_local(async move {
                let saved = match (&editing, &original) {
                    (Some((id, name)), Some(original)) => {
                        let update = draft.changes_since(original);
                        if update == Default::default() {
                            form.succeeded();
                            keeper.start_over();
                            toasts.success("Nothing changed");
                            if let Some(cancel) = on_cancel {
                                cancel.run(());
                            }
                            return;
                        }
                        ipc::records::update::<RecordOf<I>>(id, &update, name).await
                    }
                    _ => ipc::records::create::<RecordOf<I>>(&draft.input()).await,
                };
                match saved {
                    Ok(record) => {
                        if !is_edit {
                            values.write(&values.read().after_create());
                        }
                        form.succeeded();
                        keeper.start_over();
                        let text = format!(
                            "{} {} ({})",
                            if is_edit { "Saved" } else { "Created" },
                            record.saved_name(),
                            record.id()
                        );
                        match (&editing, &original) {
                            (Some((id, name)), Some(original)) => {
                                // The way back is the same kind of change the other way:
                                // a normal PUT, audited and confirmed in production.
                                let back = original.changes_since(&draft);
                                let undo = undo_edit::<RecordOf<I>>(
                                    id.clone(),
                                    back,
                                    name.clone(),
                                    toasts,
                                    on_saved,
                                );
                                toasts.success_with_undo(text, undo);
                            }
                            _ => toasts.success(text),
                        }
                        on_saved.run(record);
                    }
                    Err(error) => form.refused(error, paths),
                }
            });
        });
        let frame = FormFrame {
            kind,
            subtitle: if is_edit {
                subtitles.edit
            } else {
                subtitles.new
            },
            is_edit,
            form,
            keeper,
            paths,
            on_discard,
            send,
            on_cancel: on_cancel.filter(|_| is_edit),
        };
        form_frame(frame, fields(values, form, is_edit))
    })
}

/// Everything around a form's fields.
struct FormFrame {
    kind: RecordKind,
    subtitle: &'static str,
    is_edit: bool,
    form: FormState,
    keeper: DraftKeeper,
    paths: &'static [&'static str],
    on_discard: Callback<()>,
    send: Callback<()>,
    on_cancel: Option<Callback<()>>,
}

fn form_frame(frame: FormFrame, fields: AnyView) -> AnyView {
    let FormFrame {
        kind,
        subtitle,
        is_edit,
        form,
        keeper,
        paths,
        on_discard,
        send,
        on_cancel,
    } = frame;
    let noun = kind.noun();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.ready_to_send(paths) {
            send.run(());
        }
    };
    let (title_id, title) = if is_edit {
        (format!("edit-{noun}-title"), format!("Edit {noun}"))
    } else {
        (format!("new-{noun}-title"), format!("New {noun}"))
    };
    let labelled_by = title_id.clone();
    view! {
        <section id=format!("{noun}-form") class="card" aria-labelledby=labelled_by>
            <header class="card-header">
                <div>
                    <h2 id=title_id>{title}</h2>
                    <p class="card-subtitle">{subtitle}</p>
                </div>
                <DraftNote keeper=keeper kind=noun on_discard=on_discard />
            </header>
            <form class="form-grid" novalidate=true on:submit=on_submit>
                <FormAlert rejection=form.rejection field_paths=paths />
                {fields}
                <FormActions form=form noun=noun on_cancel=on_cancel />
            </form>
        </section>
    }
    .into_any()
}
