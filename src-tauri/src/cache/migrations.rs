//! Versioned schema migrations, tracked in SQLite's `user_version`.
//! Append new steps; never edit a step that has shipped.

use rusqlite::Connection;

/// The cache of API objects.
pub const CACHE: &[&str] = &[
    // 1: contractors, with the columns lists search and sort on, and the API object as JSON.
    "CREATE TABLE contractors (
        id           TEXT PRIMARY KEY,
        created      INTEGER NOT NULL,
        first_name   TEXT NOT NULL,
        last_name    TEXT NOT NULL,
        email        TEXT NOT NULL,
        company_name TEXT,
        locality     TEXT NOT NULL,
        region       TEXT NOT NULL,
        body         TEXT NOT NULL,
        cached_at    INTEGER NOT NULL
    );
    CREATE INDEX contractors_created ON contractors (created DESC, id DESC);",
    // 2: entities; `coverage` is the required coverage types, space-separated, for search.
    "CREATE TABLE entities (
        id           TEXT PRIMARY KEY,
        created      INTEGER NOT NULL,
        name         TEXT NOT NULL,
        locality     TEXT,
        region       TEXT,
        coverage     TEXT NOT NULL,
        body         TEXT NOT NULL,
        cached_at    INTEGER NOT NULL
    );
    CREATE INDEX entities_created ON entities (created DESC, id DESC);",
    // 3: jobs, and the organisation's approved job category codes (a small, rarely
    // changing list the job form picks from, so it is cached rather than fetched per form).
    "CREATE TABLE jobs (
        id            TEXT PRIMARY KEY,
        created       INTEGER NOT NULL,
        name          TEXT NOT NULL,
        description   TEXT,
        entity        TEXT NOT NULL,
        category_code TEXT NOT NULL,
        region        TEXT,
        body          TEXT NOT NULL,
        cached_at     INTEGER NOT NULL
    );
    CREATE INDEX jobs_created ON jobs (created DESC, id DESC);
    CREATE TABLE job_categories (
        category_code TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        cached_at     INTEGER NOT NULL
    );",
    // Policies as the follow task and the Policies page see them: the row (policy plus
    // contractor, job and coverage) as JSON, and the columns the list filters on. Also
    // the last event the follow task has seen (this file is one environment's), and the
    // PDFs kept for offline viewing (url → file in the app's cache folder).
    "CREATE TABLE policies (
        id              TEXT PRIMARY KEY,
        created         INTEGER NOT NULL,
        status          TEXT NOT NULL,
        contractor      TEXT,
        expiration_date INTEGER,
        body            TEXT NOT NULL,
        cached_at       INTEGER NOT NULL
    );
    CREATE INDEX policies_created ON policies (created DESC, id DESC);
    CREATE TABLE follow_cursor (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE documents (
        url           TEXT PRIMARY KEY,
        file          TEXT NOT NULL,
        bytes         INTEGER NOT NULL,
        downloaded_at INTEGER NOT NULL
    );",
];

/// App settings that are not secret (which environment was last used, when a key was saved).
pub const SETTINGS: &[&str] =
    &["CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);"];

pub fn apply(conn: &mut Connection, steps: &[&str]) -> rusqlite::Result<()> {
    let current: usize = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    for (index, sql) in steps.iter().enumerate().skip(current) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_each_step_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, CACHE).unwrap();
        apply(&mut conn, CACHE).unwrap();
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, CACHE.len());
    }

    #[test]
    fn upgrades_from_an_older_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &CACHE[..0]).unwrap();
        let steps = [CACHE[0], "ALTER TABLE contractors ADD COLUMN phone TEXT;"];
        apply(&mut conn, &steps).unwrap();
        conn.execute_batch("SELECT phone FROM contractors").unwrap();
    }
}
