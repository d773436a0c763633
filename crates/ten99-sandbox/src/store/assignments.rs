//! The `assignments` table (reference §2.8): looked up by job and contractor, and
//! flagged when cancelled so the cancel endpoint finds the live one.

use super::table::Table;
use super::Store;

impl Store {
    pub fn assignments(&self) -> Table<'_> {
        Table::new(self, "assignments")
    }
}
