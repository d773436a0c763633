//! Quotes: `src-tauri/src/commands/quotes.rs`.

use super::{invoke, write, NoArgs};
use coverdesk_ipc::quotes::{command, QuoteAttempt, QuoteRequest, RefreshSummary};
use coverdesk_ipc::ErrorView;
use serde::Serialize;
use ten99::Quote;

#[derive(Serialize)]
struct ListArgs<'a> {
    contractor: Option<&'a str>,
    job: Option<&'a str>,
}

#[derive(Serialize)]
struct RequestArgs<'a> {
    request: &'a QuoteRequest,
}

/// Cached quotes, newest first, for a contractor and/or a job.
pub async fn list(contractor: Option<&str>, job: Option<&str>) -> Result<Vec<Quote>, ErrorView> {
    invoke(command::LIST, &ListArgs { contractor, job }).await
}

/// One quote per combination; `action` names it for the person ("Request 3 quotes for Ann Lee").
pub async fn request(request: &QuoteRequest, action: &str) -> Result<Vec<QuoteAttempt>, ErrorView> {
    write(command::REQUEST, &RequestArgs { request }, action).await
}

/// Pulls every quote from the API into the cache.
pub async fn refresh() -> Result<RefreshSummary, ErrorView> {
    invoke(command::REFRESH, &NoArgs {}).await
}
