//! What the follow task remembers per environment (this cache file is one environment's):
//! the newest event it has handled, and the PDFs it keeps for offline viewing.

use super::Cache;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};

const LAST_EVENT: &str = "last_event";

/// Where following the event list stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowCursor {
    /// Never polled in this environment: the first poll only takes note of where the
    /// list is, so years of history do not arrive as notifications.
    Never,
    /// Polled; `None` when the list was empty then.
    After(Option<String>),
}

/// A downloaded document: where its copy is and how big.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptDocument {
    pub file: String,
    pub bytes: u64,
}

impl Cache {
    pub fn follow_cursor(&self) -> Result<FollowCursor> {
        let value: Option<String> = self
            .conn()
            .query_row(
                "SELECT value FROM follow_cursor WHERE name = ?1",
                [LAST_EVENT],
                |row| row.get(0),
            )
            .optional()?;
        Ok(match value {
            None => FollowCursor::Never,
            Some(id) if id.is_empty() => FollowCursor::After(None),
            Some(id) => FollowCursor::After(Some(id)),
        })
    }

    pub fn set_follow_cursor(&self, last_event: Option<&str>) -> Result<()> {
        self.conn().execute(
            "INSERT INTO follow_cursor (name, value) VALUES (?1, ?2)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![LAST_EVENT, last_event.unwrap_or("")],
        )?;
        Ok(())
    }

    pub fn kept_document(&self, url: &str) -> Result<Option<KeptDocument>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT file, bytes FROM documents WHERE url = ?1",
                [url],
                |row| {
                    Ok(KeptDocument {
                        file: row.get(0)?,
                        bytes: row.get::<_, i64>(1)? as u64,
                    })
                },
            )
            .optional()?)
    }

    pub fn keep_document(&self, url: &str, kept: &KeptDocument, now: i64) -> Result<()> {
        self.conn().execute(
            "INSERT INTO documents (url, file, bytes, downloaded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (url) DO UPDATE SET file = excluded.file, bytes = excluded.bytes,
               downloaded_at = excluded.downloaded_at",
            params![url, kept.file, kept.bytes as i64, now],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_tells_never_polled_from_polled_empty() {
        let cache = Cache::open_in_memory().unwrap();
        assert_eq!(cache.follow_cursor().unwrap(), FollowCursor::Never);
        cache.set_follow_cursor(None).unwrap();
        assert_eq!(cache.follow_cursor().unwrap(), FollowCursor::After(None));
        cache.set_follow_cursor(Some("ev_1")).unwrap();
        assert_eq!(
            cache.follow_cursor().unwrap(),
            FollowCursor::After(Some("ev_1".into()))
        );
    }
}
