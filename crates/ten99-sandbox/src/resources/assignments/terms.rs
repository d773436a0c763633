//! What an assignment covers and whether it may (reference §2.8): the policy it
//! rides on, its coverage, dates, rate, eligibility and certificate links.

use crate::auth::Tenant;
use crate::error::Error;
use crate::resources::cover::{self, Parties};
use crate::resources::policies::document_url;
use crate::resources::{bridge, shared};
use crate::server::AppState;
use serde_json::{json, Value};
use ten99::CoverageType;

/// What was asked, after merging an update over the stored assignment.
pub(super) struct Ask {
    pub contractor: String,
    pub job: String,
    pub policy: Option<String>,
    pub coverage: Vec<CoverageType>,
    pub effective: Option<i64>,
    pub end: Option<i64>,
    /// Whether the start date is being set now (so must be in the future).
    pub new_start: bool,
    pub bind: bool,
}

/// The assignment object for `ask` (without the cancellation fields' values).
pub(super) fn build(
    state: &AppState,
    tenant: &Tenant,
    id: &str,
    created: i64,
    ask: Ask,
) -> Result<Value, Error> {
    let now = bridge::now(state, tenant);
    let parties = cover::parties(state, tenant, &ask.contractor, &ask.job)?;
    let policy = policy(state, tenant, &ask, now)?;
    let policy_id = policy["id"].as_str().unwrap_or_default().to_owned();
    let bound = state
        .store
        .policies()
        .bound(tenant, &policy_id)?
        .unwrap_or_default();
    let covered: Vec<CoverageType> =
        serde_json::from_value(bound["quote"]["coverage_type"].clone()).unwrap_or_default();
    let coverage = if ask.coverage.is_empty() {
        covered.clone()
    } else {
        ask.coverage
    };
    let (effective, end) = cover::term(now, ask.effective, ask.end, ask.new_start, None)?;
    let pricing = parties.price(&coverage);
    let mut reasons = mismatches(&parties, &bound, &covered, &coverage);
    reasons.extend(pricing.reason.clone());
    let eligible = reasons.is_empty();
    let message = if eligible {
        "Contractor is pre-approved for insurance coverage.".to_owned()
    } else {
        reasons.join("; ")
    };
    let issued = ask.bind && eligible;
    let link = |kind: &str, wanted: CoverageType| {
        (issued && coverage.contains(&wanted))
            .then(|| document_url(tenant.environment, kind, id, created))
    };
    Ok(json!({
        "id": id,
        "contractor": ask.contractor,
        "job": ask.job,
        "policy": policy_id,
        "coverage_type": coverage,
        "effective_date": effective,
        "end_date": end,
        "bind": ask.bind,
        "net_rate": pricing.net_rate,
        "certificates": {
            "gl_coi_pdf_url": link("gl_coi", CoverageType::General),
            "wc_coi_pdf_url": link("wc_coi", CoverageType::WorkersComp),
        },
        "eligible": {"result": eligible, "message": message},
        "cancelled": false,
        "cancellation_date": null,
        "cancellation_reason": null,
        "created": created,
    }))
}

/// The named policy (the contractor's, `invalid_policy_id` otherwise), or the
/// contractor's most recent policy in force (`no_active_policy` if none).
fn policy(state: &AppState, tenant: &Tenant, ask: &Ask, now: i64) -> Result<Value, Error> {
    let policies = state.store.policies();
    if let Some(id) = &ask.policy {
        let policy = shared::referenced(policies.0, tenant, id, "invalid_policy_id", "policy")?;
        let stored_for = state
            .store
            .policies()
            .bound(tenant, id)?
            .unwrap_or_default();
        if stored_for["contractor"]["id"] != json!(ask.contractor) {
            return Err(Error::rule(
                "invalid_policy_id",
                format!(
                    "Policy {id} is not a policy of contractor {}.",
                    ask.contractor
                ),
            ));
        }
        return Ok(policy);
    }
    policies
        .active_for_contractor(tenant, &ask.contractor, now)?
        .into_iter()
        .next()
        .ok_or_else(|| {
            Error::rule(
                "no_active_policy",
                format!(
                    "Contractor {} has no active policy; send them through an application session first.",
                    ask.contractor
                ),
            )
        })
}

/// Why the new job is not covered by the policy as bound: other coverage, job
/// class, work state or home state (the repeat-coverage rules, reference §2.8).
fn mismatches(
    parties: &Parties,
    bound: &Value,
    covered: &[CoverageType],
    wanted: &[CoverageType],
) -> Vec<String> {
    let mut reasons = Vec::new();
    for kind in wanted.iter().filter(|k| !covered.contains(k)) {
        reasons.push(format!(
            "{} is not on the contractor's policy",
            kind.label()
        ));
    }
    let bound_code = bound["job"]["category_code"].as_str().unwrap_or_default();
    if bound_code != parties.category.code {
        reasons.push(format!(
            "The job's category ({}) does not match the contractor's policy ({bound_code})",
            parties.category.code
        ));
    }
    let bound_work = bound["work_state"].as_str().unwrap_or_default();
    if bound_work != parties.work_state {
        reasons.push(format!(
            "The work state ({}) does not match the contractor's policy ({bound_work})",
            parties.work_state
        ));
    }
    let bound_home = shared::region(&bound["contractor"]).unwrap_or_default();
    if bound_home != parties.residence_state {
        reasons.push(format!(
            "The contractor's home state ({}) differs from the policy's ({bound_home})",
            parties.residence_state
        ));
    }
    reasons
}
