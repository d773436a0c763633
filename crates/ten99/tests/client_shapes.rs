//! The guide's flow (contractor → entity → job → quote → session → bound policy →
//! events) read through the client twice, with the stand-in's `/_sandbox/shapes`
//! off and on: the objects must be the same (ids, links and times aside), whatever
//! shape they came in.
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use serde_json::Value;
use ten99::client::{ApiKey, Client, ListParams};
use ten99::*;

/// Members that differ between two runs by nature: ids, links and times.
const RUN_SPECIFIC: &[&str] = &[
    "id",
    "contractor",
    "entity",
    "job",
    "quote",
    "policy",
    "url",
    "pdf_url",
    "certificates",
    "category_code",
    "created",
    "effective_date",
    "end_date",
    "expiration_date",
];

/// Members only the alternative shape carries, beside the ones they stand for: a
/// policy's old `is_active` flag next to its `status` (reference, policies). The client
/// keeps what it was given, so these are not compared.
const ONLY_IN_THE_OLD_SHAPE: &[&str] = &["is_active"];

fn comparable(value: Value) -> Value {
    match value {
        Value::Object(mut o) => {
            for key in RUN_SPECIFIC.iter().chain(ONLY_IN_THE_OLD_SHAPE) {
                o.remove(*key);
            }
            Value::Object(o.into_iter().map(|(k, v)| (k, comparable(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(comparable).collect()),
        other => other,
    }
}

fn seen(objects: &mut Vec<Value>, object: &impl serde::Serialize) {
    objects.push(comparable(serde_json::to_value(object).unwrap()));
}

/// Runs the guide's flow on a fresh stand-in and returns what the client read.
async fn guide_flow(shapes: bool) -> Vec<Value> {
    let (running, _) = sandbox().await;
    let http = reqwest::Client::new();
    if shapes {
        let on = http
            .post(format!("{}/_sandbox/shapes", running.base_url()))
            .bearer_auth(KEY)
            .send()
            .await
            .unwrap();
        assert!(on.status().is_success());
    }
    let client = Client::new(running.base_url(), ApiKey::new(KEY), Environment::Sandbox).unwrap();
    let mut objects = Vec::new();
    let parties = new_parties(&client, "joe@example.com").await;
    seen(&mut objects, &parties.contractor);
    seen(&mut objects, &parties.entity);
    seen(&mut objects, &parties.job);
    let quote = new_quote(&client, &parties).await;
    seen(&mut objects, &quote);
    seen(&mut objects, &client.quotes().get(&quote.id).await.unwrap());
    let session = client
        .sessions()
        .create(&SessionInput::for_quote(
            &quote.id,
            "https://platform.example/insured",
            "https://platform.example/not-insured",
        ))
        .await
        .unwrap();
    assert_eq!(session.quote.as_deref(), Some(quote.id.as_str()));
    seen(&mut objects, &session);
    let done = http
        .post(format!(
            "{}/_sandbox/sessions/{}/complete",
            running.base_url(),
            session.id
        ))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert!(done.status().is_success(), "{}", done.status());
    let policies = client
        .policies()
        .list_for_quote(&quote.id, &ListParams::default())
        .await
        .unwrap();
    assert_eq!(policies.len(), 1);
    seen(&mut objects, &policies);
    seen(
        &mut objects,
        &client
            .contractors()
            .policies(&parties.contractor.id)
            .await
            .unwrap(),
    );
    let events = client.events().list_all().await.unwrap();
    let mut types: Vec<String> = events.iter().map(|e| format!("{:?}", e.type_)).collect();
    types.sort();
    seen(&mut objects, &types);
    running.stop().await;
    objects
}

#[tokio::test]
async fn the_guides_flow_reads_the_same_objects_on_two_runs_with_shapes_off() {
    assert_eq!(guide_flow(false).await, guide_flow(false).await);
}

#[tokio::test]
async fn the_guides_flow_reads_the_same_objects_with_shapes_on() {
    assert_eq!(guide_flow(false).await, guide_flow(true).await);
}
