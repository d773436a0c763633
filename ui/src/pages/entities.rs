//! Entities: create one, browse those in the cache, open one to see its jobs, edit or
//! delete it.

mod create_form;
mod detail;
mod list;

use super::record_page::{cached, RecordPage};
use leptos::prelude::*;
use ten99::Entity;

#[component]
pub fn EntitiesPage() -> impl IntoView {
    view! {
        <RecordPage columns=list::columns load={cached::<Entity>} form=create_form::entity_form sections=detail::sections />
    }
}
