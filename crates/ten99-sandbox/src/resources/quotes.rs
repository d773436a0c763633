//! Quotes (`/api/v1/quotes`, reference §2.5): the price of cover for a contractor
//! and a job. No `DELETE` (removed from the API in 2021): the router answers 405.
//!
//! Checks, in the order §6.1 suggests: fields (`invalid_input`), contractor and job
//! exist (`invalid_contractor_id`, `invalid_job_id`), dates (`effective_date_invalid`,
//! `end_date_invalid`), then no matching policy in force
//! (`contractor_has_matching_policy`, the Python SDK's spelling, Q5). A quote can be
//! changed until a policy is bound from it (`cant_update_create_new_quote`).

use super::cover::{self, Parties};
use super::shared::{checked, decode, found, query, renamed, without, QueryMap};
use super::{bridge, decode_over_default, json_object, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::pricing::python_repr;
use crate::server::AppState;
use crate::store::policies::CoverKey;
use crate::store::table::{text, Column};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use ten99::resources::quotes::MAX_TERM_DAYS;
use ten99::{CoverageType, QuoteInput, QuoteUpdate};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/quotes", get(list).post(create))
        .route("/quotes/{id}", get(retrieve).put(update))
}

/// What a quote asks for, after defaults.
struct Ask {
    contractor: String,
    job: String,
    coverage: Vec<CoverageType>,
    effective: Option<i64>,
    end: Option<i64>,
    /// Whether the start date is being set now (and so must be in the future).
    new_start: bool,
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
    let input: QuoteInput = decode_over_default(fields)?;
    let now = bridge::now(&state, &tenant);
    checked(without(
        input.validate(ten99::UnixTime(now)),
        &["effective_date", "end_date"],
    ))?;
    let ask = Ask {
        contractor: input.contractor,
        job: input.job,
        coverage: input.coverage_type,
        effective: input.effective_date.map(|t| t.0),
        end: input.end_date.map(|t| t.0),
        new_start: true,
    };
    let id = ids::object(ten99::resources::quotes::ID_PREFIX);
    let (object, columns) = priced(&state, &tenant, &id, now, ask)?;
    state
        .store
        .quotes()
        .insert(&tenant, &id, now, &columns, &object)?;
    let python = bridge::python_quote_json(&state, &tenant);
    Ok((StatusCode::CREATED, Json(render(object, python))))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    let quote = found(state.store.quotes(), &tenant, &id, "quote")?;
    let python = bridge::python_quote_json(&state, &tenant);
    Ok(Json(render(quote, python)))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let page = page(&query(query_map)?)?;
    let quotes = state.store.quotes().list(&tenant, &[], &page)?;
    let python = bridge::python_quote_json(&state, &tenant);
    Ok(Json(
        quotes.into_iter().map(|q| render(q, python)).collect(),
    ))
}

/// Partial; re-prices with the merged fields under the same rules as a create.
async fn update(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Json<Value>, Error> {
    let stored = found(state.store.quotes(), &tenant, &id, "quote")?;
    if state
        .store
        .policies()
        .exists(&tenant, &[("quote", text(&id))])?
    {
        return Err(Error::rule(
            "cant_update_create_new_quote",
            format!("A policy has been bound from quote {id}; create a new quote instead."),
        ));
    }
    let change: QuoteUpdate = decode(json_object(&body)?)?;
    let now = bridge::now(&state, &tenant);
    checked(without(
        change.validate(ten99::UnixTime(now)),
        &["effective_date", "end_date"],
    ))?;
    let text_of = |key: &str| stored[key].as_str().unwrap_or_default().to_owned();
    let ask = Ask {
        contractor: change.contractor.unwrap_or_else(|| text_of("contractor")),
        job: change.job.unwrap_or_else(|| text_of("job")),
        coverage: match change.coverage_type {
            Some(coverage) => coverage,
            None => serde_json::from_value(stored["coverage_type"].clone()).unwrap_or_default(),
        },
        new_start: change.effective_date.is_some(),
        effective: change
            .effective_date
            .map(|t| t.0)
            .or(stored["effective_date"].as_i64()),
        end: change.end_date.map(|t| t.0).or(stored["end_date"].as_i64()),
    };
    let created = stored["created"].as_i64().unwrap_or(now);
    let (mut object, columns) = priced(&state, &tenant, &id, now, ask)?;
    object["created"] = json!(created);
    state
        .store
        .quotes()
        .update(&tenant, &id, &columns, &object)?;
    let python = bridge::python_quote_json(&state, &tenant);
    Ok(Json(render(object, python)))
}

/// Checks `ask` against the stored objects and prices it: the quote object and
/// the lookup columns to store with it.
fn priced(
    state: &AppState,
    tenant: &Tenant,
    id: &str,
    now: i64,
    ask: Ask,
) -> Result<(Value, Vec<Column<'static>>), Error> {
    let parties = cover::parties(state, tenant, &ask.contractor, &ask.job)?;
    let (effective, end) = cover::term(
        now,
        ask.effective,
        ask.end,
        ask.new_start,
        Some(MAX_TERM_DAYS),
    )?;
    let coverage = cover::coverage_key(&ask.coverage);
    let key = CoverKey {
        contractor: &ask.contractor,
        coverage: &coverage,
        category_code: parties.category.code,
        work_state: &parties.work_state,
        residence_state: &parties.residence_state,
    };
    if state
        .store
        .policies()
        .matching(tenant, &key, now)?
        .is_some()
    {
        return Err(Error::rule(
            "contractor_has_matching_policy",
            "Contractor already has a matching policy on file.",
        ));
    }
    let object = quote_object(id, now, &parties, &ask.coverage, effective, end);
    let columns = vec![
        ("contractor", text(&ask.contractor)),
        ("job", text(&ask.job)),
        ("coverage", text(&coverage)),
        ("category_code", text(parties.category.code)),
        ("work_state", text(&parties.work_state)),
        ("residence_state", text(&parties.residence_state)),
    ];
    Ok((object, columns))
}

fn quote_object(
    id: &str,
    created: i64,
    parties: &Parties,
    coverage: &[CoverageType],
    effective: i64,
    end: i64,
) -> Value {
    let pricing = parties.price(coverage);
    let mut breakdown = pricing.quote_json();
    if let (Some(reason), Some(fields)) = (&pricing.reason, breakdown.as_object_mut()) {
        // Not a documented member: says why, where the breakdown would have been.
        fields.insert(
            "eligibility".into(),
            json!({"result": false, "message": reason}),
        );
    }
    json!({
        "id": id,
        "contractor": parties.contractor_id(),
        "job": parties.job_id(),
        "coverage_type": coverage,
        "effective_date": effective,
        "end_date": end,
        "eligible": pricing.eligible,
        "net_rate": pricing.net_rate,
        "wc_net_rate": pricing.wc.as_ref().map(|l| l.net_rate),
        "gl_net_rate": pricing.gl.as_ref().map(|l| l.net_rate),
        "quote_json": breakdown,
        "created": created,
    })
}

/// The quote as sent: `quote_json` a JSON object, or the Python-literal string the
/// real API often sends when the tenant's fault flag asks for it (reference §1.6).
pub(crate) fn render(mut quote: Value, python: bool) -> Value {
    if python {
        let literal = python_repr(&quote["quote_json"]);
        quote["quote_json"] = Value::String(literal);
    }
    quote
}
