//! Events (`/api/v1/events`, reference §2.10, §5): what happened, as webhooks deliver it
//! and as the desktop app polls for it.
//!
//! Three payload shapes are documented (§5.3): the resource is `data` itself (reference),
//! `data` without an event `id` (compliance guide), or Stripe-style `data.object`
//! (certificate guides). [`Event`] reads all three and keeps the resource in `data`.

use crate::decode;
use crate::resources::{assignments::Assignment, certificates::Certificate, invoices::Invoice};
use crate::resources::{policies::Policy, sessions::Session};
use crate::time::UnixTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// ID prefix of events (newer guides show `evt_`).
pub const ID_PREFIX: &str = "ev_";

string_enum! {
    /// What an event is about (§5.2), plus `*` for "all" in webhook subscriptions.
    open enum EventType {
        PolicyActive = "policy.active",
        PolicyActiveMedia = "policy.active.media",
        PolicyCancelled = "policy.cancelled" | "policy.canceled",
        PolicyReactivated = "policy.reactivated",
        ApplicationCreated = "application.created",
        ApplicationStarted = "application.started",
        ApplicationComplete = "application.complete",
        ApplicationExpired = "application.expired",
        ApplicationIneligible = "application.ineligible",
        ApplicationManualReview = "application.manual_review",
        ApplicationManualReviewApproved = "application.manual_review_approved",
        AssignmentActive = "assignment.active",
        AssignmentCancelled = "assignment.cancelled" | "assignment.canceled",
        CertificateFlagged = "certificate.flagged",
        CertificateApproved = "certificate.approved",
        CertificateDenied = "certificate.denied",
        CertificateError = "certificate.error",
        InvoiceChargeCardFailed = "invoice.charge_card_failed",
        InvoiceChargeCardSucceeded = "invoice.charge_card_succeeded",
        CategoryCodeAdded = "category_code.added",
        PaymentSessionCompleted = "payment.session.completed",
        PaymentSessionCancelled = "payment.session.cancelled",
        PaymentSessionExpired = "payment.session.expired",
        /// Every event; only meaningful in a webhook endpoint's `events`.
        All = "*",
    }
}

impl EventType {
    /// The kind of object the event carries, from the part before the first dot.
    pub fn object_kind(&self) -> &str {
        let text = self.as_str();
        if text.starts_with("payment.session.") {
            return "payment_session";
        }
        text.split('.').next().unwrap_or(text)
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `ev_…`; absent in one guide's payloads.
    #[serde(
        default,
        deserialize_with = "decode::optional_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<String>,
    /// What happened (`policy.active`, `invoice.charge_card_failed`, …); JSON `type`.
    #[serde(rename = "type")]
    pub type_: EventType,
    /// When it happened.
    pub created: UnixTime,
    /// The resource the event is about: `data.object` when the payload wraps it.
    #[serde(default, deserialize_with = "resource_data")]
    pub data: Value,
}

/// `data`, unwrapped from `{"object": {...}}` when so wrapped. A string `object` (the
/// `"object": "policy"` tag of the reference shape) is a field of the resource, kept.
fn resource_data<'de, D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
    let value = decode::unstringify(Value::deserialize(d)?).map_err(serde::de::Error::custom)?;
    Ok(match value {
        Value::Object(mut map) if map.get("object").is_some_and(Value::is_object) => {
            map.remove("object").unwrap_or(Value::Null)
        }
        other => other,
    })
}

/// The resource of an event, typed by the event's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum EventObject {
    /// A `policy.*` event's policy.
    Policy(Box<Policy>),
    /// An `application.*` (session) event's session.
    Session(Box<Session>),
    /// An `assignment.*` event's assignment.
    Assignment(Box<Assignment>),
    /// A `certificate.*` event's certificate.
    Certificate(Box<Certificate>),
    /// An `invoice.*` event's invoice.
    Invoice(Box<Invoice>),
    /// Kinds without a model here (category codes, payment sessions, new ones).
    Other(Value),
}

impl Event {
    /// `data` as `T`.
    pub fn object<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        T::deserialize(&self.data)
    }

    /// `data` as the model its type implies (`policy.*` → [`Policy`], `application.*` →
    /// [`Session`], …).
    pub fn resource(&self) -> Result<EventObject, serde_json::Error> {
        Ok(match self.type_.object_kind() {
            "policy" => EventObject::Policy(Box::new(self.object()?)),
            "application" => EventObject::Session(Box::new(self.object()?)),
            "assignment" => EventObject::Assignment(Box::new(self.object()?)),
            "certificate" => EventObject::Certificate(Box::new(self.object()?)),
            "invoice" => EventObject::Invoice(Box::new(self.object()?)),
            _ => EventObject::Other(self.data.clone()),
        })
    }

    /// The `id` inside `data`, if any.
    pub fn object_id(&self) -> Option<&str> {
        self.data.get("id").and_then(Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_reference_shape() {
        let event: Event = serde_json::from_value(json!({
            "id": "ev_Q2kA9Nsub9jKcFJqcBSv2u", "type": "policy.active", "created": 1646818364,
            "data": {"id": "pl_WzFRszJhoY", "object": "policy", "quote": "qt_5DciVga8Kt", "status": "active", "created": 1646818364}
        }))
        .unwrap();
        assert_eq!(event.type_, EventType::PolicyActive);
        assert_eq!(event.data["object"], "policy");
        let EventObject::Policy(policy) = event.resource().unwrap() else {
            panic!("a policy")
        };
        assert_eq!(policy.id, "pl_WzFRszJhoY");
    }

    #[test]
    fn reads_the_wrapped_shape() {
        let event: Event = serde_json::from_value(json!({
            "id": "evt_abc123", "type": "certificate.flagged", "created": 1700000000,
            "data": {"object": {"id": "ci_YnsHeB9PTo", "contractor": "cn_1", "status": "flagged", "created": 1700000000}}
        }))
        .unwrap();
        assert_eq!(event.object_id(), Some("ci_YnsHeB9PTo"));
        assert!(matches!(
            event.resource().unwrap(),
            EventObject::Certificate(_)
        ));
    }

    #[test]
    fn unknown_types_and_missing_ids_are_fine() {
        let event: Event =
            serde_json::from_value(json!({"type": "contractor.updated", "created": "2023-09-27T05:37:06.742302", "data": {"id": "cn_1"}}))
                .unwrap();
        assert_eq!(event.id, None);
        assert_eq!(event.type_, EventType::Unknown("contractor.updated".into()));
        assert!(matches!(event.resource().unwrap(), EventObject::Other(_)));
        assert_eq!(
            EventType::PaymentSessionExpired.object_kind(),
            "payment_session"
        );
        assert_eq!(EventType::parse("*"), EventType::All);
    }
}
