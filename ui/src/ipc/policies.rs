//! Policies: `src-tauri/src/commands/policies.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::policies::{command, PolicyFilter, PolicyRow, RefreshSummary};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct ListArgs<'a> {
    filter: &'a PolicyFilter,
}

#[derive(Serialize)]
struct IdArgs<'a> {
    id: &'a str,
}

/// Policies from the backend's cache (the follow task keeps it current).
pub async fn list(filter: &PolicyFilter) -> Result<Vec<PolicyRow>, ErrorView> {
    invoke(command::LIST, &ListArgs { filter }).await
}

/// Pulls every policy from the API into the cache.
pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}

/// Ends cover now; `holder` names whose policy it is in the action.
pub async fn cancel(id: &str, holder: &str) -> Result<PolicyRow, ErrorView> {
    write(
        command::CANCEL,
        &IdArgs { id },
        &format!("Cancel policy {id} for {holder}"),
    )
    .await
}
