//! What the three record tables (`contractors`, `entities`, `jobs`) share: one record by
//! id, deleting one, and dropping what a full walk of the API no longer returned.

use super::{decode_bodies, Cache};
use crate::error::Result;
use rusqlite::OptionalExtension;
use ten99::Job;

/// A table holding API records as JSON `body` with `id` and `cached_at` columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordTable {
    Contractors,
    Entities,
    Jobs,
}

impl RecordTable {
    /// The table's name, also the resource name `cache-changed` carries.
    pub fn name(self) -> &'static str {
        match self {
            RecordTable::Contractors => "contractors",
            RecordTable::Entities => "entities",
            RecordTable::Jobs => "jobs",
        }
    }

    pub fn from_name(name: &str) -> Option<RecordTable> {
        [
            RecordTable::Contractors,
            RecordTable::Entities,
            RecordTable::Jobs,
        ]
        .into_iter()
        .find(|t| t.name() == name)
    }
}

impl Cache {
    pub fn cached_record<T: serde::de::DeserializeOwned>(
        &self,
        table: RecordTable,
        id: &str,
    ) -> Result<Option<T>> {
        let conn = self.conn();
        let body: Option<String> = conn
            .prepare_cached(&format!("SELECT body FROM {} WHERE id = ?1", table.name()))?
            .query_row([id], |row| row.get(0))
            .optional()?;
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }

    /// Whether a row was there to delete.
    pub fn delete_record(&self, table: RecordTable, id: &str) -> Result<bool> {
        let conn = self.conn();
        let deleted = conn
            .prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", table.name()))?
            .execute([id])?;
        Ok(deleted > 0)
    }

    /// After a walk of every page that began at `walk_started`: rows it did not touch
    /// were deleted at the API (elsewhere, or by someone else), so they go here too.
    pub fn drop_unseen(&self, table: RecordTable, walk_started: i64) -> Result<usize> {
        let conn = self.conn();
        let dropped = conn
            .prepare_cached(&format!(
                "DELETE FROM {} WHERE cached_at < ?1",
                table.name()
            ))?
            .execute([walk_started])?;
        Ok(dropped)
    }

    pub fn count_records(&self, table: RecordTable) -> Result<usize> {
        let conn = self.conn();
        let count: i64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM {}", table.name()),
            [],
            |row| row.get(0),
        )?;
        Ok(count as usize)
    }

    /// An entity's jobs, newest first.
    pub fn jobs_of_entity(&self, entity: &str) -> Result<Vec<Job>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT body FROM jobs WHERE entity = ?1 ORDER BY created DESC, id DESC",
        )?;
        let rows = statement.query_map([entity], |row| row.get::<_, String>(0))?;
        decode_bodies(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::{Cents, WageType};

    fn job(id: &str, entity: &str) -> Job {
        Job {
            id: id.into(),
            name: "Tech".into(),
            description: None,
            entity: entity.into(),
            category_code: "jc_x".into(),
            wage: Cents(12_000),
            wage_type: WageType::Flatfee,
            years_experience: None,
            address: None,
            custom_metadata: Default::default(),
            withhold_premium: false,
            duration_hours: None,
            created: 1.into(),
        }
    }

    #[test]
    fn reads_deletes_and_drops_unseen_rows() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_jobs(&[job("jb_old", "en_a"), job("jb_b", "en_b")], 100)
            .unwrap();
        cache.upsert_jobs(&[job("jb_new", "en_a")], 200).unwrap();
        let found: Option<Job> = cache.cached_record(RecordTable::Jobs, "jb_b").unwrap();
        assert_eq!(found.unwrap().entity, "en_b");
        assert!(cache.delete_record(RecordTable::Jobs, "jb_b").unwrap());
        assert!(!cache.delete_record(RecordTable::Jobs, "jb_b").unwrap());
        assert_eq!(cache.jobs_of_entity("en_a").unwrap().len(), 2);
        assert_eq!(cache.drop_unseen(RecordTable::Jobs, 150).unwrap(), 1);
        let left: Vec<String> = cache
            .jobs_of_entity("en_a")
            .unwrap()
            .into_iter()
            .map(|j| j.id)
            .collect();
        assert_eq!(left, ["jb_new"]);
        assert_eq!(cache.count_records(RecordTable::Jobs).unwrap(), 1);
        assert_eq!(RecordTable::from_name("jobs"), Some(RecordTable::Jobs));
    }
}
