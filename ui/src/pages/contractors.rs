//! Contractors: create one, browse those in the cache, open one to see their quotes,
//! policies and jobs, edit or delete it; and import many from a CSV file.

mod create_form;
mod detail;
mod import_panel;
mod list;

use super::record_page::{cached, RecordPage};
use import_panel::ContractorImport;
use leptos::prelude::*;
use ten99::Contractor;

#[component]
pub fn ContractorsPage() -> impl IntoView {
    // Open or not across the screens of the page, as the list's search is.
    let importing = RwSignal::new(false);
    let import_button = move || {
        view! {
            <button
                id="contractor-import-open"
                type="button"
                class="button button-secondary"
                aria-expanded=move || importing.get().to_string()
                on:click=move |_| importing.update(|open| *open = !*open)
            >
                "Import CSV…"
            </button>
        }
    };
    let import_panel = Callback::new(move |reload: Callback<()>| {
        view! {
            <Show when=move || importing.get()>
                <ContractorImport on_imported=reload />
            </Show>
        }
        .into_any()
    });
    view! {
        <RecordPage columns=list::columns load={cached::<Contractor>} form=create_form::contractor_form sections=detail::sections actions=import_button panel=import_panel />
    }
}
