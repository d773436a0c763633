//! `/api/v1/webhook_endpoints` (reference §2.11).

use super::Client;
use crate::resources::webhook_endpoints::{
    WebhookEndpoint, WebhookEndpointInput, WebhookEndpointUpdate,
};

/// Webhook endpoints: URLs events are POSTed to, each with its signing `secret`
/// (verify deliveries with [`crate::webhooks::Verifier`]). From
/// [`Client::webhook_endpoints`].
pub struct WebhookEndpoints<'a> {
    pub(super) client: &'a Client,
}

impl WebhookEndpoints<'_> {
    write_methods!(
        WebhookEndpoint,
        WebhookEndpointInput,
        WebhookEndpointUpdate,
        ["webhook_endpoints"],
        "webhook endpoint"
    );
    get_method!(WebhookEndpoint, ["webhook_endpoints"], "webhook endpoint");
    list_methods!(WebhookEndpoint, ["webhook_endpoints"], "webhook endpoints");
}
