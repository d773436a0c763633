//! The contractors list's columns (the list itself is `components::record_list`).

use crate::components::record_table::{Column, ListRow};
use crate::pages::quotes::{quote_button, QuoteTarget};
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
        Column::name(
            "Name",
            |c| SortKey::text(&format!("{} {}", c.last_name, c.first_name)),
            |c| (c.full_name(), c.company_name.clone()),
        ),
        Column::text("email", "Email", "col-wide", |c| &c.email),
        Column::text("phone", "Phone", "col-phone", |c| &c.phone),
        Column::data(
            "place",
            "City / State",
            "",
            |c| SortKey::text(&format!("{} {}", c.address.region, c.address.locality)),
            |c| format!("{}, {}", c.address.locality, c.address.region).into_any(),
        ),
        Column::id(),
        Column::created(),
        Column::actions(|c| quote_button("contractor", &c.id, QuoteTarget::contractor(&c.id))),
    ]
}
