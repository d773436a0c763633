//! The background refresh: `src-tauri/src/commands/sync.rs`.

use super::{invoke, NoArgs};
use coverdesk_ipc::sync::{command, SyncStatus};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct RefreshArgs<'a> {
    resource: Option<&'a str>,
}

/// How fresh each cached record list is.
pub async fn status() -> Result<Vec<SyncStatus>, ErrorView> {
    invoke(command::STATUS, &NoArgs {}).await
}

/// Walks `resource` (or every list) from the API into the cache; answers when done.
/// Reading from the API changes nothing there, so this is not a write.
pub async fn refresh(resource: Option<&str>) -> Result<Vec<SyncStatus>, ErrorView> {
    invoke(command::REFRESH, &RefreshArgs { resource }).await
}
