use crate::error::{Error, Result};
use crate::state::{now, remote_api_base, AppState};
use coverdesk_ipc::{AppEnvironment, KeyView, SettingsView};
use tauri::State;
use ten99::client::{ApiKey, Client, ListParams};

pub async fn view(state: &AppState) -> Result<SettingsView> {
    let active = state.active().await;
    let keychain = state.keys.status();
    let mut keys = Vec::new();
    if keychain.available {
        for environment in [AppEnvironment::Sandbox, AppEnvironment::Production] {
            if let Some(key) = state.keys.read(environment)? {
                let saved_at = state
                    .preferences
                    .key_saved_at(environment)?
                    .unwrap_or_default();
                keys.push(KeyView {
                    environment,
                    last4: key.last4(),
                    saved_at,
                });
            }
        }
    }
    Ok(SettingsView {
        environment: active.environment,
        api_base: state.api_base(active.environment).await,
        keys,
        keychain,
    })
}

/// Checks the key before storing it: its prefix must match the environment, and the
/// API must accept it for a harmless read.
pub async fn save_key(
    state: &AppState,
    environment: AppEnvironment,
    key: ApiKey,
) -> Result<KeyView> {
    let expected = match environment {
        AppEnvironment::Local => {
            return Err(Error::KeyRejected("the local stand-in needs no key".into()))
        }
        remote => remote.api_environment(),
    };
    match ten99::Environment::of_key(key.expose()) {
        None => {
            return Err(Error::KeyRejected(
                "it does not look like a 1099Policy secret key (t9sk_test_… or t9sk_live_…)".into(),
            ))
        }
        Some(actual) if actual != expected => {
            return Err(Error::KeyRejected(format!(
                "it is a {} key; save it under {} instead",
                if actual == ten99::Environment::Production {
                    "live"
                } else {
                    "test"
                },
                if actual == ten99::Environment::Production {
                    "Production"
                } else {
                    "Sandbox"
                },
            )))
        }
        Some(_) => {}
    }
    let client = Client::new(&remote_api_base(), key.clone(), expected)?;
    match client
        .contractors()
        .list(&ListParams {
            limit: Some(1),
            ..Default::default()
        })
        .await
    {
        Ok(_) => {}
        Err(ten99::client::Error::Api {
            status: 401 | 403, ..
        }) => {
            return Err(Error::KeyRejected(
                "the API did not accept it; copy it again from the 1099Policy dashboard".into(),
            ))
        }
        Err(other) => return Err(other.into()),
    }
    state.keys.save(environment, &key)?;
    let saved_at = now();
    state
        .preferences
        .set_key_saved_at(environment, Some(saved_at))?;
    if state.active().await.environment == environment {
        // Start using the new key at once.
        state.switch(environment).await?;
    }
    Ok(KeyView {
        environment,
        last4: key.last4(),
        saved_at,
    })
}

pub async fn delete_key(state: &AppState, environment: AppEnvironment) -> Result<()> {
    state.keys.delete(environment)?;
    state.preferences.set_key_saved_at(environment, None)?;
    if state.active().await.environment == environment {
        state.switch(AppEnvironment::Local).await?;
    }
    Ok(())
}

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Result<SettingsView> {
    view(&state).await
}

#[tauri::command]
pub async fn settings_save_key(
    state: State<'_, AppState>,
    environment: AppEnvironment,
    key: String,
) -> Result<KeyView> {
    save_key(&state, environment, ApiKey::new(key.trim())).await
}

#[tauri::command]
pub async fn settings_delete_key(
    state: State<'_, AppState>,
    environment: AppEnvironment,
) -> Result<()> {
    delete_key(&state, environment).await
}

#[tauri::command]
pub async fn settings_switch_environment(
    state: State<'_, AppState>,
    environment: AppEnvironment,
) -> Result<SettingsView> {
    state.switch(environment).await?;
    view(&state).await
}
