//! The contractors list's columns (the list itself is `components::record_list`).

use crate::components::record_table::{Column, ListRow};
use crate::pages::quotes::{QuoteButton, QuoteTarget};
use crate::records::sorting::SortKey;
use leptos::prelude::*;
use ten99::Contractor;

impl ListRow for Contractor {
    fn id(&self) -> &str {
        &self.id
    }
    fn created(&self) -> i64 {
        self.created
    }
}

pub fn columns() -> Vec<Column<Contractor>> {
    vec![
        Column::data(
            "name",
            "Name",
            "col-wide",
            |c| SortKey::text(&format!("{} {}", c.last_name, c.first_name)),
            |c| {
                view! {
                    <span class="cell-strong">{c.full_name()}</span>
                    {c.company_name.clone().map(|company| view! { <span class="cell-sub">{company}</span> })}
                }
                .into_any()
            },
        ),
        Column::data(
            "email",
            "Email",
            "col-wide",
            |c| SortKey::text(&c.email),
            |c| c.email.clone().into_any(),
        ),
        Column::data(
            "phone",
            "Phone",
            "col-phone",
            |c| SortKey::text(&c.phone),
            |c| c.phone.clone().into_any(),
        ),
        Column::data(
            "place",
            "City / State",
            "",
            |c| SortKey::text(&format!("{} {}", c.address.region, c.address.locality)),
            |c| format!("{}, {}", c.address.locality, c.address.region).into_any(),
        ),
        Column::id(),
        Column::created(),
        Column::actions(|c| {
            view! {
                <QuoteButton
                    id=format!("quote-contractor-{}", c.id)
                    target=QuoteTarget { contractor: Some(c.id.clone()), job: None }
                />
            }
            .into_any()
        }),
    ]
}
