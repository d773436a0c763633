//! Contractors: the people covered. What is theirs: the detail with their quotes,
//! policies and assignments, and `create_as`, the import's create.

use super::records::{
    after_save, checked_input, quotes_and_assignments, record_commands, record_impl, Record,
};
use crate::cache::RecordTable;
use crate::error::{Error, Result};
use crate::state::{Active, AppState};
use coverdesk_ipc::contractors::{ContractorDetail, RefreshSummary};
use ten99::{Contractor, ContractorInput, ContractorUpdate, Job};

// `list`, `create`, `update`, `delete`, `detail` and the commands. A delete is for
// good; the API also cancels the contractor's active policies.
record_commands! {
    Contractor(ContractorInput, ContractorUpdate) -> ContractorDetail, RefreshSummary;
    contractors_list, contractors_create, contractors_update, contractors_delete,
    contractors_detail, contractors_refresh
}

/// The contractor with their quotes, policies and assignments from the API, and the
/// jobs those name from the cache. Offline, the related records are left empty and
/// `related_error` says why.
async fn with_related(
    active: &Active,
    contractor: Contractor,
    id: &str,
) -> Result<ContractorDetail> {
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
        let (quotes, assignments) =
            quotes_and_assignments(client, |q| q.contractor == id, |a| a.contractor == id).await?;
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

record_impl! {
    Contractor(ContractorInput, ContractorUpdate) -> ContractorDetail by with_related;
    table: Contractors, audit: "contractor", client: contractors, trimmed: [email],
    cache: list_contractors, upsert_contractors
}

/// `create`, under `idempotency_key` when given (an imported row's own, so the row
/// sent again after a crash gets back the contractor it made instead of a second one).
pub async fn create_as(
    state: &AppState,
    input: ContractorInput,
    idempotency_key: Option<&str>,
) -> Result<Contractor> {
    let Some(key) = idempotency_key else {
        return create(state, input).await;
    };
    let input = checked_input::<Contractor>(input)?;
    let active = state.active_for_write().await?;
    let result = active
        .client
        .contractors()
        .create_with_key(&input, key)
        .await
        .map_err(Error::from);
    after_save(
        &active,
        "create",
        Contractor::KIND,
        None,
        result,
        Contractor::cache,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::RecordTable::Contractors as TABLE;
    use crate::commands::test_support::{refreshed, requests_seen, started};
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
        assert_eq!(refreshed(&state, TABLE).await, 1);
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
