//! `/api/v1/jobs` (reference §2.3).

use super::Client;
use crate::resources::jobs::{Job, JobInput, JobUpdate};

/// Jobs: the work, its pay and its category. From [`Client::jobs`]. A job with an
/// invoice can no longer be updated (`invoice_exists`).
pub struct Jobs<'a> {
    pub(super) client: &'a Client,
}

impl Jobs<'_> {
    write_methods!(Job, JobInput, JobUpdate, ["jobs"], "job");
    get_method!(Job, ["jobs"], "job");
    list_methods!(Job, ["jobs"], "jobs");
}
