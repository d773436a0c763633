//! The shapes control and form bodies over real HTTP.

use crate::server::{router, AppState};
use crate::store::Store;
use serde_json::{json, Value};

const KEY: &str = "t9sk_test_shapes-0001";

async fn serve() -> String {
    let state = AppState::new(Store::in_memory().unwrap());
    let app = router(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn the_guides_form_body_with_name_and_email_alone_creates_a_contractor() {
    let base = serve().await;
    let (status, body) = json_of(
        http()
            .post(format!("{base}/api/v1/contractors"))
            .bearer_auth(KEY)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("first_name=John&last_name=Doe&email=john.doe%40example.com")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["first_name"], "John");
    assert_eq!(body["email"], "john.doe@example.com");
}

#[tokio::test]
async fn a_form_body_with_bracket_keys_updates_a_nested_address() {
    let base = serve().await;
    let created = json_of(
        http()
            .post(format!("{base}/api/v1/contractors"))
            .bearer_auth(KEY)
            .json(&json!({"first_name": "Ann", "last_name": "Lee", "email": "ann@example.com"}))
            .send()
            .await
            .unwrap(),
    )
    .await
    .1;
    let id = created["id"].as_str().unwrap();
    let (status, body) = json_of(
        http()
            .put(format!("{base}/api/v1/contractors/{id}"))
            .bearer_auth(KEY)
            .form(&[
                ("address[line1]", "1 Kearny St"),
                ("address[locality]", "San Francisco"),
                ("address[region]", "CA"),
                ("address[postalcode]", "94104"),
            ])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["address"]["locality"], "San Francisco");
}

#[tokio::test]
async fn shapes_on_changes_the_shape_and_reset_turns_it_off() {
    let base = serve().await;
    let control = |method: reqwest::Method, path: &str| {
        http()
            .request(method, format!("{base}/_sandbox/{path}"))
            .bearer_auth(KEY)
    };
    let on = json_of(
        control(reqwest::Method::POST, "shapes")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(on.1, json!({"on": true}));
    let created = json_of(
        http()
            .post(format!("{base}/api/v1/contractors"))
            .bearer_auth(KEY)
            .json(&json!({"first_name": "Ann", "last_name": "Lee", "email": "a@example.com"}))
            .send()
            .await
            .unwrap(),
    )
    .await
    .1;
    assert!(created["created"].is_string(), "{created}");
    assert_eq!(created["livemode"], false);
    let list = json_of(
        http()
            .get(format!("{base}/api/v1/contractors"))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap(),
    )
    .await
    .1;
    assert_eq!(list["object"], "list");
    let missing = json_of(
        http()
            .get(format!("{base}/api/v1/contractors/cn_nope"))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap(),
    )
    .await
    .1;
    assert_eq!(missing["error"]["error_code"], missing["error_code"]);
    control(reqwest::Method::POST, "reset")
        .send()
        .await
        .unwrap();
    let after = json_of(
        control(reqwest::Method::GET, "shapes")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(after.1, json!({"on": false}));
}
