//! Records as CSV: `src-tauri/src/commands/records_csv.rs`. Neither call changes anything
//! at the API (the import's creates go through `contractors::create`), so plain `invoke`.

use super::invoke;
use coverdesk_ipc::records_csv::{command, ExportSummary, ImportPreview, RecordKind};
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct PreviewArgs<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct ExportArgs<'a> {
    kind: RecordKind,
    search: Option<&'a str>,
}

/// The rows of a contractor CSV, each checked; nothing is sent.
pub async fn import_preview(text: &str) -> Result<ImportPreview, ErrorView> {
    invoke(command::IMPORT_PREVIEW, &PreviewArgs { text }).await
}

/// Writes the cached list of `kind`, narrowed by `search` as the list is, to a CSV
/// file; the reply says where.
pub async fn export(kind: RecordKind, search: Option<&str>) -> Result<ExportSummary, ErrorView> {
    invoke(command::EXPORT, &ExportArgs { kind, search }).await
}
