//! One contractor: who they are, and their policies, quotes, assignments and the jobs
//! those are for. The contractor comes from the cache; the rest from the API.

use crate::components::detail_card::{Fact, RelatedSection};
use crate::components::record_detail::DetailSections;
use crate::dates::iso_date;
use crate::forms::metadata_draft;
use coverdesk_ipc::contractors::ContractorDetail;
use leptos::prelude::*;
use ten99::{Contractor, UnixTime};

fn date(time: Option<UnixTime>) -> String {
    time.map(|t| iso_date(t.0)).unwrap_or_default()
}

/// The line under the name, the facts and the related records.
pub fn sections(detail: ContractorDetail) -> DetailSections {
    let contractor = detail.contractor.clone();
    DetailSections {
        subtitle: contractor
            .company_name
            .clone()
            .unwrap_or_else(|| contractor.email.clone()),
        body: view! {
            <ContractorFacts contractor=contractor />
            <ContractorRelated detail=detail />
        }
        .into_any(),
    }
}

#[component]
fn ContractorFacts(contractor: Contractor) -> impl IntoView {
    let a = &contractor.address;
    let address = [
        Some(a.line1.clone()),
        a.line2.clone(),
        Some(format!("{}, {} {}", a.locality, a.region, a.postalcode)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    view! {
        <dl class="facts">
            <Fact label="Email" value=contractor.email.clone() />
            <Fact label="Phone" value=contractor.phone.clone() />
            <Fact label="Company" value=contractor.company_name.clone().unwrap_or_default() />
            <Fact label="Address" value=address />
            <Fact label="Created" value=iso_date(contractor.created) />
            <Fact label="Premium" value=if contractor.withhold_premium { "Withheld from pay by the platform" } else { "Paid by the contractor" } />
            <Fact label="Custom metadata" value=metadata_draft::summary(&contractor.custom_metadata) />
        </dl>
    }
}

#[component]
fn ContractorRelated(detail: ContractorDetail) -> impl IntoView {
    let ContractorDetail {
        policies,
        quotes,
        assignments,
        jobs,
        related_error,
        ..
    } = detail;
    view! {
        {related_error
            .map(|message| {
                view! {
                    <div id="contractor-related-error" class="alert alert-warning" role="status">
                        <p class="alert-title">"Quotes and policies could not be loaded from the API"</p>
                        <p>{message}</p>
                    </div>
                }
            })}
        <RelatedSection id="contractor-policies".into() title="Policies" count=policies.len() empty="No policies yet.">
            <table class="table table-compact">
                <thead><tr><th>"Policy"</th><th>"Status"</th><th>"Effective"</th><th>"Expires"</th></tr></thead>
                <tbody>
                    {policies.iter().map(|p| view! {
                        <tr>
                            <td><code class="id">{p.id.clone()}</code></td>
                            <td>{p.current_status().map(|s| s.as_str().to_owned()).unwrap_or_default()}</td>
                            <td>{date(p.effective_date)}</td>
                            <td>{date(p.expiration_date)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </RelatedSection>
        <RelatedSection id="contractor-quotes".into() title="Quotes" count=quotes.len() empty="No quotes yet.">
            <table class="table table-compact">
                <thead><tr><th>"Quote"</th><th>"Job"</th><th>"Coverage"</th><th>"Rate per $100"</th><th>"Created"</th></tr></thead>
                <tbody>
                    {quotes.iter().map(|q| view! {
                        <tr>
                            <td><code class="id">{q.id.clone()}</code></td>
                            <td><code class="id">{q.job.clone()}</code></td>
                            <td>{q.coverage_type.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")}</td>
                            <td>{q.total_rate().map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                            <td>{iso_date(q.created.0)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </RelatedSection>
        <RelatedSection id="contractor-jobs".into() title="Jobs" count=jobs.len() empty="No jobs through quotes or assignments yet.">
            <ul class="related-list">
                {jobs.iter().map(|j| view! {
                    <li><span class="cell-strong">{j.name.clone()}</span>" "<code class="id">{j.id.clone()}</code></li>
                }).collect_view()}
            </ul>
        </RelatedSection>
        <RelatedSection id="contractor-assignments".into() title="Assignments" count=assignments.len() empty="No assignments yet.">
            <ul class="related-list">
                {assignments.iter().map(|a| view! {
                    <li>
                        <code class="id">{a.id.clone()}</code>
                        {format!(" · job {} · {} to {}{}", a.job, date(a.effective_date), date(a.end_date), if a.cancelled { " · cancelled" } else { "" })}
                    </li>
                }).collect_view()}
            </ul>
        </RelatedSection>
    }
}
