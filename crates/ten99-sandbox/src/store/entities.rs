//! The `entities` table (reference §2.2): the generic [`Table`] is all it needs.

use super::table::Table;
use super::Store;

impl Store {
    pub fn entities(&self) -> Table<'_> {
        Table::new(self, "entities")
    }
}
