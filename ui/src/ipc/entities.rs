//! Entities: `src-tauri/src/commands/entities.rs`.

use super::records::{IdArgs, UpdateArgs};
use super::{invoke, write};
use coverdesk_ipc::entities::{command, EntityDetail};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Deleted, Entity, EntityInput, EntityUpdate};

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

/// Changes the fields set in `update`; `name` is how the person knows the record
/// ("Ann Lee"), for the action label.
pub async fn update(id: &str, update: &EntityUpdate, name: &str) -> Result<Entity, ErrorView> {
    write(
        command::UPDATE,
        &UpdateArgs { id, update },
        &format!("Update entity {name}"),
    )
    .await
}

pub async fn delete(id: &str, name: &str) -> Result<Deleted, ErrorView> {
    write(
        command::DELETE,
        &IdArgs { id },
        &format!("Delete entity {name}"),
    )
    .await
}

/// The record and its related records.
pub async fn detail(id: &str) -> Result<EntityDetail, ErrorView> {
    invoke(command::DETAIL, &IdArgs { id }).await
}
