//! The `sync_log` table: when each record list was last read in full from the API.

use super::Cache;
use crate::error::Result;
use coverdesk_ipc::sync::SyncStatus;
use rusqlite::{params, OptionalExtension};

impl Cache {
    /// A refresh of `resource` read every page (`fetched` records) at `now`.
    pub fn sync_succeeded(&self, resource: &str, fetched: usize, now: i64) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO sync_log (resource, refreshed_at, attempted_at, last_error, offline, fetched)
                 VALUES (?1, ?2, ?2, NULL, 0, ?3)
                 ON CONFLICT (resource) DO UPDATE SET refreshed_at = ?2, attempted_at = ?2,
                   last_error = NULL, offline = 0, fetched = ?3",
            )?
            .execute(params![resource, now, fetched as i64])?;
        Ok(())
    }

    /// A refresh of `resource` failed; the last good refresh time stays.
    pub fn sync_failed(&self, resource: &str, error: &str, offline: bool, now: i64) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO sync_log (resource, attempted_at, last_error, offline)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (resource) DO UPDATE SET attempted_at = ?2, last_error = ?3, offline = ?4",
            )?
            .execute(params![resource, now, error, offline])?;
        Ok(())
    }

    pub fn sync_status(&self, resource: &str) -> Result<SyncStatus> {
        let conn = self.conn();
        let found = conn
            .prepare_cached(
                "SELECT refreshed_at, attempted_at, last_error, offline, fetched
                 FROM sync_log WHERE resource = ?1",
            )?
            .query_row([resource], |row| {
                Ok(SyncStatus {
                    resource: resource.to_owned(),
                    refreshed_at: row.get(0)?,
                    attempted_at: row.get(1)?,
                    last_error: row.get(2)?,
                    offline: row.get(3)?,
                    running: false,
                    fetched: row.get::<_, i64>(4)? as usize,
                })
            })
            .optional()?;
        Ok(found.unwrap_or_else(|| SyncStatus {
            resource: resource.to_owned(),
            ..SyncStatus::default()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_keeps_the_last_good_refresh_time() {
        let cache = Cache::open_in_memory().unwrap();
        assert_eq!(cache.sync_status("jobs").unwrap().refreshed_at, None);
        cache.sync_succeeded("jobs", 12, 100).unwrap();
        cache.sync_failed("jobs", "refused", true, 200).unwrap();
        let status = cache.sync_status("jobs").unwrap();
        assert_eq!(status.refreshed_at, Some(100));
        assert_eq!(status.attempted_at, Some(200));
        assert!(status.offline);
        assert_eq!(status.last_error.as_deref(), Some("refused"));
        cache.sync_succeeded("jobs", 13, 300).unwrap();
        let status = cache.sync_status("jobs").unwrap();
        assert_eq!(
            (status.refreshed_at, status.offline, status.fetched),
            (Some(300), false, 13)
        );
        assert_eq!(status.last_error, None);
    }
}
