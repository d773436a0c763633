//! `/api/v1/entities` (reference §2.2).

use super::Client;
use crate::resources::entities::{Entity, EntityInput, EntityUpdate};

/// Entities: the companies the work is done for, and the cover they require. From
/// [`Client::entities`]. Deleting one also cancels policies tied to its active jobs.
pub struct Entities<'a> {
    pub(super) client: &'a Client,
}

impl Entities<'_> {
    write_methods!(Entity, EntityInput, EntityUpdate, ["entities"], "entity");
    get_method!(Entity, ["entities"], "entity");
    list_methods!(Entity, ["entities"], "entities");
}
