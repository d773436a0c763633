//! Entities: create one, and browse those in the cache.

mod create_form;
mod list;

use create_form::CreateEntityForm;
use crate::components::export_button::ExportButton;
use coverdesk_ipc::records_csv::RecordKind;
use leptos::prelude::*;
use list::EntityList;

#[component]
pub fn EntitiesPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let reload = move || cache_version.update(|version| *version += 1);

    view! {
        <div class="page page-entities">
            <CreateEntityForm on_created=Callback::new(move |_| reload()) />
            <div class="page-actions">
                <ExportButton kind=RecordKind::Entities />
            </div>
            <EntityList cache_version=cache_version />
        </div>
    }
}
