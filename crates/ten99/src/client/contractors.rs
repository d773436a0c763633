//! `/api/v1/contractors` (reference §2.1).

use super::{Client, Error, ListParams};
use crate::resources::contractors::{Contractor, ContractorInput, ContractorUpdate};
use crate::resources::policies::Policy;

/// Contractors: the independent workers covered. From [`Client::contractors`].
pub struct Contractors<'a> {
    pub(super) client: &'a Client,
}

impl Contractors<'_> {
    write_methods!(
        Contractor,
        ContractorInput,
        ContractorUpdate,
        ["contractors"],
        "contractor"
    );
    get_method!(Contractor, ["contractors"], "contractor");
    list_methods!(Contractor, ["contractors"], "contractors");

    /// Creates a contractor under `idempotency_key` instead of a fresh key: sent again
    /// with the same key (after a crash, by a re-run import), the API answers with the
    /// contractor the first request made, for as long as it keeps keys (24 hours,
    /// reference §1.5).
    pub async fn create_with_key(
        &self,
        input: &ContractorInput,
        idempotency_key: &str,
    ) -> Result<Contractor, Error> {
        self.client
            .post_keyed(&["contractors"], input, idempotency_key)
            .await
    }

    /// The contractors whose email is exactly `email` (case-sensitive): zero or one.
    pub async fn list_by_email(&self, email: &str) -> Result<Vec<Contractor>, Error> {
        let filters = [("email", email.to_owned())];
        Ok(self
            .client
            .page(&["contractors"], &ListParams::default(), &filters)
            .await?
            .data)
    }

    /// The contractor's policies (`GET /contractors/{id}/policies`; in the Python SDK,
    /// not in the reachable docs).
    pub async fn policies(&self, id: &str) -> Result<Vec<Policy>, Error> {
        let page: crate::List<Policy> = self
            .client
            .get(&["contractors", id, "policies"], &[])
            .await?;
        Ok(page.data)
    }
}
