//! Deliveries to a tiny local axum receiver.

use super::*;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use std::collections::VecDeque;
use std::time::Instant;

const SECRET: &str = "whsec_test_secret";

/// What the receiver saw, and the statuses it will answer with (then 200).
#[derive(Default)]
struct Receiver {
    seen: Mutex<Vec<(HeaderMap, Bytes)>>,
    answers: Mutex<VecDeque<u16>>,
}

async fn receive(State(r): State<Arc<Receiver>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    r.seen.lock().unwrap().push((headers, body));
    let code = r.answers.lock().unwrap().pop_front().unwrap_or(200);
    StatusCode::from_u16(code).unwrap()
}

async fn receiver(answers: &[u16]) -> (String, Arc<Receiver>) {
    let r = Arc::new(Receiver::default());
    r.answers.lock().unwrap().extend(answers);
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(r.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, r)
}

fn fast(max_attempts: u32) -> RetrySchedule {
    RetrySchedule {
        max_attempts,
        first_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(100),
        timeout: Duration::from_secs(2),
    }
}

fn delivery(url: &str) -> Delivery {
    Delivery {
        event_id: "ev_Q2kA9Nsub9jKcFJqcBSv2u".into(),
        endpoint_id: "whe_KPGc5vEZdvoETu39BNwu2Z".into(),
        url: url.into(),
        secret: SECRET.into(),
        body: br#"{"id":"ev_Q2kA9Nsub9jKcFJqcBSv2u","type":"policy.active","created":1701561600,"data":{"object":"policy"}}"#.to_vec(),
    }
}

/// Waits until `done` holds for the attempts so far (or fails after 5 s).
async fn settle(d: &Deliverer, done: impl Fn(&[Attempt]) -> bool) -> Vec<Attempt> {
    let started = Instant::now();
    loop {
        let attempts = d.attempts();
        if done(&attempts) {
            return attempts;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "gave up: {attempts:#?}"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn delivers_signed_json_the_receiver_can_verify() {
    let (url, r) = receiver(&[]).await;
    let d = Deliverer::start(fast(5));
    d.enqueue(delivery(&url));
    let attempts = settle(&d, |a| !a.is_empty()).await;
    assert_eq!(attempts.len(), 1);
    assert!(
        attempts[0].delivered
            && attempts[0].status == Some(200)
            && attempts[0].retry_in_ms.is_none()
    );

    let seen = r.seen.lock().unwrap();
    let (headers, body) = &seen[0];
    assert_eq!(body.as_ref(), delivery(&url).body.as_slice());
    assert_eq!(headers["content-type"], "application/json");
    let header = headers[signature::HEADER].to_str().unwrap();
    assert!(
        header.starts_with(&format!("t={},v1=", attempts[0].at)),
        "{header}"
    );
    assert_eq!(
        signature::verify(header, body, SECRET, store::now(), 300),
        Ok(())
    );
}

#[tokio::test]
async fn retries_after_a_500_with_growing_pauses() {
    let (url, r) = receiver(&[500, 503]).await;
    let d = Deliverer::start(fast(5));
    d.enqueue(delivery(&url));
    let attempts = settle(&d, |a| a.iter().any(|a| a.delivered)).await;
    let summary: Vec<(u32, Option<u16>, bool, Option<u64>)> = attempts
        .iter()
        .map(|a| (a.attempt, a.status, a.delivered, a.retry_in_ms))
        .collect();
    assert_eq!(
        summary,
        [
            (1, Some(500), false, Some(20)),
            (2, Some(503), false, Some(40)),
            (3, Some(200), true, None)
        ]
    );
    assert_eq!(
        attempts[0].error.as_deref(),
        Some("The endpoint answered 500")
    );
    // Each retry carries a valid signature of the same body.
    for (headers, body) in r.seen.lock().unwrap().iter() {
        let header = headers[signature::HEADER].to_str().unwrap();
        assert_eq!(
            signature::verify(header, body, SECRET, store::now(), 300),
            Ok(())
        );
    }
}

#[tokio::test]
async fn gives_up_after_max_attempts_and_reports_each() {
    let (url, r) = receiver(&[500; 10]).await;
    let seen = Arc::new(Mutex::new(Vec::new()));
    let observed = seen.clone();
    let d = Deliverer::with_observer(
        fast(3),
        Arc::new(move |a: &Attempt| observed.lock().unwrap().push(a.attempt)),
    );
    d.enqueue(delivery(&url));
    let attempts = settle(&d, |a| a.len() == 3).await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert_eq!(d.attempts().len(), 3, "no fourth attempt");
    assert_eq!(attempts[2].retry_in_ms, None);
    assert_eq!(r.seen.lock().unwrap().len(), 3);
    assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);
    assert_eq!(d.attempts_for("ev_other"), []);
}

#[tokio::test]
async fn unreachable_and_https_endpoints_are_recorded_not_fatal() {
    // A port nobody listens on: bind one, then free it.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let d = Deliverer::start(fast(2));
    d.enqueue(delivery(&format!("http://{closed}/hook")));
    let mut https = delivery("https://example.com/hook");
    https.event_id = "ev_https".into();
    d.enqueue(https);
    let attempts = settle(&d, |a| a.len() == 3).await;
    let refused: Vec<&Attempt> = attempts
        .iter()
        .filter(|a| a.event_id != "ev_https")
        .collect();
    assert_eq!(refused.len(), 2);
    assert!(refused[0]
        .error
        .as_deref()
        .unwrap()
        .starts_with("Could not connect"));
    let https = d.attempts_for("ev_https");
    assert_eq!(https.len(), 1, "not retried");
    assert!(https[0].error.as_deref().unwrap().contains("http:// only"));
}

#[test]
fn pauses_double_up_to_the_cap() {
    let s = RetrySchedule::default();
    let secs: Vec<u64> = (1..=4).map(|n| s.delay_after(n).as_secs()).collect();
    assert_eq!(secs, [5, 10, 20, 40]);
    assert_eq!(s.delay_after(30), s.max_delay);
}
