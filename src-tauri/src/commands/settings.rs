use crate::error::{Error, Result};
use crate::state::{now, AppState};
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

/// Checks the key before storing it: its prefix must match the environment, the
/// keychain must be usable, and the API of that environment must accept the key for a
/// harmless read. Only then is it stored; the UI gets back its last four characters.
pub async fn save_key(
    state: &AppState,
    environment: AppEnvironment,
    key: ApiKey,
) -> Result<KeyView> {
    let key = key.trimmed();
    let expected = match environment {
        AppEnvironment::Local => {
            return Err(Error::KeyRejected("the local stand-in needs no key".into()))
        }
        remote => remote.api_environment(),
    };
    refuse_other_environment(expected, &key)?;
    // Before any call: a key that cannot be kept is not worth checking.
    state.keys.check()?;
    check_with_api(&state.remote_base, expected, &key).await?;
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

fn environment_name(environment: ten99::Environment) -> (&'static str, &'static str) {
    match environment {
        ten99::Environment::Production => ("live", "Production"),
        ten99::Environment::Sandbox => ("test", "Sandbox"),
    }
}

/// A live key offered as sandbox, or a test key offered as production, is refused by
/// its prefix alone: nothing is sent.
fn refuse_other_environment(expected: ten99::Environment, key: &ApiKey) -> Result<()> {
    match ten99::Environment::of_key(key.expose()) {
        None => Err(Error::KeyRejected(
            "it does not look like a 1099Policy secret key (t9sk_test_… or t9sk_live_…)".into(),
        )),
        Some(actual) if actual != expected => {
            let (kind, home) = environment_name(actual);
            Err(Error::KeyRejected(format!(
                "it is a {kind} key; save it under {home} instead"
            )))
        }
        Some(_) => Ok(()),
    }
}

/// Lists at most one contractor: reads nothing the person did not already have, and
/// changes nothing.
async fn check_with_api(base: &str, environment: ten99::Environment, key: &ApiKey) -> Result<()> {
    let client = Client::new(base, key.clone(), environment)?;
    let params = ListParams {
        limit: Some(1),
        ..Default::default()
    };
    match client.contractors().list(&params).await {
        Ok(_) => Ok(()),
        Err(ten99::client::Error::Api {
            status: 401 | 403, ..
        }) => Err(Error::KeyRejected(format!(
            "the {} API did not accept it; copy it again from the 1099Policy dashboard",
            environment_name(environment).1
        ))),
        Err(other) => Err(other.into()),
    }
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
    key: ApiKey,
) -> Result<KeyView> {
    save_key(&state, environment, key).await
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

#[cfg(test)]
mod tests;

/// The person confirmed `action` in production, covering `changes` writes.
#[tauri::command]
pub async fn settings_confirm_production(
    state: State<'_, AppState>,
    action: String,
    changes: u32,
) -> Result<()> {
    state.permits.grant(&action, changes);
    Ok(())
}
