//! The `jobs` table.

use super::search::Searchable;
use super::{page_limit, Cache};
use crate::error::Result;
use coverdesk_ipc::page::Page;
use rusqlite::params;
use ten99::Job;

impl Cache {
    pub fn upsert_jobs(&self, jobs: &[Job], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO jobs (id, created, name, description, entity, category_code, region, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created, name = excluded.name,
                   description = excluded.description, entity = excluded.entity,
                   category_code = excluded.category_code, region = excluded.region,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for j in jobs {
                let body = serde_json::to_string(j).expect("a Job always serializes");
                statement.execute(params![
                    j.id,
                    j.created.0,
                    j.name,
                    j.description,
                    j.entity,
                    j.category_code,
                    j.address.as_ref().map(|a| &a.region),
                    body,
                    now
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first. `search` matches the starts of words in title, description, the
    /// entity's ID or name, the category's code, the work-site state and the job's ID, and
    /// anywhere in the category's name, ignoring case.
    pub fn has_jobs(&self) -> Result<bool> {
        Ok(self
            .conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM jobs)", [], |row| row.get(0))?)
    }

    pub fn list_jobs(&self, search: Option<&str>) -> Result<Vec<Job>> {
        Ok(self.page_jobs(search, 0, None)?.items)
    }

    /// A window of [`Cache::list_jobs`]: `limit` rows (all when `None`) from `offset`.
    pub fn page_jobs(
        &self,
        search: Option<&str>,
        offset: usize,
        limit: Option<usize>,
    ) -> Result<Page<Job>> {
        JOBS.page(&self.conn(), search, offset, page_limit(limit))
    }
}

/// Category names are few (one cached list), so they are matched with `LIKE`.
const JOBS: Searchable = Searchable {
    table: "jobs",
    filter: "rowid IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?3)
        OR entity IN (SELECT id FROM entities WHERE rowid IN
            (SELECT rowid FROM entities_fts WHERE entities_fts MATCH '{name} : (' || ?3 || ')'))
        OR category_code IN (SELECT category_code FROM job_categories WHERE name LIKE ?4 ESCAPE '\\')",
    // Jobs also match by their entity's name and their category's: no single index.
    index: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::{Cents, Entity, JobCategory, WageType};

    fn job(id: &str, created: i64, name: &str, entity: &str) -> Job {
        Job {
            id: id.into(),
            name: name.into(),
            description: Some("Run cable".into()),
            entity: entity.into(),
            category_code: "jc_zppQXRSkFC".into(),
            wage: Cents(12_000),
            wage_type: WageType::Flatfee,
            years_experience: None,
            address: None,
            custom_metadata: Default::default(),
            withhold_premium: false,
            duration_hours: Some(20),
            created: created.into(),
        }
    }

    #[test]
    fn lists_newest_first_and_searches_by_entity_and_category_names() {
        let cache = Cache::open_in_memory().unwrap();
        let bowl = Entity {
            id: "en_bowl".into(),
            name: "Lake View Bowl".into(),
            address: None,
            coverage_limit: None,
            required_coverage: vec![],
            created: 1.into(),
        };
        cache.upsert_entities(&[bowl], 1).unwrap();
        cache
            .replace_job_categories(
                &[JobCategory {
                    category_code: "jc_zppQXRSkFC".into(),
                    name: "Accounting and Bookkeeping".into(),
                }],
                1,
            )
            .unwrap();
        cache
            .upsert_jobs(
                &[
                    job("jb_a", 100, "Field technician", "en_bowl"),
                    job("jb_b", 200, "Bookkeeper", "en_other"),
                ],
                1,
            )
            .unwrap();
        let all: Vec<String> = cache
            .list_jobs(None)
            .unwrap()
            .into_iter()
            .map(|j| j.id)
            .collect();
        assert_eq!(all, ["jb_b", "jb_a"]);
        let by_entity = cache.list_jobs(Some("lake view")).unwrap();
        assert_eq!(by_entity.len(), 1);
        assert_eq!(by_entity[0].id, "jb_a");
        assert_eq!(cache.list_jobs(Some("accounting")).unwrap().len(), 2);
        assert!(cache.list_jobs(Some("_x")).unwrap().is_empty());
    }

    #[test]
    fn upsert_replaces_the_cached_copy() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_jobs(&[job("jb_a", 100, "Tech", "en_a")], 1)
            .unwrap();
        cache
            .upsert_jobs(&[job("jb_a", 100, "Field technician", "en_a")], 2)
            .unwrap();
        let all = cache.list_jobs(None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "Field technician");
    }
}
