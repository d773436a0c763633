//! `GET /bound-policies/{folder}/{file}.pdf`: the PDFs a policy's `pdf_url` and
//! `certificates` (and an assignment's `certificates`) point at, relative to the API
//! host as in the reference (`/bound-policies/prod/gl_coi_pl_…_<ts>.pdf`).
//!
//! Files are `policy_<pl_id>_<ts>`, `gl_coi_<id>_<ts>` and `wc_coi_<id>_<ts>`, where
//! `<id>` is a policy or an assignment. They are drawn on request from what was
//! bound (so they survive later edits or deletes of the contractor, entity or job).
//!
//! No key needed: like the real storage links, the unguessable id is the secret (a
//! browser or PDF viewer opens them). If a key is sent it must be the holder's.
//! A fetch with the key is listed by `GET /_sandbox/requests`.

use super::bridge::coverages_of;
use super::shared::{address_lines, display_name, region};
use crate::auth::Tenant;
use crate::coverage::Coverage;
use crate::documents::{certificate, policy, BoundPolicy, CoverageTerms, Party};
use crate::error::Error;
use crate::server::AppState;
use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::Value;
use ten99::Environment;

pub fn routes() -> Router<AppState> {
    Router::new().route("/bound-policies/{folder}/{file}", get(serve))
}

async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((folder, file)): Path<(String, String)>,
) -> Result<Response, Error> {
    let missing = || Error::NotFound(format!("No such document: /bound-policies/{folder}/{file}"));
    let environment = match folder.as_str() {
        "sandbox" => Environment::Sandbox,
        "prod" | "production" => Environment::Production,
        _ => return Err(missing()),
    };
    let (kind, id) = parse(&file).ok_or_else(missing)?;
    let (tenant, bound) = locate(&state, environment, id)?.ok_or_else(missing)?;
    if headers.contains_key(axum::http::header::AUTHORIZATION) {
        let caller = Tenant::from_headers(&headers)?;
        if caller != tenant {
            return Err(missing());
        }
        // Fetched with the holder's key: log it like an API call, so a test can prove
        // that a client keeps its copy instead of downloading again.
        let at = state.clock.now(&tenant);
        let path = format!("/bound-policies/{folder}/{file}");
        state
            .requests
            .record(&tenant, "GET".into(), path, None, StatusCode::OK, at);
    }
    let bytes = match kind {
        "policy" if id.starts_with("pl_") => Some(policy::render(&bound)),
        "gl_coi" => certificate::render(&bound, Coverage::General),
        "wc_coi" => certificate::render(&bound, Coverage::WorkersComp),
        _ => None,
    };
    let bytes = bytes.ok_or_else(missing)?;
    let mut response = bytes.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    response_headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    Ok(response)
}

/// `gl_coi_pl_x_123.pdf` → `("gl_coi", "pl_x")`.
fn parse(file: &str) -> Option<(&str, &str)> {
    let stem = file.strip_suffix(".pdf")?;
    let (rest, stamp) = stem.rsplit_once('_')?;
    stamp.parse::<i64>().ok()?;
    ["policy", "gl_coi", "wc_coi"].into_iter().find_map(|kind| {
        let id = rest.strip_prefix(kind)?.strip_prefix('_')?;
        (!id.is_empty()).then_some((kind, id))
    })
}

/// The policy, or the assignment with its policy, drawn as a [`BoundPolicy`].
fn locate(
    state: &AppState,
    environment: Environment,
    id: &str,
) -> Result<Option<(Tenant, BoundPolicy)>, Error> {
    if id.starts_with("pl_") {
        let Some((tenant, policy)) = state.store.policies().locate(environment, id)? else {
            return Ok(None);
        };
        let Some(bound) = state.store.policies().bound(&tenant, id)? else {
            return Ok(None);
        };
        let drawn = draw(&policy, &policy, &bound, None);
        return Ok(Some((tenant, drawn)));
    }
    let Some((tenant, assignment)) = state.store.assignments().locate(environment, id)? else {
        return Ok(None);
    };
    let policy_id = assignment["policy"].as_str().unwrap_or_default();
    let policy = state.store.policies().get(&tenant, policy_id)?;
    let bound = state.store.policies().bound(&tenant, policy_id)?;
    let (Some(policy), Some(bound)) = (policy, bound) else {
        return Ok(None);
    };
    let job = state
        .store
        .jobs()
        .get(&tenant, assignment["job"].as_str().unwrap_or_default())?;
    let drawn = draw(&policy, &assignment, &bound, job.as_ref());
    Ok(Some((tenant, drawn)))
}

/// What a document prints. `term` is the policy or assignment (its dates,
/// `created`); `job` overrides the bound job for an assignment's certificates.
fn draw(policy: &Value, term: &Value, bound: &Value, job: Option<&Value>) -> BoundPolicy {
    let policy_id = policy["id"].as_str().unwrap_or_default().to_owned();
    let quote = &bound["quote"];
    let job = job.unwrap_or(&bound["job"]);
    let entity = &bound["entity"];
    let limits = entity["coverage_limit"].as_object().and_then(|l| {
        Some((
            l.get("occurrence_limit")?.as_i64()?,
            l.get("aggregate_limit")?.as_i64()?,
        ))
    });
    // An assignment names its own coverage; a policy's is its quote's.
    let coverages = match term.get("coverage_type") {
        Some(_) => coverages_of(term),
        None => coverages_of(quote),
    };
    let terms = coverages
        .iter()
        .map(|&coverage| {
            let line = &quote["quote_json"][coverage.short()];
            let class = line[format!("{}_code", coverage.short())]
                .as_u64()
                .unwrap_or(0);
            let rate = line["net_rate"].as_u64().unwrap_or(0);
            CoverageTerms::standard(&policy_id, coverage, class as u32, rate as u32, limits)
        })
        .collect();
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    BoundPolicy {
        policy_id,
        insured: party(&bound["contractor"]),
        insured_email: bound["contractor"]["email"].as_str().map(str::to_owned),
        certificate_holder: entity.is_object().then(|| party(entity)),
        job_name: text(job, "name"),
        job_description: text(job, "description"),
        work_state: region(job).or_else(|| bound["work_state"].as_str().map(str::to_owned)),
        coverages: terms,
        net_rate: term["net_rate"]
            .as_u64()
            .or(quote["net_rate"].as_u64())
            .unwrap_or(0) as u32,
        effective_date: term["effective_date"].as_i64().unwrap_or(0),
        expiration_date: term["expiration_date"]
            .as_i64()
            .or(term["end_date"].as_i64())
            .unwrap_or(0),
        issued: term["created"].as_i64().unwrap_or(0),
    }
}

/// A contractor or an entity, with its address lines.
fn party(object: &Value) -> Party {
    Party {
        name: display_name(object),
        address: address_lines(object),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn file_names() {
        assert_eq!(
            parse("policy_pl_Wz12_1691450123.pdf"),
            Some(("policy", "pl_Wz12"))
        );
        assert_eq!(parse("gl_coi_an_X9_1.pdf"), Some(("gl_coi", "an_X9")));
        assert_eq!(parse("wc_coi_pl_a_x.pdf"), None);
        assert_eq!(parse("other_pl_a_1.pdf"), None);
        assert_eq!(parse("policy_pl_a_1"), None);
    }
}
