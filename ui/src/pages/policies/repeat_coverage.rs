//! Repeat coverage: cover a contractor who already holds a policy for another job (an
//! assignment), see the API's eligibility verdict, and cancel one before it starts.

use crate::bidi::isolate;
use crate::components::toast::Toasts;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use coverdesk_ipc::policies::PolicyRow;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use ten99::{
    Assignment, AssignmentCancel, AssignmentInput, CancellationReason, Eligibility, UnixTime,
};

fn now() -> UnixTime {
    UnixTime((js_sys::Date::now() / 1000.0) as i64)
}

#[component]
pub fn RepeatCoverage(row: PolicyRow, on_close: Callback<()>) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let contractor = row.contractor.clone().unwrap_or_default();
    let who = StoredValue::new(isolate(&row.holder()));
    let job = RwSignal::new(String::new());
    let job_error = RwSignal::new(None::<String>);
    let verdict = RwSignal::new(None::<Eligibility>);
    let sending = RwSignal::new(false);
    let version = RwSignal::new(0_u64);

    // The job to cover may have been made elsewhere (another Coverdesk, the platform's
    // own integration): a refresh of jobs starts in the background, and the cached list
    // shows at once (offline too).
    let jobs = Loaded::new(|| async {
        let _ = ipc::sync::refresh(Some("jobs")).await;
        ipc::records::list::<ten99::Job>(None).await
    });
    let job_names = Memo::new(move |_| -> HashMap<String, String> {
        match jobs.get() {
            Some(Ok(list)) => list.into_iter().map(|j| (j.id, j.name)).collect(),
            _ => HashMap::new(),
        }
    });
    let contractor_id = StoredValue::new(contractor.clone());
    let assignments = Loaded::new(move || {
        version.track();
        let contractor = contractor_id.get_value();
        async move { ipc::assignments::list(Some(&contractor)).await }
    });

    let submit = move |_| {
        let input = AssignmentInput {
            contractor: contractor_id.get_value(),
            job: job.get_untracked(),
            ..Default::default()
        };
        // Same rules as the backend, before anything is sent.
        if let Err(errors) = input.validate(now()).into_result() {
            job_error.set(
                errors
                    .get("job")
                    .map(str::to_owned)
                    .or_else(|| errors.iter().next().map(|(_, m)| m.clone())),
            );
            return;
        }
        job_error.set(None);
        sending.set(true);
        let job_name = job_names
            .get_untracked()
            .get(&input.job)
            .cloned()
            .unwrap_or_else(|| input.job.clone());
        spawn_local(async move {
            match ipc::assignments::create(&input, &who.get_value(), &job_name).await {
                Ok(assignment) => {
                    verdict.set(assignment.eligible.clone().or(Some(Eligibility {
                        result: true,
                        message: None,
                    })));
                    version.update(|v| *v += 1);
                }
                Err(error) => match error
                    .fields
                    .get("job")
                    .or_else(|| error.fields.values().next())
                {
                    Some(message) => job_error.set(Some(message.clone())),
                    None => toasts.error(format!("Could not add coverage: {}", error.message)),
                },
            }
            sending.set(false);
        });
    };

    view! {
        <section id="repeat-coverage" class="card" aria-labelledby="repeat-coverage-title">
            <header class="card-header">
                <div>
                    <h2 id="repeat-coverage-title">{format!("Repeat coverage for {}", who.get_value())}</h2>
                    <p class="card-subtitle">
                        {format!(
                            "Cover another job under policy {} without a new application. 1099Policy checks eligibility and charges the card on file about a day after emailing the contractor.",
                            row.policy.id,
                        )}
                    </p>
                </div>
                <button id="repeat-coverage-close" type="button" class="button button-secondary" on:click=move |_| on_close.run(())>
                    "Close"
                </button>
            </header>
            <div class="form-grid">
                <div class="field span-3" class:has-error=move || job_error.get().is_some()>
                    <label for="field-job">"Job"</label>
                    <select
                        id="field-job"
                        prop:value=move || job.get()
                        on:change=move |ev| {
                            job.set(event_target_value(&ev));
                            job_error.set(None);
                            verdict.set(None);
                        }
                    >
                        <option value="">"Choose a job…"</option>
                        {move || match jobs.get() {
                            Some(Ok(list)) => list
                                .into_iter()
                                .filter(|j| Some(&j.id) != row.job.as_ref())
                                .map(|j| view! { <option value=j.id.clone()>{j.name.clone()}</option> })
                                .collect_view()
                                .into_any(),
                            _ => ().into_any(),
                        }}
                    </select>
                    {move || job_error.get().map(|message| view! { <p id="error-job" class="field-error" role="alert">{message}</p> })}
                </div>
                <div class="form-actions span-3">
                    <button id="assignment-submit" type="button" class="button button-primary" disabled=move || sending.get() on:click=submit>
                        {move || if sending.get() { "Checking…" } else { "Check eligibility and add" }}
                    </button>
                </div>
                {move || verdict.get().map(|verdict| {
                    let text = verdict.message.clone().unwrap_or_else(|| if verdict.result { "Eligible.".into() } else { "Not eligible.".into() });
                    view! {
                        <div
                            id="assignment-eligibility"
                            class="alert span-6"
                            class:alert-success=verdict.result
                            class:alert-warning=!verdict.result
                            role="status"
                        >
                            <p class="alert-title">{if verdict.result { "Eligible: coverage added" } else { "Not eligible" }}</p>
                            <p>{text}</p>
                        </div>
                    }
                })}
            </div>
            {move || assignments.get().map(|result| match result {
                Ok(list) => view! { <AssignmentTable list=list job_names=job_names.get() who=who.get_value() on_changed=Callback::new(move |_| version.update(|v| *v += 1)) /> }.into_any(),
                Err(error) => view! { <p class="alert alert-error">{error.message}</p> }.into_any(),
            })
                .unwrap_or_else(|| loading_note("Loading assignments…"))}
        </section>
    }
}

#[component]
fn AssignmentTable(
    list: Vec<Assignment>,
    job_names: HashMap<String, String>,
    who: String,
    on_changed: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let confirming = RwSignal::new(None::<String>);
    let who = StoredValue::new(who);
    let empty = list.is_empty().then(|| view! { <tr class="empty-row"><td colspan="4">"No repeat coverage yet for this contractor."</td></tr> });
    let rows = list
        .into_iter()
        .map(|a| {
            let job_name = job_names.get(&a.job).cloned().unwrap_or_else(|| a.job.clone());
            let job_id = a.job.clone();
            let id = a.id.clone();
            let dates = match (a.effective_date, a.end_date) {
                (Some(s), Some(e)) => format!("{} → {}", crate::dates::iso_date(s.0), crate::dates::iso_date(e.0)),
                _ => "—".into(),
            };
            let verdict = a.eligible.as_ref().and_then(|e| e.message.clone()).unwrap_or_default();
            let state = if a.cancelled { "cancelled" } else if a.bind { "active" } else { "checked only" };
            let cancellable = !a.cancelled && a.bind;
            let name_for_cancel = job_name.clone();
            let cancel = move |_| {
                let job_id = job_id.clone();
                let job_name = name_for_cancel.clone();
                spawn_local(async move {
                    let cancel = AssignmentCancel { job_id, reason: Some(CancellationReason::ClientRequest) };
                    match ipc::assignments::cancel(&cancel, &who.get_value(), &job_name).await {
                        Ok(_) => {
                            toasts.success(format!("Coverage for {} on {job_name} is cancelled", who.get_value(), job_name = isolate(&job_name)));
                            on_changed.run(());
                        }
                        Err(error) => toasts.error(format!("Could not cancel: {}", error.message)),
                    }
                });
            };
            let row_id = id.clone();
            view! {
                <tr class="assignment-row" data-id=id.clone()>
                    <td class="cell-strong">{job_name.clone()}<span class="cell-sub"><code class="id">{id.clone()}</code></span></td>
                    <td class="cell-nowrap">{dates}</td>
                    <td><span class=format!("status status-{}", state.replace(' ', "-"))>{state}</span><span class="cell-sub">{verdict}</span></td>
                    <td class="cell-actions">
                        {move || {
                            if !cancellable {
                                return ().into_any();
                            }
                            if confirming.get().as_deref() == Some(row_id.as_str()) {
                                let cancel = cancel.clone();
                                view! {
                                    <div class="button-row">
                                        <span class="muted">{format!("Cancel coverage on {}?", isolate(&job_name))}</span>
                                        <button id=format!("assignment-cancel-confirm-{}", row_id) type="button" class="button button-danger button-small" on:click=cancel>"Yes, cancel"</button>
                                        <button type="button" class="button button-secondary button-small" on:click=move |_| confirming.set(None)>"Keep"</button>
                                    </div>
                                }.into_any()
                            } else {
                                let id = row_id.clone();
                                view! {
                                    <button id=format!("assignment-cancel-{}", row_id) type="button" class="button button-danger-quiet button-small" on:click=move |_| confirming.set(Some(id.clone()))>"Cancel"</button>
                                }.into_any()
                            }
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table id="assignment-list" class="table">
                <thead><tr><th scope="col">"Job"</th><th scope="col">"Dates"</th><th scope="col">"Status"</th><th scope="col" class="cell-actions">"Actions"</th></tr></thead>
                <tbody>{rows}{empty}</tbody>
            </table>
        </div>
    }
}
