//! The `sessions` table (reference §2.6), with the session's `quote` alongside.

use super::table::Table;
use super::Store;

impl Store {
    pub fn sessions(&self) -> Table<'_> {
        Table::new(self, "sessions")
    }
}
