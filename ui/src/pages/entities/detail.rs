//! One entity: where it is, the cover it requires, and its jobs (from the cache).

use crate::components::detail_card::{Fact, RelatedSection};
use crate::components::record_detail::DetailSections;
use crate::dates::iso_date;
use coverdesk_ipc::entities::EntityDetail;
use leptos::prelude::*;

/// The line under the name, the facts and the entity's jobs.
pub fn sections(detail: EntityDetail) -> DetailSections {
    let EntityDetail { entity, jobs } = detail;
    let place = entity
        .address
        .as_ref()
        .map(|a| format!("{}, {}", a.locality, a.region));
    let address = entity
        .address
        .as_ref()
        .map(|a| format!("{}, {}, {} {}", a.line1, a.locality, a.region, a.postalcode))
        .unwrap_or_default();
    let coverage = entity
        .required_coverage
        .iter()
        .map(|c| c.label())
        .collect::<Vec<_>>()
        .join(", ");
    let (aggregate, occurrence) = entity
        .coverage_limit
        .map(|l| {
            (
                l.aggregate_limit.to_string(),
                l.occurrence_limit.to_string(),
            )
        })
        .unwrap_or_default();
    let body = view! {
        <dl class="facts">
            <Fact label="Address" value=address />
            <Fact label="Required coverage" value=coverage />
            <Fact label="Aggregate limit" value=aggregate />
            <Fact label="Per-occurrence limit" value=occurrence />
            <Fact label="Created" value=iso_date(entity.created.0) />
        </dl>
        <RelatedSection id="entity-jobs".into() title="Jobs" count=jobs.len() empty="No jobs for this entity in the cache.">
            <table class="table table-compact">
                <thead><tr><th>"Job"</th><th>"Wage"</th><th>"ID"</th><th>"Created"</th></tr></thead>
                <tbody>
                    {jobs.iter().map(|j| view! {
                        <tr>
                            <td class="cell-strong">{j.name.clone()}</td>
                            <td>{format!("{} {}", j.wage, j.wage_type.label())}</td>
                            <td><code class="id">{j.id.clone()}</code></td>
                            <td>{iso_date(j.created.0)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </RelatedSection>
    };
    DetailSections {
        subtitle: place.unwrap_or_else(|| "No address".into()),
        body: body.into_any(),
    }
}
