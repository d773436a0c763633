//! Settings: environment and API keys (`src-tauri/src/commands/settings.rs`).

use super::{invoke, NoArgs};
use coverdesk_ipc::settings::command;
use coverdesk_ipc::{AppEnvironment, ErrorView, KeyView, SettingsView};
use serde::Serialize;

#[derive(Serialize)]
struct EnvironmentArgs {
    environment: AppEnvironment,
}

#[derive(Serialize)]
struct SaveKeyArgs<'a> {
    environment: AppEnvironment,
    key: &'a str,
}

pub async fn get() -> Result<SettingsView, ErrorView> {
    invoke(command::GET, &NoArgs {}).await
}

/// Sends a key to the backend, which checks and stores it; only its last four come back.
pub async fn save_key(environment: AppEnvironment, key: &str) -> Result<KeyView, ErrorView> {
    invoke(command::SAVE_KEY, &SaveKeyArgs { environment, key }).await
}

pub async fn delete_key(environment: AppEnvironment) -> Result<(), ErrorView> {
    invoke(command::DELETE_KEY, &EnvironmentArgs { environment }).await
}

pub async fn switch_environment(environment: AppEnvironment) -> Result<SettingsView, ErrorView> {
    invoke(
        command::SWITCH_ENVIRONMENT,
        &EnvironmentArgs { environment },
    )
    .await
}
