//! Insurance application sessions: `src-tauri/src/commands/sessions.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::sessions::{command, RefreshSummary, SessionDefaults};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Session, SessionInput, SessionUpdate};

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a SessionInput,
}

#[derive(Serialize)]
struct IdArgs<'a> {
    id: &'a str,
}

#[derive(Serialize)]
struct UpdateArgs<'a> {
    id: &'a str,
    update: &'a SessionUpdate,
}

#[derive(Serialize)]
struct DefaultsArgs<'a> {
    defaults: &'a SessionDefaults,
}

pub async fn list() -> Result<Vec<Session>, ErrorView> {
    invoke(command::LIST, &NoArgs {}).await
}

pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}

pub async fn create(input: &SessionInput, action: &str) -> Result<Session, ErrorView> {
    write(command::CREATE, &CreateArgs { input }, action).await
}

pub async fn expire(id: &str, action: &str) -> Result<Session, ErrorView> {
    write(command::EXPIRE, &IdArgs { id }, action).await
}

pub async fn update(id: &str, update: &SessionUpdate, action: &str) -> Result<Session, ErrorView> {
    write(command::UPDATE, &UpdateArgs { id, update }, action).await
}

pub async fn defaults() -> Result<SessionDefaults, ErrorView> {
    invoke(command::DEFAULTS, &NoArgs {}).await
}

/// Saved in the app's settings only; nothing is sent to the API.
pub async fn save_defaults(defaults: &SessionDefaults) -> Result<SessionDefaults, ErrorView> {
    invoke(command::SAVE_DEFAULTS, &DefaultsArgs { defaults }).await
}
