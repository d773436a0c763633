//! Records as CSV: preview a contractor import (nothing is sent; the UI then creates the
//! good rows one by one through `contractors_create`), and export a cached list.

use crate::error::Result;
use crate::records_csv::{export, import};
use crate::state::AppState;
use coverdesk_ipc::records_csv::{ExportSummary, ImportPreview, RecordKind};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, State};
use ten99::time::UnixTime;

/// Writes the cached list of `kind` (narrowed by `search`, as the list on screen is)
/// into `dir`, named after the kind, the environment and the time, so exports never
/// overwrite each other.
pub async fn export_to(
    state: &AppState,
    kind: RecordKind,
    search: Option<&str>,
    dir: &Path,
) -> Result<ExportSummary> {
    let active = state.active().await;
    std::fs::create_dir_all(dir)?;
    let stamp = UnixTime::now().to_string().replace(':', "-");
    let path = dir.join(format!(
        "coverdesk-{}-{}-{stamp}.csv",
        kind.as_str(),
        active.environment.as_str()
    ));
    let rows = match kind {
        RecordKind::Contractors => {
            export::contractors(&path, &active.cache.list_contractors(search)?)?
        }
        RecordKind::Entities => export::entities(&path, &active.cache.list_entities(search)?)?,
        RecordKind::Jobs => export::jobs(&path, &active.cache.list_jobs(search)?)?,
    };
    Ok(ExportSummary {
        path: path.display().to_string(),
        rows,
    })
}

/// The Downloads folder (there is no file dialog), or the app's own folder without one.
pub(crate) fn export_dir(app: &AppHandle) -> Result<PathBuf> {
    match app.path().download_dir() {
        Ok(dir) if dir.is_dir() => Ok(dir),
        _ => Ok(app
            .path()
            .app_data_dir()
            .map_err(|e| std::io::Error::other(e.to_string()))?
            .join("exports")),
    }
}

#[tauri::command]
pub async fn contractors_import_preview(text: String) -> Result<ImportPreview> {
    Ok(import::preview(&text))
}

#[tauri::command]
pub async fn records_export(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: RecordKind,
    search: Option<String>,
) -> Result<ExportSummary> {
    export_to(&state, kind, search.as_deref(), &export_dir(&app)?).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::started;
    use ten99::{Address, ContractorInput};

    #[tokio::test]
    async fn exports_the_cached_list_of_the_active_environment() {
        let (dir, state) = started().await;
        let input = ContractorInput {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: "ann.export@example.com".into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            ..Default::default()
        };
        let created = crate::commands::contractors::create(&state, input)
            .await
            .unwrap();
        let out = dir.path().join("out");
        let summary = export_to(&state, RecordKind::Contractors, None, &out)
            .await
            .unwrap();
        assert_eq!(summary.rows, 1);
        assert!(
            summary.path.contains("coverdesk-contractors-local-"),
            "{}",
            summary.path
        );
        let text = std::fs::read_to_string(&summary.path).unwrap();
        assert!(text.contains(&created.id));
        let jobs = export_to(&state, RecordKind::Jobs, None, &out)
            .await
            .unwrap();
        assert_eq!(jobs.rows, 0);
        // Narrowed like the list on screen.
        let matching = export_to(&state, RecordKind::Contractors, Some("oakl"), &out)
            .await
            .unwrap();
        assert_eq!(matching.rows, 1);
        let none = export_to(&state, RecordKind::Contractors, Some("fresno"), &out)
            .await
            .unwrap();
        assert_eq!(none.rows, 0);
    }
}
