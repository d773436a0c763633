//! The page of one kind of record (contractors, entities, jobs): the create form, the
//! export and the list; one record's detail; or its edit form. A kind's page brings its
//! columns, how it loads its rows, its form and its detail sections.

use crate::components::export_button::ExportButton;
use crate::components::record_detail::{DetailSections, RecordDetail};
use crate::components::record_form::FormOpen;
use crate::components::record_list::RecordList;
use crate::components::record_table::{Column, ListRow};
use crate::first_screen::FirstScreen;
use crate::ipc;
use crate::ipc::records::Record;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use std::future::Future;

/// What a record page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen<T> {
    Browse,
    /// The record's id.
    Detail(String),
    /// The record as it was when Edit was pressed.
    Edit(T),
}

/// The list's rows of a kind whose rows are its records.
pub async fn cached<R: Record + ListRow>(search: Option<String>) -> Result<Vec<R>, ErrorView> {
    ipc::records::list::<R>(search.as_deref()).await
}

#[component]
pub fn RecordPage<R, Row, L, Fut, F>(
    columns: fn() -> Vec<Column<Row>>,
    /// Reads the cache, narrowed by a search.
    load: L,
    /// The create form (no record) or the edit form.
    form: F,
    /// The record's own sections in its detail view.
    sections: fn(R::Detail) -> DetailSections,
    /// More buttons before Export (the contractors' Import).
    #[prop(optional, into)]
    actions: Option<ViewFn>,
    /// Under the buttons: gets what to call after a change to the cache.
    #[prop(optional)]
    panel: Option<Callback<Callback<()>, AnyView>>,
) -> impl IntoView
where
    R: Record,
    Row: ListRow,
    L: Fn(Option<String>) -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<Row>, ErrorView>> + 'static,
    F: Fn(FormOpen<R>) -> AnyView + Copy + Send + Sync + 'static,
{
    let kind = R::KIND;
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let search = RwSignal::new(String::new());
    let reload = Callback::new(move |()| cache_version.update(|version| *version += 1));
    let screen = RwSignal::new(Screen::<R>::Browse);
    let browse = Callback::new(move |()| screen.set(Screen::Browse));
    // Made here, not in the edit screen: the toast's Undo runs it after that screen is
    // gone, to show the record as the undo left it.
    let edit_saved = Callback::new(move |saved: R| {
        reload.run(());
        screen.set(Screen::Detail(saved.id().to_owned()));
    });
    // The list sits below the create form, out of sight when the app opens on this page:
    // built once that first screen is drawn, so its first paint does not wait for it.
    let first_screen = use_context::<FirstScreen>();
    let list_shown = move || first_screen.is_none_or(|first| first.is_drawn());

    view! {
        <div class=format!("page page-{}", kind.plural())>
            {move || match screen.get() {
                Screen::Browse => {
                    view! {
                        {form(FormOpen {
                            editing: None,
                            on_saved: Callback::new(move |_| reload.run(())),
                            on_cancel: None,
                        })}
                        <div class="page-actions">
                            {actions.clone().map(|actions| actions.run())}
                            <ExportButton kind=kind.export() search=search />
                        </div>
                        {panel.map(|panel| panel.run(reload))}
                        <Show when=list_shown>
                            <RecordList
                                kind=kind
                                columns=columns()
                                load=load
                                cache_version=cache_version
                                search=search
                                on_open=Callback::new(move |id| screen.set(Screen::Detail(id)))
                            />
                        </Show>
                    }
                        .into_any()
                }
                Screen::Detail(id) => {
                    view! {
                        <RecordDetail
                            id=id
                            sections=sections
                            on_back=browse
                            on_edit=Callback::new(move |record| screen.set(Screen::Edit(record)))
                            on_deleted=Callback::new(move |()| {
                                reload.run(());
                                screen.set(Screen::Browse);
                            })
                        />
                    }
                        .into_any()
                }
                Screen::Edit(record) => {
                    let id = record.id().to_owned();
                    form(FormOpen {
                        editing: Some(record),
                        on_saved: edit_saved,
                        on_cancel: Some(Callback::new(move |()| screen.set(Screen::Detail(id.clone())))),
                    })
                }
            }}
        </div>
    }
}
