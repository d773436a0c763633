use super::CACHE_CHANGED;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::contractors::RefreshSummary;
use tauri::{AppHandle, Emitter, State};
use ten99::{Contractor, ContractorInput};

pub async fn list(state: &AppState, search: Option<String>) -> Result<Vec<Contractor>> {
    state
        .active()
        .await
        .cache
        .list_contractors(search.as_deref())
}

/// Validates before anything is sent: a form with errors never reaches the API.
pub async fn create(state: &AppState, input: ContractorInput) -> Result<Contractor> {
    let input = ContractorInput {
        email: input.email.trim().to_owned(),
        ..input
    };
    input.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active().await;
    let contractor = active.client.contractors().create(&input).await?;
    active
        .cache
        .upsert_contractors(std::slice::from_ref(&contractor), now())?;
    Ok(contractor)
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.contractors().list_all().await?;
    active.cache.upsert_contractors(&all, now())?;
    Ok(RefreshSummary { fetched: all.len() })
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
    state: State<'_, AppState>,
    input: ContractorInput,
) -> Result<Contractor> {
    create(&state, input).await
}

#[tauri::command]
pub async fn contractors_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    // The UI re-queries the cache when it hears this; failing to emit only delays that.
    let _ = app.emit(CACHE_CHANGED, "contractors");
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::KeyStore;
    use ten99::Address;

    fn ann(email: &str) -> ContractorInput {
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

    async fn requests_seen(state: &AppState) -> usize {
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
        seen.len()
    }

    #[tokio::test]
    async fn creates_through_the_standin_and_caches() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(dir.path().into(), KeyStore::with_service("unused"))
            .await
            .unwrap();
        let created = create(&state, ann(" ann@example.com ")).await.unwrap();
        assert!(created.id.starts_with("cn_"));
        assert_eq!(created.email, "ann@example.com");
        let cached = list(&state, Some("ann".into())).await.unwrap();
        assert_eq!(cached, vec![created]);
        assert_eq!(refresh(&state).await.unwrap().fetched, 1);
    }

    #[tokio::test]
    async fn invalid_input_never_reaches_the_api() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(dir.path().into(), KeyStore::with_service("unused"))
            .await
            .unwrap();
        let before = requests_seen(&state).await;
        let error = create(&state, ann("not-an-email")).await.unwrap_err();
        assert_eq!(error.view().code, "invalid_input");
        assert!(error.view().fields.contains_key("email"));
        assert_eq!(requests_seen(&state).await, before);
    }

    #[tokio::test]
    async fn duplicate_email_comes_back_on_the_email_field() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::start(dir.path().into(), KeyStore::with_service("unused"))
            .await
            .unwrap();
        create(&state, ann("dup@example.com")).await.unwrap();
        let view = create(&state, ann("dup@example.com"))
            .await
            .unwrap_err()
            .view();
        assert_eq!(view.code, "duplicate_email");
        assert!(view.fields.contains_key("email"));
    }
}
