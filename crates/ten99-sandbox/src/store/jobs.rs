//! The `jobs` table (reference §2.3), with an `entity` column: deleting an entity
//! finds the policies of its jobs.

use super::table::Table;
use super::Store;

impl Store {
    pub fn jobs(&self) -> Table<'_> {
        Table::new(self, "jobs")
    }
}
