//! The entities in the backend's cache: searchable, refreshable from the API.

use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::ipc;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::Entity;

#[component]
pub fn EntityList(
    /// Changes whenever the cache changed; the list then queries it again.
    cache_version: RwSignal<u64>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let search = RwSignal::new(String::new());
    let refreshing = RwSignal::new(false);

    let entities = LocalResource::new(move || {
        let search = search.get();
        cache_version.track();
        async move {
            let search = search.trim();
            ipc::entities::list((!search.is_empty()).then_some(search)).await
        }
    });

    let refresh = move |_| {
        refreshing.set(true);
        spawn_local(async move {
            match ipc::entities::refresh().await {
                Ok(summary) => {
                    let noun = if summary.fetched == 1 {
                        "entity"
                    } else {
                        "entities"
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
        <section class="card" aria-labelledby="entity-list-title">
            <header class="card-header">
                <div>
                    <h2 id="entity-list-title">"Entities"</h2>
                    <p class="card-subtitle">"From the local cache of the current environment."</p>
                </div>
                <div class="toolbar">
                    <label class="visually-hidden" for="entity-search">
                        "Search entities"
                    </label>
                    <input
                        id="entity-search"
                        class="search"
                        type="search"
                        placeholder="Search entities…"
                        autocomplete="off"
                        prop:value=move || search.get()
                        on:input=move |ev| search.set(event_target_value(&ev))
                    />
                    <button
                        id="entity-refresh"
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
            <Transition fallback=|| view! { <p class="table-note">"Loading entities…"</p> }>
                {move || {
                    entities
                        .get()
                        .map(|result| match result {
                            Ok(entities) => {
                                view! {
                                    <EntityTable
                                        entities=entities
                                        searching=!search.get_untracked().trim().is_empty()
                                    />
                                }
                                    .into_any()
                            }
                            Err(error) => {
                                view! {
                                    <div id="entity-list-error" class="alert alert-error" role="alert">
                                        <p class="alert-title">"Could not load entities"</p>
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
fn EntityTable(entities: Vec<Entity>, searching: bool) -> impl IntoView {
    let empty = entities.is_empty().then(|| {
        let text = if searching {
            "No entities match this search."
        } else {
            "No entities yet in this environment. Create one above, or Refresh to pull them from the API."
        };
        view! {
            <tr class="empty-row">
                <td id="entity-empty" colspan="5">
                    {text}
                </td>
            </tr>
        }
    });

    view! {
        <div class="table-wrap">
            <table id="entity-list" class="table">
                <thead>
                    <tr>
                        <th scope="col">"Name"</th>
                        <th scope="col">"Required coverage"</th>
                        <th scope="col">"Limits (aggregate / occurrence)"</th>
                        <th scope="col">"ID"</th>
                        <th scope="col">"Created"</th>
                    </tr>
                </thead>
                <tbody>
                    {entities.into_iter().map(|entity| view! { <EntityRow entity=entity /> }).collect_view()}
                    {empty}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn EntityRow(entity: Entity) -> impl IntoView {
    let place = entity
        .address
        .as_ref()
        .map(|a| format!("{}, {}", a.locality, a.region));
    let limits = entity
        .coverage_limit
        .map(|l| format!("{} / {}", l.aggregate_limit, l.occurrence_limit));
    let coverage = if entity.required_coverage.is_empty() {
        view! { <span class="muted">"None"</span> }.into_any()
    } else {
        entity
            .required_coverage
            .iter()
            .map(|c| view! { <span class="tag">{c.label()}</span> " " })
            .collect_view()
            .into_any()
    };
    view! {
        <tr class="entity-row record-row" data-id=entity.id.clone()>
            <td class="cell-strong">
                {entity.name.clone()}
                {place.map(|place| view! { <span class="cell-sub">{place}</span> })}
            </td>
            <td>{coverage}</td>
            <td class="cell-nowrap">
                {match limits {
                    Some(limits) => view! { <span>{limits}</span> }.into_any(),
                    None => view! { <span class="muted">"Not set"</span> }.into_any(),
                }}
            </td>
            <td>
                <code class="id">{entity.id.clone()}</code>
            </td>
            <td class="cell-nowrap">{iso_date(entity.created.0)}</td>
        </tr>
    }
}
