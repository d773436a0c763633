//! The `quotes` table.

use super::{decode_bodies, Cache};
use crate::error::Result;
use rusqlite::params;
use ten99::Quote;

impl Cache {
    pub fn upsert_quotes(&self, quotes: &[Quote], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO quotes (id, created, contractor, job, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created,
                   contractor = excluded.contractor, job = excluded.job,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for q in quotes {
                let body = serde_json::to_string(q).expect("a Quote always serializes");
                statement.execute(params![q.id, q.created.0, q.contractor, q.job, body, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first; `contractor` and `job` narrow the list when given.
    pub fn list_quotes(&self, contractor: Option<&str>, job: Option<&str>) -> Result<Vec<Quote>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT body FROM quotes
             WHERE (?1 IS NULL OR contractor = ?1) AND (?2 IS NULL OR job = ?2)
             ORDER BY created DESC, id DESC",
        )?;
        let rows = statement.query_map(params![contractor, job], |row| row.get::<_, String>(0))?;
        decode_bodies(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(id: &str, contractor: &str, job: &str, created: i64) -> Quote {
        serde_json::from_value(serde_json::json!({
            "id": id, "contractor": contractor, "job": job, "coverage_type": ["general"],
            "net_rate": 30, "quote_json": "{'gl': {'net_rate': 30}}", "created": created
        }))
        .unwrap()
    }

    #[test]
    fn filters_by_job_and_contractor_newest_first() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_quotes(
                &[
                    quote("qt_a", "cn_ann", "jb_tech", 100),
                    quote("qt_b", "cn_ann", "jb_books", 200),
                    quote("qt_c", "cn_bob", "jb_tech", 300),
                ],
                1,
            )
            .unwrap();
        let ids = |quotes: Vec<Quote>| quotes.into_iter().map(|q| q.id).collect::<Vec<_>>();
        assert_eq!(
            ids(cache.list_quotes(None, None).unwrap()),
            ["qt_c", "qt_b", "qt_a"]
        );
        assert_eq!(
            ids(cache.list_quotes(None, Some("jb_tech")).unwrap()),
            ["qt_c", "qt_a"]
        );
        assert_eq!(
            ids(cache.list_quotes(Some("cn_ann"), None).unwrap()),
            ["qt_b", "qt_a"]
        );
        assert_eq!(
            ids(cache.list_quotes(Some("cn_ann"), Some("jb_tech")).unwrap()),
            ["qt_a"]
        );
        let cached = cache.list_quotes(None, Some("jb_books")).unwrap();
        assert_eq!(
            cached[0].quote_json.gl().unwrap().net_rate(),
            Some(ten99::RatePer100(30))
        );
    }
}
