//! The desktop alerts already shown in this environment (`alerts.rs`), by event key.

use super::Cache;
use crate::error::Result;
use rusqlite::params;

impl Cache {
    /// Notes that the alert `key` is being shown; false when it was shown before.
    pub fn mark_announced(&self, key: &str, now: i64) -> Result<bool> {
        let added = self.conn().execute(
            "INSERT INTO announced (key, shown_at) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![key, now],
        )?;
        Ok(added == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_is_announced_once() {
        let cache = Cache::open_in_memory().unwrap();
        assert!(cache.mark_announced("lapse:po_1:general", 1).unwrap());
        assert!(!cache.mark_announced("lapse:po_1:general", 2).unwrap());
        assert!(cache.mark_announced("lapse:po_1:workers-comp", 2).unwrap());
    }
}
