//! Contractors: `src-tauri/src/commands/contractors.rs`.

use super::records::{IdArgs, UpdateArgs};
use super::{invoke, write};
use coverdesk_ipc::contractors::{command, ContractorDetail};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Contractor, ContractorInput, ContractorUpdate, Deleted};

#[derive(Serialize)]
struct ListArgs<'a> {
    search: Option<&'a str>,
}

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a ContractorInput,
}

/// Contractors from the backend's cache, optionally narrowed by `search`.
pub async fn list(search: Option<&str>) -> Result<Vec<Contractor>, ErrorView> {
    invoke(command::LIST, &ListArgs { search }).await
}

pub async fn create(input: &ContractorInput) -> Result<Contractor, ErrorView> {
    write(
        command::CREATE,
        &CreateArgs { input },
        &format!("Create contractor {} {}", input.first_name, input.last_name),
    )
    .await
}

/// Changes the fields set in `update`; `name` is how the person knows the record
/// ("Ann Lee"), for the action label.
pub async fn update(
    id: &str,
    update: &ContractorUpdate,
    name: &str,
) -> Result<Contractor, ErrorView> {
    write(
        command::UPDATE,
        &UpdateArgs { id, update },
        &format!("Update contractor {name}"),
    )
    .await
}

pub async fn delete(id: &str, name: &str) -> Result<Deleted, ErrorView> {
    write(
        command::DELETE,
        &IdArgs { id },
        &format!("Delete contractor {name}"),
    )
    .await
}

/// The record and its related records.
pub async fn detail(id: &str) -> Result<ContractorDetail, ErrorView> {
    invoke(command::DETAIL, &IdArgs { id }).await
}
