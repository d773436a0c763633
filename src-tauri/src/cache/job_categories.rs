//! The `job_categories` table: the organisation's approved category codes.

use super::Cache;
use crate::error::Result;
use rusqlite::params;
use ten99::JobCategory;

impl Cache {
    /// Replaces the whole list: a code the API no longer approves must not stay pickable.
    pub fn replace_job_categories(&self, categories: &[JobCategory], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM job_categories", [])?;
        {
            let mut statement =
                tx.prepare_cached("INSERT OR REPLACE INTO job_categories (category_code, name, cached_at) VALUES (?1, ?2, ?3)")?;
            for c in categories {
                statement.execute(params![c.category_code, c.name, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// By name, as a picker lists them.
    pub fn list_job_categories(&self) -> Result<Vec<JobCategory>> {
        let conn = self.conn();
        let mut statement =
            conn.prepare_cached("SELECT category_code, name FROM job_categories ORDER BY name COLLATE NOCASE, category_code")?;
        let rows = statement.query_map([], |row| {
            Ok(JobCategory {
                category_code: row.get(0)?,
                name: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(code: &str, name: &str) -> JobCategory {
        JobCategory {
            category_code: code.into(),
            name: name.into(),
        }
    }

    #[test]
    fn replacing_drops_codes_no_longer_approved() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .replace_job_categories(
                &[
                    category("jc_b", "Bookkeeping"),
                    category("jc_a", "accounting"),
                ],
                1,
            )
            .unwrap();
        let names: Vec<String> = cache
            .list_job_categories()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect();
        assert_eq!(names, ["accounting", "Bookkeeping"]);
        cache
            .replace_job_categories(&[category("jc_c", "Cabling")], 2)
            .unwrap();
        assert_eq!(
            cache.list_job_categories().unwrap(),
            vec![category("jc_c", "Cabling")]
        );
    }
}
