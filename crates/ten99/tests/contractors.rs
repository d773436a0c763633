//! The `ten99` client against a real local sandbox over HTTP.
//! Run with `cargo test -p ten99 --features client`.
#![cfg(feature = "client")]

use std::collections::HashSet;
use ten99::client::{ApiKey, Client, Error, ListParams};
use ten99::{Address, ContractorInput, Environment};
use ten99_sandbox::{Options, Running};

const KEY: &str = "t9sk_test_c6a100e0-88b2-4548-a9ca-d4b681503946";

async fn sandbox() -> (Running, Client) {
    let running = ten99_sandbox::start(Options::default())
        .await
        .expect("sandbox starts");
    let client = Client::new(running.base_url(), ApiKey::new(KEY), Environment::Sandbox).unwrap();
    (running, client)
}

fn joe(email: &str) -> ContractorInput {
    ContractorInput {
        first_name: "Joe".into(),
        last_name: "Parker".into(),
        middle_name: Some("Q".into()),
        email: email.into(),
        phone: "415-474-9088".into(),
        address: Address {
            line1: "1 Kearny St".into(),
            locality: "San Francisco".into(),
            region: "CA".into(),
            postalcode: "94104".into(),
            ..Default::default()
        },
        company_name: Some("Parker Inc".into()),
        tax_identification: Some("123-45-6789".into()),
        custom_metadata: [("team".to_owned(), "west".to_owned())].into(),
        withhold_premium: true,
    }
}

#[tokio::test]
async fn create_then_get_round_trips_every_field() {
    let (running, client) = sandbox().await;
    let created = client
        .contractors()
        .create(&joe("joe@example.com"))
        .await
        .unwrap();
    assert!(created.id.starts_with("cn_"), "{}", created.id);
    assert_eq!(created.full_name(), "Joe Q Parker");
    assert_eq!(created.email, "joe@example.com");
    assert_eq!(created.address.region, "CA");
    assert_eq!(created.company_name.as_deref(), Some("Parker Inc"));
    assert_eq!(
        created.custom_metadata.get("team").map(String::as_str),
        Some("west")
    );
    assert!(created.withhold_premium);
    assert!(created.created > 1_600_000_000);

    let fetched = client.contractors().get(&created.id).await.unwrap();
    assert_eq!(fetched, created);
    running.stop().await;
}

#[tokio::test]
async fn list_pages_newest_first_and_list_all_walks_past_100() {
    let (running, client) = sandbox().await;
    let mut ids = Vec::new();
    for n in 0..105 {
        ids.push(
            client
                .contractors()
                .create(&joe(&format!("c{n}@example.com")))
                .await
                .unwrap()
                .id,
        );
    }
    ids.reverse(); // newest first

    let first = client
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert_eq!(
        first.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        ids[..10]
    );
    let params = ListParams {
        limit: Some(3),
        starting_after: Some(ids[9].clone()),
        ..Default::default()
    };
    let next = client.contractors().list(&params).await.unwrap();
    assert_eq!(
        next.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        ids[10..13]
    );
    let params = ListParams {
        limit: Some(3),
        ending_before: Some(ids[10].clone()),
        ..Default::default()
    };
    let back = client.contractors().list(&params).await.unwrap();
    assert_eq!(
        back.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        ids[7..10]
    );

    let all = client.contractors().list_all().await.unwrap();
    assert_eq!(all.iter().map(|c| c.id.clone()).collect::<Vec<_>>(), ids);
    assert_eq!(
        all.iter()
            .map(|c| c.id.as_str())
            .collect::<HashSet<_>>()
            .len(),
        105
    );
    running.stop().await;
}

#[tokio::test]
async fn a_duplicate_email_is_an_api_error_409() {
    let (running, client) = sandbox().await;
    client
        .contractors()
        .create(&joe("joe@example.com"))
        .await
        .unwrap();
    let error = client
        .contractors()
        .create(&joe("joe@example.com"))
        .await
        .unwrap_err();
    match &error {
        Error::Api {
            status,
            code,
            message,
            request_id,
        } => {
            assert_eq!(*status, 409);
            assert_eq!(code, "duplicate_email");
            assert!(message.to_string().contains("joe@example.com"), "{message}");
            assert!(
                request_id
                    .as_deref()
                    .is_some_and(|id| id.starts_with("req_")),
                "{request_id:?}"
            );
        }
        other => panic!("expected an API error, got {other:?}"),
    }
    assert_eq!(error.code(), Some("duplicate_email"));
    running.stop().await;
}

#[tokio::test]
async fn an_unknown_id_is_an_api_error_404() {
    let (running, client) = sandbox().await;
    let error = client.contractors().get("cn_DoesNotExi").await.unwrap_err();
    assert!(
        matches!(&error, Error::Api { status: 404, code, .. } if code == "resource_not_found"),
        "{error:?}"
    );
    running.stop().await;
}

#[tokio::test]
async fn invalid_input_comes_back_as_a_field_map() {
    let (running, client) = sandbox().await;
    let error = client.contractors().create(&joe("joe@")).await.unwrap_err();
    match error {
        Error::Api {
            status: 400,
            code,
            message: ten99::error_body::ErrorMessage::Fields(fields),
            ..
        } => {
            assert_eq!(code, "invalid_input");
            assert!(fields.contains_key("email"), "{fields:?}");
        }
        other => panic!("expected invalid_input with fields, got {other:?}"),
    }
    running.stop().await;
}

#[tokio::test]
async fn a_production_client_with_a_test_key_is_refused() {
    let (running, _) = sandbox().await;
    let client = Client::new(
        running.base_url(),
        ApiKey::new(KEY),
        Environment::Production,
    )
    .unwrap();
    let error = client
        .contractors()
        .list(&ListParams::default())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Api { status: 403, code, .. } if code == "insufficient_permissions"),
        "{error:?}"
    );
    running.stop().await;
}
