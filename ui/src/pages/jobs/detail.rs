//! One job: its pay, category and entity, and its quotes and assignments (from the API).

use crate::bidi::isolate;
use crate::components::detail_card::{Fact, RelatedSection};
use crate::components::record_detail::DetailSections;
use crate::dates::iso_date;
use crate::forms::metadata_draft;
use coverdesk_ipc::jobs::JobDetail;
use leptos::prelude::*;

/// The line under the name (its entity), the facts, and the quotes and assignments.
pub fn sections(detail: JobDetail) -> DetailSections {
    let JobDetail {
        job,
        entity,
        category_name,
        quotes,
        assignments,
        related_error,
    } = detail;
    let entity_name = entity.map(|e| e.name).unwrap_or_else(|| job.entity.clone());
    let category = category_name.unwrap_or_else(|| job.category_code.clone());
    let site = job
        .address
        .as_ref()
        .map(|a| {
            format!("{} {}, {}", a.line1, a.locality, a.region)
                .trim()
                .to_owned()
        })
        .unwrap_or_else(|| "Remote".into());
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let body = view! {
        <dl class="facts">
            <Fact label="Entity" value=entity_name.clone() />
            <Fact label="Category" value=category />
            <Fact label="Wage" value=format!("{} {}", job.wage, job.wage_type.label()) />
            <Fact label="Description" value=job.description.clone().unwrap_or_default() />
            <Fact label="Years of experience" value=number(job.years_experience) />
            <Fact label="Duration (hours)" value=number(job.duration_hours) />
            <Fact label="Work site" value=site />
            <Fact label="Premium" value=if job.withhold_premium { "Withheld from this job's pay" } else { "As the contractor's setting" } />
            <Fact label="Custom metadata" value=metadata_draft::summary(&job.custom_metadata) />
            <Fact label="Created" value=iso_date(job.created.0) />
        </dl>
        {related_error
            .map(|message| {
                view! {
                    <div id="job-related-error" class="alert alert-warning" role="status">
                        <p class="alert-title">"Quotes and assignments could not be loaded from the API"</p>
                        <p>{message}</p>
                    </div>
                }
            })}
        <RelatedSection id="job-quotes".into() title="Quotes" count=quotes.len() empty="No quotes for this job yet.">
            <ul class="related-list">
                {quotes.iter().map(|q| view! {
                    <li><code class="id">{q.id.clone()}</code>{format!(" · contractor {} · {}", q.contractor, iso_date(q.created.0))}</li>
                }).collect_view()}
            </ul>
        </RelatedSection>
        <RelatedSection id="job-assignments".into() title="Assignments" count=assignments.len() empty="No assignments for this job yet.">
            <ul class="related-list">
                {assignments.iter().map(|a| view! {
                    <li><code class="id">{a.id.clone()}</code>{format!(" · contractor {}{}", a.contractor, if a.cancelled { " · cancelled" } else { "" })}</li>
                }).collect_view()}
            </ul>
        </RelatedSection>
    };
    DetailSections {
        subtitle: format!("For {}", isolate(&entity_name)),
        body: body.into_any(),
    }
}
