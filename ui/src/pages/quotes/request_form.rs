//! Contractor, job, the coverage combinations to quote and the dates; "Request quotes"
//! shows how far each combination got.

use super::{now, Records, Selection};
use crate::bidi::isolate;
use crate::components::field::{Field, FieldError};
use crate::components::form_alert::FormAlert;
use crate::components::form_state::FormState;
use crate::components::select_field::SelectField;
use crate::components::toast::Toasts;
use crate::forms::field_ids::{error_id, input_id};
use crate::forms::quote_request_draft::{
    coverage_label, QuoteRequestDraft, COMBINATIONS, FIELD_PATHS,
};
use crate::forms::FormFeedback;
use crate::ipc;
use coverdesk_ipc::quotes::{QuoteProgress, PROGRESS_EVENT};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::CoverageType;

/// How far one combination got.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Waiting,
    Quoted,
    Refused(String),
}

#[component]
pub(super) fn QuoteRequestForm(
    selection: Selection,
    records: Records,
    on_quoted: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let ticked = RwSignal::new(vec!["wc", "gl", "wc-gl"]);
    let effective_date = RwSignal::new(String::new());
    let end_date = RwSignal::new(String::new());
    let progress = RwSignal::new(Vec::<(Vec<CoverageType>, Step)>::new());

    let draft = move || QuoteRequestDraft {
        contractor: selection.contractor.get(),
        job: selection.job.get(),
        ticked: ticked.get(),
        effective_date: effective_date.get(),
        end_date: end_date.get(),
    };
    let problems = Memo::new(move |_| draft().to_request(now()).err().unwrap_or_default());
    let form = FormState::new(problems);
    let (feedback, rejection, busy) = (form.feedback, form.rejection, form.sending);

    let contractor_options = Signal::derive(move || {
        records.contractors.with(|all| {
            all.iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        format!("{} · {}", isolate(&c.full_name()), c.email),
                    )
                })
                .collect()
        })
    });
    let job_options = Signal::derive(move || {
        records.jobs.with(|all| {
            all.iter()
                .map(|j| {
                    let entity = records
                        .entity(&j.entity)
                        .map(|e| e.name)
                        .unwrap_or_else(|| j.entity.clone());
                    (
                        j.id.clone(),
                        format!("{} · {} · {}", j.name, entity, j.wage),
                    )
                })
                .collect()
        })
    });
    let count = move || ticked.with(Vec::len);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        feedback.update(FormFeedback::attempt_submit);
        rejection.set(None);
        let request = match draft().to_request(now()) {
            Ok(request) => request,
            Err(_) => return form.focus_first_problem(&FIELD_PATHS),
        };
        let who = records
            .contractor(&request.contractor)
            .map(|c| isolate(&c.full_name()))
            .unwrap_or_else(|| request.contractor.clone());
        let n = request.combinations.len();
        let action = format!(
            "Request {n} {} for {who}",
            if n == 1 { "quote" } else { "quotes" }
        );
        progress.set(
            request
                .combinations
                .iter()
                .map(|c| (c.clone(), Step::Waiting))
                .collect(),
        );
        busy.set(true);
        spawn_local(async move {
            let listening = ipc::events::listen_while(PROGRESS_EVENT, move |p: QuoteProgress| {
                progress.update(|rows| {
                    if let Some(row) = rows.get_mut(p.index) {
                        row.1 = p.error.map_or(Step::Quoted, Step::Refused);
                    }
                })
            })
            .await;
            let result = ipc::quotes::request(&request, &action).await;
            drop(listening);
            match result {
                Ok(attempts) => {
                    let quoted = attempts.iter().filter(|a| a.outcome.is_ok()).count();
                    progress.set(
                        attempts
                            .into_iter()
                            .map(|a| {
                                let step = match a.outcome {
                                    Ok(_) => Step::Quoted,
                                    Err(e) => Step::Refused(e.message),
                                };
                                (a.coverage_type, step)
                            })
                            .collect(),
                    );
                    toasts.success(format!("{quoted} of {n} quoted for {who}"));
                    on_quoted.run(());
                }
                Err(error) => {
                    progress.set(Vec::new());
                    feedback.update(|f| f.rejected(error.fields.clone()));
                    rejection.set(Some(error));
                }
            }
            busy.set(false);
        });
    };

    view! {
        <section class="card" aria-labelledby="quote-form-title">
            <header class="card-header">
                <div>
                    <h2 id="quote-form-title">"Request quotes"</h2>
                    <p class="card-subtitle">"Quote several coverage combinations at once for one contractor and job."</p>
                </div>
            </header>
            <form class="form-grid" novalidate on:submit=submit>
                <SelectField
                    path="contractor"
                    label="Contractor"
                    value=selection.contractor
                    options=contractor_options
                    placeholder="Choose a contractor…"
                    error=form.error_of("contractor")
                    class="span-3"
                    on_touch=form.touch("contractor")
                    on_edit=form.edit("contractor")
                />
                <SelectField
                    path="job"
                    label="Job"
                    value=selection.job
                    options=job_options
                    placeholder="Choose a job…"
                    error=form.error_of("job")
                    class="span-3"
                    on_touch=form.touch("job")
                    on_edit=form.edit("job")
                />
                <fieldset id=input_id("combinations") class="field checks span-6" class:has-error=move || form.error_of("combinations").get().is_some() tabindex="-1">
                    <legend>"Coverage combinations"</legend>
                    <div class="check-row">
                        {COMBINATIONS
                            .iter()
                            .map(|combination| {
                                let id = combination.id;
                                let box_id = format!("combo-{id}");
                                let label_for = box_id.clone();
                                view! {
                                    <label class="check" for=label_for>
                                        <input
                                            id=box_id
                                            type="checkbox"
                                            prop:checked=move || ticked.with(|t| t.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                ticked.update(|t| {
                                                    t.retain(|x| *x != id);
                                                    if on {
                                                        t.push(id);
                                                    }
                                                });
                                                feedback.update(|f| f.touch("combinations"));
                                            }
                                        />
                                        <span>{coverage_label(combination.coverage)}</span>
                                    </label>
                                }
                            })
                            .collect_view()}
                    </div>
                    <FieldError id=error_id("combinations") error=form.error_of("combinations") />
                </fieldset>
                <Field
                    path="effective_date"
                    label="Coverage starts"
                    value=effective_date
                    input_type="date"
                    optional=true
                    error=form.error_of("effective_date")
                    class="span-2"
                    on_touch=form.touch("effective_date")
                    on_edit=form.edit("effective_date")
                />
                <Field
                    path="end_date"
                    label="Coverage ends"
                    value=end_date
                    input_type="date"
                    optional=true
                    error=form.error_of("end_date")
                    class="span-2"
                    on_touch=form.touch("end_date")
                    on_edit=form.edit("end_date")
                />
                <p class="field-hint span-2 dates-hint">"Empty dates take the API's defaults: cover starts tomorrow and lasts 30 days."</p>
                <FormAlert rejection=rejection field_paths=&FIELD_PATHS />
                <div class="form-actions span-6">
                    <button id="quote-submit" type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || match (busy.get(), count()) {
                            (true, _) => "Requesting…".to_owned(),
                            (false, 1) => "Request 1 quote".to_owned(),
                            (false, n) => format!("Request {n} quotes"),
                        }}
                    </button>
                </div>
            </form>
            <ProgressList progress=progress />
        </section>
    }
}

#[component]
fn ProgressList(progress: RwSignal<Vec<(Vec<CoverageType>, Step)>>) -> impl IntoView {
    move || {
        let rows = progress.get();
        (!rows.is_empty()).then(|| {
            view! {
                <ol id="quote-progress" class="progress-list">
                    {rows
                        .into_iter()
                        .map(|(coverage, step)| {
                            let (class, text) = match step {
                                Step::Waiting => ("progress-waiting", "Requesting…".to_owned()),
                                Step::Quoted => ("progress-done", "Quoted".to_owned()),
                                Step::Refused(why) => ("progress-failed", why),
                            };
                            view! {
                                <li class=format!("progress-item {class}")>
                                    <span class="progress-dot" aria-hidden="true"></span>
                                    <span class="progress-label">{coverage_label(&coverage)}</span>
                                    <span class="progress-state">{text}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
        })
    }
}
