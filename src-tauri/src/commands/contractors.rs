use super::records::{after_delete, after_save, changed, reporter};
use crate::cache::{Cache, RecordTable};
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use crate::sync::Refreshes;
use coverdesk_ipc::contractors::{ContractorDetail, RefreshSummary};
use futures_util::TryStreamExt;
use tauri::{AppHandle, State};
use ten99::{Contractor, ContractorInput, ContractorUpdate, Deleted, Job};

const TABLE: RecordTable = RecordTable::Contractors;

pub async fn list(state: &AppState, search: Option<String>) -> Result<Vec<Contractor>> {
    state
        .active()
        .await
        .cache
        .list_contractors(search.as_deref())
}

/// Validates before anything is sent: a form with errors never reaches the API.
pub async fn create(state: &AppState, input: ContractorInput) -> Result<Contractor> {
    create_as(state, input, None).await
}

/// `create`, under `idempotency_key` when given (an imported row's own, so the row
/// sent again after a crash gets back the contractor it made instead of a second one).
pub async fn create_as(
    state: &AppState,
    input: ContractorInput,
    idempotency_key: Option<&str>,
) -> Result<Contractor> {
    let input = ContractorInput {
        email: input.email.trim().to_owned(),
        ..input
    };
    input.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let contractors = active.client.contractors();
    let result = match idempotency_key {
        Some(key) => contractors.create_with_key(&input, key).await,
        None => contractors.create(&input).await,
    }
    .map_err(Error::from);
    after_save(
        &active,
        "create",
        "contractor",
        None,
        result,
        Cache::upsert_contractors,
    )
}

/// A partial PUT: only the fields set in `update` change.
pub async fn update(state: &AppState, id: &str, update: ContractorUpdate) -> Result<Contractor> {
    let update = ContractorUpdate {
        email: update.email.map(|e| e.trim().to_owned()),
        ..update
    };
    update.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .contractors()
        .update(id, &update)
        .await
        .map_err(Error::from);
    after_save(
        &active,
        "update",
        "contractor",
        Some(id),
        result,
        Cache::upsert_contractors,
    )
}

/// Deletes for good; the API also cancels the contractor's active policies.
pub async fn delete(state: &AppState, id: &str) -> Result<Deleted> {
    let active = state.active_for_write().await?;
    let result = active
        .client
        .contractors()
        .delete(id)
        .await
        .map_err(Error::from);
    after_delete(&active, TABLE, "contractor", id, result)
}

/// The contractor from the cache (or the API, when the cache has not seen it yet), and
/// their quotes, policies and assignments from the API. Offline, the related records
/// are left empty and `related_error` says why.
pub async fn detail(state: &AppState, id: &str) -> Result<ContractorDetail> {
    let active = state.active().await;
    let contractor = match active.cache.cached_record::<Contractor>(TABLE, id)? {
        Some(contractor) => contractor,
        None => {
            let fetched = active.client.contractors().get(id).await?;
            active
                .cache
                .upsert_contractors(std::slice::from_ref(&fetched), now())?;
            fetched
        }
    };
    let mut detail = ContractorDetail {
        contractor,
        quotes: Vec::new(),
        policies: Vec::new(),
        assignments: Vec::new(),
        jobs: Vec::new(),
        related_error: None,
    };
    let client = &active.client;
    let related = async {
        let policies = client.contractors().policies(id).await?;
        let quotes: Vec<_> = client
            .quotes()
            .stream(100)
            .try_filter(|q| std::future::ready(q.contractor == id))
            .try_collect()
            .await?;
        let assignments: Vec<_> = client
            .assignments()
            .stream(100)
            .try_filter(|a| std::future::ready(a.contractor == id))
            .try_collect()
            .await?;
        Ok::<_, ten99::client::Error>((policies, quotes, assignments))
    };
    match related.await {
        Ok((policies, quotes, assignments)) => {
            let mut job_ids: Vec<&str> = quotes
                .iter()
                .map(|q| q.job.as_str())
                .chain(assignments.iter().map(|a| a.job.as_str()))
                .collect();
            job_ids.sort_unstable();
            job_ids.dedup();
            for job in job_ids {
                if let Some(job) = active.cache.cached_record::<Job>(RecordTable::Jobs, job)? {
                    detail.jobs.push(job);
                }
            }
            detail.policies = policies;
            detail.quotes = quotes;
            detail.assignments = assignments;
        }
        Err(error) => detail.related_error = Some(Error::from(error).view().message),
    }
    Ok(detail)
}

#[tauri::command]
pub async fn contractors_list(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Result<Vec<Contractor>> {
    list(&state, search).await
}

#[tauri::command]
pub async fn contractors_create(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ContractorInput,
) -> Result<Contractor> {
    let created = create(&state, input).await?;
    changed(&app, TABLE);
    Ok(created)
}

#[tauri::command]
pub async fn contractors_update(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    update: ContractorUpdate,
) -> Result<Contractor> {
    let updated = self::update(&state, &id, update).await?;
    changed(&app, TABLE);
    Ok(updated)
}

#[tauri::command]
pub async fn contractors_delete(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Deleted> {
    let deleted = delete(&state, &id).await?;
    changed(&app, TABLE);
    Ok(deleted)
}

#[tauri::command]
pub async fn contractors_detail(
    state: State<'_, AppState>,
    id: String,
) -> Result<ContractorDetail> {
    detail(&state, &id).await
}

#[tauri::command]
pub async fn contractors_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
    refreshes: State<'_, Refreshes>,
) -> Result<RefreshSummary> {
    let fetched =
        super::records::refresh(&state, &refreshes, TABLE, &reporter(&app, TABLE)).await?;
    Ok(RefreshSummary { fetched })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::{requests_seen, started};
    use ten99::Address;

    pub(crate) fn ann(email: &str) -> ContractorInput {
        ContractorInput {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: email.into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn creates_through_the_standin_and_caches() {
        let (_dir, state) = started().await;
        let created = create(&state, ann(" ann@example.com ")).await.unwrap();
        assert!(created.id.starts_with("cn_"));
        assert_eq!(created.email, "ann@example.com");
        let cached = list(&state, Some("ann".into())).await.unwrap();
        assert_eq!(cached, vec![created]);
        let refreshes = Refreshes::default();
        let fetched = super::super::records::refresh(&state, &refreshes, TABLE, &|_| {})
            .await
            .unwrap();
        assert_eq!(fetched, 1);
    }

    #[tokio::test]
    async fn invalid_input_never_reaches_the_api() {
        let (_dir, state) = started().await;
        let before = requests_seen(&state).await;
        let error = create(&state, ann("not-an-email")).await.unwrap_err();
        assert_eq!(error.view().code, "invalid_input");
        assert!(error.view().fields.contains_key("email"));
        let bad_update = ContractorUpdate {
            phone: Some("12".into()),
            ..Default::default()
        };
        let view = update(&state, "cn_x", bad_update).await.unwrap_err().view();
        assert!(view.fields.contains_key("phone"), "{view:?}");
        assert_eq!(requests_seen(&state).await, before);
        assert!(state
            .active()
            .await
            .cache
            .list_audit(10)
            .unwrap()
            .is_empty());
    }

    #[tokio::test]
    async fn duplicate_email_comes_back_on_the_email_field() {
        let (_dir, state) = started().await;
        create(&state, ann("dup@example.com")).await.unwrap();
        let view = create(&state, ann("dup@example.com"))
            .await
            .unwrap_err()
            .view();
        assert_eq!(view.code, "duplicate_email");
        assert!(view.fields.contains_key("email"));
    }

    #[tokio::test]
    async fn updates_only_what_changed_then_deletes_and_audits_each_step() {
        let (_dir, state) = started().await;
        let created = create(&state, ann("ann@example.com")).await.unwrap();
        let change = ContractorUpdate {
            last_name: Some("Parker".into()),
            ..Default::default()
        };
        let updated = update(&state, &created.id, change).await.unwrap();
        assert_eq!(updated.last_name, "Parker");
        assert_eq!(updated.email, "ann@example.com", "fields left out stay");
        assert_eq!(
            list(&state, Some("parker".into())).await.unwrap(),
            vec![updated]
        );

        let deleted = delete(&state, &created.id).await.unwrap();
        assert_eq!(
            (deleted.id.as_str(), deleted.deleted),
            (created.id.as_str(), true)
        );
        assert!(list(&state, None).await.unwrap().is_empty());
        let active = state.active().await;
        let gone = active
            .client
            .contractors()
            .get(&created.id)
            .await
            .unwrap_err();
        assert!(
            matches!(gone, ten99::client::Error::Api { status: 404, .. }),
            "{gone:?}"
        );
        let again = delete(&state, &created.id).await.unwrap_err();

        let log: Vec<(String, String)> = active
            .cache
            .list_audit(10)
            .unwrap()
            .into_iter()
            .map(|e| (e.action, e.outcome))
            .collect();
        assert_eq!(
            log,
            [
                ("delete".to_owned(), again.code()),
                ("delete".to_owned(), "ok".to_owned()),
                ("update".to_owned(), "ok".to_owned()),
                ("create".to_owned(), "ok".to_owned()),
            ]
        );
    }

    #[tokio::test]
    async fn detail_shows_their_quotes_and_the_jobs_quoted() {
        let (_dir, state) = started().await;
        let created = create(&state, ann("ann@example.com")).await.unwrap();
        let job = crate::commands::jobs::tests::a_job(&state).await;
        let active = state.active().await;
        let quote = active
            .client
            .quotes()
            .create(&ten99::QuoteInput {
                contractor: created.id.clone(),
                job: job.id.clone(),
                coverage_type: vec![ten99::CoverageType::General],
                ..Default::default()
            })
            .await
            .unwrap();
        let detail = detail(&state, &created.id).await.unwrap();
        assert_eq!(detail.contractor, created);
        assert_eq!(detail.related_error, None);
        assert_eq!(
            detail.quotes.iter().map(|q| &q.id).collect::<Vec<_>>(),
            [&quote.id]
        );
        assert_eq!(detail.jobs, vec![job]);
    }
}
