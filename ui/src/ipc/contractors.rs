//! Contractors: `src-tauri/src/commands/contractors.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::contractors::{command, RefreshSummary};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Contractor, ContractorInput};

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

/// Pulls every contractor from the API into the cache.
pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}
