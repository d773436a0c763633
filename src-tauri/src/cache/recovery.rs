//! A cache file found damaged at start (a disk error, a copy taken mid-write): it is moved
//! aside and a fresh cache takes its place. The records come back from the API with the
//! next refresh; what only this computer holds, the drafts and the audit log, is copied
//! over as far as the damaged file still reads.
//!
//! A kill, even `kill -9`, does not damage the file: SQLite's WAL and a transaction per
//! batch see to that. The check is for what SQLite cannot protect against.

use super::Cache;
use crate::error::Result;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// What was done about a damaged cache, for the person to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// What SQLite's check said.
    pub problem: String,
    /// Where the damaged file now is (kept for whoever wants to look into it).
    pub damaged_copy: PathBuf,
    pub drafts_kept: usize,
    pub audit_entries_kept: usize,
}

impl Rebuilt {
    pub fn message(&self) -> String {
        format!(
            "The local cache was damaged ({}) and has been rebuilt: the records come back from the API with the next refresh. {} and {} were kept; the damaged file is at {}.",
            self.problem,
            counted(self.drafts_kept, "draft", "drafts"),
            counted(self.audit_entries_kept, "audit log entry", "audit log entries"),
            self.damaged_copy.display()
        )
    }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The tables only this computer holds, copied into a rebuilt cache.
const KEPT_TABLES: [&str; 2] = ["drafts", "audit_log"];

impl Cache {
    /// Opens the cache at `path`, checking it first; a damaged one is rebuilt.
    pub fn open_checked(path: &Path) -> Result<(Cache, Option<Rebuilt>)> {
        let Some(problem) = damage(path) else {
            return Ok((Cache::open(path)?, None));
        };
        let damaged_copy = aside(path)?;
        let cache = Cache::open(path)?;
        let mut kept = [0; KEPT_TABLES.len()];
        for (table, kept) in KEPT_TABLES.iter().zip(&mut kept) {
            // What cannot be read is lost with the file; the rest still comes over.
            *kept = cache.copy_from(&damaged_copy, table).unwrap_or(0);
        }
        Ok((
            cache,
            Some(Rebuilt {
                problem,
                damaged_copy,
                drafts_kept: kept[0],
                audit_entries_kept: kept[1],
            }),
        ))
    }

    /// Copies the rows of `table` from the file at `from`, in the columns both have.
    fn copy_from(&self, from: &Path, table: &str) -> Result<usize> {
        let conn = self.conn();
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |row| row.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let old = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let theirs: Vec<String> = old
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?
            .query_map([], |row| row.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        let shared: Vec<&str> = columns
            .iter()
            .filter(|c| theirs.contains(c))
            .map(String::as_str)
            .collect();
        if shared.is_empty() {
            return Ok(0);
        }
        let list = shared.join(", ");
        let marks = vec!["?"; shared.len()].join(", ");
        let mut read = old.prepare(&format!("SELECT {list} FROM {table}"))?;
        let mut write = conn.prepare(&format!(
            "INSERT OR IGNORE INTO {table} ({list}) VALUES ({marks})"
        ))?;
        let mut rows = read.query([])?;
        let mut copied = 0;
        // Row by row: a damaged page ends the copy there, and what came before stays.
        while let Ok(Some(row)) = rows.next() {
            let values: Vec<rusqlite::types::Value> = (0..shared.len())
                .map(|i| row.get(i))
                .collect::<std::result::Result<_, _>>()?;
            copied += write.execute(rusqlite::params_from_iter(values))?;
        }
        Ok(copied)
    }
}

/// What is wrong with the file at `path`, if anything: `quick_check` (every page and
/// index entry well formed, without the slower cross-checks of `integrity_check`).
fn damage(path: &Path) -> Option<String> {
    if !path.exists() {
        return None;
    }
    let conn = match Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE) {
        Ok(conn) => conn,
        Err(error) => return Some(error.to_string()),
    };
    let verdict: std::result::Result<Vec<String>, _> =
        conn.prepare("PRAGMA quick_check").and_then(|mut check| {
            check
                .query_map([], |row| row.get(0))?
                .collect::<std::result::Result<Vec<String>, _>>()
        });
    match verdict {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => None,
        Ok(lines) => Some(lines.into_iter().take(3).collect::<Vec<_>>().join("; ")),
        Err(error) => Some(error.to_string()),
    }
}

/// Moves the damaged file (and its WAL) to `<name>.damaged-<unix seconds>`.
fn aside(path: &Path) -> Result<PathBuf> {
    let stamp = crate::state::now();
    let moved = PathBuf::from(format!("{}.damaged-{stamp}", path.display()));
    std::fs::rename(path, &moved)?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{suffix}", moved.display()));
        }
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coverdesk_ipc::drafts::DraftForm;

    fn cache_with_a_draft(path: &Path) {
        let cache = Cache::open(path).unwrap();
        cache
            .save_draft(DraftForm::Contractor, None, r#"{"first_name":"Ann"}"#, 5)
            .unwrap();
        // Enough rows that the file has pages beyond the schema to damage.
        for n in 0..2_000 {
            cache
                .conn()
                .execute(
                    "INSERT INTO sync_log (resource, refreshed_at) VALUES (?1, ?2)",
                    rusqlite::params![format!("resource-{n:0>200}"), n],
                )
                .unwrap();
        }
        cache
            .conn()
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }

    #[test]
    fn a_sound_cache_opens_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache-local.sqlite");
        cache_with_a_draft(&path);
        let (cache, rebuilt) = Cache::open_checked(&path).unwrap();
        assert_eq!(rebuilt, None);
        assert!(cache
            .get_draft(DraftForm::Contractor, None)
            .unwrap()
            .is_some());
    }

    #[test]
    fn a_damaged_cache_is_moved_aside_and_rebuilt_keeping_its_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache-local.sqlite");
        cache_with_a_draft(&path);
        // Scribble over the last pages (the sync log's), as a failing disk would.
        let mut bytes = std::fs::read(&path).unwrap();
        let len = bytes.len();
        for byte in &mut bytes[len - 3 * 4096..len - 4096] {
            *byte = 0x5a;
        }
        std::fs::write(&path, &bytes).unwrap();

        let (cache, rebuilt) = Cache::open_checked(&path).unwrap();
        let rebuilt = rebuilt.expect("the damage is found");
        assert!(rebuilt.damaged_copy.exists());
        assert!(
            rebuilt.message().contains("damaged"),
            "{}",
            rebuilt.message()
        );
        assert_eq!(rebuilt.drafts_kept, 1, "{rebuilt:?}");
        assert!(cache
            .get_draft(DraftForm::Contractor, None)
            .unwrap()
            .is_some());
        // The fresh file is sound, and opens as it is next time.
        drop(cache);
        assert_eq!(Cache::open_checked(&path).unwrap().1, None);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_rebuilt_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache-local.sqlite");
        std::fs::write(&path, b"these are not the pages you are looking for").unwrap();
        let (_, rebuilt) = Cache::open_checked(&path).unwrap();
        let rebuilt = rebuilt.expect("the damage is found");
        assert_eq!((rebuilt.drafts_kept, rebuilt.audit_entries_kept), (0, 0));
    }
}
