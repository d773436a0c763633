//! The jobs list's rows (a job with its entity's and category's names) and columns (the
//! list itself is `components::record_list`).

use crate::components::record_table::{Column, ListRow};
use crate::ipc;
use crate::pages::quotes::{quote_button, QuoteTarget};
use crate::records::sorting::SortKey;
use coverdesk_ipc::ErrorView;
use leptos::prelude::*;
use std::collections::HashMap;
use ten99::{Entity, Job, JobCategory};

/// A job and the names behind its ids.
#[derive(Debug, Clone, PartialEq)]
pub struct JobRow {
    job: Job,
    entity: String,
    category: String,
}

impl ListRow for JobRow {
    fn id(&self) -> &str {
        &self.job.id
    }
    fn created(&self) -> i64 {
        self.job.created.0
    }
}

/// ID → name, to show names instead of bare IDs.
pub type Names = HashMap<String, String>;

fn site(job: &Job) -> String {
    job.address
        .as_ref()
        .map(|a| {
            let parts: Vec<&str> = [a.locality.as_str(), a.region.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            format!("Work site: {}", parts.join(", "))
        })
        .unwrap_or_else(|| "Remote".to_owned())
}

pub fn columns() -> Vec<Column<JobRow>> {
    vec![
        Column::name(
            "Job",
            |r| SortKey::text(&r.job.name),
            |r| (r.job.name.clone(), Some(site(&r.job))),
        ),
        Column::text("entity", "Entity", "", |r| &r.entity),
        Column::text("category", "Category", "col-wide", |r| &r.category),
        Column::data(
            "wage",
            "Wage",
            "col-narrow",
            |r| SortKey::Number(r.job.wage.0),
            |r| {
                view! {
                    {r.job.wage.to_string()}
                    <span class="cell-sub">{r.job.wage_type.label()}</span>
                }
                .into_any()
            },
        ),
        Column::id(),
        Column::created(),
        Column::actions(|r| quote_button("job", &r.job.id, QuoteTarget::job(&r.job.id))),
    ]
}

/// The names of the entities and categories, as they load.
pub fn names(
    entities: Signal<Option<Result<Vec<Entity>, String>>>,
    categories: Signal<Option<Result<Vec<JobCategory>, String>>>,
) -> (Memo<Names>, Memo<Names>) {
    let entity_names = Memo::new(move |_| -> Names {
        entities.with(|e| match e {
            Some(Ok(list)) => list
                .iter()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
            _ => Names::new(),
        })
    });
    let category_names = Memo::new(move |_| -> Names {
        categories.with(|c| match c {
            Some(Ok(list)) => list
                .iter()
                .map(|c| (c.category_code.clone(), c.name.clone()))
                .collect(),
            _ => Names::new(),
        })
    });
    (entity_names, category_names)
}

/// The cached jobs narrowed by `search`, with the names behind their ids.
pub async fn rows(
    search: Option<String>,
    entities: Names,
    categories: Names,
) -> Result<Vec<JobRow>, ErrorView> {
    let jobs = ipc::records::list::<Job>(search.as_deref()).await?;
    Ok(jobs
        .into_iter()
        .map(|job| JobRow {
            entity: entities
                .get(&job.entity)
                .cloned()
                .unwrap_or_else(|| job.entity.clone()),
            category: categories
                .get(&job.category_code)
                .cloned()
                .unwrap_or_else(|| job.category_code.clone()),
            job,
        })
        .collect())
}
