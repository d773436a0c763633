//! The application page's [`ApplicationFlow`] over stored sessions, and the two
//! endings the control endpoints share with it: [`finish`] (bind the policy) and
//! `super::end` (expire).
//!
//! Events: `application.started` when the contractor gets past the first step,
//! `policy.active` when the policy is bound, then `application.complete`.

use super::writable;
use crate::application_page::{ApplicationFlow, FlowError, SessionSummary, Step, StepInput};
use crate::auth::Tenant;
use crate::error::Error;
use crate::resources::bridge::coverages_of;
use crate::resources::shared::{address_lines, display_name, region};
use crate::resources::{bridge, events, policies};
use crate::server::AppState;
use crate::store::table::text;
use serde_json::{json, Value};

/// The flow the server hands the page. It holds the app's state (whose own
/// `applications` is the empty flow, so the two don't keep each other alive).
pub struct SessionFlow {
    state: AppState,
}

impl SessionFlow {
    pub fn new(state: AppState) -> SessionFlow {
        SessionFlow { state }
    }

    fn load(&self, id: &str) -> Result<(Tenant, Value), FlowError> {
        self.state
            .store
            .sessions()
            .locate_any(id)
            .map_err(other)?
            .ok_or(FlowError::NotFound)
    }
}

impl ApplicationFlow for SessionFlow {
    fn summary(&self, session_id: &str) -> Result<SessionSummary, FlowError> {
        let (tenant, session) = self.load(session_id)?;
        summarize(&self.state, &tenant, &session).map_err(flow_error)
    }

    fn advance(&self, session_id: &str, input: StepInput) -> Result<SessionSummary, FlowError> {
        let (tenant, mut session) = self.load(session_id)?;
        writable(&session).map_err(flow_error)?;
        let step = step_of(&session);
        if step != input.step() {
            return Err(FlowError::WrongStep(step));
        }
        if step == Step::VerifyInfo {
            started(&self.state, &tenant, &session).map_err(flow_error)?;
        }
        session["step"] = json!(step.next().as_str());
        self.state
            .store
            .sessions()
            .update(&tenant, session_id, &[], &session)
            .map_err(other)?;
        summarize(&self.state, &tenant, &session).map_err(flow_error)
    }

    fn complete(&self, session_id: &str) -> Result<String, FlowError> {
        let (tenant, session) = self.load(session_id)?;
        writable(&session).map_err(flow_error)?;
        let step = step_of(&session);
        if step != Step::FinalReview {
            return Err(FlowError::WrongStep(step));
        }
        let (_, policy) = finish(&self.state, &tenant, session).map_err(flow_error)?;
        Ok(policy["id"].as_str().unwrap_or_default().to_owned())
    }
}

/// Binds the session's quote and closes the application, from whatever step it
/// was at (the control endpoint skips the page). Returns the session and policy.
pub(crate) fn finish(
    state: &AppState,
    tenant: &Tenant,
    mut session: Value,
) -> Result<(Value, Value), Error> {
    writable(&session)?;
    if step_of(&session) == Step::VerifyInfo {
        started(state, tenant, &session)?;
    }
    let quote = session["quote"].as_str().unwrap_or_default().to_owned();
    let policy = policies::bind(state, tenant, &quote, (None, None))?;
    let id = session["id"].as_str().unwrap_or_default().to_owned();
    session["step"] = json!(Step::ApplicationComplete.as_str());
    state.store.sessions().update(tenant, &id, &[], &session)?;
    events::emit(
        state,
        tenant,
        "application.complete",
        "application",
        &session,
    )?;
    Ok((session, policy))
}

fn started(state: &AppState, tenant: &Tenant, session: &Value) -> Result<(), Error> {
    let mut shown = session.clone();
    shown["step"] = json!(Step::VerifyInfo.next().as_str());
    events::emit(state, tenant, "application.started", "application", &shown).map(drop)
}

fn step_of(session: &Value) -> Step {
    session["step"]
        .as_str()
        .and_then(Step::parse)
        .unwrap_or(Step::VerifyInfo)
}

/// Everything the page shows, from the session, its quote and the quote's parties.
fn summarize(state: &AppState, tenant: &Tenant, session: &Value) -> Result<SessionSummary, Error> {
    let store = &state.store;
    let gone =
        |what: &str| Error::BadRequest(format!("The {what} of this application no longer exists."));
    let get = |value: &Value, key: &str| value[key].as_str().unwrap_or_default().to_owned();
    let quote_id = get(session, "quote");
    let quote = store
        .quotes()
        .get(tenant, &quote_id)?
        .ok_or_else(|| gone("quote"))?;
    let contractor = store
        .contractors_table()
        .get(tenant, &get(&quote, "contractor"))?
        .ok_or_else(|| gone("contractor"))?;
    let job = store
        .jobs()
        .get(tenant, &get(&quote, "job"))?
        .ok_or_else(|| gone("job"))?;
    let entity = store.entities().get(tenant, &get(&job, "entity"))?;
    let step = step_of(session);
    let policy_id = match step {
        Step::ApplicationComplete => store
            .policies()
            .find(tenant, &[("quote", text(&quote_id))])?
            .first()
            .map(|p| get(p, "id")),
        _ => None,
    };
    let flag = |value: &Value| value["withhold_premium"] == json!(true);
    Ok(SessionSummary {
        session_id: get(session, "id"),
        contractor_name: display_name(&contractor),
        contractor_email: get(&contractor, "email"),
        contractor_address: address_lines(&contractor),
        job_name: get(&job, "name"),
        job_description: get(&job, "description"),
        entity_name: entity.as_ref().map(display_name),
        work_state: region(&job).or_else(|| entity.as_ref().and_then(region)),
        coverages: coverages_of(&quote),
        net_rate: quote["net_rate"].as_u64().unwrap_or(0) as u32,
        effective_date: quote["effective_date"].as_i64().unwrap_or(0),
        end_date: quote["end_date"].as_i64().unwrap_or(0),
        step,
        expired: session["expired"] == json!(true),
        withhold_premium: flag(&job) || flag(&contractor),
        success_url: get(session, "success_url"),
        cancel_url: get(session, "cancel_url"),
        policy_id,
        now: bridge::now(state, tenant),
    })
}

fn other(e: Error) -> FlowError {
    FlowError::Other(e.to_string())
}

/// The API's answers in the page's terms.
fn flow_error(e: Error) -> FlowError {
    match e.code() {
        "session_expired" => FlowError::Expired,
        "application_already_complete" | "policy_already_exists" => FlowError::AlreadyComplete,
        _ => other(e),
    }
}
