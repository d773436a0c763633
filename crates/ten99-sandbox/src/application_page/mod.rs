//! The hosted insurance application, the stand-in's `apply.1099policy.com`
//! (reference §2.6): the page a session's `url` points at, where the contractor walks
//! `verify_info → application_questions → esignature_document → add_card_details →
//! final_review → application_complete`.
//!
//! * `GET /apply/{session_id}` — the session's current step (or its end state).
//! * `POST /apply/{session_id}/step` — submits the current step's form (the hidden
//!   `step` field names it); redirects back to the page (post/redirect/get), or shows
//!   the form again with what to fix.
//!
//! No API key: the session id is the secret, as with the real link. The page only
//! talks to an [`ApplicationFlow`], so it works before and after sessions are stored.

mod flow;
mod html;
mod memory;
mod steps;

pub use flow::{
    ApplicationFlow, CardOnFile, FlowError, NoSessions, SessionSummary, Step, StepInput,
};
pub use memory::InMemoryFlow;
pub use steps::{DECLINED_CARD, QUESTIONS};

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, LOCATION};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use std::sync::Arc;
use steps::Submission;

type Flow = Arc<dyn ApplicationFlow>;

/// The page's routes, for any router state (the flow is their own state).
pub fn routes<S: Clone + Send + Sync + 'static>(flow: Flow) -> Router<S> {
    Router::new()
        .route("/apply/{session_id}", get(show))
        .route("/apply/{session_id}/step", post(submit))
        .with_state(flow)
}

async fn show(State(flow): State<Flow>, Path(id): Path<String>) -> Response {
    match flow.summary(&id) {
        Ok(s) if s.expired && s.step != Step::ApplicationComplete => expired(&s),
        Ok(s) => page(
            StatusCode::OK,
            &s,
            &steps::Problems::new(),
            &steps::Form::new(),
        ),
        Err(e) => failure(&e, None),
    }
}

async fn submit(
    State(flow): State<Flow>,
    Path(id): Path<String>,
    Form(form): Form<steps::Form>,
) -> Response {
    let summary = match flow.summary(&id) {
        Ok(s) => s,
        Err(e) => return failure(&e, None),
    };
    if summary.expired && summary.step != Step::ApplicationComplete {
        return expired(&summary);
    }
    // A stale tab or a second click: show where the application really is.
    if form.get("step").map(String::as_str) != Some(summary.step.as_str()) {
        return see_other(&id);
    }
    let outcome = match steps::parse(&summary, &form) {
        Err(problems) => return page(StatusCode::UNPROCESSABLE_ENTITY, &summary, &problems, &form),
        Ok(Submission::Bind) => flow.complete(&id).map(drop),
        Ok(Submission::Advance(input)) => flow.advance(&id, input).map(drop),
    };
    match outcome {
        Ok(()) | Err(FlowError::WrongStep(_)) | Err(FlowError::AlreadyComplete) => see_other(&id),
        Err(e) => failure(&e, Some(&summary)),
    }
}

fn page(
    status: StatusCode,
    s: &SessionSummary,
    problems: &steps::Problems,
    form: &steps::Form,
) -> Response {
    let body = steps::render(s, problems, form);
    respond(status, html::page(s.step.title(), Some(s), &body))
}

fn expired(s: &SessionSummary) -> Response {
    let back = html::safe_url(&s.cancel_url)
        .map(|url| {
            format!(r#"<div class="actions"><a class="button" href="{url}">Return</a></div>"#)
        })
        .unwrap_or_default();
    let body = format!(
        r#"<h1>This application link has expired</h1>
<p class="lead">Ask the platform that sent you here for a new link.</p>{back}"#
    );
    respond(StatusCode::GONE, html::page("Link expired", None, &body))
}

fn failure(e: &FlowError, s: Option<&SessionSummary>) -> Response {
    let (status, title, text) = match e {
        FlowError::NotFound => (
            StatusCode::NOT_FOUND,
            "Application not found",
            "We couldn't find this application. Check the link, or ask the platform that sent you here for a new one.".to_owned(),
        ),
        FlowError::Expired => (
            StatusCode::GONE,
            "Link expired",
            "This application link has expired. Ask the platform that sent you here for a new link.".to_owned(),
        ),
        other => (
            StatusCode::INTERNAL_SERVER_ERROR,
            "Something went wrong",
            format!("We couldn't save your application: {other}. Please try again."),
        ),
    };
    let body = format!(
        "<h1>{title}</h1><p class=\"lead\">{}</p>",
        html::escape(&text)
    );
    respond(status, html::page(title, s, &body))
}

fn see_other(id: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/apply/{id}")) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
}

/// HTML with headers that suit a page holding personal details and a secret URL:
/// not cached, not framed, and no `Referer` carrying the session id to the
/// platform's success or cancel page.
fn respond(status: StatusCode, body: String) -> Response {
    let mut response = (status, Html(body)).into_response();
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        HeaderName::from_static("referrer-policy"),
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        HeaderName::from_static("content-security-policy"),
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    response
}

#[cfg(test)]
mod tests;
