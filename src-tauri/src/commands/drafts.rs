//! Drafts of open record forms, kept in the active environment's cache so a restart or a
//! failed submit loses nothing. They never reach the API.

use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::drafts::{DraftForm, SavedDraft, MAX_DRAFT_BYTES};
use tauri::State;

pub async fn get(
    state: &AppState,
    form: DraftForm,
    record_id: Option<String>,
) -> Result<Option<SavedDraft>> {
    state
        .active()
        .await
        .cache
        .get_draft(form, record_id.as_deref())
}

pub async fn save(
    state: &AppState,
    form: DraftForm,
    record_id: Option<String>,
    body: String,
) -> Result<SavedDraft> {
    if body.len() > MAX_DRAFT_BYTES {
        return Err(Error::DraftTooLarge);
    }
    let saved_at = now();
    state
        .active()
        .await
        .cache
        .save_draft(form, record_id.as_deref(), &body, saved_at)?;
    Ok(SavedDraft { body, saved_at })
}

pub async fn discard(state: &AppState, form: DraftForm, record_id: Option<String>) -> Result<()> {
    state
        .active()
        .await
        .cache
        .discard_draft(form, record_id.as_deref())
}

#[tauri::command]
pub async fn drafts_get(
    state: State<'_, AppState>,
    form: DraftForm,
    record_id: Option<String>,
) -> Result<Option<SavedDraft>> {
    get(&state, form, record_id).await
}

#[tauri::command]
pub async fn drafts_save(
    state: State<'_, AppState>,
    form: DraftForm,
    record_id: Option<String>,
    body: String,
) -> Result<SavedDraft> {
    save(&state, form, record_id, body).await
}

#[tauri::command]
pub async fn drafts_discard(
    state: State<'_, AppState>,
    form: DraftForm,
    record_id: Option<String>,
) -> Result<()> {
    discard(&state, form, record_id).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::started;

    #[tokio::test]
    async fn saves_restores_and_discards_in_the_active_environment() {
        let (_dir, state) = started().await;
        assert_eq!(get(&state, DraftForm::Job, None).await.unwrap(), None);
        save(&state, DraftForm::Job, None, r#"{"name":"Tech"}"#.into())
            .await
            .unwrap();
        let back = get(&state, DraftForm::Job, None).await.unwrap().unwrap();
        assert_eq!(back.body, r#"{"name":"Tech"}"#);
        discard(&state, DraftForm::Job, None).await.unwrap();
        assert_eq!(get(&state, DraftForm::Job, None).await.unwrap(), None);
    }

    #[tokio::test]
    async fn refuses_a_draft_too_large_to_be_a_form() {
        let (_dir, state) = started().await;
        let huge = "x".repeat(MAX_DRAFT_BYTES + 1);
        let error = save(&state, DraftForm::Entity, None, huge)
            .await
            .unwrap_err();
        assert_eq!(error.code(), "draft_too_large");
        assert_eq!(get(&state, DraftForm::Entity, None).await.unwrap(), None);
    }
}
