//! `/api/v1/apply/sessions` (reference §2.6).

use super::{Client, Error};
use crate::resources::sessions::{Session, SessionInput, SessionUpdate};

/// Insurance application sessions: the hosted application to send a contractor to.
/// From [`Client::sessions`]. Only the redirect URLs can be updated.
pub struct Sessions<'a> {
    pub(super) client: &'a Client,
}

impl Sessions<'_> {
    write_methods!(
        Session,
        SessionInput,
        SessionUpdate,
        ["apply", "sessions"],
        "session",
        no_delete
    );
    get_method!(Session, ["apply", "sessions"], "session");
    list_methods!(Session, ["apply", "sessions"], "sessions");

    /// Ends the session now: its link then leads to `cancel_url`. Fails if it already
    /// expired (`session_expired`) or the application is complete.
    pub async fn expire(&self, id: &str) -> Result<Session, Error> {
        let path = ["apply", "sessions", id, "expire"];
        self.client
            .call(
                reqwest::Method::POST,
                &path,
                &[],
                super::transport::Payload::Empty,
            )
            .await
    }
}
