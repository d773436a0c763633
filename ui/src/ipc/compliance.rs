//! The compliance desk: `src-tauri/src/commands/compliance.rs`.

use super::{invoke, NoArgs};
use coverdesk_ipc::compliance::{command, Chart, ComplianceFilter, ComplianceView};
use coverdesk_ipc::records_csv::ExportSummary;
use coverdesk_ipc::ErrorView;
use serde::Serialize;

#[derive(Serialize)]
struct TableArgs<'a> {
    filter: &'a ComplianceFilter,
    offset: usize,
    limit: usize,
}

/// A page of the status table and its counts, worked out in the backend from the cache.
pub async fn table(
    filter: &ComplianceFilter,
    offset: usize,
    limit: usize,
) -> Result<ComplianceView, ErrorView> {
    invoke(
        command::TABLE,
        &TableArgs {
            filter,
            offset,
            limit,
        },
    )
    .await
}

#[derive(Serialize)]
struct ReportArgs<'a> {
    entity: &'a str,
}

/// Writes the entity's compliance report (CSV) to the Downloads folder.
pub async fn report(entity: &str) -> Result<ExportSummary, ErrorView> {
    invoke(command::REPORT, &ReportArgs { entity }).await
}

/// The desk's charts, drawn in the backend (SVG text) with their figures.
pub async fn charts() -> Result<Vec<Chart>, ErrorView> {
    invoke(command::CHARTS, &NoArgs {}).await
}

#[derive(Serialize)]
struct WarningArgs {
    days: u32,
}

/// Keeps the warning window; the backend checks it again and answers with it.
pub async fn set_warning_days(days: u32) -> Result<u32, ErrorView> {
    invoke(command::SET_WARNING_DAYS, &WarningArgs { days }).await
}

/// Whether the desk is the first page (the cache holds a job).
pub async fn home() -> Result<bool, ErrorView> {
    invoke(command::HOME, &NoArgs {}).await
}
