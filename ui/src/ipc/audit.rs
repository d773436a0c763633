//! The audit log: `src-tauri/src/commands/audit.rs`.

use super::invoke;
use coverdesk_ipc::audit::{command, AuditEntry};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct ListArgs {
    limit: Option<u32>,
}

/// The newest entries of the environment in use.
pub async fn list(limit: Option<u32>) -> Result<Vec<AuditEntry>, ErrorView> {
    invoke(command::LIST, &ListArgs { limit }).await
}
