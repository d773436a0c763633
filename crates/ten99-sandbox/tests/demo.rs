//! The demo data set (`--seed-demo`): seeded through the library, read back over HTTP
//! like any client would, and seeding again adds nothing.

mod common;

use common::pdf::pdf_text;
use common::{start, Sandbox};
use serde_json::Value;
use ten99_sandbox::demo::{self, Outcome};

async fn list(sandbox: &Sandbox, key: &str, path: &str) -> Vec<Value> {
    let reply = sandbox.get(key, &format!("{path}?limit=100")).await;
    assert!(reply.status.is_success(), "{path}: {}", reply.body);
    reply.body.as_array().expect("a list").clone()
}

fn texts<'a>(objects: &'a [Value], key: &str) -> Vec<&'a str> {
    objects.iter().filter_map(|o| o[key].as_str()).collect()
}

#[tokio::test]
async fn the_demo_set_is_there_over_http_and_seeding_twice_adds_nothing() {
    let sandbox = start().await;
    let Outcome::Seeded(summary) = sandbox.running.seed_demo(demo::KEY).await.unwrap() else {
        panic!("a fresh account is seeded");
    };

    let contractors = list(&sandbox, demo::KEY, "/api/v1/contractors").await;
    assert_eq!(contractors.len(), summary.contractors);
    assert!(contractors.len() >= 10, "about a dozen contractors");
    assert!(texts(&contractors, "last_name").contains(&"Delgado"));
    let states: std::collections::BTreeSet<_> = contractors
        .iter()
        .filter_map(|c| c["address"]["region"].as_str())
        .collect();
    assert!(states.len() >= 6, "homes in several states: {states:?}");
    assert!(contractors.iter().any(|c| c["company_name"].is_string()));

    let entities = list(&sandbox, demo::KEY, "/api/v1/entities").await;
    assert_eq!(entities.len(), summary.entities);
    assert!(entities.iter().all(|e| e["required_coverage"]
        .as_array()
        .is_some_and(|r| !r.is_empty())
        && e["coverage_limit"]["aggregate_limit"].as_i64() > Some(0)));

    let jobs = list(&sandbox, demo::KEY, "/api/v1/jobs").await;
    assert_eq!(jobs.len(), summary.jobs);
    let catalog = list(&sandbox, demo::KEY, "/api/v1/category_codes").await;
    let codes = texts(&catalog, "category_code");
    assert!(texts(&jobs, "category_code")
        .iter()
        .all(|c| codes.contains(c)));

    let quotes = list(&sandbox, demo::KEY, "/api/v1/quotes").await;
    assert_eq!(quotes.len(), summary.quotes);
    let ineligible: Vec<_> = quotes.iter().filter(|q| q["eligible"] == false).collect();
    assert_eq!(ineligible.len(), summary.ineligible_quotes);
    assert!(!ineligible.is_empty());
    for quote in ineligible {
        assert!(
            !quote["quote_json"]["eligibility"].is_null(),
            "an ineligible quote says why: {quote}"
        );
    }

    let policies = list(&sandbox, demo::KEY, "/api/v1/policies").await;
    assert_eq!(policies.len(), summary.policies);
    let statuses = texts(&policies, "status");
    for status in ["active", "cancelled", "expired"] {
        assert!(
            statuses.contains(&status),
            "a policy {status}: {statuses:?}"
        );
    }

    // One policy ends next week while its quote's term runs on: the compliance desk's
    // "expiring" row.
    let now = ten99::UnixTime::now().0;
    let lapsing: Vec<_> = policies
        .iter()
        .filter(|p| p["status"] == "active")
        .filter(|p| {
            p["expiration_date"]
                .as_i64()
                .is_some_and(|end| end < now + 14 * 86_400)
        })
        .collect();
    assert_eq!(lapsing.len(), 1, "{policies:?}");

    let sessions = list(&sandbox, demo::KEY, "/api/v1/apply/sessions").await;
    let open = sessions
        .iter()
        .filter(|s| s["expired"] == false && s["step"] != "application_complete")
        .count();
    assert_eq!(open, summary.open_links);
    assert_eq!(open, 1, "{sessions:#?}");

    // Maria Delgado's bound policy: its PDF, read by pdftotext, names her.
    let maria = contractors
        .iter()
        .find(|c| c["last_name"] == "Delgado")
        .unwrap();
    let path = format!(
        "/api/v1/contractors/{}/policies",
        maria["id"].as_str().unwrap()
    );
    let hers = list(&sandbox, demo::KEY, &path).await;
    let text = pdf_text(&sandbox, &hers[0]["pdf_url"]).await;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Maria Delgado"), "{text}");

    let again = sandbox.running.seed_demo(demo::KEY).await.unwrap();
    assert_eq!(again, Outcome::NotEmpty);
    let after = list(&sandbox, demo::KEY, "/api/v1/contractors").await;
    assert_eq!(after.len(), contractors.len());
}

#[tokio::test]
async fn another_key_is_seeded_on_its_own() {
    let sandbox = start().await;
    let key = common::OTHER_KEY;
    assert!(matches!(
        sandbox.running.seed_demo(key).await,
        Ok(Outcome::Seeded(_))
    ));
    assert!(!list(&sandbox, key, "/api/v1/contractors").await.is_empty());
    assert!(list(&sandbox, demo::KEY, "/api/v1/contractors")
        .await
        .is_empty());
}
