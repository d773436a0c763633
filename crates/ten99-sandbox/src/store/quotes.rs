//! The `quotes` table (reference §2.5). Besides the object it keeps what makes two
//! covers "the same" (coverage, class, work and home state), so the matching-policy
//! rule is one query (`Policies::matching`).

use super::table::Table;
use super::Store;

impl Store {
    pub fn quotes(&self) -> Table<'_> {
        Table::new(self, "quotes")
    }
}
