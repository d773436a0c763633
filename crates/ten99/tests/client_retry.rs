//! Retries, idempotency keys and timeouts, against a tiny scripted server.
#![cfg(feature = "client")]

mod client_support;

use client_support::flaky::{flaky, Reply, CONTRACTOR};
use client_support::*;
use std::time::{Duration, Instant};
use ten99::client::{ApiKey, Client, Error, ErrorCode, ListParams, RetryPolicy};
use ten99::{ContractorUpdate, Environment};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn client(base: &str, retry: RetryPolicy) -> Client {
    Client::builder(base, ApiKey::new(KEY))
        .environment(Environment::Sandbox)
        .retry_policy(retry)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_post_is_retried_on_503_with_one_idempotency_key() {
    let server = flaky(|n| match n {
        0 | 1 => Reply::error(503, "general_error"),
        _ => Reply::json(201, CONTRACTOR),
    })
    .await;
    let created = client(&server.base, quick_retries(2))
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    assert_eq!(created.id, "cn_1");
    let seen = server.seen();
    assert_eq!(seen.len(), 3);
    let key = seen[0].idempotency_key.clone().expect("POSTs carry a key");
    assert_eq!(key.len(), 36, "a v4 UUID: {key}");
    for attempt in &seen {
        assert_eq!(attempt.method, "POST");
        assert_eq!(attempt.path, "/api/v1/contractors");
        assert_eq!(attempt.idempotency_key.as_deref(), Some(key.as_str()));
        assert_eq!(
            attempt.authorization.as_deref(),
            Some(&*format!("Bearer {KEY}"))
        );
        assert_eq!(attempt.environment.as_deref(), Some("sandbox"));
        assert_eq!(attempt.content_type.as_deref(), Some("application/json"));
    }
}

#[tokio::test]
async fn each_logical_post_gets_its_own_key_and_gets_none() {
    let server = flaky(|_| Reply::json(201, CONTRACTOR)).await;
    let client = client(&server.base, quick_retries(2));
    for _ in 0..2 {
        client
            .contractors()
            .create(&contractor("joe@example.com"))
            .await
            .unwrap();
    }
    client.contractors().get("cn_1").await.unwrap();
    let seen = server.seen();
    assert_ne!(seen[0].idempotency_key, seen[1].idempotency_key);
    assert_eq!(seen[2].idempotency_key, None, "GETs need no key");
}

#[tokio::test]
async fn a_caller_key_is_sent_on_every_attempt_and_on_each_send() {
    let server = flaky(|n| match n {
        0 => Reply::error(503, "general_error"),
        _ => Reply::json(201, CONTRACTOR),
    })
    .await;
    let client = client(&server.base, quick_retries(2));
    for _ in 0..2 {
        client
            .contractors()
            .create_with_key(&contractor("joe@example.com"), "import-row-7")
            .await
            .unwrap();
    }
    let seen = server.seen();
    assert_eq!(seen.len(), 3, "one retry, then a second send");
    for attempt in &seen {
        assert_eq!(attempt.idempotency_key.as_deref(), Some("import-row-7"));
    }
}

#[tokio::test]
async fn gives_up_after_max_retries_with_the_last_answer() {
    let server = flaky(|n| Reply::error(500 + n as u16, "general_error")).await;
    let error = client(&server.base, quick_retries(2))
        .contractors()
        .get("cn_1")
        .await
        .unwrap_err();
    assert_eq!(server.seen().len(), 3, "one try and two retries");
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.api_code(), Some(ErrorCode::GeneralError));
}

#[tokio::test]
async fn the_default_policy_retries_twice() {
    let server = flaky(|_| Reply::error(503, "general_error")).await;
    let client = Client::new(&server.base, ApiKey::new(KEY), Environment::Sandbox).unwrap();
    assert_eq!(client.retry_policy(), &RetryPolicy::default());
    let started = Instant::now();
    client.contractors().get("cn_1").await.unwrap_err();
    assert_eq!(server.seen().len(), 3);
    // Backoffs of 0.25–0.5 s and 0.5–1 s.
    assert!(
        started.elapsed() >= Duration::from_millis(750),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn should_retry_false_is_final_and_true_retries_even_a_400() {
    let server =
        flaky(|_| Reply::error(503, "general_error").header("ten99policy-should-retry", "false"))
            .await;
    client(&server.base, quick_retries(2))
        .contractors()
        .get("cn_1")
        .await
        .unwrap_err();
    assert_eq!(server.seen().len(), 1);

    let server = flaky(|n| match n {
        0 => Reply::error(400, "bad_request").header("ten99policy-should-retry", "true"),
        _ => Reply::json(200, CONTRACTOR),
    })
    .await;
    client(&server.base, quick_retries(2))
        .contractors()
        .get("cn_1")
        .await
        .unwrap();
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn a_conflict_naming_a_rule_is_not_retried() {
    let server = flaky(|_| Reply::error(409, "duplicate_email")).await;
    let error = client(&server.base, quick_retries(2))
        .contractors()
        .get("cn_1")
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some("duplicate_email"));
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn conflicts_and_rate_limits_are_retried_other_4xx_are_not() {
    for status in [409, 429] {
        let server = flaky(move |n| match n {
            0 => Reply::error(status, "x"),
            _ => Reply::json(200, CONTRACTOR),
        })
        .await;
        client(&server.base, quick_retries(2))
            .contractors()
            .get("cn_1")
            .await
            .unwrap();
        assert_eq!(server.seen().len(), 2, "{status}");
    }
    for status in [400, 401, 403, 404] {
        let server = flaky(move |_| Reply::error(status, "x")).await;
        let error = client(&server.base, quick_retries(2))
            .contractors()
            .get("cn_1")
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(status));
        assert_eq!(server.seen().len(), 1, "{status}");
    }
}

#[tokio::test]
async fn retry_after_is_waited_for() {
    let server = flaky(|n| match n {
        0 => Reply::error(429, "rate_limited").header("retry-after", "1"),
        _ => Reply::json(200, "[]"),
    })
    .await;
    let started = Instant::now();
    let page = client(&server.base, quick_retries(2))
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert!(page.is_empty());
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.seen().len(), 2);
}

#[tokio::test]
async fn put_and_delete_are_retried_too() {
    let deleted = r#"{"id":"cn_1","object":"contractor","deleted":true,"deleted_at":1700000000}"#;
    let server = flaky(move |n| match n {
        0 | 2 => Reply::error(502, "general_error"),
        1 => Reply::json(200, CONTRACTOR),
        _ => Reply::json(200, deleted),
    })
    .await;
    let client = client(&server.base, quick_retries(1));
    client
        .contractors()
        .update("cn_1", &ContractorUpdate::default())
        .await
        .unwrap();
    assert!(client.contractors().delete("cn_1").await.unwrap().deleted);
    let methods: Vec<String> = server.seen().into_iter().map(|s| s.method).collect();
    assert_eq!(methods, ["PUT", "PUT", "DELETE", "DELETE"]);
    assert!(server.seen().iter().all(|s| s.idempotency_key.is_none()));
}

#[tokio::test]
async fn retries_can_be_turned_off() {
    let server = flaky(|_| Reply::error(503, "general_error")).await;
    client(&server.base, RetryPolicy::none())
        .contractors()
        .get("cn_1")
        .await
        .unwrap_err();
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn a_slow_server_is_a_timeout_after_retries() {
    let server = flaky(|_| Reply::json(200, CONTRACTOR).after(Duration::from_secs(3))).await;
    let client = Client::builder(&server.base, ApiKey::new(KEY))
        .retry_policy(quick_retries(1))
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.contractors().get("cn_1").await.unwrap_err();
    assert!(matches!(error, Error::Timeout), "{error:?}");
    assert_eq!(server.seen().len(), 2, "a timeout is retried");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn dropped_connections_are_retried() {
    // Raw TCP: the first two connections are closed without an answer.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        for n in 0.. {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut buf = vec![0; 64 * 1024];
            let _ = socket.read(&mut buf).await;
            if n < 2 {
                drop(socket);
                continue;
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                CONTRACTOR.len()
            );
            socket.write_all(head.as_bytes()).await.unwrap();
            socket.write_all(CONTRACTOR.as_bytes()).await.unwrap();
            return n + 1;
        }
        unreachable!()
    });
    let got = client(&base, quick_retries(2))
        .contractors()
        .get("cn_1")
        .await
        .unwrap();
    assert_eq!(got.id, "cn_1");
    assert_eq!(server.await.unwrap(), 3, "connections accepted");

    // Nobody listening at all: a transport error once the retries are spent.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let error = client(&base, quick_retries(1))
        .contractors()
        .get("cn_1")
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Transport(text) if !text.is_empty()),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_malformed_success_is_a_decode_error_with_its_path_and_not_retried() {
    let server = flaky(|_| Reply::json(200, r#"[{"id":"cn_1","first_name":"Joe"}]"#)).await;
    let error = client(&server.base, quick_retries(2))
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap_err();
    match &error {
        Error::Decode { path, message } => {
            assert!(path.starts_with("[0]") || path == ".", "{path}");
            assert!(message.contains("missing field"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(server.seen().len(), 1);
}

#[tokio::test]
async fn ids_are_escaped_into_the_path() {
    let server = flaky(|_| Reply::json(200, CONTRACTOR)).await;
    client(&server.base, quick_retries(0))
        .contractors()
        .get("cn_1/../x?y")
        .await
        .unwrap();
    assert_eq!(
        server.seen()[0].path,
        "/api/v1/contractors/cn_1%2F..%2Fx%3Fy"
    );
    assert_eq!(server.seen()[0].query, None);
}

#[test]
fn a_base_that_is_not_a_url_is_refused_up_front() {
    let error =
        Client::new("api.1099policy.com", ApiKey::new(KEY), Environment::Sandbox).unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    let live = Client::builder("https://api.1099policy.com/", ApiKey::new("t9sk_live_x"))
        .build()
        .unwrap();
    assert_eq!(live.environment(), Environment::Production);
    assert_eq!(live.base(), "https://api.1099policy.com");
}

#[tokio::test]
async fn an_unreadable_reply_to_a_create_says_it_was_created_and_is_not_sent_again() {
    // Accepted (201), but `created` is not a time: the contractor exists.
    let server = flaky(|_| {
        Reply::json(
            201,
            r#"{"id":"cn_9","first_name":"Joe","last_name":"Parker","email":"joe@example.com","phone":"415-474-9088","address":{"line1":"1 Kearny St","locality":"San Francisco","region":"CA","postalcode":"94104"},"created":"soon"}"#,
        )
    })
    .await;
    let error = client(&server.base, quick_retries(2))
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap_err();
    match &error {
        Error::CreatedUnreadable { id, path, .. } => {
            assert_eq!((id.as_deref(), path.as_str()), (Some("cn_9"), "created"));
        }
        other => panic!("expected created-but-unreadable, got {other:?}"),
    }
    assert!(
        error
            .to_string()
            .starts_with("created (cn_9), but the reply could not be read (at created:"),
        "{error}"
    );
    assert_eq!(server.seen().len(), 1, "never sent again");

    let no_id = flaky(|_| Reply::json(200, "[]")).await;
    let error = client(&no_id.base, quick_retries(2))
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::CreatedUnreadable { id: None, .. }),
        "{error:?}"
    );
    assert_eq!(no_id.seen().len(), 1);
}
