//! Entities: create one, browse those in the cache, open one to see its jobs, edit or
//! delete it.

mod create_form;
mod detail;
mod list;

use super::record_screen::Screen;
use crate::components::export_button::ExportButton;
use coverdesk_ipc::records_csv::RecordKind;
use create_form::EntityForm;
use detail::EntityDetailView;
use leptos::prelude::*;
use list::EntityList;
use ten99::Entity;

#[component]
pub fn EntitiesPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let search = RwSignal::new(String::new());
    let reload = move || cache_version.update(|version| *version += 1);
    let screen = RwSignal::new(Screen::<Entity>::Browse);

    view! {
        <div class="page page-entities">
            {move || match screen.get() {
                Screen::Browse => {
                    view! {
                        <EntityForm on_saved=Callback::new(move |_| reload()) />
                        <div class="page-actions">
                            <ExportButton kind=RecordKind::Entities search=search />
                        </div>
                        <EntityList
                            cache_version=cache_version
                            search=search
                            on_open=Callback::new(move |id| screen.set(Screen::Detail(id)))
                        />
                    }
                        .into_any()
                }
                Screen::Detail(id) => {
                    view! {
                        <EntityDetailView
                            id=id
                            on_back=Callback::new(move |()| screen.set(Screen::Browse))
                            on_edit=Callback::new(move |e| screen.set(Screen::Edit(e)))
                            on_deleted=Callback::new(move |()| {
                                reload();
                                screen.set(Screen::Browse);
                            })
                        />
                    }
                        .into_any()
                }
                Screen::Edit(entity) => {
                    let id = entity.id.clone();
                    view! {
                        <EntityForm
                            editing=entity
                            on_saved=Callback::new(move |saved: Entity| {
                                reload();
                                screen.set(Screen::Detail(saved.id));
                            })
                            on_cancel=Callback::new(move |()| screen.set(Screen::Detail(id.clone())))
                        />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
