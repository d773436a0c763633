//! A believable demo data set (`--seed-demo`, `Running::seed_demo`): a dozen
//! contractors, four client entities with their coverage requirements, ten jobs,
//! quotes (two of them not eligible, with the reason), and policies bound through
//! completed applications — one since cancelled, one expired, one ending next week while
//! its engagement runs on — and one application link still open, so the compliance desk
//! has every status to show.
//!
//! Everything goes through the server's own router, the same handlers and rules an
//! API client meets, and policies are bound by the `/_sandbox/` completion hook, so
//! the data is exactly what a user of the API could have made and every PDF link
//! works. Only the expired and the lapsing policies are touched directly: the API cannot
//! bind a term that has already started, nor one shorter than its quote's, so their
//! dates are moved afterwards.

mod data;

use crate::auth::Tenant;
use crate::error::Error;
use crate::server::{router, AppState};
use axum::body::{to_bytes, Body};
use axum::http::{header, Method, Request};
use axum::Router;
use data::{Address, Fate, CLIENTS, COVERS, PEOPLE, WORK};
use serde_json::{json, Value};
use tower::ServiceExt;

/// The key the Coverdesk app uses for its embedded stand-in (and the binary's default).
pub const KEY: &str = "t9sk_test_coverdesk-local";

const DAY: i64 = 86_400;

/// What seeding did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Seeded(Summary),
    /// The key already has contractors (seeded before, or real work): nothing added,
    /// so seeding twice never duplicates.
    NotEmpty,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub contractors: usize,
    pub entities: usize,
    pub jobs: usize,
    pub quotes: usize,
    pub ineligible_quotes: usize,
    pub policies: usize,
    /// Application links sent and not completed.
    pub open_links: usize,
}

/// Seeds the demo set into `key`'s account, unless it has contractors already.
/// `host` (`HOST:PORT`) is what the data's links are built on, as if a client had
/// called that address.
pub async fn seed(state: &AppState, key: &str, host: &str) -> Result<Outcome, Error> {
    let api = Api {
        router: router(state.clone()),
        authorization: format!("Bearer {key}"),
        host: host.to_owned(),
    };
    let existing = api
        .call(Method::GET, "/api/v1/contractors?limit=1", None)
        .await?;
    if existing.as_array().is_some_and(|list| !list.is_empty()) {
        return Ok(Outcome::NotEmpty);
    }
    let mut summary = Summary::default();
    let mut people = Vec::new();
    for person in &PEOPLE {
        people.push(
            api.create("/api/v1/contractors", contractor(person))
                .await?,
        );
    }
    let mut clients = Vec::new();
    for client in &CLIENTS {
        clients.push(api.create("/api/v1/entities", entity(client)).await?);
    }
    let mut jobs = Vec::new();
    for work in &WORK {
        jobs.push(api.create("/api/v1/jobs", job(work, &clients)).await?);
    }
    (summary.contractors, summary.entities, summary.jobs) =
        (people.len(), clients.len(), jobs.len());
    // Every quote before any binding: a quote matching a policy in force is refused.
    let mut quotes = Vec::new();
    for cover in &COVERS {
        let mut body = json!({
            "contractor": people[cover.person],
            "job": jobs[cover.work],
            "coverage_type": cover.coverage,
        });
        if cover.fate == Fate::Lapsing {
            body["end_date"] = json!(today(state, key) + ENGAGEMENT_DAYS * DAY);
        }
        let quote = api.call(Method::POST, "/api/v1/quotes", Some(body)).await?;
        summary.quotes += 1;
        if quote["eligible"] != json!(true) {
            summary.ineligible_quotes += 1;
        }
        quotes.push(text(&quote, "id"));
    }
    for (cover, quote) in COVERS.iter().zip(&quotes) {
        match cover.fate {
            Fate::Quoted => continue,
            Fate::Applying => {
                api.create("/api/v1/apply/sessions", application(quote))
                    .await?;
                summary.open_links += 1;
                continue;
            }
            _ => {}
        }
        let policy = api.bind(quote).await?;
        summary.policies += 1;
        match cover.fate {
            Fate::Cancelled => {
                let path = format!("/api/v1/policies/{policy}");
                let body = json!({"is_active": false});
                api.call(Method::PUT, &path, Some(body)).await?;
            }
            Fate::Expired => {
                let end = today(state, key) - 21 * DAY;
                move_term(state, key, &policy, end - 182 * DAY, end)?;
            }
            Fate::Lapsing => {
                let today = today(state, key);
                move_term(state, key, &policy, today, today + LAPSES_IN_DAYS * DAY)?;
            }
            Fate::Bound | Fate::Quoted | Fate::Applying => {}
        }
    }
    Ok(Outcome::Seeded(summary))
}

/// The server's router called in-process, as one API client.
struct Api {
    router: Router,
    authorization: String,
    host: String,
}

impl Api {
    /// The JSON answer of a request that must succeed.
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Result<Value, Error> {
        let request = Request::builder()
            .method(method.clone())
            .uri(path)
            .header(header::AUTHORIZATION, &self.authorization)
            .header(header::HOST, &self.host)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.map_or_else(Body::empty, |b| Body::from(b.to_string())))
            .map_err(|e| Error::Demo(format!("{method} {path}: {e}")))?;
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .unwrap_or_else(|e| match e {});
        let status = response.status();
        let bytes = to_bytes(response.into_body(), usize::MAX)
            .await
            .map_err(|e| Error::Demo(format!("{method} {path}: {e}")))?;
        let text = String::from_utf8_lossy(&bytes);
        if !status.is_success() {
            return Err(Error::Demo(format!(
                "{method} {path} answered {status}: {text}"
            )));
        }
        serde_json::from_str(&text).map_err(|e| Error::Demo(format!("{method} {path}: {e}")))
    }

    /// Creates an object and returns its id.
    async fn create(&self, path: &str, body: Value) -> Result<String, Error> {
        Ok(text(
            &self.call(Method::POST, path, Some(body)).await?,
            "id",
        ))
    }

    /// Sends the application link and completes it as the contractor would; the
    /// bound policy's id.
    async fn bind(&self, quote: &str) -> Result<String, Error> {
        let session = self
            .create("/api/v1/apply/sessions", application(quote))
            .await?;
        let path = format!("/_sandbox/sessions/{session}/complete");
        let done = self.call(Method::POST, &path, Some(json!({}))).await?;
        Ok(text(&done["policy"], "id"))
    }
}

/// The lapsing policy's engagement (its quote's term) and how soon the policy ends.
const ENGAGEMENT_DAYS: i64 = 60;
const LAPSES_IN_DAYS: i64 = 6;

fn tenant(key: &str) -> Tenant {
    Tenant {
        key: key.to_owned(),
        environment: ten99::Environment::of_key(key).unwrap_or(ten99::Environment::Sandbox),
    }
}

/// Midnight of the account's today, by the stand-in's clock.
fn today(state: &AppState, key: &str) -> i64 {
    state.clock.now(&tenant(key)).div_euclid(DAY) * DAY
}

/// Gives a just-bound policy another term: the API cannot bind a past term (the clock
/// offset that would expire it instead is not kept across restarts) nor one shorter than
/// its quote's.
fn move_term(state: &AppState, key: &str, policy: &str, start: i64, end: i64) -> Result<(), Error> {
    let tenant = tenant(key);
    let table = state.store.policies();
    let mut body = table
        .get(&tenant, policy)?
        .ok_or_else(|| Error::Demo(format!("policy {policy} vanished while seeding")))?;
    body["effective_date"] = json!(start);
    body["expiration_date"] = json!(end);
    table.update(&tenant, policy, &[("expiration_date", end.into())], &body)?;
    Ok(())
}

fn application(quote: &str) -> Value {
    json!({
        "quote": quote,
        "success_url": "https://ops.example.com/coverage/done",
        "cancel_url": "https://ops.example.com/coverage/cancelled",
    })
}

fn text(object: &Value, key: &str) -> String {
    object[key].as_str().unwrap_or_default().to_owned()
}

fn address((line1, locality, region, postalcode): Address) -> Value {
    json!({"line1": line1, "locality": locality, "region": region, "postalcode": postalcode})
}

fn contractor(person: &data::Person) -> Value {
    json!({
        "first_name": person.first,
        "last_name": person.last,
        "email": person.email,
        "phone": person.phone,
        "address": address(person.home),
        "company_name": person.company,
    })
}

fn entity(client: &data::Client) -> Value {
    json!({
        "name": client.name,
        "address": address(client.office),
        "coverage_limit": {
            "aggregate_limit": client.aggregate * 100,
            "occurrence_limit": client.occurrence * 100,
        },
        "required_coverage": client.required,
    })
}

fn job(work: &data::Work, clients: &[String]) -> Value {
    let mut body = json!({
        "name": work.name,
        "description": work.description,
        "entity": clients[work.client],
        "category_code": work.category,
        "wage": work.wage,
        "wage_type": work.wage_type,
        "duration_hours": work.hours,
    });
    if let Some(site) = work.site {
        body["address"] = address(site);
    }
    if let Some(po) = work.purchase_order {
        body["custom_metadata"] = json!({"purchase_order_number": po});
    }
    body
}
