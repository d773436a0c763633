//! The entities list's columns (the list itself is `components::record_list`).

use crate::components::record_table::{Column, ListRow};
use crate::records::sorting::SortKey;
use leptos::prelude::*;
use ten99::Entity;

impl ListRow for Entity {
    fn id(&self) -> &str {
        &self.id
    }
    fn created(&self) -> i64 {
        self.created.0
    }
}

fn place(e: &Entity) -> Option<String> {
    e.address
        .as_ref()
        .map(|a| format!("{}, {}", a.locality, a.region))
}

pub fn columns() -> Vec<Column<Entity>> {
    vec![
        Column::name(
            "Entity",
            |e| SortKey::text(&e.name),
            |e| (e.name.clone(), place(e)),
        ),
        Column::data(
            "coverage",
            "Required coverage",
            "col-wide",
            |e| SortKey::Number(e.required_coverage.len() as i64),
            |e| {
                if e.required_coverage.is_empty() {
                    view! { <span class="muted">"None"</span> }.into_any()
                } else {
                    e.required_coverage
                        .iter()
                        .map(|c| view! { <span class="tag">{c.label()}</span> " " })
                        .collect_view()
                        .into_any()
                }
            },
        ),
        Column::data(
            "limits",
            "Aggregate / occurrence",
            "",
            |e| SortKey::Number(e.coverage_limit.map(|l| l.aggregate_limit.0).unwrap_or(-1)),
            |e| match e.coverage_limit {
                Some(l) => format!("{} / {}", l.aggregate_limit, l.occurrence_limit).into_any(),
                None => view! { <span class="muted">"Not set"</span> }.into_any(),
            },
        ),
        Column::id(),
        Column::created(),
    ]
}
