//! The contractors in the backend's cache: searchable, refreshable from the API.

use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::ipc;
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::Contractor;

#[component]
pub fn ContractorList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let search = RwSignal::new(String::new());
    let refreshing = RwSignal::new(false);

    let contractors = LocalResource::new(move || {
        let search = search.get();
        cache_version.track();
        async move {
            let search = search.trim();
            ipc::contractors::list((!search.is_empty()).then_some(search)).await
        }
    });

    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            match ipc::contractors::refresh().await {
                Ok(summary) => {
                    let noun = if summary.fetched == 1 {
                        "contractor"
                    } else {
                        "contractors"
                    };
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
        <section class="card" aria-labelledby="contractor-list-title">
            <header class="card-header">
                <div>
                    <h2 id="contractor-list-title">"Contractors"</h2>
                    <p class="card-subtitle">"From the local cache of the current environment."</p>
                </div>
                <div class="toolbar">
                    <label class="visually-hidden" for="contractor-search">
                        "Search contractors"
                    </label>
                    <input
                        id="contractor-search"
                        class="search"
                        type="search"
                        placeholder="Search contractors…"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                    <button
                        id="contractor-refresh"
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
            <Transition fallback=|| {
                view! { <p class="table-note">"Loading contractors…"</p> }
            }>
                {move || {
                    contractors
                        .get()
                        .map(|result| match result {
                            Ok(contractors) => {
                                view! {
                                    <ContractorTable
                                        contractors=contractors
                                        searching=!search.get_untracked().trim().is_empty()
                                    />
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! {
                                    <div id="contractor-list-error" class="alert alert-error" role="alert">
                                        <p class="alert-title">"Could not load contractors"</p>
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
fn ContractorTable(contractors: Vec<Contractor>, searching: bool) -> impl IntoView {
    let empty = contractors.is_empty().then(|| {
        let text = if searching {
            "No contractors match this search."
        } else {
            "No contractors yet in this environment. Create one above, or Refresh to pull them from the API."
        };
        view! {
            <tr class="empty-row">
                <td id="contractor-empty" colspan="7">
                    {text}
                </td>
            </tr>
        }
    });

    view! {
        <div class="table-wrap">
            <table id="contractor-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Email"</th>
                        <th scope="col">"Phone"</th>
                        <th scope="col">"City / State"</th>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {contractors.into_iter().map(|contractor| view! { <ContractorRow contractor=contractor /> }).collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn ContractorRow(contractor: Contractor) -> impl IntoView {
    let place = format!(
        "{}, {}",
        contractor.address.locality, contractor.address.region
    );
    view! {
        <tr class="contractor-row" data-id=contractor.id.clone()>
            <td class="cell-strong">
                {contractor.full_name()}
                {contractor.company_name.clone().map(|company| view! { <span class="cell-sub">{company}</span> })}
            </td>
            <td>{contractor.email.clone()}</td>
            <td class="cell-nowrap">{contractor.phone.clone()}</td>
            <td>{place}</td>
            <td>
                <code class="id">{contractor.id.clone()}</code>
            </td>
            <td class="cell-nowrap">{iso_date(contractor.created)}</td>
            <td class="cell-nowrap">
                <QuoteButton id=format!("quote-contractor-{}", contractor.id) target=QuoteTarget { contractor: Some(contractor.id.clone()), job: None } />
            </td>
        </tr>
    }
}
