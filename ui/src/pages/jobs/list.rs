//! The jobs in the backend's cache: searchable, refreshable from the API.

use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::ipc;
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::HashMap;
use ten99::{Entity, Job, JobCategory};

/// ID → name, to show names instead of bare IDs.
type Names = HashMap<String, String>;

#[component]
pub fn JobList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let search = RwSignal::new(String::new());
    let refreshing = RwSignal::new(false);

    let jobs = LocalResource::new(move || {
        let search = search.get();
        cache_version.track();
        async move {
            let search = search.trim();
            ipc::jobs::list((!search.is_empty()).then_some(search)).await
        }
    });
    let entity_names = Memo::new(move |_| -> Names {
        entities.with(|e| match e {
            Some(Ok(list)) => list
                .iter()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
            _ => Names::new(),
        })
    });
    let category_names = Memo::new(move |_| -> Names {
        categories.with(|c| match c {
            Some(Ok(list)) => list
                .iter()
                .map(|c| (c.category_code.clone(), c.name.clone()))
                .collect(),
            _ => Names::new(),
        })
    });

    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            match ipc::jobs::refresh().await {
                Ok(summary) => {
                    let noun = if summary.fetched == 1 { "job" } else { "jobs" };
                    toasts.success(format!(
                        "Refreshed: {} {noun} from the API",
                        summary.fetched
                    ));
                    cache_version.update(|version| *version += 1);
                }
                Err(error) => toasts.error(format!("Refresh failed: {}", error.message)),
            }
            refreshing.set(false);
        });
    };

    view! {
        <section class="card" aria-labelledby="job-list-title">
            <header class="card-header">
                <div>
                    <h2 id="job-list-title">"Jobs"</h2>
                    <p class="card-subtitle">"From the local cache of the current environment."</p>
                </div>
                <div class="toolbar">
                    <label class="visually-hidden" for="job-search">
                        "Search jobs"
                    </label>
                    <input
                        id="job-search"
                        class="search"
                        type="search"
                        placeholder="Search jobs…"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                    <button
                        id="job-refresh"
                        type="button"
                        class="button button-secondary"
                        disabled=move || refreshing.get()
                        aria-busy=move || if refreshing.get() { "true" } else { "false" }
                        on:click=refresh
                    >
                        {move || if refreshing.get() { "Refreshing…" } else { "Refresh" }}
                    </button>
                </div>
            </header>
            <Transition fallback=|| view! { <p class="table-note">"Loading jobs…"</p> }>
                {move || {
                    jobs.get()
                        .map(|result| match result {
                            Ok(jobs) => {
                                view! {
                                    <JobTable
                                        jobs=jobs
                                        entity_names=entity_names.get()
                                        category_names=category_names.get()
                                        searching=!search.get_untracked().trim().is_empty()
                                    />
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! {
                                    <div id="job-list-error" class="alert alert-error" role="alert">
                                        <p class="alert-title">"Could not load jobs"</p>
                                        <p>{error.message}</p>
                                    </div>
                                }
                                    .into_any()
                            }
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn JobTable(
    jobs: Vec<Job>,
    entity_names: Names,
    category_names: Names,
    searching: bool,
) -> impl IntoView {
    let empty = jobs.is_empty().then(|| {
        let text = if searching {
            "No jobs match this search."
        } else {
            "No jobs yet in this environment. Create one above, or Refresh to pull them from the API."
        };
        view! {
            <tr class="empty-row">
                <td id="job-empty" colspan="7">
                    {text}
                </td>
            </tr>
        }
    });

    view! {
        <div class="table-wrap">
            <table id="job-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"Job"</th>
                        <th scope="col">"Entity"</th>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Wage"</th>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {jobs
                        .into_iter()
                        .map(|job| {
                            let entity = entity_names.get(&job.entity).cloned();
                            let category = category_names.get(&job.category_code).cloned();
                            view! { <JobRow job=job entity=entity category=category /> }
                        })
                        .collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn JobRow(job: Job, entity: Option<String>, category: Option<String>) -> impl IntoView {
    let site = job
        .address
        .as_ref()
        .map(|a| {
            format!(
                "Work site: {}",
                [a.locality.as_str(), a.region.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .unwrap_or_else(|| "Remote".to_owned());
    view! {
        <tr class="job-row record-row" data-id=job.id.clone()>
            <td class="cell-strong">
                {job.name.clone()}
                <span class="cell-sub">{site}</span>
            </td>
            <td>
                {entity.unwrap_or_else(|| job.entity.clone())}
            </td>
            <td>
                {category.unwrap_or_else(|| job.category_code.clone())}
            </td>
            <td class="cell-nowrap">
                {job.wage.to_string()}
                <span class="cell-sub">{job.wage_type.label()}</span>
            </td>
            <td>
                <code class="id">{job.id.clone()}</code>
            </td>
            <td class="cell-nowrap">{iso_date(job.created.0)}</td>
            <td class="cell-nowrap">
                <QuoteButton id=format!("quote-job-{}", job.id) target=QuoteTarget { contractor: None, job: Some(job.id.clone()) } />
            </td>
        </tr>
    }
}
