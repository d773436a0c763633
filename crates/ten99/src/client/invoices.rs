//! `/api/v1/invoices` (reference §2.9).

use super::Client;
use crate::resources::invoices::{Invoice, InvoiceInput, InvoiceUpdate};

/// Invoices: the premium owed for one pay period of a job. From [`Client::invoices`].
/// Only unpaid invoices can be updated; a new `gross_pay` re-prices.
pub struct Invoices<'a> {
    pub(super) client: &'a Client,
}

impl Invoices<'_> {
    write_methods!(
        Invoice,
        InvoiceInput,
        InvoiceUpdate,
        ["invoices"],
        "invoice"
    );
    get_method!(Invoice, ["invoices"], "invoice");
    list_methods!(Invoice, ["invoices"], "invoices");
}
