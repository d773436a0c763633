//! The integration guide's whole flow — contractor → entity → job → quote → session —
//! against the stand-in, with a plain `Client::new` (default retries and timeouts).
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use ten99::client::{ApiKey, Client, ListParams};
use ten99::*;

#[tokio::test]
async fn the_guides_flow_end_to_end() {
    let (running, _) = sandbox().await;
    let client = Client::new(running.base_url(), ApiKey::new(KEY), Environment::Sandbox).unwrap();
    let contractor = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    let entity = client
        .entities()
        .create(&entity("Apple, Inc"))
        .await
        .unwrap();
    let category = client.job_categories().list_all().await.unwrap().remove(0);
    let job = client
        .jobs()
        .create(&job(&entity.id, &category.category_code))
        .await
        .unwrap();
    let quote = client
        .quotes()
        .create(&QuoteInput {
            contractor: contractor.id.clone(),
            job: job.id.clone(),
            coverage_type: vec![CoverageType::General, CoverageType::WorkersComp],
            ..Default::default()
        })
        .await
        .unwrap();
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
    let url = session.url.expect("a session has a link");
    assert!(url.starts_with("http"), "{url}");

    // The contractor finishes the application (a stand-in hook, not the API).
    let response = reqwest::Client::new()
        .post(format!(
            "{}/_sandbox/sessions/{}/complete",
            running.base_url(),
            session.id
        ))
        .bearer_auth(KEY)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    assert!(client
        .sessions()
        .get(&session.id)
        .await
        .unwrap()
        .is_complete());
    let policies = client
        .policies()
        .list_for_quote(&quote.id, &ListParams::default())
        .await
        .unwrap();
    assert_eq!(policies.len(), 1);
    assert_eq!(policies[0].current_status(), Some(PolicyStatus::Active));
    let of_contractor = client.contractors().policies(&contractor.id).await.unwrap();
    assert_eq!(of_contractor, policies);
    let events = client.events().list_all().await.unwrap();
    let bound = events
        .iter()
        .find(|e| e.type_ == EventType::PolicyActive)
        .expect("a policy.active event");
    match bound.resource().unwrap() {
        EventObject::Policy(policy) => assert_eq!(policy.id, policies[0].id),
        other => panic!("expected a policy, got {other:?}"),
    }
    running.stop().await;
}
