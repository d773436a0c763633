//! Webhook endpoints (`/api/v1/webhook_endpoints`, reference §2.11, §5.1).
//!
//! Each gets a signing secret `whsec_…`, returned on create and retrieve (the docs
//! show it there). `events` lists the event types to send; left out or `["*"]`
//! means all, and is shown as `["*"]`.

use super::shared::{checked, decode, deleted, found, query, QueryMap};
use super::{bridge, decode_over_default, json_object, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::webhooks::signature;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{EventType, WebhookEndpointInput, WebhookEndpointUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/webhook_endpoints", get(list).post(create))
        .route(
            "/webhook_endpoints/{id}",
            get(retrieve).put(update).delete(remove),
        )
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let input: WebhookEndpointInput = decode_over_default(json_object(&body)?)?;
    checked(input.validate())?;
    let id = ids::long(ten99::resources::webhook_endpoints::ID_PREFIX);
    let created = bridge::now(&state, &tenant);
    let endpoint = json!({
        "id": id,
        "url": input.url.trim(),
        "description": input.description,
        "secret": signature::new_secret(),
        "events": events(&input.events),
        "created": created,
    });
    state
        .store
        .webhook_endpoints()
        .insert(&tenant, &id, created, &[], &endpoint)?;
    Ok((StatusCode::CREATED, Json(endpoint)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let table = state.store.webhook_endpoints();
    Ok(Json(found(table, &tenant, &id, "webhook endpoint")?))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    Ok(Json(state.store.webhook_endpoints().list(
        &tenant,
        &[],
        &page,
    )?))
}

/// Partial: `url`, `description`, `events`. The secret never changes.
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let table = state.store.webhook_endpoints();
    let mut endpoint = found(table, &tenant, &id, "webhook endpoint")?;
    let change: WebhookEndpointUpdate = decode(json_object(&body)?)?;
    checked(change.validate())?;
    if let Some(url) = change.url {
        endpoint["url"] = json!(url.trim());
    }
    if let Some(description) = change.description {
        endpoint["description"] = json!(description);
    }
    if let Some(list) = change.events {
        endpoint["events"] = events(&list);
    }
    table.update(&tenant, &id, &[], &endpoint)?;
    Ok(Json(endpoint))
}

async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let table = state.store.webhook_endpoints();
    found(table, &tenant, &id, "webhook endpoint")?;
    table.delete(&tenant, &id)?;
    Ok(Json(deleted(
        &id,
        "webhook_endpoint",
        bridge::now(&state, &tenant),
    )))
}

/// The subscription as shown: `["*"]` for "everything".
fn events(list: &[EventType]) -> Value {
    if list.is_empty() || list.contains(&EventType::All) {
        json!(["*"])
    } else {
        json!(list)
    }
}

/// Whether an endpoint's subscription takes events of `type_`.
pub(crate) fn subscribed(endpoint: &Value, type_: &str) -> bool {
    endpoint["events"]
        .as_array()
        .is_none_or(|list| list.iter().any(|e| e == "*" || e == type_))
}
