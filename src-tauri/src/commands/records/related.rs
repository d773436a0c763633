//! What a contractor's detail and a job's detail both fetch: the quotes and the
//! assignments that name it.

use futures_util::TryStreamExt;
use std::future::ready;
use ten99::client::{Client, Error as ClientError};
use ten99::{Assignment, Quote};

/// Every quote `of_quote` keeps, then every assignment `of_assignment` keeps, walking
/// every page: the API has no filter for either by contractor or job.
pub(crate) async fn quotes_and_assignments(
    client: &Client,
    of_quote: impl Fn(&Quote) -> bool + Send + Sync,
    of_assignment: impl Fn(&Assignment) -> bool + Send + Sync,
) -> Result<(Vec<Quote>, Vec<Assignment>), ClientError> {
    let quotes = client
        .quotes()
        .stream(100)
        .try_filter(|q| ready(of_quote(q)))
        .try_collect()
        .await?;
    let assignments = client
        .assignments()
        .stream(100)
        .try_filter(|a| ready(of_assignment(a)))
        .try_collect()
        .await?;
    Ok((quotes, assignments))
}
