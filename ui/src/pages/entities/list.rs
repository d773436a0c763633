//! The entities in the backend's cache: searchable, sortable, each row opens the entity.

use crate::components::record_list::{ListWords, RecordList};
use crate::components::record_table::Column;
use crate::dates::iso_date;
use crate::ipc;
use crate::records::sorting::SortKey;
use leptos::prelude::*;
use ten99::Entity;

fn place(e: &Entity) -> Option<String> {
    e.address
        .as_ref()
        .map(|a| format!("{}, {}", a.locality, a.region))
}

fn columns() -> Vec<Column<Entity>> {
    vec![
        Column {
            key: "name",
            title: "Entity",
            class: "col-wide",
            sort_key: |e| SortKey::text(&e.name),
            cell: |e| {
                view! {
                    <span class="cell-strong">{e.name.clone()}</span>
                    {place(e).map(|place| view! { <span class="cell-sub">{place}</span> })}
                }
                .into_any()
            },
            actions: false,
        },
        Column {
            key: "coverage",
            title: "Required coverage",
            class: "col-wide",
            sort_key: |e| SortKey::Number(e.required_coverage.len() as i64),
            cell: |e| {
                if e.required_coverage.is_empty() {
                    view! { <span class="muted">"None"</span> }.into_any()
                } else {
                    e.required_coverage
                        .iter()
                        .map(|c| view! { <span class="tag">{c.label()}</span> " " })
                        .collect_view()
                        .into_any()
                }
            },
            actions: false,
        },
        Column {
            key: "limits",
            title: "Aggregate / occurrence",
            class: "",
            sort_key: |e| {
                SortKey::Number(e.coverage_limit.map(|l| l.aggregate_limit.0).unwrap_or(-1))
            },
            cell: |e| match e.coverage_limit {
                Some(l) => format!("{} / {}", l.aggregate_limit, l.occurrence_limit).into_any(),
                None => view! { <span class="muted">"Not set"</span> }.into_any(),
            },
            actions: false,
        },
        Column {
            key: "id",
            title: "ID",
            class: "col-id",
            sort_key: |e| SortKey::text(&e.id),
            cell: |e| view! { <code class="id">{e.id.clone()}</code> }.into_any(),
            actions: false,
        },
        Column {
            key: "created",
            title: "Created",
            class: "col-date",
            sort_key: |e| SortKey::Number(e.created.0),
            cell: |e| iso_date(e.created.0).into_any(),
            actions: false,
        },
    ]
}

#[component]
pub fn EntityList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
    /// What is typed in the search box; the page keeps it (the export uses it, and it
    /// is still there on coming back from a record).
    search: RwSignal<String>,
    on_open: Callback<String>,
) -> impl IntoView {
    let words = ListWords {
        kind: "entity",
        plural: "entities",
        title: "Entities",
        subtitle: "From the local cache of the current environment",
    };
    let load = |search: Option<String>| async move { ipc::entities::list(search.as_deref()).await };
    let id_of: fn(&Entity) -> String = |e| e.id.clone();
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
