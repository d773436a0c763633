//! Entities: the companies the work is done for. What is theirs: the detail with
//! their jobs.

use super::records::{record_commands, record_impl};
use crate::error::Result;
use crate::state::Active;
use coverdesk_ipc::entities::{EntityDetail, RefreshSummary};
use ten99::{Entity, EntityInput, EntityUpdate};

// `list`, `create`, `update`, `delete`, `detail` and the commands. A delete is for
// good; the API also cancels policies tied to the entity's active jobs.
record_commands! {
    Entity(EntityInput, EntityUpdate) -> EntityDetail, RefreshSummary;
    entities_list, entities_create, entities_update, entities_delete,
    entities_detail, entities_refresh
}

/// The entity and its jobs, both from the cache (the API has no jobs-by-entity list).
async fn with_jobs(active: &Active, entity: Entity, id: &str) -> Result<EntityDetail> {
    let jobs = active.cache.jobs_of_entity(id)?;
    Ok(EntityDetail { entity, jobs })
}

record_impl! {
    Entity(EntityInput, EntityUpdate) -> EntityDetail by with_jobs;
    table: Entities, audit: "entity", client: entities, trimmed: [name],
    cache: list_entities, upsert_entities
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cache::RecordTable::Entities as TABLE;
    use crate::commands::test_support::{refreshed, requests_seen, started};
    use ten99::{Address, Cents, CoverageLimit, CoverageType};

    pub(crate) fn lake_view_bowl() -> EntityInput {
        EntityInput {
            name: " Lake View Bowl ".into(),
            address: Some(Address {
                line1: "3639 18th St".into(),
                locality: "Chicago".into(),
                region: "IL".into(),
                postalcode: "60640".into(),
                ..Default::default()
            }),
            coverage_limit: Some(CoverageLimit {
                aggregate_limit: Cents(200_000_000),
                occurrence_limit: Cents(100_000_000),
            }),
            required_coverage: vec![CoverageType::General, CoverageType::WorkersComp],
        }
    }

    #[tokio::test]
    async fn creates_through_the_standin_and_caches() {
        let (_dir, state) = started().await;
        let created = create(&state, lake_view_bowl()).await.unwrap();
        assert!(created.id.starts_with("en_"));
        assert_eq!(created.name, "Lake View Bowl");
        assert_eq!(
            created.coverage_limit.unwrap().aggregate_limit,
            Cents(200_000_000)
        );
        let cached = list(&state, Some("chicago".into())).await.unwrap();
        assert_eq!(cached, vec![created]);
        assert_eq!(refreshed(&state, TABLE).await, 1);
    }

    #[tokio::test]
    async fn edits_deletes_and_shows_its_jobs() {
        let (_dir, state) = started().await;
        let job = crate::commands::jobs::tests::a_job(&state).await;
        let renamed = update(
            &state,
            &job.entity,
            EntityUpdate {
                name: Some("Lake View Lanes ".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(renamed.name, "Lake View Lanes");
        assert_eq!(renamed.required_coverage.len(), 2, "fields left out stay");
        let shown = detail(&state, &job.entity).await.unwrap();
        assert_eq!(shown.entity, renamed);
        assert_eq!(shown.jobs, vec![job.clone()]);

        let deleted = delete(&state, &job.entity).await.unwrap();
        assert!(deleted.deleted);
        assert!(list(&state, None).await.unwrap().is_empty());
        let active = state.active().await;
        assert!(active.client.entities().get(&job.entity).await.is_err());
        let actions: Vec<String> = active
            .cache
            .list_audit(10)
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {} {}", e.action, e.object_kind, e.outcome))
            .collect();
        assert_eq!(
            actions,
            [
                "delete entity ok",
                "update entity ok",
                "create job ok",
                "create entity ok"
            ]
        );
    }

    #[tokio::test]
    async fn invalid_input_never_reaches_the_api() {
        let (_dir, state) = started().await;
        let before = requests_seen(&state).await;
        let bad = EntityInput {
            name: "  ".into(),
            coverage_limit: Some(CoverageLimit {
                aggregate_limit: Cents(100_000),
                occurrence_limit: Cents(200_000),
            }),
            ..lake_view_bowl()
        };
        let view = create(&state, bad).await.unwrap_err().view();
        assert_eq!(view.code, "invalid_input");
        assert!(view.fields.contains_key("name"));
        assert!(view.fields.contains_key("coverage_limit.occurrence_limit"));
        assert_eq!(requests_seen(&state).await, before);
    }
}
