use super::CACHE_CHANGED;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::jobs::RefreshSummary;
use tauri::{AppHandle, Emitter, State};
use ten99::{Job, JobCategory, JobInput};

pub async fn list(state: &AppState, search: Option<String>) -> Result<Vec<Job>> {
    state.active().await.cache.list_jobs(search.as_deref())
}

/// Validates before anything is sent: a form with errors never reaches the API.
pub async fn create(state: &AppState, input: JobInput) -> Result<Job> {
    let input = JobInput {
        name: input.name.trim().to_owned(),
        description: input.description.trim().to_owned(),
        entity: input.entity.trim().to_owned(),
        category_code: input.category_code.trim().to_owned(),
        ..input
    };
    input.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active().await;
    let job = active.client.jobs().create(&input).await?;
    active
        .cache
        .upsert_jobs(std::slice::from_ref(&job), now())?;
    Ok(job)
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.jobs().list_all().await?;
    active.cache.upsert_jobs(&all, now())?;
    Ok(RefreshSummary { fetched: all.len() })
}

/// The approved category codes. They rarely change, so the cache answers once it has
/// them; the first call in an environment fetches them from the API.
pub async fn categories(state: &AppState) -> Result<Vec<JobCategory>> {
    let active = state.active().await;
    let cached = active.cache.list_job_categories()?;
    if !cached.is_empty() {
        return Ok(cached);
    }
    let all = active.client.job_categories().list_all().await?;
    active.cache.replace_job_categories(&all, now())?;
    active.cache.list_job_categories()
}

#[tauri::command]
pub async fn jobs_list(state: State<'_, AppState>, search: Option<String>) -> Result<Vec<Job>> {
    list(&state, search).await
}

#[tauri::command]
pub async fn jobs_create(state: State<'_, AppState>, input: JobInput) -> Result<Job> {
    create(&state, input).await
}

#[tauri::command]
pub async fn jobs_refresh(app: AppHandle, state: State<'_, AppState>) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    // The UI re-queries the cache when it hears this; failing to emit only delays that.
    let _ = app.emit(CACHE_CHANGED, "jobs");
    Ok(summary)
}

#[tauri::command]
pub async fn job_categories_list(state: State<'_, AppState>) -> Result<Vec<JobCategory>> {
    categories(&state).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::entities::{self, tests::lake_view_bowl};
    use crate::commands::test_support::{requests_seen, started};
    use ten99::{Cents, WageType};

    fn technician(entity: &str, category_code: &str) -> JobInput {
        JobInput {
            name: "Field technician ".into(),
            description: "Run cable from front of commercial building to rear.".into(),
            entity: entity.into(),
            category_code: category_code.into(),
            wage: Cents(12_000),
            wage_type: Some(WageType::Flatfee),
            years_experience: Some(20),
            duration_hours: Some(20),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn categories_are_fetched_once_then_served_from_the_cache() {
        let (_dir, state) = started().await;
        let first = categories(&state).await.unwrap();
        assert!(first
            .iter()
            .all(|c| c.category_code.starts_with("jc_") && !c.name.is_empty()));
        assert!(first.len() > 10, "the stand-in's catalog: {}", first.len());
        let calls = requests_seen(&state).await;
        assert_eq!(categories(&state).await.unwrap(), first);
        assert_eq!(
            requests_seen(&state).await,
            calls,
            "the second call is answered by the cache"
        );
    }

    #[tokio::test]
    async fn creates_a_job_for_an_entity_and_caches_it() {
        let (_dir, state) = started().await;
        let entity = entities::create(&state, lake_view_bowl()).await.unwrap();
        let category = categories(&state).await.unwrap().remove(0);
        let job = create(&state, technician(&entity.id, &category.category_code))
            .await
            .unwrap();
        assert!(job.id.starts_with("jb_"));
        assert_eq!(job.name, "Field technician");
        assert_eq!(job.entity, entity.id);
        assert_eq!(job.wage, Cents(12_000));
        assert_eq!(
            list(&state, Some("lake view".into())).await.unwrap(),
            vec![job]
        );
        assert_eq!(refresh(&state).await.unwrap().fetched, 1);
    }

    #[tokio::test]
    async fn invalid_input_never_reaches_the_api() {
        let (_dir, state) = started().await;
        let before = requests_seen(&state).await;
        let bad = JobInput {
            wage: Cents(50),
            wage_type: None,
            ..technician("cn_not_an_entity", "jc_x")
        };
        let view = create(&state, bad).await.unwrap_err().view();
        assert_eq!(view.code, "invalid_input");
        for field in ["entity", "wage", "wage_type"] {
            assert!(
                view.fields.contains_key(field),
                "{field}: {:?}",
                view.fields
            );
        }
        assert_eq!(requests_seen(&state).await, before);
    }

    #[tokio::test]
    async fn api_refusals_land_on_the_entity_and_category_fields() {
        let (_dir, state) = started().await;
        let unknown_entity = create(&state, technician("en_doesnotexist", "jc_zppQXRSkFC"))
            .await
            .unwrap_err()
            .view();
        assert!(
            unknown_entity.fields.contains_key("entity"),
            "{unknown_entity:?}"
        );
        let entity = entities::create(&state, lake_view_bowl()).await.unwrap();
        let unknown_code = create(&state, technician(&entity.id, "jc_notacode"))
            .await
            .unwrap_err()
            .view();
        assert!(
            unknown_code.fields.contains_key("category_code"),
            "{unknown_code:?}"
        );
    }
}
