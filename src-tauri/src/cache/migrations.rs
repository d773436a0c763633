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
    // 4: the audit log of changes sent from Coverdesk (the file is per environment; the
    // environment is kept on each row too, so an exported log says where it happened),
    // and when each record list was last read in full from the API (the age lists show).
    "CREATE TABLE audit_log (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           INTEGER NOT NULL,
        environment  TEXT NOT NULL,
        action       TEXT NOT NULL,
        object_kind  TEXT NOT NULL,
        object_id    TEXT,
        outcome      TEXT NOT NULL,
        detail       TEXT
    );
    CREATE TABLE sync_log (
        resource     TEXT PRIMARY KEY,
        refreshed_at INTEGER,
        attempted_at INTEGER,
        last_error   TEXT,
        offline      INTEGER NOT NULL DEFAULT 0,
        fetched      INTEGER NOT NULL DEFAULT 0
    );",
    // 5: full-text search over the lists' search columns. External-content FTS5 tables
    // index the tables' own rows by rowid (an upsert keeps a row's rowid; nothing here
    // VACUUMs), triggers keep them in step, and 'rebuild' indexes rows cached before.
    // The 2- and 3-character prefix indexes make search-as-you-type cheap.
    "CREATE VIRTUAL TABLE contractors_fts USING fts5(
        id, first_name, last_name, email, company_name, locality,
        content = 'contractors', content_rowid = 'rowid', prefix = '2 3'
    );
    CREATE TRIGGER contractors_fts_insert AFTER INSERT ON contractors BEGIN
        INSERT INTO contractors_fts (rowid, id, first_name, last_name, email, company_name, locality)
        VALUES (new.rowid, new.id, new.first_name, new.last_name, new.email, new.company_name, new.locality);
    END;
    CREATE TRIGGER contractors_fts_delete AFTER DELETE ON contractors BEGIN
        INSERT INTO contractors_fts (contractors_fts, rowid, id, first_name, last_name, email, company_name, locality)
        VALUES ('delete', old.rowid, old.id, old.first_name, old.last_name, old.email, old.company_name, old.locality);
    END;
    CREATE TRIGGER contractors_fts_update AFTER UPDATE ON contractors BEGIN
        INSERT INTO contractors_fts (contractors_fts, rowid, id, first_name, last_name, email, company_name, locality)
        VALUES ('delete', old.rowid, old.id, old.first_name, old.last_name, old.email, old.company_name, old.locality);
        INSERT INTO contractors_fts (rowid, id, first_name, last_name, email, company_name, locality)
        VALUES (new.rowid, new.id, new.first_name, new.last_name, new.email, new.company_name, new.locality);
    END;
    INSERT INTO contractors_fts (contractors_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE entities_fts USING fts5(
        id, name, locality, region, coverage,
        content = 'entities', content_rowid = 'rowid', prefix = '2 3'
    );
    CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN
        INSERT INTO entities_fts (rowid, id, name, locality, region, coverage)
        VALUES (new.rowid, new.id, new.name, new.locality, new.region, new.coverage);
    END;
    CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN
        INSERT INTO entities_fts (entities_fts, rowid, id, name, locality, region, coverage)
        VALUES ('delete', old.rowid, old.id, old.name, old.locality, old.region, old.coverage);
    END;
    CREATE TRIGGER entities_fts_update AFTER UPDATE ON entities BEGIN
        INSERT INTO entities_fts (entities_fts, rowid, id, name, locality, region, coverage)
        VALUES ('delete', old.rowid, old.id, old.name, old.locality, old.region, old.coverage);
        INSERT INTO entities_fts (rowid, id, name, locality, region, coverage)
        VALUES (new.rowid, new.id, new.name, new.locality, new.region, new.coverage);
    END;
    INSERT INTO entities_fts (entities_fts) VALUES ('rebuild');

    CREATE VIRTUAL TABLE jobs_fts USING fts5(
        id, name, description, entity, category_code, region,
        content = 'jobs', content_rowid = 'rowid', prefix = '2 3'
    );
    CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
        INSERT INTO jobs_fts (rowid, id, name, description, entity, category_code, region)
        VALUES (new.rowid, new.id, new.name, new.description, new.entity, new.category_code, new.region);
    END;
    CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
        INSERT INTO jobs_fts (jobs_fts, rowid, id, name, description, entity, category_code, region)
        VALUES ('delete', old.rowid, old.id, old.name, old.description, old.entity, old.category_code, old.region);
    END;
    CREATE TRIGGER jobs_fts_update AFTER UPDATE ON jobs BEGIN
        INSERT INTO jobs_fts (jobs_fts, rowid, id, name, description, entity, category_code, region)
        VALUES ('delete', old.rowid, old.id, old.name, old.description, old.entity, old.category_code, old.region);
        INSERT INTO jobs_fts (rowid, id, name, description, entity, category_code, region)
        VALUES (new.rowid, new.id, new.name, new.description, new.entity, new.category_code, new.region);
    END;
    INSERT INTO jobs_fts (jobs_fts) VALUES ('rebuild');",
    // 6: what an open form holds, saved as it is typed so nothing is lost to a restart or
    // a failed submit. `record_id` is '' for a create form, the record's ID for an edit
    // form. `body` is the form's own JSON (never a secret: only record forms save drafts).
    "CREATE TABLE drafts (
        form      TEXT NOT NULL,
        record_id TEXT NOT NULL,
        body      TEXT NOT NULL,
        saved_at  INTEGER NOT NULL,
        PRIMARY KEY (form, record_id)
    );",
    // 7: quotes, looked up by job and by contractor to compare earlier ones; and the
    // application sessions made from them.
    "CREATE TABLE quotes (
        id          TEXT PRIMARY KEY,
        created     INTEGER NOT NULL,
        contractor  TEXT NOT NULL,
        job         TEXT NOT NULL,
        body        TEXT NOT NULL,
        cached_at   INTEGER NOT NULL
    );
    CREATE INDEX quotes_job ON quotes (job, created DESC);
    CREATE INDEX quotes_contractor ON quotes (contractor, created DESC);
    CREATE TABLE sessions (
        id          TEXT PRIMARY KEY,
        created     INTEGER NOT NULL,
        quote       TEXT,
        body        TEXT NOT NULL,
        cached_at   INTEGER NOT NULL
    );
    CREATE INDEX sessions_created ON sessions (created DESC, id DESC);",
    // 8: policies as the follow task and the Policies page see them: the row (policy plus
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
    // 9: the contractors' index again, with prefix indexes up to 8 characters. Emails
    // and ids make one distinct word per contractor (`parker123`), so a typed last name
    // of 4 to 8 letters used to merge thousands of words' lists; it now reads one entry
    // (the 100,000-row benchmark's p99 search went from 6.5 ms to about 4).
    "DROP TRIGGER contractors_fts_insert;
    DROP TRIGGER contractors_fts_delete;
    DROP TRIGGER contractors_fts_update;
    DROP TABLE contractors_fts;
    CREATE VIRTUAL TABLE contractors_fts USING fts5(
        id, first_name, last_name, email, company_name, locality,
        content = 'contractors', content_rowid = 'rowid', prefix = '2 3 4 5 6 7 8'
    );
    CREATE TRIGGER contractors_fts_insert AFTER INSERT ON contractors BEGIN
        INSERT INTO contractors_fts (rowid, id, first_name, last_name, email, company_name, locality)
        VALUES (new.rowid, new.id, new.first_name, new.last_name, new.email, new.company_name, new.locality);
    END;
    CREATE TRIGGER contractors_fts_delete AFTER DELETE ON contractors BEGIN
        INSERT INTO contractors_fts (contractors_fts, rowid, id, first_name, last_name, email, company_name, locality)
        VALUES ('delete', old.rowid, old.id, old.first_name, old.last_name, old.email, old.company_name, old.locality);
    END;
    CREATE TRIGGER contractors_fts_update AFTER UPDATE ON contractors BEGIN
        INSERT INTO contractors_fts (contractors_fts, rowid, id, first_name, last_name, email, company_name, locality)
        VALUES ('delete', old.rowid, old.id, old.first_name, old.last_name, old.email, old.company_name, old.locality);
        INSERT INTO contractors_fts (rowid, id, first_name, last_name, email, company_name, locality)
        VALUES (new.rowid, new.id, new.first_name, new.last_name, new.email, new.company_name, new.locality);
    END;
    INSERT INTO contractors_fts (contractors_fts) VALUES ('rebuild');",
    // 10: the desktop alerts shown in this environment, so each is shown once.
    "CREATE TABLE announced (
        key      TEXT PRIMARY KEY,
        shown_at INTEGER NOT NULL
    );",
    // 11: assignments (repeat coverage), which the compliance desk counts: a cancelled
    // one, or one that names a policy, decides a job's line as a quote does.
    "CREATE TABLE assignments (
        id          TEXT PRIMARY KEY,
        created     INTEGER NOT NULL,
        contractor  TEXT NOT NULL,
        job         TEXT NOT NULL,
        body        TEXT NOT NULL,
        cached_at   INTEGER NOT NULL
    );
    CREATE INDEX assignments_created ON assignments (created DESC, id DESC);",
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

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |row| row.get(0)).unwrap()
    }

    /// The step that adds full-text search.
    fn fts_step() -> usize {
        CACHE
            .iter()
            .position(|sql| sql.contains("contractors_fts"))
            .expect("a step creates the search index")
    }

    #[test]
    fn an_empty_file_gets_every_table_and_a_working_index() {
        let dir = tempfile::tempdir().unwrap();
        let mut conn = Connection::open(dir.path().join("cache.sqlite")).unwrap();
        apply(&mut conn, CACHE).unwrap();
        conn.execute_batch(
            "INSERT INTO contractors VALUES ('cn_1', 1, 'Ann', 'Lee', 'ann@example.com', NULL, 'Oakland', 'CA', '{}', 1);
             INSERT INTO drafts VALUES ('contractor', '', '{}', 1);",
        )
        .unwrap();
        let hits = count(
            &conn,
            "SELECT count(*) FROM contractors_fts WHERE contractors_fts MATCH 'oak*'",
        );
        assert_eq!(hits, 1);
    }

    #[test]
    fn upgrading_a_filled_cache_indexes_the_rows_it_already_had() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite");
        {
            let mut old = Connection::open(&path).unwrap();
            apply(&mut old, &CACHE[..fts_step()]).unwrap();
            old.execute_batch(
                "INSERT INTO contractors VALUES ('cn_1', 1, 'Ann', 'Lee', 'ann@example.com', 'Lee Plumbing', 'Oakland', 'CA', '{}', 1);
                 INSERT INTO entities VALUES ('en_1', 1, 'Lake View Bowl', 'Chicago', 'IL', 'workers_comp', '{}', 1);
                 INSERT INTO jobs VALUES ('jb_1', 1, 'Field technician', NULL, 'en_1', 'jc_1', 'IL', '{}', 1);",
            )
            .unwrap();
        }
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, CACHE).unwrap();
        let version: usize = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, CACHE.len());
        for (table, query) in [
            ("contractors_fts", "plumb*"),
            ("entities_fts", "chic*"),
            ("jobs_fts", "techn*"),
        ] {
            let sql = format!("SELECT count(*) FROM {table} WHERE {table} MATCH '{query}'");
            assert_eq!(count(&conn, &sql), 1, "{table} {query}");
        }
        // The triggers keep the index in step from then on.
        conn.execute(
            "UPDATE contractors SET locality = 'Fresno' WHERE id = 'cn_1'",
            [],
        )
        .unwrap();
        let oakland = "SELECT count(*) FROM contractors_fts WHERE contractors_fts MATCH 'oakland'";
        let fresno = "SELECT count(*) FROM contractors_fts WHERE contractors_fts MATCH 'fresno'";
        assert_eq!((count(&conn, oakland), count(&conn, fresno)), (0, 1));
        conn.execute("DELETE FROM contractors", []).unwrap();
        assert_eq!(count(&conn, fresno), 0);
    }

    #[test]
    fn the_contractors_index_is_rebuilt_with_long_prefixes_and_keeps_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.sqlite");
        let long_prefixes = CACHE
            .iter()
            .rposition(|sql| sql.contains("prefix = '2 3 4 5 6 7 8'"))
            .expect("a step with the long prefixes");
        {
            let mut old = Connection::open(&path).unwrap();
            apply(&mut old, &CACHE[..long_prefixes]).unwrap();
            old.execute_batch(
                "INSERT INTO contractors VALUES ('cn_1', 1, 'Ann', 'Parker', 'ann.parker123@example.com', NULL, 'Oakland', 'CA', '{}', 1);",
            )
            .unwrap();
        }
        let mut conn = Connection::open(&path).unwrap();
        apply(&mut conn, CACHE).unwrap();
        let schema: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'contractors_fts'",
                [],
                |row| row.get(0),
            )
            .unwrap();
        assert!(schema.contains("'2 3 4 5 6 7 8'"), "{schema}");
        let parker = "SELECT count(*) FROM contractors_fts WHERE contractors_fts MATCH 'parke*'";
        assert_eq!(count(&conn, parker), 1, "rows cached before are indexed");
        conn.execute("DELETE FROM contractors", []).unwrap();
        assert_eq!(count(&conn, parker), 0, "the triggers are back");
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
