//! Records as CSV: `src-tauri/src/commands/records_csv.rs`. The preview and the export
//! change nothing at the API, so plain `invoke`; the import's creates are confirmed once
//! for the whole import in production (see the import panel).

use super::invoke;
use coverdesk_ipc::records_csv::{command, ExportSummary, ImportPreview, RecordKind};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::{Contractor, ContractorInput};

#[derive(Serialize)]
struct PreviewArgs<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct CreateArgs<'a> {
    input: &'a ContractorInput,
}

#[derive(Serialize)]
struct ExportArgs<'a> {
    kind: RecordKind,
    search: Option<&'a str>,
    /// Only these rows ("Export selected"); `None`: the whole list.
    ids: Option<&'a [String]>,
}

/// The rows of a contractor CSV, each checked; nothing is sent.
pub async fn import_preview(text: &str) -> Result<ImportPreview, ErrorView> {
    invoke(command::IMPORT_PREVIEW, &PreviewArgs { text }).await
}

/// Creates one imported row under the row's own idempotency key, so a row sent again
/// after a crash gets its contractor back instead of a refusal or a second one.
pub async fn import_create(input: &ContractorInput) -> Result<Contractor, ErrorView> {
    invoke(command::IMPORT_CREATE, &CreateArgs { input }).await
}

/// Writes the cached list of `kind`, narrowed by `search` as the list is, to a CSV
/// file; the reply says where. `ids` narrows it to those rows.
pub async fn export(
    kind: RecordKind,
    search: Option<&str>,
    ids: Option<&[String]>,
) -> Result<ExportSummary, ErrorView> {
    invoke(command::EXPORT, &ExportArgs { kind, search, ids }).await
}
