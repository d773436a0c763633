//! Webhook endpoints (`/api/v1/webhook_endpoints`, reference §2.11).

use crate::decode;
use crate::resources::events::EventType;
use crate::time::UnixTime;
use crate::validation::{self, FieldErrors};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// ID prefix of webhook endpoints (one guide shows `we_`).
pub const ID_PREFIX: &str = "whe_";

fn check_url(errors: &mut FieldErrors, url: &str) {
    if errors.require("url", url, "The endpoint URL is required")
        && !validation::is_http_url(url.trim())
    {
        errors.add("url", "Enter a full web address starting with https://");
    }
}

fn check_events(errors: &mut FieldErrors, events: &[EventType]) {
    for event in events {
        if let EventType::Unknown(text) = event {
            errors.add("events", format!("{text:?} is not an event type"));
        }
    }
}

/// The body of `POST /api/v1/webhook_endpoints`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookEndpointInput {
    /// Where deliveries are POSTed; required.
    #[serde(default)]
    pub url: String,
    /// A note for people; `None` to leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Empty (or `["*"]`): every event.
    #[serde(
        default,
        deserialize_with = "event_list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub events: Vec<EventType>,
}

impl WebhookEndpointInput {
    /// Every problem with the input, keyed by field path.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        check_url(&mut errors, &self.url);
        check_events(&mut errors, &self.events);
        errors
    }
}

/// The body of `PUT /api/v1/webhook_endpoints/{id}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WebhookEndpointUpdate {
    /// New delivery URL; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// New note; `None` keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "optional_event_list",
        skip_serializing_if = "Option::is_none"
    )]
    /// New set of event types delivered; `None` keeps it.
    pub events: Option<Vec<EventType>>,
}

impl WebhookEndpointUpdate {
    /// Problems with the fields being changed.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::default();
        if let Some(url) = &self.url {
            check_url(&mut errors, url);
        }
        check_events(&mut errors, self.events.as_deref().unwrap_or_default());
        errors
    }
}

/// A webhook endpoint as the API returns it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    /// `whe_…`.
    pub id: String,
    /// Where deliveries are POSTed.
    pub url: String,
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    /// A note for people; `None` when absent.
    pub description: Option<String>,
    /// The signing secret (`whsec_…`). Some doc examples send `false`: read as `None`.
    #[serde(
        default,
        deserialize_with = "secret",
        skip_serializing_if = "Option::is_none"
    )]
    pub secret: Option<String>,
    /// The event types delivered to this endpoint.
    #[serde(default, deserialize_with = "event_list")]
    pub events: Vec<EventType>,
    /// An integer, or ISO-8601 text in one revision.
    pub created: UnixTime,
}

impl std::fmt::Debug for WebhookEndpoint {
    /// Never prints the secret: logs are not a place for it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookEndpoint")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("description", &self.description)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("events", &self.events)
            .field("created", &self.created)
            .finish()
    }
}

fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) if !s.trim().is_empty() && s != "null" => Some(s),
        Value::String(_) | Value::Null | Value::Bool(_) => None,
        other => {
            return Err(D::Error::custom(format!(
                "expected the secret as text, got {other}"
            )))
        }
    })
}

fn event_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<EventType>, D::Error> {
    Ok(optional_event_list(d)?.unwrap_or_default())
}

fn optional_event_list<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Vec<EventType>>, D::Error> {
    let value = Value::deserialize(d)?;
    if value.is_null() {
        return Ok(None);
    }
    let texts = decode::string_list(value).map_err(D::Error::custom)?;
    Ok(Some(texts.iter().map(|t| EventType::parse(t)).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_secret_false_and_iso_created() {
        let endpoint: WebhookEndpoint = serde_json::from_value(json!({
            "id": "whe_KPGc5vEZdvoETu39BNwu2Z", "url": "https://example.com/webhooks", "description": "Ops",
            "secret": false, "created": "2024-01-06T05:30:39.373Z"
        }))
        .unwrap();
        assert_eq!(endpoint.secret, None);
        assert_eq!(endpoint.created, UnixTime(1_704_519_039));
        assert!(endpoint.events.is_empty());
    }

    #[test]
    fn never_prints_the_secret() {
        let endpoint: WebhookEndpoint = serde_json::from_value(json!({
            "id": "whe_1", "url": "https://x.com", "secret": "whsec_topsecret", "events": ["policy.active"], "created": 1
        }))
        .unwrap();
        assert_eq!(endpoint.secret.as_deref(), Some("whsec_topsecret"));
        assert!(!format!("{endpoint:?}").contains("topsecret"));
    }

    #[test]
    fn inputs() {
        let input = WebhookEndpointInput {
            url: "https://example.com/hooks".into(),
            description: None,
            events: vec![EventType::PolicyActive, EventType::CertificateFlagged],
        };
        assert!(input.validate().is_empty());
        assert_eq!(
            serde_json::to_value(&input).unwrap(),
            json!({"url": "https://example.com/hooks", "events": ["policy.active", "certificate.flagged"]})
        );
        let bad = WebhookEndpointInput {
            url: "example.com".into(),
            events: vec!["policy.created".into()],
            ..input
        };
        let errors = bad.validate();
        assert!(errors.get("url").is_some());
        assert_eq!(
            errors.get("events"),
            Some("\"policy.created\" is not an event type")
        );
        assert!(WebhookEndpointUpdate::default().validate().is_empty());
        assert!(WebhookEndpointUpdate {
            url: Some("".into()),
            ..Default::default()
        }
        .validate()
        .get("url")
        .is_some());
        let all: WebhookEndpointInput =
            serde_json::from_value(json!({"url": "https://x.com", "events": ["*"]})).unwrap();
        assert_eq!(all.events, [EventType::All]);
    }
}
