//! Contractors: create one, browse those in the cache, open one to see their quotes,
//! policies and jobs, edit or delete it.

mod create_form;
mod detail;
mod import_panel;
mod list;

use super::record_screen::Screen;
use crate::components::export_button::ExportButton;
use coverdesk_ipc::records_csv::RecordKind;
use create_form::ContractorForm;
use detail::ContractorDetailView;
use import_panel::ContractorImport;
use leptos::prelude::*;
use list::ContractorList;
use ten99::Contractor;

#[component]
pub fn ContractorsPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let search = RwSignal::new(String::new());
    let reload = move || cache_version.update(|version| *version += 1);
    let importing = RwSignal::new(false);
    let screen = RwSignal::new(Screen::<Contractor>::Browse);
    let browse = Callback::new(move |()| screen.set(Screen::Browse));

    view! {
        <div class="page page-contractors">
            {move || match screen.get() {
                Screen::Browse => {
                    view! {
                        <ContractorForm on_saved=Callback::new(move |_| reload()) />
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
                            <ExportButton kind=RecordKind::Contractors search=search />
                        </div>
                        <Show when=move || importing.get()>
                            <ContractorImport on_imported=Callback::new(move |()| reload()) />
                        </Show>
                        <ContractorList
                            cache_version=cache_version
                            search=search
                            on_open=Callback::new(move |id| screen.set(Screen::Detail(id)))
                        />
                    }
                        .into_any()
                }
                Screen::Detail(id) => {
                    view! {
                        <ContractorDetailView
                            id=id
                            on_back=browse
                            on_edit=Callback::new(move |c| screen.set(Screen::Edit(c)))
                            on_deleted=Callback::new(move |()| {
                                reload();
                                screen.set(Screen::Browse);
                            })
                        />
                    }
                        .into_any()
                }
                Screen::Edit(contractor) => {
                    let id = contractor.id.clone();
                    view! {
                        <ContractorForm
                            editing=contractor
                            on_saved=Callback::new(move |saved: Contractor| {
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
