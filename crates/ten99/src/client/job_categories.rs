//! `/api/v1/category_codes` (reference §2.4).

use super::Client;
use crate::resources::job_categories::JobCategory;

/// The job category codes approved for the organisation (read-only). From
/// [`Client::job_categories`].
pub struct JobCategories<'a> {
    pub(super) client: &'a Client,
}

impl JobCategories<'_> {
    list_methods!(JobCategory, ["category_codes"], "job category codes");
}
