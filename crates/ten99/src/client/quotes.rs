//! `/api/v1/quotes` (reference §2.5).

use super::Client;
use crate::resources::quotes::{Quote, QuoteInput, QuoteUpdate};

/// Quotes: the price of cover for a contractor and job. From [`Client::quotes`].
/// A quote can be updated until a policy is issued for it; it cannot be deleted.
pub struct Quotes<'a> {
    pub(super) client: &'a Client,
}

impl Quotes<'_> {
    write_methods!(
        Quote,
        QuoteInput,
        QuoteUpdate,
        ["quotes"],
        "quote",
        no_delete
    );
    get_method!(Quote, ["quotes"], "quote");
    list_methods!(Quote, ["quotes"], "quotes");
}
