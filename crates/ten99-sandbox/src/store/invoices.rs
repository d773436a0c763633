//! The `invoices` table (reference §2.9), with `contractor` and `job` columns:
//! the list filters by contractor, and a job with an invoice cannot be edited.

use super::table::Table;
use super::Store;

impl Store {
    pub fn invoices(&self) -> Table<'_> {
        Table::new(self, "invoices")
    }
}
