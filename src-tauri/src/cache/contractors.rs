//! The `contractors` table.

use super::Cache;
use crate::error::Result;
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

    /// Newest first. `search` matches names, email, company, city and ID, ignoring case.
    pub fn list_contractors(&self, search: Option<&str>) -> Result<Vec<Contractor>> {
        let conn = self.conn();
        let pattern = format!(
            "%{}%",
            search
                .unwrap_or("")
                .trim()
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let mut statement = conn.prepare_cached(
            "SELECT body FROM contractors
             WHERE ?1 = '%%' OR first_name || ' ' || last_name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\'
                OR IFNULL(company_name, '') LIKE ?1 ESCAPE '\\' OR locality LIKE ?1 ESCAPE '\\' OR id LIKE ?1 ESCAPE '\\'
             ORDER BY created DESC, id DESC",
        )?;
        let rows = statement.query_map([pattern], |row| row.get::<_, String>(0))?;
        let mut out = Vec::new();
        for body in rows {
            // The cache only ever holds what it serialized itself; a row that no longer
            // decodes (an older shape) is skipped rather than failing the whole list.
            if let Ok(contractor) = serde_json::from_str(&body?) {
                out.push(contractor);
            }
        }
        Ok(out)
    }
}

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
