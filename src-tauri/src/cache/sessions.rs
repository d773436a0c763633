//! The `sessions` table.

use super::{decode_bodies, Cache};
use crate::error::Result;
use rusqlite::params;
use ten99::Session;

impl Cache {
    pub fn upsert_sessions(&self, sessions: &[Session], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO sessions (id, created, quote, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created, quote = excluded.quote,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for s in sessions {
                let body = serde_json::to_string(s).expect("a Session always serializes");
                statement.execute(params![s.id, s.created.0, s.quote, body, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first.
    pub fn list_sessions(&self) -> Result<Vec<Session>> {
        let conn = self.conn();
        let mut statement =
            conn.prepare_cached("SELECT body FROM sessions ORDER BY created DESC, id DESC")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        decode_bodies(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_latest_copy_newest_first() {
        let cache = Cache::open_in_memory().unwrap();
        let session = |id: &str, created: i64, expired: bool| -> Session {
            serde_json::from_value(serde_json::json!({
                "id": id, "quote": "qt_1", "url": "http://127.0.0.1/apply", "expired": expired,
                "step": "verify_info", "created": created
            }))
            .unwrap()
        };
        cache
            .upsert_sessions(&[session("ias_a", 1, false), session("ias_b", 2, false)], 1)
            .unwrap();
        cache
            .upsert_sessions(&[session("ias_a", 1, true)], 2)
            .unwrap();
        let all = cache.list_sessions().unwrap();
        assert_eq!(
            all.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
            ["ias_b", "ias_a"]
        );
        assert!(all[1].expired);
    }
}
