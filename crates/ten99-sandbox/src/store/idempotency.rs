//! The `idempotency_keys` table (reference §1.5): per tenant and environment, the
//! status and body of the first request made with a key, kept for 24 hours.

use super::{now as real_now, scope, CachedStatements, Store};
use crate::auth::Tenant;
use crate::error::Error;

/// How long a key is remembered.
pub const TTL_SECONDS: i64 = 24 * 60 * 60;

/// What a key says about a new request.
#[derive(Debug, PartialEq, Eq)]
pub enum Claim {
    /// First use: the request may run, then `finish` or `release` the key.
    Claimed,
    /// The first request with this key has not finished yet.
    Running,
    /// Seen before: answer with this.
    Done {
        method: String,
        path: String,
        status: u16,
        body: Vec<u8>,
    },
}

impl Store {
    /// `now` is the tenant's sandbox time, so advancing its clock a day expires
    /// its keys.
    pub fn claim_idempotency_key(
        &self,
        tenant: &Tenant,
        key: &str,
        method: &str,
        path: &str,
        now: i64,
    ) -> Result<Claim, Error> {
        let mut conn = self.lock();
        // One transaction: on a data file each statement would otherwise be a commit
        // of its own, and the sweep's two deletes and the insert are three.
        let conn = conn.transaction()?;
        let (tenant_key, environment) = scope(tenant);
        // Every tenant's keys expire by real time (their clocks are at least that
        // late); this key also by the tenant's own clock, which may run ahead. Two
        // statements, each on an index: an OR of the two read the whole table.
        conn.prepare_cached("DELETE FROM idempotency_keys WHERE created < ?1")?
            .execute([real_now() - TTL_SECONDS])?;
        conn.prepare_cached(
            "DELETE FROM idempotency_keys
             WHERE tenant = ?1 AND environment = ?2 AND key = ?3 AND created < ?4",
        )?
        .execute((tenant_key, environment, key, now - TTL_SECONDS))?;
        let inserted = conn
            .prepare_cached(
                "INSERT OR IGNORE INTO idempotency_keys (tenant, environment, key, method, path, created)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute((tenant_key, environment, key, method, path, now))?;
        if inserted == 1 {
            conn.commit()?;
            return Ok(Claim::Claimed);
        }
        // The row exists (INSERT OR IGNORE just saw it) and the lock is held, so
        // exactly one row comes back.
        let claim = conn.query_row_cached(
            "SELECT method, path, status, body FROM idempotency_keys
             WHERE tenant = ?1 AND environment = ?2 AND key = ?3",
            (tenant_key, environment, key),
            |row| {
                Ok(match row.get::<_, Option<u16>>(2)? {
                    None => Claim::Running,
                    Some(status) => Claim::Done {
                        method: row.get(0)?,
                        path: row.get(1)?,
                        status,
                        body: row.get::<_, Option<Vec<u8>>>(3)?.unwrap_or_default(),
                    },
                })
            },
        )?;
        conn.commit()?;
        Ok(claim)
    }

    /// Records the outcome of the request that claimed `key`.
    pub fn finish_idempotency_key(
        &self,
        tenant: &Tenant,
        key: &str,
        status: u16,
        body: &[u8],
    ) -> Result<(), Error> {
        let (tenant_key, environment) = scope(tenant);
        self.lock().execute_cached(
            "UPDATE idempotency_keys SET status = ?4, body = ?5 WHERE tenant = ?1 AND environment = ?2 AND key = ?3",
            (tenant_key, environment, key, status, body),
        )?;
        Ok(())
    }

    /// Forgets a claim whose request was turned away, so it may be retried.
    pub fn release_idempotency_key(&self, tenant: &Tenant, key: &str) -> Result<(), Error> {
        let (tenant_key, environment) = scope(tenant);
        self.lock().execute_cached(
            "DELETE FROM idempotency_keys WHERE tenant = ?1 AND environment = ?2 AND key = ?3 AND status IS NULL",
            (tenant_key, environment, key),
        )?;
        Ok(())
    }
}

/// Run when a store is opened: no request is running in a server that has just
/// started, so a claim still open was left by a server killed mid-request (kill -9,
/// a crash, the app embedding it closed). Kept, it would answer every retry with that
/// key "still being processed" for 24 hours.
pub(super) fn forget_unfinished(conn: &rusqlite::Connection) -> Result<usize, Error> {
    Ok(conn.execute("DELETE FROM idempotency_keys WHERE status IS NULL", [])?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::Environment;

    fn tenant() -> Tenant {
        Tenant {
            key: "t9sk_test_idem".into(),
            environment: Environment::Sandbox,
        }
    }

    #[test]
    fn a_claim_left_open_by_a_killed_server_is_free_after_a_restart() {
        let dir = std::env::temp_dir().join(format!("idem-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("standin.sqlite");
        let _ = std::fs::remove_file(&file);
        let now = real_now();
        {
            let store = Store::open(&file).unwrap();
            let claim = store.claim_idempotency_key(&tenant(), "row-1", "POST", "/c", now);
            assert_eq!(claim.unwrap(), Claim::Claimed);
            let again = store.claim_idempotency_key(&tenant(), "row-1", "POST", "/c", now + 1);
            assert_eq!(again.unwrap(), Claim::Running);
            store
                .claim_idempotency_key(&tenant(), "row-2", "POST", "/c", now)
                .unwrap();
            store
                .finish_idempotency_key(&tenant(), "row-2", 201, b"{}")
                .unwrap();
            // Dropped without finishing row-1: what a SIGKILL leaves on disk.
        }
        let store = Store::open(&file).unwrap();
        let claim = store.claim_idempotency_key(&tenant(), "row-1", "POST", "/c", now + 2);
        assert_eq!(claim.unwrap(), Claim::Claimed);
        // A finished key is still replayed.
        let done = store.claim_idempotency_key(&tenant(), "row-2", "POST", "/c", now + 2);
        assert!(matches!(done.unwrap(), Claim::Done { status: 201, .. }));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_key_lapses_by_the_tenants_clock_and_old_keys_are_swept_by_real_time() {
        let store = Store::in_memory().unwrap();
        let now = real_now();
        store
            .claim_idempotency_key(&tenant(), "k", "POST", "/c", now)
            .unwrap();
        store
            .finish_idempotency_key(&tenant(), "k", 201, b"{}")
            .unwrap();
        let within = store.claim_idempotency_key(&tenant(), "k", "POST", "/c", now + TTL_SECONDS);
        assert!(matches!(within.unwrap(), Claim::Done { .. }));
        // The tenant's clock a day and a second on: the key is new again.
        let after =
            store.claim_idempotency_key(&tenant(), "k", "POST", "/c", now + TTL_SECONDS + 1);
        assert_eq!(after.unwrap(), Claim::Claimed);

        // A key made two days ago (by a clock set back) goes with the next claim of any key.
        store
            .claim_idempotency_key(&tenant(), "old", "POST", "/c", now - 2 * TTL_SECONDS)
            .unwrap();
        store
            .claim_idempotency_key(&tenant(), "other", "POST", "/c", now)
            .unwrap();
        let keys: Vec<String> = store
            .lock()
            .prepare("SELECT key FROM idempotency_keys ORDER BY key")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(keys, ["k", "other"]);
    }
}
