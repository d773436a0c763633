//! Jobs: the work, its pay and its category. What is theirs: the detail with the
//! entity, category, quotes and assignments, and the job categories.

use super::records::{quotes_and_assignments, record_commands, record_impl};
use crate::cache::RecordTable;
use crate::error::{Error, Result};
use crate::state::{now, Active, AppState};
use coverdesk_ipc::jobs::{JobDetail, RefreshSummary};
use tauri::State;
use ten99::{Entity, Job, JobCategory, JobInput, JobUpdate};

// `list`, `create`, `update`, `delete`, `detail` and the commands. A job with an
// invoice can no longer be updated (`invoice_exists`).
record_commands! {
    Job(JobInput, JobUpdate) -> JobDetail, RefreshSummary;
    jobs_list, jobs_create, jobs_update, jobs_delete, jobs_detail, jobs_refresh
}

/// The job with its entity and category name from the cache, and its quotes and
/// assignments from the API (left empty offline, with `related_error` saying why).
async fn with_related(active: &Active, job: Job, id: &str) -> Result<JobDetail> {
    let entity = active
        .cache
        .cached_record::<Entity>(RecordTable::Entities, &job.entity)?;
    let category_name = active
        .cache
        .list_job_categories()?
        .into_iter()
        .find(|c| c.category_code == job.category_code)
        .map(|c| c.name);
    let related = quotes_and_assignments(&active.client, |q| q.job == id, |a| a.job == id);
    let (quotes, assignments, related_error) = match related.await {
        Ok((quotes, assignments)) => (quotes, assignments, None),
        Err(error) => (
            Vec::new(),
            Vec::new(),
            Some(Error::from(error).view().message),
        ),
    };
    Ok(JobDetail {
        job,
        entity,
        category_name,
        quotes,
        assignments,
        related_error,
    })
}

record_impl! {
    Job(JobInput, JobUpdate) -> JobDetail by with_related;
    table: Jobs, audit: "job", client: jobs,
    trimmed: [name, description, entity, category_code],
    cache: list_jobs, upsert_jobs
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
pub async fn job_categories_list(state: State<'_, AppState>) -> Result<Vec<JobCategory>> {
    categories(&state).await
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::cache::RecordTable::Jobs as TABLE;
    use crate::commands::entities::{self, tests::lake_view_bowl};
    use crate::commands::test_support::{refreshed, requests_seen, started};
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

    /// A job for a fresh entity, through the commands (so it is cached and audited).
    pub(crate) async fn a_job(state: &AppState) -> Job {
        let entity = entities::create(state, lake_view_bowl()).await.unwrap();
        let category = categories(state).await.unwrap().remove(0);
        create(state, technician(&entity.id, &category.category_code))
            .await
            .unwrap()
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
        assert_eq!(refreshed(&state, TABLE).await, 1);
    }

    #[tokio::test]
    async fn edits_shows_and_deletes_a_job() {
        let (_dir, state) = started().await;
        let job = a_job(&state).await;
        let before = requests_seen(&state).await;
        let bad = JobUpdate {
            wage: Some(Cents(5)),
            ..Default::default()
        };
        let view = update(&state, &job.id, bad).await.unwrap_err().view();
        assert!(view.fields.contains_key("wage"), "{view:?}");
        assert_eq!(requests_seen(&state).await, before, "nothing sent");

        let raised = JobUpdate {
            wage: Some(Cents(15_000)),
            ..Default::default()
        };
        let updated = update(&state, &job.id, raised).await.unwrap();
        assert_eq!(
            (updated.wage, updated.name.as_str()),
            (Cents(15_000), "Field technician")
        );
        let shown = detail(&state, &job.id).await.unwrap();
        assert_eq!(shown.job, updated);
        assert_eq!(shown.entity.unwrap().id, job.entity);
        assert!(shown.category_name.is_some());
        assert_eq!(shown.related_error, None);

        assert!(delete(&state, &job.id).await.unwrap().deleted);
        assert!(list(&state, None).await.unwrap().is_empty());
        let active = state.active().await;
        assert!(active.client.jobs().get(&job.id).await.is_err());
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
