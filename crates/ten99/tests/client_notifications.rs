//! Events, webhook endpoints and certificate uploads against the stand-in over HTTP.
//! Run with `cargo test -p ten99 --features client`.
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use futures_util::TryStreamExt;
use ten99::client::certificates::Expand;
use ten99::client::{ErrorCode, ListParams};
use ten99::*;

#[tokio::test]
async fn webhook_endpoints_round_trip_with_their_secret() {
    let (running, client) = sandbox().await;
    let input = WebhookEndpointInput {
        url: "https://platform.example/hooks".into(),
        description: Some("compliance".into()),
        events: vec![EventType::PolicyActive, EventType::AssignmentCancelled],
    };
    let endpoint = client.webhook_endpoints().create(&input).await.unwrap();
    assert!(endpoint.id.starts_with("whe_"), "{}", endpoint.id);
    assert!(
        endpoint
            .secret
            .as_deref()
            .is_some_and(|s| s.starts_with("whsec_")),
        "{endpoint:?}"
    );
    assert_eq!(endpoint.events, input.events);
    let fetched = client.webhook_endpoints().get(&endpoint.id).await.unwrap();
    assert_eq!(fetched.url, endpoint.url);

    let updated = client
        .webhook_endpoints()
        .update(
            &endpoint.id,
            &WebhookEndpointUpdate {
                description: Some("all of it".into()),
                events: Some(vec![EventType::All]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(updated.description.as_deref(), Some("all of it"));
    assert_eq!(updated.url, endpoint.url);
    let listed = client
        .webhook_endpoints()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert_eq!(ids(&listed, |w| &w.id), [endpoint.id.as_str()]);
    let deleted = client
        .webhook_endpoints()
        .delete(&endpoint.id)
        .await
        .unwrap();
    assert!(deleted.deleted);
    assert!(client
        .webhook_endpoints()
        .list_all()
        .await
        .unwrap()
        .is_empty());
    running.stop().await;
}

#[tokio::test]
async fn events_list_get_and_stream() {
    let (running, client) = sandbox().await;
    // Binding a policy is something that makes an event (`policy.active`).
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    client
        .policies()
        .create(&PolicyInput {
            quote: quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    let events = client.events().list(&ListParams::default()).await.unwrap();
    assert!(!events.is_empty(), "binding a policy makes an event");
    let newest = &events[0];
    let id = newest.id.clone().expect("listed events have ids");
    assert_eq!(&client.events().get(&id).await.unwrap(), newest);
    let streamed: Vec<Event> = client.events().stream(1).try_collect().await.unwrap();
    assert_eq!(streamed, client.events().list_all().await.unwrap());
    let unknown = client
        .events()
        .get("ev_DoesNotExist0000000000")
        .await
        .unwrap_err();
    assert_eq!(unknown.status(), Some(404), "{unknown:?}");
    running.stop().await;
}

fn pdf() -> Vec<u8> {
    // The stand-in approves a certificate whose text names general liability.
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (COMMERCIAL GENERAL LIABILITY) Tj ET\n%%EOF\n"
        .to_vec()
}

#[tokio::test]
async fn certificates_upload_as_multipart_then_list_and_get_expanded() {
    let (running, client) = sandbox().await;
    let joe = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    let upload = CertificateUpload {
        contractor: joe.id.clone(),
        filename: "coi.pdf".into(),
        content: pdf(),
    };
    let certificate = client.certificates().upload(&upload).await.unwrap();
    assert!(certificate.id.starts_with("ci_"), "{}", certificate.id);
    assert_eq!(certificate.contractor, joe.id);
    assert_eq!(certificate.filename.as_deref(), Some("coi.pdf"));

    assert_eq!(certificate.status, CertificateStatus::Pending);
    assert!(certificate.review_results.is_none());

    // Reviews take a minute of sandbox time (a stand-in hook moves its clock).
    let response = reqwest::Client::new()
        .post(format!("{}/_sandbox/clock/advance", running.base_url()))
        .bearer_auth(KEY)
        .json(&serde_json::json!({"seconds": 61}))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let plain = client
        .certificates()
        .get(&certificate.id, Expand::Nothing)
        .await
        .unwrap();
    assert_eq!(plain.status, CertificateStatus::Approved);
    assert!(plain.review_results.is_none(), "not expanded");
    let summary = client
        .certificates()
        .get(&certificate.id, Expand::ReviewResults)
        .await
        .unwrap()
        .review_results
        .expect("expanded");
    assert!(summary.summary.is_some() && summary.audit_results.is_empty());
    let full = client
        .certificates()
        .get(&certificate.id, Expand::ReviewResultsFull)
        .await
        .unwrap()
        .review_results
        .expect("fully expanded");
    assert!(!full.audit_results.is_empty(), "{full:?}");
    let listed = client
        .certificates()
        .list(&ListParams::default(), Expand::ReviewResults)
        .await
        .unwrap();
    assert_eq!(ids(&listed, |c| &c.id), [certificate.id.as_str()]);
    let streamed: Vec<Certificate> = client
        .certificates()
        .stream(10, Expand::Nothing)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed.len(), 1);
    running.stop().await;
}

#[tokio::test]
async fn a_certificate_that_is_not_a_pdf_is_refused() {
    let (running, client) = sandbox().await;
    let joe = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    let upload = CertificateUpload {
        contractor: joe.id.clone(),
        filename: "coi.pdf".into(),
        content: b"GIF89a not a pdf".to_vec(),
    };
    let error = client.certificates().upload(&upload).await.unwrap_err();
    assert_eq!(error.status(), Some(400), "{error:?}");
    assert!(
        matches!(error.api_code(), Some(ErrorCode::InvalidFileType)),
        "{error:?}"
    );
    running.stop().await;
}

/// One delivery as the receiver got it: headers (lowercase names) and raw body.
type Delivery = (Vec<(String, String)>, Vec<u8>);

#[tokio::test]
async fn deliveries_from_the_stand_in_verify_with_the_endpoints_secret() {
    use axum::extract::Request;
    use std::sync::{Arc, Mutex};
    use ten99::webhooks::Verifier;

    let got: Arc<Mutex<Vec<Delivery>>> = Arc::default();
    let sink = got.clone();
    let app = axum::Router::new().fallback(move |request: Request| {
        let sink = sink.clone();
        async move {
            let headers = request
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
                .collect();
            let body = axum::body::to_bytes(request.into_body(), 1 << 20)
                .await
                .unwrap();
            sink.lock().unwrap().push((headers, body.to_vec()));
            "ok"
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });

    let (running, client) = sandbox().await;
    let endpoint = client
        .webhook_endpoints()
        .create(&WebhookEndpointInput {
            url,
            events: vec![EventType::PolicyActive],
            ..Default::default()
        })
        .await
        .unwrap();
    let parties = new_parties(&client, "joe@example.com").await;
    let quote = new_quote(&client, &parties).await;
    client
        .policies()
        .create(&PolicyInput {
            quote: quote.id.clone(),
            ..Default::default()
        })
        .await
        .unwrap();

    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let (headers, body) = loop {
        if let Some(first) = got.lock().unwrap().first().cloned() {
            break first;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no delivery within 10 s"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    let verifier = Verifier::new(endpoint.secret.expect("a signing secret"));
    let pairs = headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    assert_eq!(verifier.verify_headers(pairs, &body), Ok(()));
    let signature = &headers
        .iter()
        .find(|(k, _)| k == "ten99policy-signature")
        .unwrap()
        .1;
    let event = verifier.verify_event(signature, &body).unwrap();
    assert_eq!(event.type_, EventType::PolicyActive);
    assert!(Verifier::new("whsec_wrong")
        .verify(signature, &body)
        .is_err());
    running.stop().await;
}
