//! Contractors: create one, and browse those in the cache.

mod create_form;
mod list;

use create_form::CreateContractorForm;
use leptos::prelude::*;
use list::ContractorList;

#[component]
pub fn ContractorsPage() -> impl IntoView {
    // Bumped whenever the cache changed, so the list queries it again.
    let cache_version = RwSignal::new(0_u64);
    let reload = move || cache_version.update(|version| *version += 1);

    view! {
        <div class="page page-contractors">
            <CreateContractorForm on_created=Callback::new(move |_| reload()) />
            <ContractorList cache_version=cache_version />
        </div>
    }
}
