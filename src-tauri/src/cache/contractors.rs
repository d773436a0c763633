//! The `contractors` table.

use super::search::Searchable;
use super::{page_limit, Cache};
use crate::error::Result;
use coverdesk_ipc::page::Page;
use rusqlite::params;
use ten99::Contractor;

impl Cache {
    pub fn upsert_contractors(&self, contractors: &[Contractor], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO contractors (id, created, first_name, last_name, email, company_name, locality, region, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created, first_name = excluded.first_name,
                   last_name = excluded.last_name, email = excluded.email, company_name = excluded.company_name,
                   locality = excluded.locality, region = excluded.region, body = excluded.body,
                   cached_at = excluded.cached_at",
            )?;
            for c in contractors {
                let body = serde_json::to_string(c).expect("a Contractor always serializes");
                statement.execute(params![
                    c.id,
                    c.created,
                    c.first_name,
                    c.last_name,
                    c.email,
                    c.company_name,
                    c.address.locality,
                    c.address.region,
                    body,
                    now
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first. `search` matches the starts of words in names, email, company, city
    /// and ID, ignoring case.
    /// Every cached contractor's id by lowercase email: what an import checks its rows
    /// against.
    pub fn contractor_ids_by_email(&self) -> Result<std::collections::HashMap<String, String>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached("SELECT lower(email), id FROM contractors")?;
        let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn list_contractors(&self, search: Option<&str>) -> Result<Vec<Contractor>> {
        Ok(self.page_contractors(search, 0, None)?.items)
    }

    /// A window of [`Cache::list_contractors`]: `limit` rows (all when `None`) from `offset`.
    pub fn page_contractors(
        &self,
        search: Option<&str>,
        offset: usize,
        limit: Option<usize>,
    ) -> Result<Page<Contractor>> {
        CONTRACTORS.page(&self.conn(), search, offset, page_limit(limit))
    }
}

const CONTRACTORS: Searchable = Searchable {
    table: "contractors",
    filter: "rowid IN (SELECT rowid FROM contractors_fts WHERE contractors_fts MATCH ?3)",
    index: Some("contractors_fts"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::Address;

    fn contractor(id: &str, created: i64, first: &str, email: &str, city: &str) -> Contractor {
        Contractor {
            id: id.into(),
            first_name: first.into(),
            last_name: "Parker".into(),
            middle_name: None,
            email: email.into(),
            phone: "415-474-9088".into(),
            address: Address {
                line1: "1 Main".into(),
                locality: city.into(),
                region: "CA".into(),
                postalcode: "94104".into(),
                ..Default::default()
            },
            company_name: None,
            custom_metadata: Default::default(),
            withhold_premium: false,
            created,
        }
    }

    #[test]
    fn lists_newest_first_and_searches() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_contractors(
                &[
                    contractor("cn_a", 100, "Ann", "ann@example.com", "Oakland"),
                    contractor("cn_b", 200, "Bob", "bob@example.com", "Fresno"),
                ],
                1,
            )
            .unwrap();
        let all: Vec<String> = cache
            .list_contractors(None)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(all, ["cn_b", "cn_a"]);
        let found = cache.list_contractors(Some("oakl")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].first_name, "Ann");
        assert!(cache.list_contractors(Some("100%")).unwrap().is_empty());
    }

    #[test]
    fn pages_through_a_search_newest_first() {
        let cache = Cache::open_in_memory().unwrap();
        let all: Vec<Contractor> = (0..7)
            .map(|n| {
                contractor(
                    &format!("cn_{n}"),
                    n,
                    "Ann",
                    &format!("a{n}@example.com"),
                    "Oakland",
                )
            })
            .chain([contractor("cn_x", 99, "Bob", "bob@example.com", "Fresno")])
            .collect();
        cache.upsert_contractors(&all, 1).unwrap();
        let page = cache.page_contractors(Some("oak"), 2, Some(3)).unwrap();
        let ids: Vec<&str> = page.items.iter().map(|c| c.id.as_str()).collect();
        assert_eq!((page.total, page.offset), (7, 2));
        assert_eq!(ids, ["cn_4", "cn_3", "cn_2"]);
        assert_eq!(cache.page_contractors(None, 0, Some(2)).unwrap().total, 8);
        assert_eq!(
            cache
                .page_contractors(Some("bob fres"), 0, Some(50))
                .unwrap()
                .total,
            1
        );
        assert_eq!(
            cache
                .page_contractors(Some("\"zz'"), 0, Some(50))
                .unwrap()
                .total,
            0
        );
    }

    #[test]
    fn upsert_replaces_the_cached_copy() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_contractors(
                &[contractor("cn_a", 100, "Ann", "ann@example.com", "Oakland")],
                1,
            )
            .unwrap();
        cache
            .upsert_contractors(
                &[contractor(
                    "cn_a",
                    100,
                    "Anna",
                    "ann@example.com",
                    "Oakland",
                )],
                2,
            )
            .unwrap();
        let all = cache.list_contractors(None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].first_name, "Anna");
    }
}
