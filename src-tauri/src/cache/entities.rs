//! The `entities` table.

use super::{decode_bodies, like_pattern, Cache};
use crate::error::Result;
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

    /// Newest first. `search` matches name, city, state, required coverage and ID, ignoring case.
    pub fn list_entities(&self, search: Option<&str>) -> Result<Vec<Entity>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT body FROM entities
             WHERE ?1 = '%%' OR name LIKE ?1 ESCAPE '\\' OR IFNULL(locality, '') LIKE ?1 ESCAPE '\\'
                OR IFNULL(region, '') LIKE ?1 ESCAPE '\\' OR coverage LIKE ?1 ESCAPE '\\' OR id LIKE ?1 ESCAPE '\\'
             ORDER BY created DESC, id DESC",
        )?;
        let rows = statement.query_map([like_pattern(search)], |row| row.get::<_, String>(0))?;
        decode_bodies(rows)
    }
}

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
