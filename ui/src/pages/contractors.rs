//! Contractors: create one, and browse those in the cache.

mod create_form;
mod import_panel;
mod list;

use crate::components::export_button::ExportButton;
use coverdesk_ipc::records_csv::RecordKind;
use create_form::CreateContractorForm;
use import_panel::ContractorImport;
use leptos::prelude::*;
use list::ContractorList;

#[component]
pub fn ContractorsPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let reload = move || cache_version.update(|version| *version += 1);
    let importing = RwSignal::new(false);

    view! {
        <div class="page page-contractors">
            <CreateContractorForm on_created=Callback::new(move |_| reload()) />
            <div class="page-actions">
                <button
                    id="contractor-import-open"
                    type="button"
                    class="button button-secondary"
                    aria-expanded=move || importing.get().to_string()
                    on:click=move |_| importing.update(|open| *open = !*open)
                >
                    "Import CSV…"
                </button>
                <ExportButton kind=RecordKind::Contractors />
            </div>
            <Show when=move || importing.get()>
                <ContractorImport on_imported=Callback::new(move |()| reload()) />
            </Show>
            <ContractorList cache_version=cache_version />
        </div>
    }
}
