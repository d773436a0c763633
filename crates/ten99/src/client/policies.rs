//! `/api/v1/policies` (reference §2.7).

use super::{Client, Error, ListParams, Paged};
use crate::resources::policies::{Policy, PolicyInput, PolicyUpdate};

/// Policies: bound cover. From [`Client::policies`]. Normally created by the hosted
/// application, not by the platform; cancel with `update` (`is_active: false`) or
/// `delete`.
pub struct Policies<'a> {
    pub(super) client: &'a Client,
}

impl Policies<'_> {
    write_methods!(Policy, PolicyInput, PolicyUpdate, ["policies"], "policy");
    get_method!(Policy, ["policies"], "policy");
    list_methods!(Policy, ["policies"], "policies");

    /// One page of the policies bound from `quote` (`qt_…`).
    pub async fn list_for_quote(
        &self,
        quote: &str,
        params: &ListParams,
    ) -> Result<Vec<Policy>, Error> {
        let filters = [("quote", quote.to_owned())];
        Ok(self
            .client
            .page(&["policies"], params, &filters)
            .await?
            .data)
    }

    /// Every policy bound from `quote`, as a stream of pages of `limit`.
    pub fn stream_for_quote(&self, quote: &str, limit: u32) -> Paged<Policy> {
        let filters = vec![("quote", quote.to_owned())];
        self.client.paged(vec!["policies".into()], limit, filters)
    }
}
