//! The frame of a record's detail view: its name and id, Back / Edit / Delete, the
//! delete confirmation, and the record's own sections as children.

use crate::components::delete_dialog::DeleteDialog;
use crate::records::kind::RecordKind;
use leptos::prelude::*;

#[component]
pub fn DetailCard(
    kind: RecordKind,
    name: String,
    id: String,
    /// A line under the name (company, city, …).
    #[prop(optional)]
    subtitle: Option<String>,
    on_back: Callback<()>,
    on_edit: Callback<()>,
    /// Sends the delete; the page sets `deleting` while it runs.
    on_delete: Callback<()>,
    deleting: RwSignal<bool>,
    children: Children,
) -> impl IntoView {
    let noun = kind.noun();
    let confirming = RwSignal::new(false);
    let dialog_name = name.clone();
    view! {
        <section id=format!("{noun}-detail") class="card detail-card" aria-labelledby=format!("{noun}-detail-title")>
            <header class="card-header detail-header">
                <div>
                    <button id=format!("{noun}-back") type="button" class="link-button" on:click=move |_| on_back.run(())>
                        {format!("← All {}", kind.plural())}
                    </button>
                    <h2 id=format!("{noun}-detail-title") class="detail-title">{name}</h2>
                    <p class="card-subtitle">
                        {subtitle.map(|s| view! { <span>{s}</span>" · " })}
                        <code class="id">{id}</code>
                    </p>
                </div>
                <div class="button-row">
                    <button id=format!("{noun}-edit") type="button" class="button button-secondary" on:click=move |_| on_edit.run(())>
                        "Edit"
                    </button>
                    <button id=format!("{noun}-delete") type="button" class="button button-danger-quiet" on:click=move |_| confirming.set(true)>
                        "Delete…"
                    </button>
                </div>
            </header>
            <div class="detail-body">{children()}</div>
            {move || {
                confirming
                    .get()
                    .then(|| {
                        view! {
                            <DeleteDialog
                                kind=kind
                                warning=kind.delete_warning(&dialog_name)
                                label=format!("Delete {}", kind.noun())
                                deleting=deleting.into()
                                on_confirm=on_delete
                                on_cancel=Callback::new(move |()| confirming.set(false))
                            />
                        }
                    })
            }}
        </section>
    }
}

/// One labelled value in a detail view's facts grid.
#[component]
pub fn Fact(label: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! {
        <div class="fact">
            <dt>{label}</dt>
            <dd>{if value.is_empty() { "—".to_owned() } else { value }}</dd>
        </div>
    }
}

/// A related-records section: a heading with a count, and rows or a note when empty.
#[component]
pub fn RelatedSection(
    /// For ids: `contractor-quotes`.
    id: String,
    title: &'static str,
    count: usize,
    /// Said when there are none.
    empty: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section id=id class="related">
            <h3 class="related-title">{title}<span class="count-badge">{count}</span></h3>
            {if count == 0 {
                view! { <p class="table-note">{empty}</p> }.into_any()
            } else {
                view! { <div class="related-body">{children()}</div> }.into_any()
            }}
        </section>
    }
}
