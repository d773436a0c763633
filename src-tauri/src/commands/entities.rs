use super::records::{after_delete, after_save, changed, reporter};
use crate::cache::{Cache, RecordTable};
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use crate::sync::Refreshes;
use coverdesk_ipc::entities::{EntityDetail, RefreshSummary};
use tauri::{AppHandle, State};
use ten99::{Deleted, Entity, EntityInput, EntityUpdate};

const TABLE: RecordTable = RecordTable::Entities;

pub async fn list(state: &AppState, search: Option<String>) -> Result<Vec<Entity>> {
    state.active().await.cache.list_entities(search.as_deref())
}

/// Validates before anything is sent: a form with errors never reaches the API.
pub async fn create(state: &AppState, input: EntityInput) -> Result<Entity> {
    let input = EntityInput {
        name: input.name.trim().to_owned(),
        ..input
    };
    input.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .entities()
        .create(&input)
        .await
        .map_err(Error::from);
    after_save(
        &active,
        "create",
        "entity",
        None,
        result,
        Cache::upsert_entities,
    )
}

/// A partial PUT: only the fields set in `update` change.
pub async fn update(state: &AppState, id: &str, update: EntityUpdate) -> Result<Entity> {
    let update = EntityUpdate {
        name: update.name.map(|n| n.trim().to_owned()),
        ..update
    };
    update.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .entities()
        .update(id, &update)
        .await
        .map_err(Error::from);
    after_save(
        &active,
        "update",
        "entity",
        Some(id),
        result,
        Cache::upsert_entities,
    )
}

/// Deletes for good; the API also cancels policies tied to the entity's active jobs.
pub async fn delete(state: &AppState, id: &str) -> Result<Deleted> {
    let active = state.active_for_write().await?;
    let result = active
        .client
        .entities()
        .delete(id)
        .await
        .map_err(Error::from);
    after_delete(&active, TABLE, "entity", id, result)
}

/// The entity and its jobs, both from the cache (the API has no jobs-by-entity list).
pub async fn detail(state: &AppState, id: &str) -> Result<EntityDetail> {
    let active = state.active().await;
    let entity = match active.cache.cached_record::<Entity>(TABLE, id)? {
        Some(entity) => entity,
        None => {
            let fetched = active.client.entities().get(id).await?;
            active
                .cache
                .upsert_entities(std::slice::from_ref(&fetched), now())?;
            fetched
        }
    };
    let jobs = active.cache.jobs_of_entity(id)?;
    Ok(EntityDetail { entity, jobs })
}

#[tauri::command]
pub async fn entities_list(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Result<Vec<Entity>> {
    list(&state, search).await
}

#[tauri::command]
pub async fn entities_create(
    app: AppHandle,
    state: State<'_, AppState>,
    input: EntityInput,
) -> Result<Entity> {
    let created = create(&state, input).await?;
    changed(&app, TABLE);
    Ok(created)
}

#[tauri::command]
pub async fn entities_update(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    update: EntityUpdate,
) -> Result<Entity> {
    let updated = self::update(&state, &id, update).await?;
    changed(&app, TABLE);
    Ok(updated)
}

#[tauri::command]
pub async fn entities_delete(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Deleted> {
    let deleted = delete(&state, &id).await?;
    changed(&app, TABLE);
    Ok(deleted)
}

#[tauri::command]
pub async fn entities_detail(state: State<'_, AppState>, id: String) -> Result<EntityDetail> {
    detail(&state, &id).await
}

#[tauri::command]
pub async fn entities_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
    refreshes: State<'_, Refreshes>,
) -> Result<RefreshSummary> {
    let fetched =
        super::records::refresh(&state, &refreshes, TABLE, &reporter(&app, TABLE)).await?;
    Ok(RefreshSummary { fetched })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::commands::test_support::{requests_seen, started};
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
        let refreshes = Refreshes::default();
        let fetched = super::super::records::refresh(&state, &refreshes, TABLE, &|_| {})
            .await
            .unwrap();
        assert_eq!(fetched, 1);
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
