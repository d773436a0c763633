//! The SQLite schema, as numbered migration steps.
//!
//! `PRAGMA user_version` holds how many steps a database has had; opening runs the
//! rest in one transaction. Add a step for every change (never edit an old one), so a
//! sandbox file from an older build keeps its data.

use rusqlite::Connection;

/// Every table that holds a tenant's data has `tenant` and `environment` columns;
/// the public object is kept as JSON in `body` and the other columns are only what
/// queries filter or sort on. `seq` is the insertion order, the tie-break of lists.
const MIGRATIONS: &[&str] = &[
    // 1: contractors and idempotency keys.
    "CREATE TABLE contractors (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL,
        environment TEXT NOT NULL,
        id TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        -- Write-only in the API: stored as the real service would, never returned.
        tax_identification TEXT,
        created INTEGER NOT NULL,
        body TEXT NOT NULL
    );
    CREATE UNIQUE INDEX contractors_email ON contractors (tenant, environment, email);
    CREATE INDEX contractors_order ON contractors (tenant, environment, created, seq);

    CREATE TABLE idempotency_keys (
        tenant TEXT NOT NULL,
        environment TEXT NOT NULL,
        key TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        -- NULL while the first request with this key is still running.
        status INTEGER,
        body BLOB,
        created INTEGER NOT NULL,
        PRIMARY KEY (tenant, environment, key)
    );",
];

/// Tables cleared by `POST /_sandbox/reset`: everything keyed by tenant.
pub const TENANT_TABLES: &[&str] = &["contractors", "idempotency_keys"];

pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let done: usize = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if done >= MIGRATIONS.len() {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for step in &MIGRATIONS[done..] {
        tx.execute_batch(step)?;
    }
    // PRAGMA takes no bound parameters; the value is our own constant.
    tx.execute_batch(&format!("PRAGMA user_version = {}", MIGRATIONS.len()))?;
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        migrate(&mut conn).unwrap();
        let version: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len());
        for table in TENANT_TABLES {
            conn.execute(&format!("DELETE FROM {table} WHERE tenant = 'x'"), [])
                .unwrap();
        }
    }
}
