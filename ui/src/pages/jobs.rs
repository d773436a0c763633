//! Jobs: create one for an entity, and browse those in the cache.

mod create_form;
mod list;

use crate::ipc;
use create_form::CreateJobForm;
use crate::components::export_button::ExportButton;
use coverdesk_ipc::records_csv::RecordKind;
use leptos::prelude::*;
use list::JobList;
use ten99::{Entity, JobCategory};

#[component]
pub fn JobsPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let reload = move || cache_version.update(|version| *version += 1);

    // Both the form's pickers and the list's names come from these.
    let entities = LocalResource::new(|| ipc::entities::list(None));
    let categories = LocalResource::new(ipc::jobs::categories);
    let entities: Signal<Option<Result<Vec<Entity>, String>>> =
        Signal::derive(move || entities.get().map(|r| r.map_err(|e| e.message)));
    let categories: Signal<Option<Result<Vec<JobCategory>, String>>> =
        Signal::derive(move || categories.get().map(|r| r.map_err(|e| e.message)));

    view! {
        <div class="page page-jobs">
            <CreateJobForm
                entities=entities
                categories=categories
                on_created=Callback::new(move |_| reload())
            />
            <div class="page-actions">
                <ExportButton kind=RecordKind::Jobs />
            </div>
            <JobList cache_version=cache_version entities=entities categories=categories />
        </div>
    }
}
