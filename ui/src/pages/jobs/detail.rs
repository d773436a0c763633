//! One job: its pay, category and entity, and its quotes and assignments (from the API).

use crate::bidi::isolate;
use crate::components::detail_card::{DetailCard, Fact, RelatedSection};
use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::forms::metadata_draft;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use crate::records::deletion::RecordKind;
use coverdesk_ipc::jobs::JobDetail;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::Job;

#[component]
pub fn JobDetailView(
    id: String,
    on_back: Callback<()>,
    on_edit: Callback<Job>,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let loaded = Loaded::new(move || {
        let id = id.clone();
        async move { ipc::jobs::detail(&id).await }
    });
    let deleting = RwSignal::new(false);

    view! {
        {move || {
            loaded
                .get()
                .map(|result| match result {
                    Ok(detail) => view! { <JobDetailCard detail=detail on_back=on_back on_edit=on_edit on_deleted=on_deleted deleting=deleting toasts=toasts /> }.into_any(),
                    Err(error) => {
                        view! {
                            <div id="job-detail-error" class="alert alert-error" role="alert">
                                <p class="alert-title">"Could not open this job"</p>
                                <p>{error.message}</p>
                            </div>
                        }
                            .into_any()
                    }
                })
                .unwrap_or_else(|| loading_note("Loading the job…"))
        }}
    }
}

#[component]
fn JobDetailCard(
    detail: JobDetail,
    on_back: Callback<()>,
    on_edit: Callback<Job>,
    on_deleted: Callback<()>,
    deleting: RwSignal<bool>,
    toasts: Toasts,
) -> impl IntoView {
    let JobDetail {
        job,
        entity,
        category_name,
        quotes,
        assignments,
        related_error,
    } = detail;
    let delete = Callback::new({
        let (id, name) = (job.id.clone(), isolate(&job.name));
        move |()| {
            let (id, name) = (id.clone(), name.clone());
            deleting.set(true);
            spawn_local(async move {
                match ipc::jobs::delete(&id, &name).await {
                    Ok(_) => {
                        toasts.success(format!("Deleted {name} ({id})"));
                        on_deleted.run(());
                    }
                    Err(error) => {
                        toasts.error(format!("Could not delete {name}: {}", error.message));
                        deleting.set(false);
                    }
                }
            });
        }
    });
    let edit_target = job.clone();
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
    view! {
        <DetailCard
            kind=RecordKind::Job
            name=job.name.clone()
            id=job.id.clone()
            subtitle=format!("For {}", isolate(&entity_name))
            on_back=on_back
            on_edit=Callback::new(move |()| on_edit.run(edit_target.clone()))
            on_delete=delete
            deleting=deleting
        >
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
        </DetailCard>
    }
}
