//! `/api/v1/events` and `/api/v1/webhook_endpoints` over HTTP (reference §2.10,
//! §2.11, §5).

mod common;

use common::world::id;
use common::{ids, start, KEY, OTHER_KEY};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn events_are_stored_listed_newest_first_and_retrievable() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let policy = sandbox.bound(KEY, &contractor, &job).await;
    let list = sandbox.get(KEY, "/api/v1/events").await;
    let events = list.body.as_array().unwrap();
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "application.complete",
            "policy.active",
            "application.started",
            "application.created"
        ]
    );
    let newest = &events[0];
    let event_id = id(newest);
    assert!(
        event_id.starts_with("ev_") && event_id.len() == 25,
        "{event_id}"
    );
    assert_eq!(newest["data"]["object"], "application");
    assert_eq!(newest["data"]["step"], "application_complete");
    let policy_event = &events[1];
    assert_eq!(policy_event["data"]["id"], policy["id"]);
    let typed: ten99::Event = serde_json::from_value(policy_event.clone()).unwrap();
    assert!(matches!(
        typed.resource().unwrap(),
        ten99::EventObject::Policy(_)
    ));
    let one = sandbox
        .get(KEY, &format!("/api/v1/events/{event_id}"))
        .await;
    assert_eq!(&one.body, newest);
    let filtered = sandbox.get(KEY, "/api/v1/events?type=policy.active").await;
    assert_eq!(ids(&filtered.body), vec![id(policy_event)]);
    let paged = sandbox
        .get(
            KEY,
            &format!("/api/v1/events?limit=2&starting_after={event_id}"),
        )
        .await;
    assert_eq!(paged.body.as_array().unwrap().len(), 2);
    assert_eq!(
        sandbox.get(OTHER_KEY, "/api/v1/events").await.body,
        json!([])
    );
    assert_eq!(
        sandbox.get(KEY, "/api/v1/events/ev_nope").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn webhook_endpoints_have_secrets_and_subscriptions() {
    let sandbox = start().await;
    let body = json!({"url": "https://example.com/hooks", "description": "Ops", "events": ["policy.active"]});
    let e = sandbox.made(KEY, "/api/v1/webhook_endpoints", &body).await;
    let endpoint_id = id(&e);
    assert!(
        endpoint_id.starts_with("whe_") && endpoint_id.len() == 26,
        "{endpoint_id}"
    );
    assert!(e["secret"].as_str().unwrap().starts_with("whsec_"));
    assert_eq!(e["events"], json!(["policy.active"]));
    assert_eq!(e["description"], "Ops");
    let typed: ten99::WebhookEndpoint = serde_json::from_value(e.clone()).unwrap();
    assert_eq!(typed.secret.as_deref(), e["secret"].as_str());
    let path = format!("/api/v1/webhook_endpoints/{endpoint_id}");
    assert_eq!(
        sandbox.get(KEY, &path).await.body,
        e,
        "retrieve shows the secret too"
    );
    let all = sandbox
        .made(
            KEY,
            "/api/v1/webhook_endpoints",
            &json!({"url": "https://example.com/all"}),
        )
        .await;
    assert_eq!(all["events"], json!(["*"]));
    assert_eq!(
        ids(&sandbox.get(KEY, "/api/v1/webhook_endpoints").await.body),
        vec![id(&all), endpoint_id.clone()]
    );

    let changed = sandbox
        .put(
            KEY,
            &path,
            &json!({"events": ["*"], "url": "https://example.com/v2"}),
        )
        .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.body);
    assert_eq!(changed.body["events"], json!(["*"]));
    assert_eq!(changed.body["url"], "https://example.com/v2");
    assert_eq!(changed.body["secret"], e["secret"], "the secret stays");
    let bad = sandbox
        .post(
            KEY,
            "/api/v1/webhook_endpoints",
            &json!({"url": "nope", "events": ["policy.created"]}),
        )
        .await;
    assert_eq!(bad.code(), "invalid_input");
    assert!(bad.body["message"]["url"].is_string() && bad.body["message"]["events"].is_string());
    let gone = sandbox.delete(KEY, &path).await;
    assert_eq!(gone.body["object"], "webhook_endpoint");
    assert_eq!(sandbox.get(KEY, &path).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn events_are_delivered_signed_to_subscribed_endpoints() {
    use axum::body::Bytes;
    use axum::http::HeaderMap;
    use ten99_sandbox::webhooks::signature;
    use tokio::sync::mpsc;

    // A receiver that passes on what it gets.
    let (tx, mut rx) = mpsc::unbounded_channel::<(String, Bytes)>();
    let app = axum::Router::new().route(
        "/hooks",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| {
            let tx = tx.clone();
            async move {
                let sig = headers[signature::HEADER].to_str().unwrap().to_owned();
                let _ = tx.send((sig, body));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let sandbox = start().await;
    let url = format!("http://{addr}/hooks");
    let endpoint = sandbox
        .made(
            KEY,
            "/api/v1/webhook_endpoints",
            &json!({"url": url, "events": ["policy.active"]}),
        )
        .await;
    let secret = endpoint["secret"].as_str().unwrap().to_owned();
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let policy = sandbox.bound(KEY, &contractor, &job).await;

    let (header, body) = tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
        .await
        .expect("a delivery")
        .unwrap();
    let now = common::world::now();
    signature::verify(
        &header,
        &body,
        &secret,
        now,
        signature::DEFAULT_TOLERANCE_SECONDS,
    )
    .expect("a valid signature");
    let event: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(event["type"], "policy.active", "only the subscribed type");
    assert_eq!(event["data"]["id"], policy["id"]);
    let stored = sandbox
        .get(
            KEY,
            &format!("/api/v1/events/{}", event["id"].as_str().unwrap()),
        )
        .await;
    assert_eq!(stored.body, event, "the delivery is the stored event");
    // Nothing else was subscribed to.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert!(rx.try_recv().is_err());
}
