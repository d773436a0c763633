//! The compliance desk: the status table is built from the cache once per change of it
//! (or of the day) and kept here, so a filter or a page is answered from memory.

use super::records_csv::export_dir;
use crate::cache::Cache;
use crate::error::{Error, Result};
use crate::records_csv::export;
use crate::state::{now, AppState};
use coverdesk_compliance::{
    check_warning_days, Chart, ComplianceFilter, ComplianceRow, ComplianceView, StatusTable,
};
use coverdesk_ipc::records_csv::ExportSummary;
use std::path::Path;
use std::sync::Arc;
use tauri::{AppHandle, State};
use ten99::time::DAY;
use ten99::{FieldErrors, UnixTime};

/// The record lists the desk's age is that of (the quotes, links and policies come in
/// with the follow task and their pages' refreshes, which the sync log does not note).
const AGED_BY: [&str; 3] = ["entities", "jobs", "contractors"];

/// The table, and what it was built from: which cache, after how many writes, on which
/// day, with which warning window.
#[derive(Default)]
pub struct ComplianceDesk {
    built: std::sync::Mutex<Option<Built>>,
}

struct Built {
    cache: Arc<Cache>,
    writes: u64,
    day: i64,
    warning_days: u32,
    table: Arc<StatusTable>,
}

impl ComplianceDesk {
    /// The table for this cache as it is now, rebuilt only when it changed.
    pub fn table(
        &self,
        cache: &Arc<Cache>,
        now: i64,
        warning_days: u32,
    ) -> Result<Arc<StatusTable>> {
        let day = now.div_euclid(DAY);
        let writes = cache.writes_so_far();
        let mut built = self.built.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(b) = built.as_ref() {
            if Arc::ptr_eq(&b.cache, cache)
                && b.writes == writes
                && b.day == day
                && b.warning_days == warning_days
            {
                return Ok(b.table.clone());
            }
        }
        let records = cache.compliance_records(now)?;
        let table = Arc::new(StatusTable::build(&records, UnixTime(now), warning_days));
        *built = Some(Built {
            cache: cache.clone(),
            // Reading wrote nothing, but count again in case a write landed meanwhile:
            // then the next call rebuilds rather than trusting a table that missed it.
            writes: writes.min(cache.writes_so_far()),
            day,
            warning_days,
            table: table.clone(),
        });
        Ok(table)
    }
}

/// The table of the active environment as it is now, with the warning window kept in
/// the settings. Building reads 100,000s of rows: off the async runtime's threads.
pub fn current(
    state: &AppState,
    desk: &ComplianceDesk,
    cache: &Arc<Cache>,
) -> Result<Arc<StatusTable>> {
    let warning_days = state.preferences.warning_days()?;
    tokio::task::block_in_place(|| desk.table(cache, now(), warning_days))
}

pub async fn table(
    state: &AppState,
    desk: &ComplianceDesk,
    filter: &ComplianceFilter,
    offset: usize,
    limit: usize,
) -> Result<ComplianceView> {
    let cache = state.active().await.cache;
    let table = current(state, desk, &cache)?;
    let (page, counts) = table.query(filter, offset, limit);
    Ok(ComplianceView {
        page,
        counts,
        entities: table.entities().to_vec(),
        data_as_of: cache.oldest_refresh(&AGED_BY)?.map(UnixTime),
        warning_days: table.warning_days,
    })
}

/// Writes `entity`'s compliance report (every row of its jobs, as CSV) into `dir`, named
/// after the entity, the environment and the time, so reports never overwrite each other.
pub async fn report_to(
    state: &AppState,
    desk: &ComplianceDesk,
    entity: &str,
    dir: &Path,
) -> Result<ExportSummary> {
    let active = state.active().await;
    let table = current(state, desk, &active.cache)?;
    let Some(chosen) = table.entities().iter().find(|e| e.id == entity) else {
        return Err(Error::UnknownEntity(entity.to_owned()));
    };
    let rows: Vec<ComplianceRow> = table
        .rows()
        .iter()
        .filter(|row| row.entity == chosen.id)
        .cloned()
        .collect();
    std::fs::create_dir_all(dir)?;
    let slug: String = chosen
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stamp = UnixTime::now().to_string().replace(':', "-");
    let path = dir.join(format!(
        "coverdesk-compliance-{slug}-{}-{stamp}.csv",
        active.environment.as_str()
    ));
    let rows = export::compliance(&path, &rows, active.client.base())?;
    Ok(ExportSummary {
        path: path.display().to_string(),
        rows,
    })
}

/// The charts over every row (not the filtered ones: they show the whole desk).
pub async fn charts(state: &AppState, desk: &ComplianceDesk) -> Result<Vec<Chart>> {
    let cache = state.active().await.cache;
    Ok(current(state, desk, &cache)?.charts())
}

/// Keeps a new warning window; the next table is worked out with it.
pub fn set_warning_days(state: &AppState, days: u32) -> Result<u32> {
    let days = check_warning_days(days).map_err(|message| {
        let mut fields = FieldErrors::default();
        fields.add("warning_days", message);
        Error::Invalid(fields)
    })?;
    state.preferences.set_warning_days(days)?;
    Ok(days)
}

#[tauri::command]
pub fn compliance_set_warning_days(state: State<'_, AppState>, days: u32) -> Result<u32> {
    set_warning_days(&state, days)
}

/// Whether the desk is the first page: once the cache holds a job, the question the
/// team opens Coverdesk for is who is not covered.
#[tauri::command]
pub async fn compliance_home(state: State<'_, AppState>) -> Result<bool> {
    state.active().await.cache.has_jobs()
}

#[tauri::command]
pub async fn compliance_charts(
    state: State<'_, AppState>,
    desk: State<'_, ComplianceDesk>,
) -> Result<Vec<Chart>> {
    charts(&state, &desk).await
}

#[tauri::command]
pub async fn compliance_report(
    app: AppHandle,
    state: State<'_, AppState>,
    desk: State<'_, ComplianceDesk>,
    entity: String,
) -> Result<ExportSummary> {
    report_to(&state, &desk, &entity, &export_dir(&app)?).await
}

#[tauri::command]
pub async fn compliance_table(
    state: State<'_, AppState>,
    desk: State<'_, ComplianceDesk>,
    filter: Option<ComplianceFilter>,
    offset: Option<usize>,
    limit: Option<usize>,
) -> Result<ComplianceView> {
    let filter = filter.unwrap_or_default();
    table(
        &state,
        &desk,
        &filter,
        offset.unwrap_or(0),
        limit.unwrap_or(50),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverdesk_compliance::ComplianceStatus;
    use ten99::{Entity, Job};

    #[test]
    fn rebuilds_after_a_write_and_not_otherwise() {
        let cache = Arc::new(Cache::open_in_memory().unwrap());
        let entity: Entity = serde_json::from_value(serde_json::json!({
            "id": "en_a", "name": "Acme", "required_coverage": ["general"], "created": 1
        }))
        .unwrap();
        cache.upsert_entities(&[entity], 1).unwrap();
        let desk = ComplianceDesk::default();
        let now = 20_000 * DAY;
        let first = desk.table(&cache, now, 14).unwrap();
        assert!(first.rows().is_empty());
        assert!(Arc::ptr_eq(&first, &desk.table(&cache, now, 14).unwrap()));

        let job: Job = serde_json::from_value(serde_json::json!({
            "id": "jb_1", "name": "Wiring", "entity": "en_a", "category_code": "jc_x",
            "wage": 5000, "wage_type": "flatfee", "created": 2
        }))
        .unwrap();
        cache.upsert_jobs(&[job], 2).unwrap();
        let after = desk.table(&cache, now, 14).unwrap();
        assert_eq!(after.rows().len(), 1);
        assert_eq!(after.rows()[0].status, ComplianceStatus::Unstaffed);
        // A new day rebuilds too: statuses move with the date.
        assert!(!Arc::ptr_eq(
            &after,
            &desk.table(&cache, now + DAY, 14).unwrap()
        ));
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn the_report_lists_the_entitys_rows_line_by_line() {
        let (dir, state) = crate::commands::test_support::started().await;
        let cache = state.active().await.cache;
        let entity = |id: &str, name: &str| -> Entity {
            serde_json::from_value(serde_json::json!({
                "id": id, "name": name, "required_coverage": ["general", "workers-comp"],
                "coverage_limit": {"aggregate_limit": 200000000, "occurrence_limit": 100000000},
                "created": 1
            }))
            .unwrap()
        };
        cache
            .upsert_entities(&[entity("en_a", "Acme & Sons"), entity("en_b", "Other")], 1)
            .unwrap();
        let jobs: Vec<Job> = ["en_a", "en_b"]
            .iter()
            .map(|e| {
                serde_json::from_value(serde_json::json!({
                    "id": format!("jb_{e}"), "name": "Wiring", "entity": e, "category_code": "jc_x",
                    "wage": 5000, "wage_type": "flatfee", "created": 2
                }))
                .unwrap()
            })
            .collect();
        cache.upsert_jobs(&jobs, 2).unwrap();
        let quote: ten99::Quote = serde_json::from_value(serde_json::json!({
            "id": "qt_1", "contractor": "cn_ann", "job": "jb_en_a",
            "coverage_type": ["general", "workers-comp"], "created": 3
        }))
        .unwrap();
        cache.upsert_quotes(&[quote], 3).unwrap();

        let desk = ComplianceDesk::default();
        let out = dir.path().join("reports");
        let summary = report_to(&state, &desk, "en_a", &out).await.unwrap();
        assert_eq!(
            summary.rows, 2,
            "one line per required line of the one pair"
        );
        assert!(
            summary
                .path
                .contains("coverdesk-compliance-acme---sons-local-"),
            "{}",
            summary.path
        );
        let text = std::fs::read_to_string(&summary.path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("entity,job,job_id,contractor"),
            "{text}"
        );
        assert!(
            lines[1].contains("Acme & Sons,Wiring,jb_en_a,cn_ann,cn_ann"),
            "{text}"
        );
        assert!(lines[1].contains("General liability,Missing"), "{text}");
        assert!(lines[2].contains("Workers' comp,Missing"), "{text}");
        assert!(lines[1].ends_with("2000000.00,1000000.00"), "{text}");
        assert!(!text.contains("jb_en_b"));

        let unknown = report_to(&state, &desk, "en_gone", &out).await.unwrap_err();
        assert_eq!(unknown.code(), "unknown_entity");
    }
}
