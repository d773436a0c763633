use super::CACHE_CHANGED;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::entities::RefreshSummary;
use tauri::{AppHandle, Emitter, State};
use ten99::{Entity, EntityInput};

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
    let active = state.active().await;
    let entity = active.client.entities().create(&input).await?;
    active
        .cache
        .upsert_entities(std::slice::from_ref(&entity), now())?;
    Ok(entity)
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.entities().list_all().await?;
    active.cache.upsert_entities(&all, now())?;
    Ok(RefreshSummary { fetched: all.len() })
}

#[tauri::command]
pub async fn entities_list(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Result<Vec<Entity>> {
    list(&state, search).await
}

#[tauri::command]
pub async fn entities_create(state: State<'_, AppState>, input: EntityInput) -> Result<Entity> {
    create(&state, input).await
}

#[tauri::command]
pub async fn entities_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    // The UI re-queries the cache when it hears this; failing to emit only delays that.
    let _ = app.emit(CACHE_CHANGED, "entities");
    Ok(summary)
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
        assert_eq!(refresh(&state).await.unwrap().fetched, 1);
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
