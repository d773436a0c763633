//! `/api/v1/events` (reference §2.10).

use super::Client;
use crate::resources::events::Event;

/// Events: what happened, newest first (read-only). From [`Client::events`]. The same
/// objects are delivered to webhook endpoints; see [`crate::webhooks`].
pub struct Events<'a> {
    pub(super) client: &'a Client,
}

impl Events<'_> {
    get_method!(Event, ["events"], "event");
    list_methods!(Event, ["events"], "events");
}
