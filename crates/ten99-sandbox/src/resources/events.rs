//! Events (`/api/v1/events`, reference §2.10, §5): one is stored on every state
//! change that has an event type, and handed to the webhook endpoints.
//!
//! Shape: the reference's variant 1 plus `id` (§5.3): `{id, type, created, data}`,
//! where `data` is the object as it was at that moment, tagged `object: <kind>`.

use super::shared::{found, param, query, QueryMap};
use super::{bridge, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::table::text;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/events", get(list))
        .route("/events/{id}", get(retrieve))
}

/// Stores an event of `type_` about `object` (a `kind` such as `policy`) and
/// hands it to the tenant's webhook endpoints. Returns the event.
pub(crate) fn emit(
    state: &AppState,
    tenant: &Tenant,
    type_: &str,
    kind: &str,
    object: &Value,
) -> Result<Value, Error> {
    let mut data = object.clone();
    if let Some(fields) = data.as_object_mut() {
        fields.insert("object".into(), json!(kind));
    }
    let id = ids::long(ten99::resources::events::ID_PREFIX);
    let created = bridge::now(state, tenant);
    let event = json!({"id": id, "type": type_, "created": created, "data": data});
    state
        .store
        .events()
        .insert(tenant, &id, created, &[("type", text(type_))], &event)?;
    bridge::deliver(state, tenant, &event)?;
    Ok(event)
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(state.store.events(), &tenant, &id, "event")?))
}

/// Newest first; `type` narrows to one event type (our addition, for pollers).
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let query = query(query_map)?;
    let page = page(&query)?;
    let filters: Vec<(&str, String)> = param(&query, "type")
        .map(|t| ("type", t.to_owned()))
        .into_iter()
        .collect();
    Ok(Json(state.store.events().list(&tenant, &filters, &page)?))
}
