//! The jobs in the backend's cache, with their entity's and category's names: searchable,
//! sortable, each row opens the job.

use crate::components::record_list::{ListWords, RecordList};
use crate::components::record_table::Column;
use crate::dates::iso_date;
use crate::ipc;
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use crate::records::sorting::SortKey;
use leptos::prelude::*;
use std::collections::HashMap;
use ten99::{Entity, Job, JobCategory};

/// A job and the names behind its ids.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRow {
    job: Job,
    entity: String,
    category: String,
}

/// ID → name, to show names instead of bare IDs.
type Names = HashMap<String, String>;

fn site(job: &Job) -> String {
    job.address
        .as_ref()
        .map(|a| {
            let parts: Vec<&str> = [a.locality.as_str(), a.region.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            format!("Work site: {}", parts.join(", "))
        })
        .unwrap_or_else(|| "Remote".to_owned())
}

fn columns() -> Vec<Column<JobRow>> {
    vec![
        Column {
            key: "name",
            title: "Job",
            class: "col-wide",
            sort_key: |r| SortKey::text(&r.job.name),
            cell: |r| {
                view! {
                    <span class="cell-strong">{r.job.name.clone()}</span>
                    <span class="cell-sub">{site(&r.job)}</span>
                }
                .into_any()
            },
            actions: false,
        },
        Column {
            key: "entity",
            title: "Entity",
            class: "",
            sort_key: |r| SortKey::text(&r.entity),
            cell: |r| r.entity.clone().into_any(),
            actions: false,
        },
        Column {
            key: "category",
            title: "Category",
            class: "col-wide",
            sort_key: |r| SortKey::text(&r.category),
            cell: |r| r.category.clone().into_any(),
            actions: false,
        },
        Column {
            key: "wage",
            title: "Wage",
            class: "col-narrow",
            sort_key: |r| SortKey::Number(r.job.wage.0),
            cell: |r| {
                view! {
                    {r.job.wage.to_string()}
                    <span class="cell-sub">{r.job.wage_type.label()}</span>
                }
                .into_any()
            },
            actions: false,
        },
        Column {
            key: "id",
            title: "ID",
            class: "col-id",
            sort_key: |r| SortKey::text(&r.job.id),
            cell: |r| view! { <code class="id">{r.job.id.clone()}</code> }.into_any(),
            actions: false,
        },
        Column {
            key: "created",
            title: "Created",
            class: "col-date",
            sort_key: |r| SortKey::Number(r.job.created.0),
            cell: |r| iso_date(r.job.created.0).into_any(),
            actions: false,
        },
        Column {
            key: "actions",
            title: "Actions",
            class: "col-actions cell-nowrap",
            sort_key: |_| SortKey::Number(0),
            cell: |c| {
                view! {
                    <QuoteButton
                        id=format!("quote-job-{}", c.job.id)
                        target=QuoteTarget { contractor: None, job: Some(c.job.id.clone()) }
                    />
                }
                .into_any()
            },
            actions: true,
        },
    ]
}

#[component]
pub fn JobList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
    /// What is typed in the search box; the page keeps it (the export uses it, and it
    /// is still there on coming back from a record).
    search: RwSignal<String>,
    on_open: Callback<String>,
) -> impl IntoView {
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
    let words = ListWords {
        kind: "job",
        plural: "jobs",
        title: "Jobs",
        subtitle: "From the local cache of the current environment",
    };
    // The names are read here, outside the future, so the list follows them as they load.
    let load = move |search: Option<String>| {
        let (entities, categories) = (entity_names.get(), category_names.get());
        async move {
            let jobs = ipc::jobs::list(search.as_deref()).await?;
            Ok(jobs
                .into_iter()
                .map(|job| JobRow {
                    entity: entities
                        .get(&job.entity)
                        .cloned()
                        .unwrap_or_else(|| job.entity.clone()),
                    category: categories
                        .get(&job.category_code)
                        .cloned()
                        .unwrap_or_else(|| job.category_code.clone()),
                    job,
                })
                .collect())
        }
    };
    let id_of: fn(&JobRow) -> String = |r| r.job.id.clone();
    view! {
        <RecordList
            words=words
            columns=columns()
            id_of=id_of
            load=load
            cache_version=cache_version
            search=search
            on_open=on_open
        />
    }
}
