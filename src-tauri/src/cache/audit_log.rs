//! The `audit_log` table: one row per change sent to the API from Coverdesk.

use super::Cache;
use crate::error::Result;
use coverdesk_ipc::audit::AuditEntry;
use rusqlite::params;

impl Cache {
    pub fn append_audit(&self, entry: &AuditEntry) -> Result<i64> {
        let conn = self.conn();
        conn.prepare_cached(
            "INSERT INTO audit_log (at, environment, action, object_kind, object_id, outcome, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            entry.at,
            entry.environment,
            entry.action,
            entry.object_kind,
            entry.object_id,
            entry.outcome,
            entry.detail
        ])?;
        Ok(conn.last_insert_rowid())
    }

    /// Newest first, at most `limit`.
    pub fn list_audit(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT id, at, environment, action, object_kind, object_id, outcome, detail
             FROM audit_log ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = statement.query_map([limit], |row| {
            Ok(AuditEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                environment: row.get(2)?,
                action: row.get(3)?,
                object_kind: row.get(4)?,
                object_id: row.get(5)?,
                outcome: row.get(6)?,
                detail: row.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(action: &str, outcome: &str) -> AuditEntry {
        AuditEntry {
            id: 0,
            at: 100,
            environment: "local".into(),
            action: action.into(),
            object_kind: "contractor".into(),
            object_id: Some("cn_1".into()),
            outcome: outcome.into(),
            detail: None,
        }
    }

    #[test]
    fn lists_newest_first_up_to_the_limit() {
        let cache = Cache::open_in_memory().unwrap();
        cache.append_audit(&entry("create", "ok")).unwrap();
        cache.append_audit(&entry("update", "network")).unwrap();
        cache.append_audit(&entry("delete", "ok")).unwrap();
        let actions: Vec<String> = cache
            .list_audit(2)
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.action, e.outcome))
            .collect();
        assert_eq!(actions, ["delete ok", "update network"]);
    }
}
