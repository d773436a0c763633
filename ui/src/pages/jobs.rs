//! Jobs: create one for an entity, browse those in the cache, open one to see its
//! quotes and assignments, edit or delete it.

mod create_form;
mod detail;
mod list;

use super::record_page::RecordPage;
use crate::ipc;
use crate::loaded::Loaded;
use leptos::prelude::*;
use ten99::{Entity, JobCategory};

#[component]
pub fn JobsPage() -> impl IntoView {
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
        ipc::records::list::<Entity>(None)
    });
    let categories = Loaded::new(ipc::jobs::categories);
    let entities: Signal<Option<Result<Vec<Entity>, String>>> =
        Signal::derive(move || entities.get().map(|r| r.map_err(|e| e.message)));
    let categories: Signal<Option<Result<Vec<JobCategory>, String>>> =
        Signal::derive(move || categories.get().map(|r| r.map_err(|e| e.message)));

    let (entity_names, category_names) = list::names(entities, categories);
    // The names are read here, outside the future, so the list follows them as they load.
    let load = move |search| list::rows(search, entity_names.get(), category_names.get());
    let form = move |open| create_form::job_form(open, entities, categories);

    view! {
        <RecordPage columns=list::columns load=load form=form sections=detail::sections />
    }
}
