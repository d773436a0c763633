//! One entity: where it is, the cover it requires, and its jobs (from the cache).

use crate::components::detail_card::{DetailCard, Fact, RelatedSection};
use crate::components::toast::Toasts;
use crate::dates::iso_date;
use crate::ipc;
use crate::loaded::{loading_note, Loaded};
use crate::records::deletion::RecordKind;
use coverdesk_ipc::entities::EntityDetail;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ten99::Entity;

#[component]
pub fn EntityDetailView(
    id: String,
    on_back: Callback<()>,
    on_edit: Callback<Entity>,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    let loaded = Loaded::new(move || {
        let id = id.clone();
        async move { ipc::entities::detail(&id).await }
    });
    let deleting = RwSignal::new(false);

    view! {
        {move || {
            loaded
                .get()
                .map(|result| match result {
                    Ok(EntityDetail { entity, jobs }) => {
                        let delete = Callback::new({
                            let (id, name) = (entity.id.clone(), entity.name.clone());
                            move |()| {
                                let (id, name) = (id.clone(), name.clone());
                                deleting.set(true);
                                spawn_local(async move {
                                    match ipc::entities::delete(&id, &name).await {
                                        Ok(_) => {
                                            toasts.success(format!("Deleted {name} ({id})"));
                                            // Not `deleting` after this: the view is going away.
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
                        let edit_target = entity.clone();
                        let place = entity.address.as_ref().map(|a| format!("{}, {}", a.locality, a.region));
                        let address = entity
                            .address
                            .as_ref()
                            .map(|a| format!("{}, {}, {} {}", a.line1, a.locality, a.region, a.postalcode))
                            .unwrap_or_default();
                        let coverage = entity.required_coverage.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ");
                        let (aggregate, occurrence) = entity
                            .coverage_limit
                            .map(|l| (l.aggregate_limit.to_string(), l.occurrence_limit.to_string()))
                            .unwrap_or_default();
                        view! {
                            <DetailCard
                                kind=RecordKind::Entity
                                name=entity.name.clone()
                                id=entity.id.clone()
                                subtitle=place.unwrap_or_else(|| "No address".into())
                                on_back=on_back
                                on_edit=Callback::new(move |()| on_edit.run(edit_target.clone()))
                                on_delete=delete
                                deleting=deleting
                            >
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
                            </DetailCard>
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! {
                            <div id="entity-detail-error" class="alert alert-error" role="alert">
                                <p class="alert-title">"Could not open this entity"</p>
                                <p>{error.message}</p>
                            </div>
                        }
                            .into_any()
                    }
                })
                .unwrap_or_else(|| loading_note("Loading the entity…"))
        }}
    }
}
