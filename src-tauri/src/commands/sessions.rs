//! Insurance application sessions: the link a contractor follows to apply for a quote,
//! with the success and cancel URLs kept as defaults in settings.

use super::CACHE_CHANGED;
use crate::error::{Error, Result};
use crate::state::{now, AppState};
use coverdesk_ipc::sessions::{RefreshSummary, SessionDefaults};
use tauri::{AppHandle, Emitter, State};
use ten99::{Session, SessionInput, SessionUpdate};

pub async fn list(state: &AppState) -> Result<Vec<Session>> {
    state.active().await.cache.list_sessions()
}

/// Blank or absent URLs take the saved defaults; then `ten99`'s rules decide before
/// anything is sent.
pub async fn create(state: &AppState, input: SessionInput) -> Result<Session> {
    let defaults = state.preferences.session_defaults()?;
    let or_default = |url: Option<String>, default: String| {
        Some(
            url.map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty())
                .unwrap_or(default),
        )
    };
    let input = SessionInput {
        quote: input.quote.map(|q| q.trim().to_owned()),
        success_url: or_default(input.success_url, defaults.success_url),
        cancel_url: or_default(input.cancel_url, defaults.cancel_url),
        ..input
    };
    input.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let session = active.client.sessions().create(&input).await?;
    active
        .cache
        .upsert_sessions(std::slice::from_ref(&session), now())?;
    Ok(session)
}

pub async fn expire(state: &AppState, id: &str) -> Result<Session> {
    let active = state.active_for_write().await?;
    let session = active.client.sessions().expire(id.trim()).await?;
    active
        .cache
        .upsert_sessions(std::slice::from_ref(&session), now())?;
    Ok(session)
}

pub async fn update(state: &AppState, id: &str, update: SessionUpdate) -> Result<Session> {
    let trim = |u: Option<String>| u.map(|u| u.trim().to_owned());
    let update = SessionUpdate {
        success_url: trim(update.success_url),
        cancel_url: trim(update.cancel_url),
    };
    update.validate().into_result().map_err(Error::Invalid)?;
    let active = state.active_for_write().await?;
    let session = active.client.sessions().update(id.trim(), &update).await?;
    active
        .cache
        .upsert_sessions(std::slice::from_ref(&session), now())?;
    Ok(session)
}

pub async fn refresh(state: &AppState) -> Result<RefreshSummary> {
    let active = state.active().await;
    let all = active.client.sessions().list_all().await?;
    active.cache.upsert_sessions(&all, now())?;
    Ok(RefreshSummary { fetched: all.len() })
}

pub fn save_defaults(state: &AppState, defaults: SessionDefaults) -> Result<SessionDefaults> {
    defaults.validate().into_result().map_err(Error::Invalid)?;
    state.preferences.set_session_defaults(&defaults)?;
    state.preferences.session_defaults()
}

#[tauri::command]
pub async fn sessions_list(state: State<'_, AppState>) -> Result<Vec<Session>> {
    list(&state).await
}

#[tauri::command]
pub async fn sessions_create(
    app: AppHandle,
    state: State<'_, AppState>,
    input: SessionInput,
) -> Result<Session> {
    let session = create(&state, input).await?;
    let _ = app.emit(CACHE_CHANGED, "sessions");
    Ok(session)
}

#[tauri::command]
pub async fn sessions_expire(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Session> {
    let session = expire(&state, &id).await?;
    let _ = app.emit(CACHE_CHANGED, "sessions");
    Ok(session)
}

#[tauri::command]
pub async fn sessions_update(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    update: SessionUpdate,
) -> Result<Session> {
    let session = self::update(&state, &id, update).await?;
    let _ = app.emit(CACHE_CHANGED, "sessions");
    Ok(session)
}

#[tauri::command]
pub async fn sessions_refresh(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<RefreshSummary> {
    let summary = refresh(&state).await?;
    let _ = app.emit(CACHE_CHANGED, "sessions");
    Ok(summary)
}

#[tauri::command]
pub async fn sessions_defaults(state: State<'_, AppState>) -> Result<SessionDefaults> {
    state.preferences.session_defaults()
}

#[tauri::command]
pub async fn sessions_save_defaults(
    state: State<'_, AppState>,
    defaults: SessionDefaults,
) -> Result<SessionDefaults> {
    save_defaults(&state, defaults)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::quotes::{self, tests::contractor_and_job};
    use crate::commands::test_support::{requests_seen, started};
    use crate::preferences::DEFAULT_CANCEL_URL;
    use ten99::SessionStep;

    async fn a_quote(state: &AppState) -> String {
        let (contractor, job) = contractor_and_job(state).await;
        let mut request = quotes::tests::three(&contractor, &job);
        request.combinations.truncate(1);
        let attempts = quotes::request(state, request, |_| {}).await.unwrap();
        attempts[0].outcome.as_ref().unwrap().id.clone()
    }

    #[tokio::test]
    async fn creates_with_default_urls_then_changes_and_expires() {
        let (_dir, state) = started().await;
        let quote = a_quote(&state).await;
        save_defaults(
            &state,
            SessionDefaults {
                success_url: "https://ops.example.org/welcome".into(),
                cancel_url: DEFAULT_CANCEL_URL.into(),
            },
        )
        .unwrap();
        let session = create(
            &state,
            SessionInput {
                quote: Some(quote.clone()),
                success_url: Some(" ".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(session.id.starts_with("ias_"));
        assert_eq!(session.quote.as_deref(), Some(quote.as_str()));
        assert_eq!(
            session.success_url.as_deref(),
            Some("https://ops.example.org/welcome")
        );
        assert_eq!(session.cancel_url.as_deref(), Some(DEFAULT_CANCEL_URL));
        let url = session.url.clone().unwrap();
        assert!(url.starts_with("http"), "{url}");
        assert!(!session.expired && !session.is_complete());
        assert_eq!(session.step, Some(SessionStep::VerifyInfo));

        let changed = update(
            &state,
            &session.id,
            SessionUpdate {
                cancel_url: Some("https://ops.example.org/later".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            changed.cancel_url.as_deref(),
            Some("https://ops.example.org/later")
        );
        assert_eq!(changed.success_url, session.success_url);

        let expired = expire(&state, &session.id).await.unwrap();
        assert!(expired.expired);
        let cached = list(&state).await.unwrap();
        assert_eq!(cached.len(), 1);
        assert!(cached[0].expired, "the cache holds the expired copy");
        let again = expire(&state, &session.id).await.unwrap_err().view();
        assert!(
            !again.message.is_empty() && again.code != "invalid_input",
            "{again:?}"
        );
        assert_eq!(refresh(&state).await.unwrap().fetched, 1);
    }

    #[tokio::test]
    async fn bad_urls_never_reach_the_api() {
        let (_dir, state) = started().await;
        let before = requests_seen(&state).await;
        let view = create(
            &state,
            SessionInput {
                quote: Some("qt_abc".into()),
                success_url: Some("javascript:alert(1)".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err()
        .view();
        assert!(view.fields.contains_key("success_url"), "{view:?}");
        let view = update(
            &state,
            "ias_x",
            SessionUpdate {
                cancel_url: Some("ftp://x".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap_err()
        .view();
        assert!(view.fields.contains_key("cancel_url"), "{view:?}");
        let bad_defaults = SessionDefaults {
            success_url: "nope".into(),
            cancel_url: DEFAULT_CANCEL_URL.into(),
        };
        assert!(save_defaults(&state, bad_defaults).is_err());
        assert_eq!(requests_seen(&state).await, before);
    }
}
