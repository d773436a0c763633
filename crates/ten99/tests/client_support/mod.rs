//! What the `client_*` tests share: a stand-in per test, and valid inputs.
#![allow(dead_code)] // each test file uses a different part

pub mod flaky;

use std::time::Duration;
use ten99::client::{ApiKey, Client, RetryPolicy};
use ten99::*;
use ten99_sandbox::{Options, Running};

pub const KEY: &str = "t9sk_test_c6a100e0-88b2-4548-a9ca-d4b681503946";

/// A fresh stand-in and a client for it whose retries are quick.
pub async fn sandbox() -> (Running, Client) {
    let running = ten99_sandbox::start(Options::default())
        .await
        .expect("sandbox starts");
    let client = Client::builder(running.base_url(), ApiKey::new(KEY))
        .retry_policy(quick_retries(2))
        .build()
        .unwrap();
    (running, client)
}

pub fn quick_retries(max_retries: u32) -> RetryPolicy {
    RetryPolicy {
        max_retries,
        initial_delay: Duration::from_millis(10),
        max_delay: Duration::from_millis(40),
        ..RetryPolicy::default()
    }
}

pub fn address() -> Address {
    Address {
        line1: "1 Kearny St".into(),
        locality: "San Francisco".into(),
        region: "CA".into(),
        postalcode: "94104".into(),
        ..Default::default()
    }
}

pub fn contractor(email: &str) -> ContractorInput {
    ContractorInput {
        first_name: "Joe".into(),
        last_name: "Parker".into(),
        email: email.into(),
        phone: "415-474-9088".into(),
        address: address(),
        ..Default::default()
    }
}

pub fn entity(name: &str) -> EntityInput {
    EntityInput {
        name: name.into(),
        address: Some(address()),
        coverage_limit: Some(CoverageLimit {
            aggregate_limit: Cents(200_000_000),
            occurrence_limit: Cents(100_000_000),
        }),
        required_coverage: vec![CoverageType::General, CoverageType::WorkersComp],
    }
}

pub fn job(entity: &str, category_code: &str) -> JobInput {
    JobInput {
        name: "Field technician".into(),
        description: "Installs and repairs equipment on site".into(),
        entity: entity.into(),
        category_code: category_code.into(),
        wage: Cents(15_000),
        wage_type: Some(WageType::Flatfee),
        address: Some(address()),
        duration_hours: Some(8),
        ..Default::default()
    }
}

/// What a quote needs: a contractor and a job (with its entity), all new.
pub struct Parties {
    pub contractor: Contractor,
    pub entity: Entity,
    pub job: Job,
}

pub async fn new_parties(client: &Client, email: &str) -> Parties {
    let contractor = client
        .contractors()
        .create(&contractor(email))
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
    Parties {
        contractor,
        entity,
        job,
    }
}

pub async fn new_quote(client: &Client, parties: &Parties) -> Quote {
    client
        .quotes()
        .create(&QuoteInput {
            contractor: parties.contractor.id.clone(),
            job: parties.job.id.clone(),
            coverage_type: vec![CoverageType::General, CoverageType::WorkersComp],
            ..Default::default()
        })
        .await
        .unwrap()
}

pub fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|item| id(item).to_owned()).collect()
}
