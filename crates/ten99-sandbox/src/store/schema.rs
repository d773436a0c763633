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
    // 2: the other resources (reference §2.2–2.11). Each keeps its object in `body`;
    // the extra columns are what lookups filter on.
    "CREATE TABLE entities (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL
    );
    CREATE TABLE jobs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        entity TEXT NOT NULL
    );
    CREATE TABLE quotes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        contractor TEXT NOT NULL, job TEXT NOT NULL,
        -- What makes two covers the same (reference §2.5 repeat coverage): sorted
        -- coverage types, job category, work state, residence state.
        coverage TEXT NOT NULL, category_code TEXT NOT NULL,
        work_state TEXT NOT NULL, residence_state TEXT NOT NULL
    );
    CREATE TABLE sessions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        quote TEXT
    );
    CREATE TABLE policies (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        quote TEXT NOT NULL, contractor TEXT NOT NULL, job TEXT NOT NULL,
        -- 'active' or 'cancelled'; 'expired' is worked out against the tenant's clock.
        status TEXT NOT NULL, expiration_date INTEGER NOT NULL,
        -- The contractor, entity, job and quote as bound, for the PDFs.
        bound TEXT NOT NULL
    );
    CREATE TABLE assignments (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        contractor TEXT NOT NULL, job TEXT NOT NULL, policy TEXT NOT NULL,
        cancelled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE invoices (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        contractor TEXT NOT NULL, job TEXT NOT NULL
    );
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        type TEXT NOT NULL
    );
    CREATE TABLE webhook_endpoints (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL
    );
    CREATE INDEX entities_order ON entities (tenant, environment, created, seq);
    CREATE INDEX jobs_order ON jobs (tenant, environment, created, seq);
    CREATE INDEX quotes_order ON quotes (tenant, environment, created, seq);
    CREATE INDEX sessions_order ON sessions (tenant, environment, created, seq);
    CREATE INDEX policies_order ON policies (tenant, environment, created, seq);
    CREATE INDEX assignments_order ON assignments (tenant, environment, created, seq);
    CREATE INDEX invoices_order ON invoices (tenant, environment, created, seq);
    CREATE INDEX events_order ON events (tenant, environment, created, seq);
    CREATE INDEX webhook_endpoints_order ON webhook_endpoints (tenant, environment, created, seq);",
    // 3: certificates of insurance uploaded for review (reference §2.12). `pdf` is
    // the uploaded file; `status` finds the reviews still to settle.
    "CREATE TABLE certificates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant TEXT NOT NULL, environment TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
        created INTEGER NOT NULL, body TEXT NOT NULL,
        contractor TEXT NOT NULL, status TEXT NOT NULL, pdf BLOB NOT NULL
    );
    CREATE INDEX certificates_order ON certificates (tenant, environment, created, seq);",
    // 4: what the hot paths look up. Every idempotent POST sweeps expired keys by
    // `created` (without an index each one read the whole table: 44% of the stand-in's
    // time under the client benchmark); every quote asks for the contractor's policies
    // in force (repeat coverage).
    "CREATE INDEX idempotency_keys_created ON idempotency_keys (created);
    CREATE INDEX policies_contractor ON policies (tenant, environment, contractor);",
];

/// Tables cleared by `POST /_sandbox/reset`: everything keyed by tenant.
pub const TENANT_TABLES: &[&str] = &[
    "contractors",
    "idempotency_keys",
    "entities",
    "jobs",
    "quotes",
    "sessions",
    "policies",
    "assignments",
    "invoices",
    "events",
    "webhook_endpoints",
    "certificates",
];

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
