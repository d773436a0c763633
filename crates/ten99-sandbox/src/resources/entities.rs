//! Entities (`/api/v1/entities`, reference §2.2): the company the work is for.

use super::shared::{address, checked, decode, deleted, found, query, QueryMap};
use super::{bridge, decode_over_default, json_object, page, policies};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{CoverageLimit, EntityInput, EntityUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/entities", get(list).post(create))
        .route("/entities/{id}", get(retrieve).put(update).delete(remove))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let input: EntityInput = decode_over_default(json_object(&body)?)?;
    checked(input.validate())?;
    let id = ids::object(ten99::resources::entities::ID_PREFIX);
    let created = bridge::now(&state, &tenant);
    let object = json!({
        "id": id,
        "name": input.name.trim(),
        "address": input.address.as_ref().map(address),
        "coverage_limit": input.coverage_limit.map(limit),
        "required_coverage": input.required_coverage,
        "created": created,
    });
    state
        .store
        .entities()
        .insert(&tenant, &id, created, &[], &object)?;
    Ok((StatusCode::CREATED, Json(object)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(state.store.entities(), &tenant, &id, "entity")?))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    Ok(Json(state.store.entities().list(&tenant, &[], &page)?))
}

/// Partial: fields left out stay as they are (reference §2 verb notes).
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let mut object = found(state.store.entities(), &tenant, &id, "entity")?;
    let change: EntityUpdate = decode(json_object(&body)?)?;
    checked(change.validate())?;
    if let Some(name) = &change.name {
        object["name"] = json!(name.trim());
    }
    if let Some(new) = &change.address {
        object["address"] = address(new);
    }
    if let Some(new) = change.coverage_limit {
        object["coverage_limit"] = limit(new);
    }
    if let Some(new) = &change.required_coverage {
        object["required_coverage"] = json!(new);
    }
    state.store.entities().update(&tenant, &id, &[], &object)?;
    Ok(Json(object))
}

/// Permanent; also cancels the policies of the entity's jobs (reference §2.2).
async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    found(state.store.entities(), &tenant, &id, "entity")?;
    let now = bridge::now(&state, &tenant);
    for policy in state
        .store
        .policies()
        .active_for_entity(&tenant, &id, now)?
    {
        policies::cancel(&state, &tenant, policy)?;
    }
    state.store.entities().delete(&tenant, &id)?;
    Ok(Json(deleted(&id, "entity", now)))
}

fn limit(limit: CoverageLimit) -> Value {
    json!({
        "aggregate_limit": limit.aggregate_limit,
        "occurrence_limit": limit.occurrence_limit,
    })
}
