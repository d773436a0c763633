//! The local SQLite cache: one file per environment, so sandbox and production data
//! never mix. Lists read from here (fast, offline); the API refreshes it.

mod announced;
mod assignments;
mod audit_log;
mod compliance;
mod contractors;
mod drafts;
mod entities;
mod follow_state;
mod job_categories;
mod jobs;
pub(crate) mod migrations;
mod records;
mod recovery;
mod sync_log;

pub use records::RecordTable;
pub(crate) mod policies;
mod quotes;
pub mod search;
mod sessions;

pub use follow_state::{FollowCursor, KeptDocument};
pub use recovery::Rebuilt;

use crate::error::Result;
use rusqlite::Connection;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

pub struct Cache {
    conn: Mutex<Connection>,
}

impl Cache {
    pub fn open(path: &Path) -> Result<Cache> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Lists jump around a 100,000-row cache: keep its pages in memory (32 MB) and read
        // the file through a memory map rather than a copy per page.
        conn.pragma_update(None, "cache_size", -32_768)?;
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        Cache::with_connection(conn)
    }

    pub fn open_in_memory() -> Result<Cache> {
        Cache::with_connection(Connection::open_in_memory()?)
    }

    fn with_connection(mut conn: Connection) -> Result<Cache> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::apply(&mut conn, migrations::CACHE)?;
        Ok(Cache {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave SQLite half-written (statements
        // are atomic), so a poisoned lock is still safe to use.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The `LIKE` pattern (with `ESCAPE '\'`) matching `search` anywhere; `%%` when there is
/// no search, which the list queries treat as "everything".
fn like_pattern(search: Option<&str>) -> String {
    format!(
        "%{}%",
        search
            .unwrap_or("")
            .trim()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// SQLite's "no limit" for a page that runs to the end of the list.
fn page_limit(limit: Option<usize>) -> i64 {
    limit.map_or(-1, |n| n as i64)
}

/// Decodes the cached JSON bodies. The cache only holds what it serialized itself; a row
/// that no longer decodes (an older shape) is skipped rather than failing the whole list.
fn decode_bodies<T: serde::de::DeserializeOwned>(
    rows: impl Iterator<Item = rusqlite::Result<String>>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for body in rows {
        if let Ok(value) = serde_json::from_str(&body?) {
            out.push(value);
        }
    }
    Ok(out)
}
