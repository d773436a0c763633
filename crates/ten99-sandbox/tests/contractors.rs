//! `/api/v1/contractors` over HTTP (reference §2.1, §3, §4.2).

mod common;

use common::{contractor, start, KEY};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

#[tokio::test]
async fn create_returns_201_and_the_documented_shape() {
    let sandbox = start().await;
    let mut body = contractor("joe@example.com");
    body["address"]["postalcode"] = json!(94104);
    body["tax_identification"] = json!("12-3456789");
    body["custom_metadata"] = json!({"team": "west", "level": 3});
    let reply = sandbox.post(KEY, "/api/v1/contractors", &body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let c = &reply.body;
    let id = c["id"].as_str().unwrap();
    assert!(
        id.starts_with("cn_")
            && id.len() == 13
            && id[3..].chars().all(|ch| ch.is_ascii_alphanumeric()),
        "{id}"
    );
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    assert!(
        (now - c["created"].as_i64().unwrap()).abs() <= 5,
        "{}",
        c["created"]
    );
    assert_eq!(c["first_name"], "Joe");
    assert_eq!(c["email"], "joe@example.com");
    assert_eq!(c["phone"], "415-474-9088");
    assert_eq!(c["address"]["postalcode"], "94104");
    assert_eq!(c["address"]["line2"], Value::Null);
    assert_eq!(c["middle_name"], Value::Null);
    assert_eq!(c["company_name"], Value::Null);
    assert_eq!(c["custom_metadata"], json!({"team": "west", "level": 3}));
    assert_eq!(c["withhold_premium"], false);
    assert!(
        c.get("tax_identification").is_none(),
        "the tax ID is write-only"
    );
    // The model crate can read what the sandbox writes.
    let typed: ten99::Contractor = serde_json::from_value(c.clone()).unwrap();
    assert_eq!(typed.id, id);

    let fetched = sandbox.get(KEY, &format!("/api/v1/contractors/{id}")).await;
    assert_eq!(fetched.status, StatusCode::OK);
    assert_eq!(&fetched.body, c);
}

#[tokio::test]
async fn custom_metadata_defaults_to_an_empty_object() {
    let sandbox = start().await;
    let reply = sandbox
        .post(KEY, "/api/v1/contractors", &contractor("a@example.com"))
        .await;
    assert_eq!(reply.body["custom_metadata"], json!({}));
}

#[tokio::test]
async fn lists_newest_first_and_pages_both_ways() {
    let sandbox = start().await;
    let mut created = Vec::new();
    for n in 0..5 {
        created.push(sandbox.create(KEY, &format!("c{n}@example.com")).await);
    }
    // Created within the same second or two: insertion order breaks the tie.
    let newest_first: Vec<String> = created.iter().rev().cloned().collect();
    assert_eq!(sandbox.list_ids(KEY, "").await, newest_first);
    assert_eq!(sandbox.list_ids(KEY, "?limit=2").await, newest_first[..2]);
    let after = &newest_first[1];
    assert_eq!(
        sandbox
            .list_ids(KEY, &format!("?limit=2&starting_after={after}"))
            .await,
        newest_first[2..4]
    );
    assert_eq!(
        sandbox
            .list_ids(KEY, &format!("?starting_after={}", newest_first[4]))
            .await,
        Vec::<String>::new()
    );
    let before = &newest_first[3];
    assert_eq!(
        sandbox
            .list_ids(KEY, &format!("?limit=2&ending_before={before}"))
            .await,
        newest_first[1..3]
    );
    assert_eq!(
        sandbox
            .list_ids(KEY, &format!("?ending_before={before}"))
            .await,
        newest_first[..3]
    );
}

#[tokio::test]
async fn the_default_page_is_ten() {
    let sandbox = start().await;
    for n in 0..12 {
        sandbox.create(KEY, &format!("c{n}@example.com")).await;
    }
    assert_eq!(sandbox.list_ids(KEY, "").await.len(), 10);
    assert_eq!(sandbox.list_ids(KEY, "?limit=100").await.len(), 12);
}

#[tokio::test]
async fn bad_paging_parameters_are_invalid_input() {
    let sandbox = start().await;
    sandbox.create(KEY, "a@example.com").await;
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("starting_after=cn_nope", "starting_after"),
        ("ending_before=cn_nope", "ending_before"),
    ] {
        let reply = sandbox
            .get(KEY, &format!("/api/v1/contractors?{query}"))
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(reply.code(), "invalid_input", "{query}");
        assert!(
            reply.body["message"][field].is_string(),
            "{query}: {}",
            reply.body
        );
    }
}

#[tokio::test]
async fn the_email_filter_is_exact() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    sandbox.create(KEY, "ann@example.com").await;
    assert_eq!(
        sandbox.list_ids(KEY, "?email=joe@example.com").await,
        vec![joe]
    );
    assert_eq!(
        sandbox.list_ids(KEY, "?email=JOE@example.com").await,
        Vec::<String>::new()
    );
    assert_eq!(
        sandbox.list_ids(KEY, "?email=nobody@example.com").await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn an_unknown_id_is_404_resource_not_found() {
    let sandbox = start().await;
    let reply = sandbox.get(KEY, "/api/v1/contractors/cn_DoesNotExi").await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.code(), "resource_not_found");
    assert!(reply.body["message"]
        .as_str()
        .unwrap()
        .contains("cn_DoesNotExi"));
}

#[tokio::test]
async fn invalid_fields_are_reported_as_a_field_map() {
    let sandbox = start().await;
    let mut body = contractor("joe@");
    body["address"]["region"] = json!("XX");
    let reply = sandbox.post(KEY, "/api/v1/contractors", &body).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.code(), "invalid_input");
    assert_eq!(
        reply.body["message"]["email"],
        "Enter an email address like name@example.com"
    );
    assert!(reply.body["message"]["address.region"]
        .as_str()
        .unwrap()
        .contains("two-letter"));
    assert_eq!(
        reply.body["message"].as_object().unwrap().len(),
        2,
        "{}",
        reply.body
    );

    let empty = sandbox.post(KEY, "/api/v1/contractors", &json!({})).await;
    assert_eq!(empty.code(), "invalid_input");
    // The guides create contractors from name and email alone (reference §2.1,
    // Q9): phone and address are checked only when sent.
    for field in ["first_name", "last_name", "email"] {
        assert!(
            empty.body["message"][field].is_string(),
            "{field}: {}",
            empty.body
        );
    }

    let mut wrong_type = contractor("joe@example.com");
    wrong_type["first_name"] = json!(["Joe"]);
    let reply = sandbox.post(KEY, "/api/v1/contractors", &wrong_type).await;
    assert_eq!(reply.code(), "invalid_input");
    assert!(
        reply.body["message"]["first_name"].is_string(),
        "{}",
        reply.body
    );
    assert_eq!(
        sandbox.list_ids(KEY, "").await.len(),
        0,
        "nothing invalid is stored"
    );
}

#[tokio::test]
async fn a_body_that_is_not_a_json_object_is_bad_request() {
    let sandbox = start().await;
    for body in ["{\"first_name\": ", "", "[1,2]", "not json"] {
        let reply = sandbox
            .send(
                Method::POST,
                "/api/v1/contractors",
                Some(&format!("Bearer {KEY}")),
                &[],
                Some(body),
            )
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body:?}");
        assert_eq!(reply.code(), "bad_request", "{body:?}");
    }
}

#[tokio::test]
async fn a_duplicate_email_is_409_and_names_the_email() {
    let sandbox = start().await;
    let first = sandbox.create(KEY, "joe@example.com").await;
    let reply = sandbox
        .post(KEY, "/api/v1/contractors", &contractor("joe@example.com"))
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(reply.code(), "duplicate_email");
    assert!(
        reply.body["message"]
            .as_str()
            .unwrap()
            .contains("joe@example.com"),
        "{}",
        reply.body
    );
    assert_eq!(sandbox.list_ids(KEY, "").await, vec![first]);
}

#[tokio::test]
async fn unknown_endpoints_and_methods_answer_in_json() {
    let sandbox = start().await;
    let auth = format!("Bearer {KEY}");
    let unknown = sandbox
        .send(Method::GET, "/api/v1/nothing", Some(&auth), &[], None)
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.code(), "resource_not_found");
    let patch = sandbox
        .send(Method::PATCH, "/api/v1/contractors", Some(&auth), &[], None)
        .await;
    assert_eq!(patch.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(patch.code(), "method_not_allowed");
    let outside = sandbox
        .send(Method::GET, "/v1/contractors", Some(&auth), &[], None)
        .await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND);
}
