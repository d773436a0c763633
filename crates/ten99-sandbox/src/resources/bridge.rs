//! What the resources take from the crate's other parts (clock, faults, webhook
//! delivery, coverage names): the one place that names them, so a change there is
//! a change here only.

use crate::auth::Tenant;
use crate::coverage::Coverage;
use crate::error::Error;
use crate::resources::webhook_endpoints::subscribed;
use crate::server::AppState;
use crate::webhooks::Delivery;
use serde_json::Value;
use ten99::CoverageType;

/// The tenant's "now": sandbox time, which a test may have moved forward.
pub(crate) fn now(state: &AppState, tenant: &Tenant) -> i64 {
    state.clock.now(tenant)
}

/// Whether this response should carry `quote_json` as a Python literal (fault
/// `python_quote_json`, reference §1.6). Uses up one count: call once per response.
pub(crate) fn python_quote_json(state: &AppState, tenant: &Tenant) -> bool {
    state.faults.python_quote_json_requested(tenant)
}

/// Hands a stored event to each of the tenant's webhook endpoints subscribed to
/// its type; the deliverer signs, sends and retries in the background.
pub(crate) fn deliver(state: &AppState, tenant: &Tenant, event: &Value) -> Result<(), Error> {
    let type_ = event["type"].as_str().unwrap_or_default();
    let body = event.to_string().into_bytes();
    for endpoint in state.store.webhook_endpoints().find(tenant, &[])? {
        if !subscribed(&endpoint, type_) {
            continue;
        }
        let text = |key: &str| endpoint[key].as_str().unwrap_or_default().to_owned();
        state.webhooks.enqueue(Delivery {
            event_id: event["id"].as_str().unwrap_or_default().to_owned(),
            endpoint_id: text("id"),
            url: text("url"),
            secret: text("secret"),
            body: body.clone(),
        });
    }
    Ok(())
}

/// The model's coverage type as the pricing and documents modules name it.
pub(crate) fn coverage(kind: CoverageType) -> Coverage {
    match kind {
        CoverageType::General => Coverage::General,
        CoverageType::Professional => Coverage::Professional,
        CoverageType::WorkersComp => Coverage::WorkersComp,
        CoverageType::Media => Coverage::Media,
        CoverageType::Cyber => Coverage::Cyber,
    }
}

/// The stored `coverage_type` array of an object, as coverages.
pub(crate) fn coverages_of(object: &Value) -> Vec<Coverage> {
    object["coverage_type"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().and_then(Coverage::parse))
                .collect()
        })
        .unwrap_or_default()
}
