use crate::error::Result;
use crate::state::AppState;
use coverdesk_ipc::audit::AuditEntry;
use tauri::State;

/// The newest entries of the environment in use.
pub async fn list(state: &AppState, limit: Option<u32>) -> Result<Vec<AuditEntry>> {
    let limit = limit.unwrap_or(500).clamp(1, 5000);
    state.active().await.cache.list_audit(limit)
}

#[tauri::command]
pub async fn audit_list(state: State<'_, AppState>, limit: Option<u32>) -> Result<Vec<AuditEntry>> {
    list(&state, limit).await
}
