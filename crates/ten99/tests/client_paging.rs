//! How `stream` walks pages, against a scripted server: the query it sends, the
//! enveloped list form, and when it stops.
#![cfg(feature = "client")]

mod client_support;

use client_support::flaky::{flaky, Reply};
use client_support::*;
use futures_util::TryStreamExt;
use ten99::client::{ApiKey, Client, Error};
use ten99::Policy;

fn policy(id: &str) -> String {
    format!(r#"{{"id":"{id}","quote":"qt_1","status":"active","created":1700000000}}"#)
}

fn client(base: &str) -> Client {
    Client::builder(base, ApiKey::new(KEY))
        .retry_policy(quick_retries(0))
        .build()
        .unwrap()
}

#[tokio::test]
async fn follows_has_more_in_an_envelope_and_sends_the_filter_every_page() {
    let server = flaky(|n| match n {
        0 => Reply::json(
            200,
            &format!(
                r#"{{"object":"list","data":[{},{}],"has_more":true}}"#,
                policy("pl_a"),
                policy("pl_b")
            ),
        ),
        // Shorter than the limit but `has_more` says go on: the envelope wins.
        1 => Reply::json(
            200,
            &format!(r#"{{"data":[{}],"has_more":true}}"#, policy("pl_c")),
        ),
        _ => Reply::json(200, r#"{"data":[],"has_more":false}"#),
    })
    .await;
    let all: Vec<Policy> = client(&server.base)
        .policies()
        .stream_for_quote("qt_1", 2)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&all, |p| &p.id), ["pl_a", "pl_b", "pl_c"]);
    let queries: Vec<String> = server
        .seen()
        .into_iter()
        .map(|s| s.query.unwrap())
        .collect();
    assert_eq!(
        queries,
        [
            "limit=2&quote=qt_1",
            "limit=2&starting_after=pl_b&quote=qt_1",
            "limit=2&starting_after=pl_c&quote=qt_1",
        ]
    );
}

#[tokio::test]
async fn a_server_that_ignores_the_cursor_does_not_loop_forever() {
    let server = flaky(|_| Reply::json(200, &format!("[{}]", policy("pl_a")))).await;
    let all: Vec<Policy> = client(&server.base)
        .policies()
        .stream(1)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2, "the repeat is read once, then the walk stops");
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn an_error_mid_walk_ends_the_stream_with_it() {
    let server = flaky(|n| match n {
        0 => Reply::json(200, &format!("[{}]", policy("pl_a"))),
        _ => Reply::error(404, "resource_not_found"),
    })
    .await;
    let mut stream = client(&server.base).policies().stream(1);
    assert_eq!(stream.try_next().await.unwrap().unwrap().id, "pl_a");
    let error = stream.try_next().await.unwrap_err();
    assert!(matches!(error, Error::Api { status: 404, .. }), "{error:?}");
    assert!(stream.try_next().await.unwrap().is_none());
}
