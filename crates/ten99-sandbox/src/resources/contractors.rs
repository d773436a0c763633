//! Contractors (`/api/v1/contractors`, reference §2.1).

use super::{decode_over_default, json_object, numbers_as_text, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::contractors::NewContractor;
use crate::store::now;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use ten99::ContractorInput;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/contractors", get(list).post(create))
        .route("/contractors/{id}", get(retrieve))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let mut fields = json_object(&body)?;
    let metadata = custom_metadata(&mut fields)?;
    numbers_as_text(&mut fields, &["phone", "tax_identification"]);
    let mut input: ContractorInput = decode_over_default(fields)?;
    input
        .validate()
        .into_result()
        .map_err(Error::InvalidInput)?;
    input.email = input.email.trim().to_owned();
    let id = ids::contractor();
    let created = now();
    let object = public_object(&id, created, &input, metadata);
    let tax_identification = input
        .tax_identification
        .as_deref()
        .filter(|t| !t.is_empty());
    let new = NewContractor {
        id: &id,
        email: &input.email,
        created,
        tax_identification,
        body: &object,
    };
    state.store.contractors().create(&tenant, new)?;
    Ok((StatusCode::CREATED, Json(object)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    match state.store.contractors().get(&tenant, &id)? {
        Some(contractor) => Ok(Json(contractor)),
        None => Err(Error::NotFound(format!("No such contractor: {id}"))),
    }
}

/// A bare JSON array, newest first (reference §3), optionally only the contractor
/// with exactly this `email`.
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Vec<Value>>, Error> {
    let Query(query) = query.map_err(|e| Error::BadRequest(e.body_text()))?;
    let page = page(&query)?;
    let email = query
        .get("email")
        .map(String::as_str)
        .filter(|e| !e.is_empty());
    Ok(Json(state.store.contractors().list(&tenant, email, &page)?))
}

/// Any JSON object is accepted and echoed as sent (the API's own examples carry
/// numbers in it), so it is taken out before the typed model, which wants strings.
fn custom_metadata(fields: &mut Map<String, Value>) -> Result<Value, Error> {
    match fields.remove("custom_metadata") {
        None | Some(Value::Null) => Ok(json!({})),
        Some(Value::Object(map)) => Ok(Value::Object(map)),
        Some(_) => Err(Error::invalid(
            "custom_metadata",
            "Must be an object of keys and values",
        )),
    }
}

/// The contractor as the API returns it: every documented field, `null` where
/// nothing was given, never the tax ID.
fn public_object(id: &str, created: i64, input: &ContractorInput, custom_metadata: Value) -> Value {
    let address = &input.address;
    json!({
        "id": id,
        "first_name": input.first_name,
        "last_name": input.last_name,
        "middle_name": input.middle_name.as_deref().filter(|m| !m.is_empty()),
        "email": input.email,
        "phone": input.phone,
        "address": {
            "line1": address.line1,
            "line2": address.line2,
            "locality": address.locality,
            "region": address.region,
            "postalcode": address.postalcode,
            "country": address.country,
        },
        "company_name": input.company_name.as_deref().filter(|c| !c.is_empty()),
        "custom_metadata": custom_metadata,
        "withhold_premium": input.withhold_premium,
        "created": created,
    })
}
