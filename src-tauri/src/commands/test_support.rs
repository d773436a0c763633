//! What the command tests share: an app state on the embedded stand-in, and a count of
//! the calls the stand-in has seen (to prove invalid input never left the app).

use crate::keys::KeyStore;
use crate::state::AppState;

/// The state and the folder holding its files (dropped with it).
pub async fn started() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let state = AppState::start(dir.path().into(), KeyStore::with_service("unused"))
        .await
        .unwrap();
    (dir, state)
}

/// Walks every page of `table` once, as its refresh command does: how many records the
/// API returned.
pub async fn refreshed(state: &AppState, table: crate::cache::RecordTable) -> usize {
    let refreshes = crate::sync::Refreshes::default();
    crate::commands::records::refresh(state, &refreshes, table, &|_| {})
        .await
        .unwrap()
}

pub async fn requests_seen(state: &AppState) -> usize {
    let base = state.api_base(coverdesk_ipc::AppEnvironment::Local).await;
    requests_seen_at(&base, crate::state::LOCAL_KEY).await
}

/// How many API calls the stand-in at `base` has seen made with `key`.
pub async fn requests_seen_at(base: &str, key: &str) -> usize {
    let seen: Vec<serde_json::Value> = reqwest::Client::new()
        .get(format!("{base}/_sandbox/requests"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    seen.len()
}

/// A contractor (Ann Lee), an entity, a job and a workers' comp + general quote for
/// them, and an application session for that quote, all made at the stand-in.
pub async fn pending_application(
    state: &AppState,
) -> (ten99::Contractor, ten99::Job, ten99::Session) {
    use ten99::{
        Address, Cents, ContractorInput, CoverageType, JobInput, QuoteInput, SessionInput, WageType,
    };
    let client = state.active().await.client;
    let suffix = uuid_like();
    let contractor = client
        .contractors()
        .create(&ContractorInput {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: format!("ann.lee+{suffix}@example.com"),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            ..Default::default()
        })
        .await
        .unwrap();
    let entity = crate::commands::entities::create(
        state,
        crate::commands::entities::tests::lake_view_bowl(),
    )
    .await
    .unwrap();
    let category = client.job_categories().list_all().await.unwrap().remove(0);
    let job = client
        .jobs()
        .create(&JobInput {
            name: "Field technician".into(),
            description: "Run cable from front of commercial building to rear.".into(),
            entity: entity.id,
            category_code: category.category_code,
            wage: Cents(120_000),
            wage_type: Some(WageType::Flatfee),
            duration_hours: Some(20),
            ..Default::default()
        })
        .await
        .unwrap();
    let quote = client
        .quotes()
        .create(&QuoteInput {
            contractor: contractor.id.clone(),
            job: job.id.clone(),
            coverage_type: vec![CoverageType::WorkersComp, CoverageType::General],
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        quote.eligible,
        "the fixture quote must be bindable: {quote:?}"
    );
    let session = client
        .sessions()
        .create(&SessionInput::for_quote(
            &quote.id,
            "https://example.com/done",
            "https://example.com/cancel",
        ))
        .await
        .unwrap();
    (contractor, job, session)
}

/// Does what the contractor does on the application page: completes `session`, which
/// binds its quote. Returns the policy's id.
pub async fn complete_application(state: &AppState, session: &str) -> String {
    let base = state.api_base(coverdesk_ipc::AppEnvironment::Local).await;
    let done: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/_sandbox/sessions/{session}/complete"))
        .bearer_auth(crate::state::LOCAL_KEY)
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    done["policy"]["id"].as_str().unwrap().to_owned()
}

/// The paths of the requests the stand-in has logged for the local key.
pub async fn request_paths(state: &AppState) -> Vec<String> {
    let base = state.api_base(coverdesk_ipc::AppEnvironment::Local).await;
    let seen: Vec<serde_json::Value> = reqwest::Client::new()
        .get(format!("{base}/_sandbox/requests"))
        .bearer_auth(crate::state::LOCAL_KEY)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    seen.iter()
        .filter_map(|r| r["path"].as_str().map(str::to_owned))
        .collect()
}

/// Emails must be unique per key, and the stand-in's data outlives one test.
fn uuid_like() -> String {
    format!(
        "{}{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    )
}
