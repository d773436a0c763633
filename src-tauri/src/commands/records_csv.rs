//! Records as CSV: preview a contractor import (nothing is sent), create its good rows one
//! by one (the UI sends each through `contractors_import_create`, under a key made from
//! the row), and export a cached list.

use crate::error::Result;
use crate::records_csv::{export, import};
use crate::state::AppState;
use coverdesk_ipc::records_csv::{ExportSummary, ImportPreview, RecordKind};
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Manager, State};
use ten99::time::UnixTime;
use ten99::{Contractor, ContractorInput};

/// Writes the cached list of `kind` (narrowed by `search`, as the list on screen is,
/// and, for "Export selected", to the rows with `ids`) into `dir`, named after the kind, the environment and the time, so exports never
/// overwrite each other.
pub async fn export_to(
    state: &AppState,
    kind: RecordKind,
    search: Option<&str>,
    ids: Option<&[String]>,
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
    let cache = &active.cache;
    let rows = match kind {
        RecordKind::Contractors => {
            let list = only(cache.list_contractors(search)?, ids, |c| &c.id);
            export::contractors(&path, &list)?
        }
        RecordKind::Entities => {
            export::entities(&path, &only(cache.list_entities(search)?, ids, |e| &e.id))?
        }
        RecordKind::Jobs => export::jobs(&path, &only(cache.list_jobs(search)?, ids, |j| &j.id))?,
    };
    Ok(ExportSummary {
        path: path.display().to_string(),
        rows,
    })
}

/// The rows whose id is in `ids`, in the list's order; all of them without `ids`.
fn only<T>(mut rows: Vec<T>, ids: Option<&[String]>, id: fn(&T) -> &String) -> Vec<T> {
    if let Some(ids) = ids {
        rows.retain(|row| ids.contains(id(row)));
    }
    rows
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

/// Every row read and checked like the form, and against the cached contractors.
pub async fn import_preview(state: &AppState, text: &str) -> Result<ImportPreview> {
    let mut preview = import::preview(text);
    let known = state.active().await.cache.contractor_ids_by_email()?;
    import::mark_known(&mut preview, &known);
    Ok(preview)
}

/// One imported row, under its own idempotency key.
pub async fn import_create(state: &AppState, input: ContractorInput) -> Result<Contractor> {
    let key = import::row_key(&input);
    super::contractors::create_as(state, input, Some(&key)).await
}

#[tauri::command]
pub async fn contractors_import_preview(
    state: State<'_, AppState>,
    text: String,
) -> Result<ImportPreview> {
    import_preview(&state, &text).await
}

#[tauri::command]
pub async fn contractors_import_create(
    state: State<'_, AppState>,
    input: ContractorInput,
) -> Result<Contractor> {
    // No `cache-changed` per row: each would reload every list of thousands of rows,
    // making an import quadratic (5.7 rows/s at 4,000). The import reloads once at
    // its end.
    import_create(&state, input).await
}

#[tauri::command]
pub async fn records_export(
    app: AppHandle,
    state: State<'_, AppState>,
    kind: RecordKind,
    search: Option<String>,
    // Absent from older callers: the whole (searched) list.
    ids: Option<Vec<String>>,
) -> Result<ExportSummary> {
    let dir = export_dir(&app)?;
    export_to(&state, kind, search.as_deref(), ids.as_deref(), &dir).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::test_support::started;
    use ten99::{Address, ContractorInput};

    fn row(email: &str) -> ContractorInput {
        ContractorInput {
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            email: email.into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main St".into(),
                locality: "Oakland".into(),
                region: "CA".into(),
                postalcode: "94607".into(),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn a_row_sent_again_gets_its_contractor_back_and_the_preview_knows_it() {
        let (_dir, state) = started().await;
        let first = import_create(&state, row("ann.import@example.com"))
            .await
            .unwrap();
        // The import re-run after a crash: the same row, the same key, the same answer
        // (without the key the API would refuse the email as taken).
        let again = import_create(&state, row("ann.import@example.com"))
            .await
            .unwrap();
        assert_eq!(again.id, first.id);
        let client = state.active().await.client;
        let listed = client
            .contractors()
            .list_by_email("ann.import@example.com")
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        // A changed row is a new request, refused for the taken email.
        let mut changed = row("ann.import@example.com");
        changed.phone = "415-474-9099".into();
        assert!(import_create(&state, changed).await.is_err());

        let text = "first_name,last_name,email,phone,address_line1,city,state,zip\n\
                    Ann,Lee,ANN.import@example.com,415-474-9088,1 Main St,Oakland,CA,94607\n\
                    Bea,Lo,bea.import@example.com,415-474-9088,1 Main St,Oakland,CA,94607\n";
        let preview = import_preview(&state, text).await.unwrap();
        let said = &preview.rows[0].errors["email"];
        assert!(said.contains(&first.id), "{said}");
        assert!(preview.rows[1].errors.is_empty(), "{:?}", preview.rows[1]);
    }

    #[test]
    fn a_row_key_changes_with_the_row_and_only_with_it() {
        let key = import::row_key(&row("a@example.com"));
        assert_eq!(key, import::row_key(&row("a@example.com")));
        assert_ne!(key, import::row_key(&row("b@example.com")));
        assert!(
            key.starts_with("coverdesk-import-") && key.len() == 17 + 64,
            "{key}"
        );
    }

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
        let summary = export_to(&state, RecordKind::Contractors, None, None, &out)
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
        let jobs = export_to(&state, RecordKind::Jobs, None, None, &out)
            .await
            .unwrap();
        assert_eq!(jobs.rows, 0);
        // Narrowed like the list on screen.
        let matching = export_to(&state, RecordKind::Contractors, Some("oakl"), None, &out)
            .await
            .unwrap();
        assert_eq!(matching.rows, 1);
        let none = export_to(&state, RecordKind::Contractors, Some("fresno"), None, &out)
            .await
            .unwrap();
        assert_eq!(none.rows, 0);
        // "Export selected": only the ticked ids, unknown ones ignored.
        let ids = [created.id.clone(), "ctr_gone".to_owned()];
        let selected = export_to(&state, RecordKind::Contractors, None, Some(&ids), &out)
            .await
            .unwrap();
        assert_eq!(selected.rows, 1);
        let others = ["ctr_other".to_owned()];
        let unticked = export_to(&state, RecordKind::Contractors, None, Some(&others), &out)
            .await
            .unwrap();
        assert_eq!(unticked.rows, 0);
    }
}
