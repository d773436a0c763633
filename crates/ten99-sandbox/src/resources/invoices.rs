//! Invoices (`/api/v1/invoices`, reference §2.9): the premium owed for one pay
//! period of a job: `premium_due = round(gross_pay × net_rate / 10000)`, at least
//! 100 cents, at the rate of the job's most recent cover for the contractor (its
//! policy's quote, else an assignment, else a quote).
//!
//! A job with an invoice can no longer be edited (`invoice_exists`, see `jobs`).
//! Changing `gross_pay` re-prices by replacing the invoice with a new id, as the
//! reference describes; other changes edit it in place.

use super::shared::{checked, decode, deleted, found, param, query, referenced, renamed, QueryMap};
use super::{bridge, decode_over_default, json_object, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::pricing::premium_due;
use crate::server::AppState;
use crate::store::table::{text, Column};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::{InvoiceInput, InvoiceUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/invoices", get(list).post(create))
        .route("/invoices/{id}", get(retrieve).put(update).delete(remove))
}

async fn create(
    State(state): State<AppState>,
    tenant: Tenant,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let fields = renamed(
        json_object(&body)?,
        &[("contractor_id", "contractor"), ("job_id", "job")],
    );
    let input: InvoiceInput = decode_over_default(fields)?;
    checked(input.validate())?;
    let invoice = json!({
        "contractor": input.contractor,
        "job": input.job,
        "gross_pay": input.gross_pay,
        "paycycle_startdate": input.paycycle_startdate,
        "paycycle_enddate": input.paycycle_enddate,
        "purchase_order_number": input.purchase_order_number,
    });
    let invoice = store_new(&state, &tenant, invoice, None)?;
    Ok((StatusCode::CREATED, Json(invoice)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    Ok(Json(found(
        state.store.invoices(),
        &tenant,
        &id,
        "invoice",
    )?))
}

/// Newest first; `contractor` narrows to one contractor's invoices (the filter's
/// name is not documented, reference Q10).
async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let query = query(query_map)?;
    let page = page(&query)?;
    let filters: Vec<(&str, String)> = param(&query, "contractor")
        .map(|c| ("contractor", c.to_owned()))
        .into_iter()
        .collect();
    Ok(Json(state.store.invoices().list(&tenant, &filters, &page)?))
}

async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let stored = found(state.store.invoices(), &tenant, &id, "invoice")?;
    let change: InvoiceUpdate = decode(json_object(&body)?)?;
    checked(change.validate())?;
    let mut invoice = stored.clone();
    let mut set = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            invoice[key] = value;
        }
    };
    set("contractor", change.contractor.map(|v| json!(v)));
    set("job", change.job.map(|v| json!(v)));
    set("gross_pay", change.gross_pay.map(|v| json!(v)));
    set(
        "paycycle_startdate",
        change.paycycle_startdate.map(|v| json!(v)),
    );
    set(
        "paycycle_enddate",
        change.paycycle_enddate.map(|v| json!(v)),
    );
    set(
        "purchase_order_number",
        change.purchase_order_number.map(|v| json!(v)),
    );
    let (start, end) = (&invoice["paycycle_startdate"], &invoice["paycycle_enddate"]);
    if end.as_i64() <= start.as_i64() {
        return Err(Error::invalid(
            "paycycle_enddate",
            "Pay period must end after it starts",
        ));
    }
    if invoice["gross_pay"] != stored["gross_pay"] {
        // Re-priced: a replacement invoice that keeps the PO number (§2.9).
        let replacement = store_new(&state, &tenant, invoice, Some(&stored))?;
        state.store.invoices().delete(&tenant, &id)?;
        return Ok(Json(replacement));
    }
    let invoice = priced(&state, &tenant, invoice, Some(&stored))?;
    state
        .store
        .invoices()
        .update(&tenant, &id, &columns(&invoice), &invoice)?;
    Ok(Json(invoice))
}

async fn remove(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    found(state.store.invoices(), &tenant, &id, "invoice")?;
    state.store.invoices().delete(&tenant, &id)?;
    Ok(Json(deleted(&id, "invoice", bridge::now(&state, &tenant))))
}

/// Prices `fields` and stores them as a new invoice.
fn store_new(
    state: &AppState,
    tenant: &Tenant,
    mut fields: Value,
    replacing: Option<&Value>,
) -> Result<Value, Error> {
    let id = ids::object(ten99::resources::invoices::ID_PREFIX);
    let created = bridge::now(state, tenant);
    fields["id"] = json!(id);
    fields["created"] = json!(created);
    let invoice = priced(state, tenant, fields, replacing)?;
    state
        .store
        .invoices()
        .insert(tenant, &id, created, &columns(&invoice), &invoice)?;
    Ok(invoice)
}

/// Checks the contractor and job, sets `premium_due` and the PO number, and puts
/// the fields in the documented order.
fn priced(
    state: &AppState,
    tenant: &Tenant,
    fields: Value,
    replacing: Option<&Value>,
) -> Result<Value, Error> {
    let get = |key: &str| fields[key].as_str().unwrap_or_default().to_owned();
    let (contractor, job_id) = (get("contractor"), get("job"));
    let contractors = state.store.contractors_table();
    referenced(
        contractors,
        tenant,
        &contractor,
        "invalid_contractor_id",
        "contractor",
    )?;
    let job = referenced(state.store.jobs(), tenant, &job_id, "invalid_job_id", "job")?;
    let rate = net_rate(state, tenant, &contractor, &job_id)?;
    let gross = fields["gross_pay"].as_i64().unwrap_or(0);
    // Given: as sent ("" = none); left out: kept on a replacement, else the job's.
    let po = match &fields["purchase_order_number"] {
        Value::String(po) => Some(po.clone()),
        _ => match replacing {
            Some(old) => old["purchase_order_number"].as_str().map(str::to_owned),
            None => job["custom_metadata"]["purchase_order_number"]
                .as_str()
                .map(str::to_owned),
        },
    };
    Ok(json!({
        "id": fields["id"],
        "contractor": contractor,
        "job": job_id,
        "gross_pay": gross,
        "paycycle_startdate": fields["paycycle_startdate"],
        "paycycle_enddate": fields["paycycle_enddate"],
        "premium_due": premium_due(gross, rate),
        "purchase_order_number": po.filter(|p| !p.is_empty()),
        "created": fields["created"],
    }))
}

/// The rate of the most recent cover of this job: the contractor's policy for it,
/// else an assignment to it, else the latest quote for it (the contractor's first).
fn net_rate(state: &AppState, tenant: &Tenant, contractor: &str, job: &str) -> Result<u32, Error> {
    let store = &state.store;
    let pair = [("contractor", text(contractor)), ("job", text(job))];
    let rate = |object: &Value| object["net_rate"].as_u64().map(|r| r as u32);
    if let Some(policy) = store.policies().find(tenant, &pair)?.first() {
        let quote_id = policy["quote"].as_str().unwrap_or_default();
        if let Some(quote) = store.quotes().get(tenant, quote_id)? {
            return Ok(rate(&quote).unwrap_or(0));
        }
    }
    let assignments = store.assignments().find(tenant, &pair)?;
    if let Some(r) = assignments
        .iter()
        .find(|a| a["cancelled"] != json!(true))
        .and_then(rate)
    {
        return Ok(r);
    }
    let quotes = store.quotes().find(tenant, &pair)?;
    let any = store.quotes().find(tenant, &[("job", text(job))])?;
    if let Some(r) = quotes.first().or(any.first()).and_then(rate) {
        return Ok(r);
    }
    Err(Error::rule(
        "no_active_policy",
        format!("Job {job} has no quote or policy to price the premium with; quote it first."),
    ))
}

fn columns(invoice: &Value) -> Vec<Column<'static>> {
    let text_of = |key: &str| text(invoice[key].as_str().unwrap_or_default());
    vec![
        ("contractor", text_of("contractor")),
        ("job", text_of("job")),
    ]
}
