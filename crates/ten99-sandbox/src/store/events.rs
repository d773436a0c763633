//! The `events` table (reference §2.10), with a `type` column for the list filter.

use super::table::Table;
use super::Store;

impl Store {
    pub fn events(&self) -> Table<'_> {
        Table::new(self, "events")
    }
}
