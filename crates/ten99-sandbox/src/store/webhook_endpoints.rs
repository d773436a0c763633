//! The `webhook_endpoints` table (reference §2.11): the generic [`Table`] suffices.

use super::table::Table;
use super::Store;

impl Store {
    pub fn webhook_endpoints(&self) -> Table<'_> {
        Table::new(self, "webhook_endpoints")
    }
}
