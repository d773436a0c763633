//! The contractors in the backend's cache: searchable, sortable, each row opens the
//! contractor.

use crate::components::record_list::{ListWords, RecordList};
use crate::components::record_table::Column;
use crate::dates::iso_date;
use crate::ipc;
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use crate::records::sorting::SortKey;
use leptos::prelude::*;
use ten99::Contractor;

fn columns() -> Vec<Column<Contractor>> {
    vec![
        Column {
            key: "name",
            title: "Name",
            class: "col-wide",
            sort_key: |c| SortKey::text(&format!("{} {}", c.last_name, c.first_name)),
            cell: |c| {
                view! {
                    <span class="cell-strong">{c.full_name()}</span>
                    {c.company_name.clone().map(|company| view! { <span class="cell-sub">{company}</span> })}
                }
                .into_any()
            },
            actions: false,
        },
        Column {
            key: "email",
            title: "Email",
            class: "col-wide",
            sort_key: |c| SortKey::text(&c.email),
            cell: |c| c.email.clone().into_any(),
            actions: false,
        },
        Column {
            key: "phone",
            title: "Phone",
            class: "col-phone",
            sort_key: |c| SortKey::text(&c.phone),
            cell: |c| c.phone.clone().into_any(),
            actions: false,
        },
        Column {
            key: "place",
            title: "City / State",
            class: "",
            sort_key: |c| SortKey::text(&format!("{} {}", c.address.region, c.address.locality)),
            cell: |c| format!("{}, {}", c.address.locality, c.address.region).into_any(),
            actions: false,
        },
        Column {
            key: "id",
            title: "ID",
            class: "col-id",
            sort_key: |c| SortKey::text(&c.id),
            cell: |c| view! { <code class="id">{c.id.clone()}</code> }.into_any(),
            actions: false,
        },
        Column {
            key: "created",
            title: "Created",
            class: "col-date",
            sort_key: |c| SortKey::Number(c.created),
            cell: |c| iso_date(c.created).into_any(),
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
                        id=format!("quote-contractor-{}", c.id)
                        target=QuoteTarget { contractor: Some(c.id.clone()), job: None }
                    />
                }
                .into_any()
            },
            actions: true,
        },
    ]
}

#[component]
pub fn ContractorList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
    /// What is typed in the search box; the page keeps it (the export uses it, and it
    /// is still there on coming back from a record).
    search: RwSignal<String>,
    on_open: Callback<String>,
) -> impl IntoView {
    let words = ListWords {
        kind: "contractor",
        plural: "contractors",
        title: "Contractors",
        subtitle: "From the local cache of the current environment",
    };
    let load =
        |search: Option<String>| async move { ipc::contractors::list(search.as_deref()).await };
    let id_of: fn(&Contractor) -> String = |c| c.id.clone();
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
