//! The `policies` table: each row is a `PolicyRow` (the policy with its contractor,
//! job and coverage) as JSON.

use super::{decode_bodies, Cache};
use crate::error::Result;
use coverdesk_ipc::policies::{PolicyFilter, PolicyRow};
use rusqlite::{params, OptionalExtension};
use ten99::PolicyStatus;

impl Cache {
    pub fn upsert_policies(&self, rows: &[PolicyRow], now: i64) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        {
            let mut statement = tx.prepare_cached(
                "INSERT INTO policies (id, created, status, contractor, expiration_date, body, cached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET created = excluded.created, status = excluded.status,
                   contractor = excluded.contractor, expiration_date = excluded.expiration_date,
                   body = excluded.body, cached_at = excluded.cached_at",
            )?;
            for row in rows {
                let body = serde_json::to_string(row).expect("a PolicyRow always serializes");
                statement.execute(params![
                    row.policy.id,
                    row.policy.created.0,
                    row.status.as_str(),
                    row.contractor,
                    row.policy.expiration_date.map(|t| t.0),
                    body,
                    now
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Newest first, each with its status as of `now`.
    pub fn list_policies(&self, filter: &PolicyFilter, now: i64) -> Result<Vec<PolicyRow>> {
        let conn = self.conn();
        let mut statement = conn.prepare_cached(
            "SELECT body FROM policies
             WHERE ?1 IS NULL
                OR (status = 'active' AND expiration_date >= ?2 AND expiration_date <= ?2 + ?1 * 86400)
             ORDER BY created DESC, id DESC",
        )?;
        let days = filter.expiring_within_days.map(i64::from);
        let rows = statement.query_map(params![days, now], |row| row.get::<_, String>(0))?;
        let rows: Vec<PolicyRow> = decode_bodies(rows)?;
        Ok(rows.into_iter().map(|row| as_of(row, now)).collect())
    }

    pub fn policy(&self, id: &str, now: i64) -> Result<Option<PolicyRow>> {
        let body: Option<String> = self
            .conn()
            .query_row("SELECT body FROM policies WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .optional()?;
        Ok(body
            .and_then(|b| serde_json::from_str(&b).ok())
            .map(|row| as_of(row, now)))
    }
}

/// An active policy whose expiration date has passed is expired, whatever the cache
/// last heard from the API.
fn as_of(mut row: PolicyRow, now: i64) -> PolicyRow {
    let ended = row.policy.expiration_date.is_some_and(|end| end.0 < now);
    if row.status == PolicyStatus::Active && ended {
        row.status = PolicyStatus::Expired;
    }
    row
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use ten99::{Policy, UnixTime};

    const DAY: i64 = 86_400;

    pub fn row(id: &str, created: i64, status: PolicyStatus, expires: i64) -> PolicyRow {
        PolicyRow {
            policy: Policy {
                id: id.into(),
                quote: Some("qt_1".into()),
                status: Some(status.clone()),
                effective_date: Some(UnixTime(created)),
                expiration_date: Some(UnixTime(expires)),
                pdf_url: Some("/bound-policies/sandbox/policy_x_1.pdf".into()),
                certificates: Default::default(),
                is_active: None,
                created: UnixTime(created),
            },
            status,
            contractor: Some("cn_ann".into()),
            contractor_name: Some("Ann Lee".into()),
            job: Some("jb_1".into()),
            job_name: Some("Field technician".into()),
            coverage: vec![ten99::CoverageType::WorkersComp],
        }
    }

    #[test]
    fn filters_policies_expiring_soon_and_expires_past_ones() {
        let cache = Cache::open_in_memory().unwrap();
        let now = 1_000 * DAY;
        cache
            .upsert_policies(
                &[
                    row("pl_soon", 1, PolicyStatus::Active, now + 10 * DAY),
                    row("pl_later", 2, PolicyStatus::Active, now + 90 * DAY),
                    row("pl_gone", 3, PolicyStatus::Active, now - DAY),
                    row("pl_cancelled", 4, PolicyStatus::Cancelled, now + 5 * DAY),
                ],
                now,
            )
            .unwrap();
        let all = cache.list_policies(&PolicyFilter::default(), now).unwrap();
        let ids: Vec<&str> = all.iter().map(|r| r.policy.id.as_str()).collect();
        assert_eq!(ids, ["pl_cancelled", "pl_gone", "pl_later", "pl_soon"]);
        assert_eq!(all[1].status, PolicyStatus::Expired);
        let soon = PolicyFilter {
            expiring_within_days: Some(30),
        };
        let soon: Vec<String> = cache
            .list_policies(&soon, now)
            .unwrap()
            .into_iter()
            .map(|r| r.policy.id)
            .collect();
        assert_eq!(soon, ["pl_soon"]);
    }

    #[test]
    fn upsert_replaces_and_get_finds_one() {
        let cache = Cache::open_in_memory().unwrap();
        cache
            .upsert_policies(&[row("pl_a", 1, PolicyStatus::Active, 10 * DAY)], 1)
            .unwrap();
        cache
            .upsert_policies(&[row("pl_a", 1, PolicyStatus::Cancelled, 10 * DAY)], 2)
            .unwrap();
        let found = cache.policy("pl_a", 1).unwrap().unwrap();
        assert_eq!(found.status, PolicyStatus::Cancelled);
        assert!(cache.policy("pl_b", 1).unwrap().is_none());
    }
}
