//! State in SQLite: one connection behind a mutex.
//!
//! One connection is plenty for a local stand-in and makes every store call atomic
//! with respect to the others (check-then-insert for duplicate emails needs that).
//! Calls are short, so they run on the async worker instead of a blocking pool.

pub mod assignments;
pub mod certificates;
pub mod contractors;
pub mod entities;
pub mod events;
pub mod idempotency;
pub mod invoices;
pub mod jobs;
mod paging;
pub mod policies;
pub mod quotes;
mod schema;
pub mod sessions;
pub mod table;
pub mod webhook_endpoints;

pub use paging::{Cursor, Page};

use crate::auth::Tenant;
use crate::error::Error;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

pub struct Store {
    conn: Mutex<Connection>,
}

impl Store {
    /// A database that lives as long as the server.
    pub fn in_memory() -> Result<Store, Error> {
        Store::with(Connection::open_in_memory()?)
    }

    /// A database file, created if missing; WAL so readers (e.g. `sqlite3` while
    /// debugging) don't block the server.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Under WAL, NORMAL keeps the file consistent after a crash and only risks
        // the last commits on power loss: right for a stand-in, and it drops the
        // fsync from every commit (the write path's main cost).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Store::with(conn)
    }

    fn with(mut conn: Connection) -> Result<Store, Error> {
        // Statements are cached per distinct SQL text (`prepare_cached`); tables
        // times query shapes is well over rusqlite's default of 16.
        conn.set_prepared_statement_cache_capacity(128);
        schema::migrate(&mut conn)?;
        idempotency::forget_unfinished(&conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic mid-call leaves SQLite consistent (statements are atomic), so a
        // poisoned lock is still safe to use.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Deletes everything a key has stored, in every environment.
    pub fn reset(&self, key: &str) -> Result<(), Error> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        for table in schema::TENANT_TABLES {
            tx.execute(&format!("DELETE FROM {table} WHERE tenant = ?1"), [key])?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// `Connection::execute` and `query_row` parse their SQL again on every call; under the
/// benchmark's flow that parsing was a tenth of the stand-in's time (`perf`, README).
/// These keep each distinct statement parsed, in the connection's statement cache.
trait CachedStatements {
    fn execute_cached<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;
    fn query_row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>;
}

impl CachedStatements for Connection {
    fn execute_cached<P: rusqlite::Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn query_row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
    where
        P: rusqlite::Params,
        F: FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}

/// The `(tenant, environment)` pair every query is scoped by.
fn scope(tenant: &Tenant) -> (&str, &'static str) {
    (&tenant.key, tenant.environment.as_str())
}

/// Unix seconds, the API's time unit.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
