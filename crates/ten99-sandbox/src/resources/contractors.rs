//! Contractors (`/api/v1/contractors`, reference §2.1).

use super::shared::{checked, decode, deleted, found, merge_metadata, take_metadata};
use super::{bridge, decode_over_default, json_object, numbers_as_text, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::contractors::NewContractor;
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use ten99::{ContractorInput, ContractorUpdate, FieldErrors};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/contractors", get(list).post(create))
        .route(
            "/contractors/{id}",
            get(retrieve).put(update).delete(remove),
        )
        .route("/contractors/{id}/policies", get(policies))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let mut fields = json_object(&body)?;
    let metadata = custom_metadata(&mut fields)?;
    numbers_as_text(&mut fields, &["phone", "tax_identification"]);
    let sent = |key: &str| fields.get(key).is_some_and(|v| !v.is_null());
    let (phone_sent, address_sent) = (sent("phone"), sent("address"));
    let mut input: ContractorInput = decode_over_default(fields)?;
    guide_minimum(input.validate(), phone_sent, address_sent)
        .into_result()
        .map_err(Error::InvalidInput)?;
    input.email = input.email.trim().to_owned();
    let id = ids::contractor();
    let created = state.clock.now(&tenant);
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

/// The guides create contractors from first name, last name and email alone
/// (reference §2.1, Q9), so `phone` and `address` are checked only when sent; an
/// absent one stays empty in the stored contractor.
fn guide_minimum(errors: FieldErrors, phone_sent: bool, address_sent: bool) -> FieldErrors {
    let mut kept = FieldErrors::default();
    for (field, message) in errors.iter() {
        let unsent =
            (field == "phone" && !phone_sent) || (field.starts_with("address") && !address_sent);
        if !unsent {
            kept.add(field, message.as_str());
        }
    }
    kept
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

/// Partial (reference §2.1): fields left out stay. In `custom_metadata` a key with
/// an empty value is removed and `{}` clears them all. A new email must not be
/// another contractor's (`duplicate_email`).
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let mut object = found(state.store.contractors_table(), &tenant, &id, "contractor")?;
    let mut fields = json_object(&body)?;
    let metadata = take_metadata(&mut fields)?;
    numbers_as_text(&mut fields, &["phone", "tax_identification"]);
    let change: ContractorUpdate = decode(fields)?;
    checked(change.validate())?;
    let text = |value: &Option<String>| value.as_deref().map(str::trim).map(str::to_owned);
    for (key, value) in [
        ("first_name", text(&change.first_name).map(|v| json!(v))),
        ("last_name", text(&change.last_name).map(|v| json!(v))),
        (
            "middle_name",
            text(&change.middle_name).map(|v| json!(optional(&v))),
        ),
        ("email", text(&change.email).map(|v| json!(v))),
        ("phone", text(&change.phone).map(|v| json!(v))),
        (
            "company_name",
            text(&change.company_name).map(|v| json!(optional(&v))),
        ),
        (
            "address",
            change.address.as_ref().map(super::shared::address),
        ),
        (
            "withhold_premium",
            change.withhold_premium.map(|v| json!(v)),
        ),
        (
            "custom_metadata",
            metadata.map(|m| merge_metadata(&object["custom_metadata"], m)),
        ),
    ] {
        if let Some(value) = value {
            object[key] = value;
        }
    }
    let email = object["email"].as_str().unwrap_or_default().to_owned();
    let tax = change
        .tax_identification
        .as_deref()
        .map(|t| optional(t.trim()));
    state
        .store
        .contractors()
        .update(&tenant, &id, &email, tax, &object)?;
    Ok(Json(object))
}

/// Permanent; cancels the contractor's policies in force first (reference §2.1).
async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    found(state.store.contractors_table(), &tenant, &id, "contractor")?;
    let now = bridge::now(&state, &tenant);
    for policy in state
        .store
        .policies()
        .active_for_contractor(&tenant, &id, now)?
    {
        super::policies::cancel(&state, &tenant, policy)?;
    }
    state.store.contractors_table().delete(&tenant, &id)?;
    Ok(Json(deleted(&id, "contractor", now)))
}

/// `GET /api/v1/contractors/{id}/policies` (Python SDK's `ContractorPolicies`):
/// the contractor's policies, newest first, paged like every list.
async fn policies(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<Vec<Value>>, Error> {
    let Query(query) = query.map_err(|e| Error::BadRequest(e.body_text()))?;
    let page = page(&query)?;
    found(state.store.contractors_table(), &tenant, &id, "contractor")?;
    let list = super::policies::of_contractor(&state, &tenant, &id, &page)?;
    Ok(Json(list))
}

/// `None` for blank text: optional fields are shown as `null` when cleared.
fn optional(value: &str) -> Option<&str> {
    Some(value).filter(|v| !v.is_empty())
}
