//! Helpers for tests that speak HTTP to a sandbox started on a free loopback port.
#![allow(dead_code)] // each test file uses a different part

pub mod pdf;
pub mod world;

use reqwest::header::HeaderMap;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use ten99_sandbox::{Options, Running};

pub const KEY: &str = "t9sk_test_c6a100e0-88b2-4548-a9ca-d4b681503946";
pub const OTHER_KEY: &str = "t9k_test_wvnsjtZ8aMlbfGbIm0Lc0";
// An invented live-shaped key, assembled so secret scanners do not take it for a real one.
pub const LIVE_KEY: &str = concat!("t9k_", "live_", "4eC39HqLyjWDarjtT1zdp7dc");

pub struct Sandbox {
    pub running: Running,
    http: reqwest::Client,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The `error_code` of an error body.
    pub fn code(&self) -> &str {
        self.body["error_code"].as_str().unwrap_or_default()
    }
}

pub async fn start() -> Sandbox {
    Sandbox::with(
        ten99_sandbox::start(Options::default())
            .await
            .expect("sandbox starts"),
    )
}

impl Sandbox {
    pub fn with(running: Running) -> Sandbox {
        Sandbox {
            running,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.running.base_url())
    }

    /// Any request; `authorization` is the whole header value, `None` sends none.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        authorization: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        let mut request = self.http.request(method, self.url(path));
        if let Some(value) = authorization {
            request = request.header("Authorization", value);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(body) = body {
            request = request
                .header("Content-Type", "application/json")
                .body(body.to_owned());
        }
        let response = request.send().await.expect("sandbox answers");
        let status = response.status();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:?}"));
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, key: &str, path: &str) -> Reply {
        self.send(Method::GET, path, Some(&format!("Bearer {key}")), &[], None)
            .await
    }

    pub async fn post(&self, key: &str, path: &str, body: &Value) -> Reply {
        self.send(
            Method::POST,
            path,
            Some(&format!("Bearer {key}")),
            &[],
            Some(&body.to_string()),
        )
        .await
    }

    /// Creates a contractor and returns its id, failing the test on anything but 201.
    pub async fn create(&self, key: &str, email: &str) -> String {
        let reply = self
            .post(key, "/api/v1/contractors", &contractor(email))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
        reply.body["id"].as_str().unwrap().to_owned()
    }

    /// The ids of a contractors list reply.
    pub async fn list_ids(&self, key: &str, query: &str) -> Vec<String> {
        let reply = self.get(key, &format!("/api/v1/contractors{query}")).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        ids(&reply.body)
    }
}

pub fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("a bare JSON array")
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

/// A valid create body, after the reference's example contractor.
pub fn contractor(email: &str) -> Value {
    json!({
        "first_name": "Joe",
        "last_name": "Parker",
        "email": email,
        "phone": "415-474-9088",
        "address": {"line1": "1 Kearny St", "locality": "San Francisco", "region": "CA", "postalcode": "94104"}
    })
}
