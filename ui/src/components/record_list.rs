//! A record list card: title, instant search, how fresh the cache is, and the table.
//! It re-reads the cache when the backend says the list changed (`cache-changed`).

use crate::components::bulk_bar::BulkBar;
use crate::components::record_table::{Column, ListRow, RecordTable};
use crate::components::sync_status::SyncStatusLine;
use crate::loaded::Loaded;
use crate::records::kind::RecordKind;
use crate::records::selection::Selection;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use std::future::Future;

/// Every record list reads the cache, never the API.
const SUBTITLE: &str = "From the local cache of the current environment";

#[component]
pub fn RecordList<T, L, Fut>(
    kind: RecordKind,
    columns: Vec<Column<T>>,
    /// Reads the cache, narrowed by a search.
    load: L,
    /// Bumped by the page after its own writes.
    cache_version: RwSignal<u64>,
    /// The search box's text, held by the page.
    search: RwSignal<String>,
    on_open: Callback<String>,
) -> impl IntoView
where
    T: ListRow,
    L: Fn(Option<String>) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<Vec<T>, ErrorView>> + 'static,
{
    let (title, plural) = (kind.title(), kind.plural());
    let record_kind = kind;
    let kind = kind.noun();
    let selection = RwSignal::new(Selection::default());
    crate::ipc::events::listen(
        coverdesk_ipc::sync::CACHE_CHANGED_EVENT,
        move |resource: String| {
            if resource == plural {
                cache_version.update(|v| *v += 1);
            }
        },
    );
    let loaded = Loaded::new(move || {
        let search = search.get();
        cache_version.track();
        let search = search.trim().to_owned();
        load((!search.is_empty()).then_some(search))
    });
    // The last good rows stay on screen while a new search or reload is under way.
    let rows = RwSignal::new(Vec::<T>::new());
    let error = RwSignal::new(None::<ErrorView>);
    Effect::new(move |_| match loaded.get() {
        Some(Ok(list)) => {
            rows.set(list);
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let empty_text = Signal::derive(move || {
        if search.with(|s| s.trim().is_empty()) {
            format!("No {plural} yet in this environment. Create one above; the background refresh also brings in those made elsewhere.")
        } else {
            format!("No {plural} match this search.")
        }
    });
    let count = move || {
        let n = rows.with(Vec::len);
        format!("{n} {}", if n == 1 { kind } else { plural })
    };

    view! {
        <section class="card" aria-labelledby=format!("{kind}-list-title")>
            <header class="card-header">
                <div>
                    <h2 id=format!("{kind}-list-title")>{title}</h2>
                    <p class="card-subtitle">{SUBTITLE}" · "<span id=format!("{kind}-count")>{count}</span></p>
                </div>
                <div class="toolbar">
                    <label class="visually-hidden" for=format!("{kind}-search")>
                        {format!("Search {plural}")}
                    </label>
                    <input
                        id=format!("{kind}-search")
                        class="search"
                        type="search"
                        placeholder=format!("Search {plural}…")
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                </div>
            </header>
            <SyncStatusLine
                kind=kind
                resource=plural
                on_refreshed=Callback::new(move |()| cache_version.update(|v| *v += 1))
            />
            {move || {
                error
                    .get()
                    .map(|error| {
                        view! {
                            <div id=format!("{kind}-list-error") class="alert alert-error" role="alert">
                                <p class="alert-title">{format!("Could not load {plural}")}</p>
                                <p>{error.message}</p>
                            </div>
                        }
                    })
            }}
            <BulkBar
                kind=record_kind
                selection=selection
                on_changed=Callback::new(move |()| cache_version.update(|v| *v += 1))
            />
            <RecordTable
                kind=kind
                rows=rows.into()
                columns=columns
                on_open=on_open
                empty_text=empty_text
                selection=selection
            />
        </section>
    }
}
