//! Fixtures for the resources beyond contractors: a contractor, entity and job that
//! quote cleanly, and short ways to get a quote, a session and a bound policy.

use super::{contractor, Reply, Sandbox};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// The reference's own category code ("Field Technician").
pub const FIELD_TECH: &str = "jc_MTqpkbkp6G";
/// Another catalog code ("Graphic Design").
pub const DESIGN: &str = "jc_tWDfDoCs5i";
pub const DAY: i64 = 86_400;

impl Sandbox {
    pub async fn put(&self, key: &str, path: &str, body: &Value) -> Reply {
        let auth = format!("Bearer {key}");
        self.send(Method::PUT, path, Some(&auth), &[], Some(&body.to_string()))
            .await
    }

    pub async fn delete(&self, key: &str, path: &str) -> Reply {
        self.send(
            Method::DELETE,
            path,
            Some(&format!("Bearer {key}")),
            &[],
            None,
        )
        .await
    }

    /// POSTs and returns the created object, failing the test on anything but 201.
    pub async fn made(&self, key: &str, path: &str, body: &Value) -> Value {
        let reply = self.post(key, path, body).await;
        assert_eq!(reply.status, StatusCode::CREATED, "{path}: {}", reply.body);
        reply.body
    }

    pub async fn entity(&self, key: &str) -> String {
        id(&self.made(key, "/api/v1/entities", &entity()).await)
    }

    pub async fn job(&self, key: &str, entity: &str, code: &str) -> String {
        id(&self.made(key, "/api/v1/jobs", &job(entity, code)).await)
    }

    /// A contractor (home CA), an entity and a field-technician job in IL.
    pub async fn parties(&self, key: &str, email: &str) -> (String, String) {
        let contractor = self.create(key, email).await;
        let entity = self.entity(key).await;
        (contractor, self.job(key, &entity, FIELD_TECH).await)
    }

    pub async fn quote(&self, key: &str, contractor: &str, job: &str, coverage: &[&str]) -> Value {
        let body = json!({"contractor": contractor, "job": job, "coverage_type": coverage});
        self.made(key, "/api/v1/quotes", &body).await
    }

    pub async fn session(&self, key: &str, quote: &str) -> Value {
        let body = json!({"quote": quote, "success_url": "https://example.com/ok", "cancel_url": "https://example.com/no"});
        self.made(key, "/api/v1/apply/sessions", &body).await
    }

    /// Quotes general + workers' comp and binds it through a completed session.
    pub async fn bound(&self, key: &str, contractor: &str, job: &str) -> Value {
        let quote = self
            .quote(key, contractor, job, &["general", "workers-comp"])
            .await;
        let session = self.session(key, &id(&quote)).await;
        let path = format!("/_sandbox/sessions/{}/complete", id(&session));
        let reply = self.post(key, &path, &json!({})).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.body["policy"].clone()
    }

    /// The event types of the key's events, oldest first.
    pub async fn event_types(&self, key: &str) -> Vec<String> {
        let reply = self.get(key, "/api/v1/events?limit=100").await;
        let mut types: Vec<String> = reply
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap().to_owned())
            .collect();
        types.reverse();
        types
    }

    /// Moves the key's sandbox clock forward.
    pub async fn advance(&self, key: &str, seconds: i64) {
        let reply = self
            .post(key, "/_sandbox/clock/advance", &json!({"seconds": seconds}))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
}

pub fn id(object: &Value) -> String {
    object["id"].as_str().expect("an id").to_owned()
}

/// The reference's example entity, with an address in IL.
pub fn entity() -> Value {
    json!({
        "name": "Apple, Inc",
        "address": {"line1": "3639 18th St", "locality": "Chicago", "region": "IL", "postalcode": "60640"},
        "coverage_limit": {"aggregate_limit": 200000000, "occurrence_limit": 100000000},
        "required_coverage": ["general", "workers-comp"]
    })
}

/// A job for `entity`, without a work site (so the entity's state, IL, applies).
pub fn job(entity: &str, code: &str) -> Value {
    json!({
        "name": "Field technician", "description": "Run cable.", "entity": entity,
        "category_code": code, "wage": 15000, "wage_type": "flatfee", "duration_hours": 20
    })
}

/// A contractor body living in `region`.
pub fn contractor_in(email: &str, region: &str) -> Value {
    let mut body = contractor(email);
    body["address"]["region"] = json!(region);
    body
}

/// Unix seconds now (real time).
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}
