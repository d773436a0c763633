//! Jobs (`/api/v1/jobs`, reference §2.3): the work, its pay and its class.
//!
//! Beyond field checks: the entity must exist (`invalid_entity_id`), the category
//! code must be given (`missing_job_category_code`) and be one of the catalog's
//! (`invalid_job_category_code`), and a job that has been invoiced can no longer be
//! edited (`invoice_exists`).

use super::shared::{
    address, checked, decode, deleted, found, merge_metadata, query, referenced, renamed,
    take_metadata, without, QueryMap,
};
use super::{bridge, decode_over_default, json_object, page};
use crate::auth::Tenant;
use crate::catalog::job_categories;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::table::text;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{FieldErrors, JobInput, JobUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/jobs", get(list).post(create))
        .route("/jobs/{id}", get(retrieve).put(update).delete(remove))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let mut fields = renamed(json_object(&body)?, &[("entity_id", "entity")]);
    let metadata = take_metadata(&mut fields)?.unwrap_or_default();
    let input: JobInput = decode_over_default(fields)?;
    check_fields(input.validate(), &input.category_code)?;
    check_references(&state, &tenant, &input.entity, &input.category_code)?;
    let id = ids::object(ten99::resources::jobs::ID_PREFIX);
    let created = bridge::now(&state, &tenant);
    let object = json!({
        "id": id,
        "name": input.name.trim(),
        "description": input.description.trim(),
        "entity": input.entity,
        "category_code": input.category_code,
        "wage": input.wage,
        "wage_type": input.wage_type,
        "years_experience": input.years_experience,
        "address": input.address.as_ref().map(address),
        "custom_metadata": metadata,
        "withhold_premium": input.withhold_premium.unwrap_or(false),
        "duration_hours": input.duration_hours,
        "created": created,
    });
    state.store.jobs().insert(
        &tenant,
        &id,
        created,
        &[("entity", text(&input.entity))],
        &object,
    )?;
    Ok((StatusCode::CREATED, Json(object)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(state.store.jobs(), &tenant, &id, "job")?))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    Ok(Json(state.store.jobs().list(&tenant, &[], &page)?))
}

async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let mut object = found(state.store.jobs(), &tenant, &id, "job")?;
    if state
        .store
        .invoices()
        .exists(&tenant, &[("job", text(&id))])?
    {
        return Err(Error::rule(
            "invoice_exists",
            format!("Job {id} has been invoiced and can no longer be edited."),
        ));
    }
    let mut fields = json_object(&body)?;
    let metadata = take_metadata(&mut fields)?;
    let change: JobUpdate = decode(fields)?;
    let code = change.category_code.clone();
    check_fields(change.validate(), code.as_deref().unwrap_or("-"))?;
    let entity = change
        .entity
        .clone()
        .unwrap_or_else(|| text_of(&object, "entity"));
    let code = code.unwrap_or_else(|| text_of(&object, "category_code"));
    check_references(&state, &tenant, &entity, &code)?;
    let set = |object: &mut Value, key: &str, value: Value| object[key] = value;
    if let Some(v) = &change.name {
        set(&mut object, "name", json!(v.trim()));
    }
    if let Some(v) = &change.description {
        set(&mut object, "description", json!(v.trim()));
    }
    set(&mut object, "entity", json!(entity));
    set(&mut object, "category_code", json!(code));
    if let Some(v) = change.wage {
        set(&mut object, "wage", json!(v));
    }
    if let Some(v) = change.wage_type {
        set(&mut object, "wage_type", json!(v));
    }
    if let Some(v) = change.years_experience {
        set(&mut object, "years_experience", json!(v));
    }
    if let Some(v) = &change.address {
        set(&mut object, "address", address(v));
    }
    if let Some(v) = change.withhold_premium {
        set(&mut object, "withhold_premium", json!(v));
    }
    if let Some(v) = change.duration_hours {
        set(&mut object, "duration_hours", json!(v));
    }
    if let Some(update) = metadata {
        let merged = merge_metadata(&object["custom_metadata"], update);
        set(&mut object, "custom_metadata", merged);
    }
    state
        .store
        .jobs()
        .update(&tenant, &id, &[("entity", text(&entity))], &object)?;
    Ok(Json(object))
}

/// Permanent. Quotes, policies and invoices that name the job keep their copy of
/// what they need (a policy's documents are drawn from what was bound).
async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    found(state.store.jobs(), &tenant, &id, "job")?;
    state.store.jobs().delete(&tenant, &id)?;
    Ok(Json(deleted(&id, "job", bridge::now(&state, &tenant))))
}

/// Field problems as `invalid_input`; a missing category code has its own code
/// (reference §2.3), so it is taken out of the map and answered after it.
fn check_fields(errors: FieldErrors, category_code: &str) -> Result<(), Error> {
    if category_code.trim().is_empty() {
        checked(without(errors, &["category_code"]))?;
        return Err(Error::rule(
            "missing_job_category_code",
            "A job needs a category_code (jc_…); GET /api/v1/category_codes lists them.",
        ));
    }
    checked(errors)
}

fn check_references(
    state: &AppState,
    tenant: &Tenant,
    entity: &str,
    category_code: &str,
) -> Result<(), Error> {
    referenced(
        state.store.entities(),
        tenant,
        entity,
        "invalid_entity_id",
        "entity",
    )?;
    if job_categories::find(category_code).is_none() {
        return Err(Error::rule(
            "invalid_job_category_code",
            format!(
                "{category_code} is not an approved job category; GET /api/v1/category_codes lists them."
            ),
        ));
    }
    Ok(())
}

fn text_of(object: &Value, key: &str) -> String {
    object[key].as_str().unwrap_or_default().to_owned()
}
