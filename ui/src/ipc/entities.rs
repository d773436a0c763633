//! Entities: `src-tauri/src/commands/entities.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::entities::{command, RefreshSummary};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Entity, EntityInput};

#[derive(Serialize)]
struct ListArgs<'a> {
    search: Option<&'a str>,
}

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a EntityInput,
}

/// Entities from the backend's cache, optionally narrowed by `search`.
pub async fn list(search: Option<&str>) -> Result<Vec<Entity>, ErrorView> {
    invoke(command::LIST, &ListArgs { search }).await
}

pub async fn create(input: &EntityInput) -> Result<Entity, ErrorView> {
    write(
        command::CREATE,
        &CreateArgs { input },
        &format!("Create entity {}", input.name),
    )
    .await
}

/// Pulls every entity from the API into the cache.
pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}
