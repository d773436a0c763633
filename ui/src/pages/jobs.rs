//! Jobs: create one for an entity, browse those in the cache, open one to see its
//! quotes and assignments, edit or delete it.

mod create_form;
mod detail;
mod list;

use super::record_screen::Screen;
use crate::components::export_button::ExportButton;
use crate::ipc;
use crate::loaded::Loaded;
use coverdesk_ipc::records_csv::RecordKind;
use create_form::JobForm;
use detail::JobDetailView;
use leptos::prelude::*;
use list::JobList;
use ten99::{Entity, Job, JobCategory};

#[component]
pub fn JobsPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let search = RwSignal::new(String::new());
    let reload = move || cache_version.update(|version| *version += 1);
    let screen = RwSignal::new(Screen::<Job>::Browse);

    // Both the form's pickers and the list's names come from these; the entities are
    // read again when their cache changes (a refresh, a rename on the Entities page).
    let entities_version = RwSignal::new(0_u64);
    ipc::events::listen(
        coverdesk_ipc::sync::CACHE_CHANGED_EVENT,
        move |resource: String| {
            if resource == "entities" {
                entities_version.update(|v| *v += 1);
            }
        },
    );
    let entities = Loaded::new(move || {
        entities_version.track();
        ipc::entities::list(None)
    });
    let categories = Loaded::new(ipc::jobs::categories);
    let entities: Signal<Option<Result<Vec<Entity>, String>>> =
        Signal::derive(move || entities.get().map(|r| r.map_err(|e| e.message)));
    let categories: Signal<Option<Result<Vec<JobCategory>, String>>> =
        Signal::derive(move || categories.get().map(|r| r.map_err(|e| e.message)));

    view! {
        <div class="page page-jobs">
            {move || match screen.get() {
                Screen::Browse => {
                    view! {
                        <JobForm
                            entities=entities
                            categories=categories
                            on_saved=Callback::new(move |_| reload())
                        />
                        <div class="page-actions">
                            <ExportButton kind=RecordKind::Jobs search=search />
                        </div>
                        <JobList
                            cache_version=cache_version
                            search=search
                            entities=entities
                            categories=categories
                            on_open=Callback::new(move |id| screen.set(Screen::Detail(id)))
                        />
                    }
                        .into_any()
                }
                Screen::Detail(id) => {
                    view! {
                        <JobDetailView
                            id=id
                            on_back=Callback::new(move |()| screen.set(Screen::Browse))
                            on_edit=Callback::new(move |j| screen.set(Screen::Edit(j)))
                            on_deleted=Callback::new(move |()| {
                                reload();
                                screen.set(Screen::Browse);
                            })
                        />
                    }
                        .into_any()
                }
                Screen::Edit(job) => {
                    let id = job.id.clone();
                    view! {
                        <JobForm
                            entities=entities
                            categories=categories
                            editing=job
                            on_saved=Callback::new(move |saved: Job| {
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
