//! The `assignments` table: repeat coverage as the API last answered it.

use super::{decode_bodies, Cache};
use crate::error::Result;
use rusqlite::params;
use ten99::Assignment;

impl Cache {
    pub fn upsert_assignments(&self, assignments: &[Assignment], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO assignments (id, created, contractor, job, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created,
                   contractor = excluded.contractor, job = excluded.job,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for a in assignments {
                let body = serde_json::to_string(a).expect("an Assignment always serializes");
                statement.execute(params![a.id, a.created.0, a.contractor, a.job, body, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first.
    pub fn list_assignments(&self) -> Result<Vec<Assignment>> {
        let conn = self.conn();
        let mut statement =
            conn.prepare_cached("SELECT body FROM assignments ORDER BY created DESC, id DESC")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        decode_bodies(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(id: &str, created: i64, cancelled: bool) -> Assignment {
        serde_json::from_value(serde_json::json!({
            "id": id, "contractor": "cn_1", "job": "jb_1", "policy": "pl_1",
            "coverage_type": ["workers-comp"], "cancelled": cancelled, "created": created
        }))
        .unwrap()
    }

    #[test]
    fn keeps_the_latest_copy_newest_first() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_assignments(
                &[assignment("as_a", 1, false), assignment("as_b", 2, false)],
                1,
            )
            .unwrap();
        // A cancel answers with the same assignment, now cancelled: it replaces the row.
        cache
            .upsert_assignments(&[assignment("as_a", 1, true)], 2)
            .unwrap();
        let all = cache.list_assignments().unwrap();
        assert_eq!(
            all.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
            ["as_b", "as_a"]
        );
        assert!(all[1].cancelled);
        assert_eq!(all[1].policy.as_deref(), Some("pl_1"));
    }
}
