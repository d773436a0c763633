//! Contractors (beyond tests/contractors.rs), entities, jobs and job category codes
//! against the stand-in over HTTP. Run with `cargo test -p ten99 --features client`.
#![cfg(feature = "client")]

mod client_support;

use client_support::*;
use futures_util::TryStreamExt;
use std::collections::BTreeMap;
use ten99::client::{ErrorCode, ListParams};
use ten99::*;

#[tokio::test]
async fn contractors_update_partially_then_delete() {
    let (running, client) = sandbox().await;
    let created = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    let update = ContractorUpdate {
        phone: Some("415-555-0100".into()),
        custom_metadata: Some(BTreeMap::from([("team".into(), "east".into())])),
        ..Default::default()
    };
    let updated = client
        .contractors()
        .update(&created.id, &update)
        .await
        .unwrap();
    assert_eq!(updated.phone, "415-555-0100");
    assert_eq!(updated.custom_metadata["team"], "east");
    assert_eq!(updated.email, created.email, "untouched fields stay");
    assert_eq!(
        client.contractors().get(&created.id).await.unwrap(),
        updated
    );

    let deleted = client.contractors().delete(&created.id).await.unwrap();
    assert_eq!(deleted.id, created.id);
    assert!(deleted.deleted);
    assert_eq!(deleted.object.as_deref(), Some("contractor"));
    let gone = client.contractors().get(&created.id).await.unwrap_err();
    assert_eq!(gone.status(), Some(404));
    assert!(gone.api_code().unwrap().is_unknown_id(), "{gone:?}");
    running.stop().await;
}

#[tokio::test]
async fn contractors_filter_by_email_and_list_their_policies() {
    let (running, client) = sandbox().await;
    let joe = client
        .contractors()
        .create(&contractor("joe@example.com"))
        .await
        .unwrap();
    client
        .contractors()
        .create(&contractor("ann@example.com"))
        .await
        .unwrap();
    let found = client
        .contractors()
        .list_by_email("joe@example.com")
        .await
        .unwrap();
    assert_eq!(ids(&found, |c| &c.id), [joe.id.as_str()]);
    assert!(client
        .contractors()
        .list_by_email("JOE@example.com")
        .await
        .unwrap()
        .is_empty());
    assert!(client
        .contractors()
        .policies(&joe.id)
        .await
        .unwrap()
        .is_empty());
    running.stop().await;
}

#[tokio::test]
async fn contractors_stream_every_page_newest_first() {
    let (running, client) = sandbox().await;
    let mut created = Vec::new();
    for n in 0..7 {
        let c = client
            .contractors()
            .create(&contractor(&format!("c{n}@example.com")))
            .await
            .unwrap();
        created.push(c.id);
    }
    created.reverse();
    // Pages of 3: 3 + 3 + 1, the short one ends the walk.
    let streamed: Vec<Contractor> = client.contractors().stream(3).try_collect().await.unwrap();
    assert_eq!(ids(&streamed, |c| &c.id), created);
    // A page exactly full is followed by an empty one, which ends it too.
    let by_seven: Vec<Contractor> = client.contractors().stream(7).try_collect().await.unwrap();
    assert_eq!(by_seven.len(), 7);
    running.stop().await;
}

#[tokio::test]
async fn entities_round_trip_update_list_and_delete() {
    let (running, client) = sandbox().await;
    let apple = client
        .entities()
        .create(&entity("Apple, Inc"))
        .await
        .unwrap();
    assert!(apple.id.starts_with("en_"), "{}", apple.id);
    assert_eq!(apple.name, "Apple, Inc");
    assert_eq!(
        apple.coverage_limit.unwrap().aggregate_limit,
        Cents(200_000_000)
    );
    assert_eq!(
        apple.required_coverage,
        [CoverageType::General, CoverageType::WorkersComp]
    );
    assert_eq!(client.entities().get(&apple.id).await.unwrap(), apple);

    let renamed = client
        .entities()
        .update(
            &apple.id,
            &EntityUpdate {
                name: Some("Apple Inc.".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.name, "Apple Inc.");
    assert_eq!(renamed.coverage_limit, apple.coverage_limit);

    let acme = client.entities().create(&entity("Acme")).await.unwrap();
    let page = client
        .entities()
        .list(&ListParams::default())
        .await
        .unwrap();
    assert_eq!(ids(&page, |e| &e.id), [acme.id.clone(), apple.id.clone()]);
    let all: Vec<Entity> = client.entities().stream(1).try_collect().await.unwrap();
    assert_eq!(all.len(), 2);

    let deleted = client.entities().delete(&apple.id).await.unwrap();
    assert!(deleted.deleted && deleted.id == apple.id);
    assert_eq!(client.entities().list_all().await.unwrap().len(), 1);
    running.stop().await;
}

#[tokio::test]
async fn entity_field_errors_come_back_as_a_map() {
    let (running, client) = sandbox().await;
    let error = client
        .entities()
        .create(&EntityInput::default())
        .await
        .unwrap_err();
    assert_eq!(error.api_code(), Some(ErrorCode::InvalidInput));
    assert!(
        error.field_errors().unwrap().contains_key("name"),
        "{error:?}"
    );
    running.stop().await;
}

#[tokio::test]
async fn job_categories_list_and_stream_the_catalog() {
    let (running, client) = sandbox().await;
    let all = client.job_categories().list_all().await.unwrap();
    assert!(!all.is_empty());
    assert!(all
        .iter()
        .all(|c| c.category_code.starts_with("jc_") && !c.name.is_empty()));
    let first = client
        .job_categories()
        .list(&ListParams::with_limit(2))
        .await
        .unwrap();
    assert_eq!(first, all[..2.min(all.len())]);
    let streamed: Vec<JobCategory> = client
        .job_categories()
        .stream(3)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed, all);
    running.stop().await;
}

#[tokio::test]
async fn jobs_round_trip_update_list_and_delete() {
    let (running, client) = sandbox().await;
    let apple = client
        .entities()
        .create(&entity("Apple, Inc"))
        .await
        .unwrap();
    let code = client.job_categories().list_all().await.unwrap()[0]
        .category_code
        .clone();
    let input = job(&apple.id, &code);
    let created = client.jobs().create(&input).await.unwrap();
    assert!(created.id.starts_with("jb_"), "{}", created.id);
    assert_eq!(created.entity, apple.id);
    assert_eq!(created.category_code, code);
    assert_eq!(created.wage, Cents(15_000));
    assert_eq!(created.wage_type, WageType::Flatfee);
    assert_eq!(client.jobs().get(&created.id).await.unwrap(), created);

    let updated = client
        .jobs()
        .update(
            &created.id,
            &JobUpdate {
                wage: Some(Cents(20_000)),
                wage_type: Some(WageType::Hourly),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (updated.wage, updated.wage_type),
        (Cents(20_000), WageType::Hourly)
    );
    assert_eq!(updated.name, created.name);

    let listed = client.jobs().list(&ListParams::default()).await.unwrap();
    assert_eq!(ids(&listed, |j| &j.id), [created.id.as_str()]);
    let deleted = client.jobs().delete(&created.id).await.unwrap();
    assert!(deleted.deleted);
    assert!(client.jobs().list_all().await.unwrap().is_empty());

    let unknown = client
        .jobs()
        .create(&job(&apple.id, "jc_NotACode1"))
        .await
        .unwrap_err();
    assert_eq!(unknown.status(), Some(400), "{unknown:?}");
    running.stop().await;
}
