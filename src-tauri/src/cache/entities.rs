//! The `entities` table.

use super::search::Searchable;
use super::{page_limit, Cache};
use crate::error::Result;
use coverdesk_ipc::page::Page;
use rusqlite::params;
use ten99::Entity;

impl Cache {
    pub fn upsert_entities(&self, entities: &[Entity], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO entities (id, created, name, locality, region, coverage, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created, name = excluded.name,
                   locality = excluded.locality, region = excluded.region, coverage = excluded.coverage,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for e in entities {
                let body = serde_json::to_string(e).expect("an Entity always serializes");
                let coverage: Vec<&str> = e.required_coverage.iter().map(|c| c.label()).collect();
                let address = e.address.as_ref();
                statement.execute(params![
                    e.id,
                    e.created.0,
                    e.name,
                    address.map(|a| &a.locality),
                    address.map(|a| &a.region),
                    coverage.join(" "),
                    body,
                    now
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first. `search` matches the starts of words in name, city, state, required
    /// coverage and ID, ignoring case.
    pub fn list_entities(&self, search: Option<&str>) -> Result<Vec<Entity>> {
        Ok(self.page_entities(search, 0, None)?.items)
    }

    /// A window of [`Cache::list_entities`]: `limit` rows (all when `None`) from `offset`.
    pub fn page_entities(
        &self,
        search: Option<&str>,
        offset: usize,
        limit: Option<usize>,
    ) -> Result<Page<Entity>> {
        ENTITIES.page(&self.conn(), search, offset, page_limit(limit))
    }
}

const ENTITIES: Searchable = Searchable {
    table: "entities",
    filter: "rowid IN (SELECT rowid FROM entities_fts WHERE entities_fts MATCH ?3)",
    index: Some("entities_fts"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::{Address, CoverageType};

    fn entity(id: &str, created: i64, name: &str, city: &str) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            address: Some(Address {
                line1: "1 Main".into(),
                locality: city.into(),
                region: "IL".into(),
                postalcode: "60640".into(),
                ..Default::default()
            }),
            coverage_limit: None,
            required_coverage: vec![CoverageType::WorkersComp],
            created: created.into(),
        }
    }

    #[test]
    fn lists_newest_first_and_searches() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_entities(
                &[
                    entity("en_a", 100, "Lake View Bowl", "Chicago"),
                    entity("en_b", 200, "Apple, Inc", "Cupertino"),
                ],
                1,
            )
            .unwrap();
        let all: Vec<String> = cache
            .list_entities(None)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(all, ["en_b", "en_a"]);
        let found = cache.list_entities(Some("chica")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "Lake View Bowl");
        assert_eq!(cache.list_entities(Some("workers")).unwrap().len(), 2);
        assert!(cache.list_entities(Some("100%")).unwrap().is_empty());
    }

    #[test]
    fn upsert_replaces_the_cached_copy() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_entities(&[entity("en_a", 100, "Lake View", "Chicago")], 1)
            .unwrap();
        cache
            .upsert_entities(&[entity("en_a", 100, "Lake View Bowl", "Chicago")], 2)
            .unwrap();
        let all = cache.list_entities(None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].name, "Lake View Bowl");
    }
}
