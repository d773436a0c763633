//! The API's error body: `{"error_code": "…", "message": …}` (reference §4.2).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `message` is a sentence, or for `invalid_input` a map of field → problem.
///
/// With `tolerant`, a field → list of problems is read too (the problems joined with
/// `"; "`), and a null or missing message is the empty sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ErrorMessage {
    /// A sentence, as most errors send.
    Text(String),
    /// Field name → problem, as `invalid_input` sends.
    Fields(BTreeMap<String, String>),
}

impl std::fmt::Display for ErrorMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ErrorMessage::Text(text) => f.write_str(text),
            ErrorMessage::Fields(fields) => {
                // The Python SDK joins field problems the same way.
                let joined: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                f.write_str(&joined.join(", "))
            }
        }
    }
}

/// The body of every non-2xx answer.
///
/// With `tolerant`, a Stripe-style `{"error": {"code"|"error_code": …, "message": …}}`
/// is read too, and so is a code or message missing beside the other (reference §4.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tolerant", serde(try_from = "serde_json::Value"))]
pub struct ErrorBody {
    /// The machine-readable code (`duplicate_email`, `invalid_input`); empty if none was sent.
    pub error_code: String,
    /// What went wrong, for a person.
    pub message: ErrorMessage,
}

#[cfg(feature = "tolerant")]
impl TryFrom<serde_json::Value> for ErrorBody {
    type Error = String;

    fn try_from(value: serde_json::Value) -> Result<Self, String> {
        use serde_json::Value;
        let Value::Object(mut body) = value else {
            return Err(format!("expected an error object, got {value}"));
        };
        // Stripe's shape nests everything one level down.
        if let Some(Value::Object(inner)) = body.remove("error") {
            body.extend(inner);
        }
        let error_code = match body.remove("error_code").or_else(|| body.remove("code")) {
            Some(Value::String(code)) => code,
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        let message = match body.remove("message") {
            None | Some(Value::Null) => ErrorMessage::Text(String::new()),
            Some(Value::String(text)) => ErrorMessage::Text(text),
            Some(Value::Object(fields)) => ErrorMessage::Fields(
                fields
                    .into_iter()
                    .map(|(field, problem)| (field, problem_text(problem)))
                    .collect(),
            ),
            Some(other) => ErrorMessage::Text(problem_text(other)),
        };
        if error_code.is_empty() && matches!(&message, ErrorMessage::Text(t) if t.is_empty()) {
            return Err("neither error_code nor message".to_owned());
        }
        Ok(ErrorBody {
            error_code,
            message,
        })
    }
}

/// One field's problem as text: a list's items joined with `"; "`.
#[cfg(feature = "tolerant")]
fn problem_text(problem: serde_json::Value) -> String {
    use serde_json::Value;
    match problem {
        Value::String(text) => text,
        Value::Array(items) => items
            .into_iter()
            .map(problem_text)
            .collect::<Vec<_>>()
            .join("; "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl ErrorBody {
    /// An error with a sentence as its message.
    pub fn new(error_code: &str, message: impl Into<String>) -> Self {
        ErrorBody {
            error_code: error_code.to_owned(),
            message: ErrorMessage::Text(message.into()),
        }
    }

    /// `invalid_input` with a field → problem map.
    pub fn invalid_input(fields: BTreeMap<String, String>) -> Self {
        ErrorBody {
            error_code: "invalid_input".to_owned(),
            message: ErrorMessage::Fields(fields),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_text_and_field_messages() {
        let text: ErrorBody =
            serde_json::from_str(r#"{"error_code":"duplicate_email","message":"taken"}"#).unwrap();
        assert_eq!(text, ErrorBody::new("duplicate_email", "taken"));
        let fields: ErrorBody = serde_json::from_str(
            r#"{"error_code":"invalid_input","message":{"email":"is not valid","phone":"is required"}}"#,
        )
        .unwrap();
        assert_eq!(
            fields.message.to_string(),
            "email: is not valid, phone: is required"
        );
    }

    #[cfg(feature = "tolerant")]
    #[test]
    fn every_error_shape_keeps_its_code() {
        let read = |text: &str| serde_json::from_str::<ErrorBody>(text).unwrap();
        let lists = read(
            r#"{"error_code":"invalid_input","message":{"email":["is not valid","is taken"],"phone":"is required"}}"#,
        );
        assert_eq!(
            lists,
            ErrorBody::invalid_input(BTreeMap::from([
                ("email".into(), "is not valid; is taken".into()),
                ("phone".into(), "is required".into()),
            ]))
        );
        assert_eq!(
            read(r#"{"error_code":"not_found","message":null}"#),
            ErrorBody::new("not_found", "")
        );
        assert_eq!(
            read(r#"{"error_code":"rate_limited"}"#),
            ErrorBody::new("rate_limited", "")
        );
        assert_eq!(
            read(r#"{"error":{"code":"invalid_api_key","message":"No such key","type":"x"}}"#),
            ErrorBody::new("invalid_api_key", "No such key")
        );
        assert_eq!(
            read(r#"{"error":{"error_code":"server_error","message":["a","b"]},"extra":1}"#),
            ErrorBody::new("server_error", "a; b")
        );
        assert!(serde_json::from_str::<ErrorBody>(r#"{"detail":"x"}"#).is_err());
        assert!(serde_json::from_str::<ErrorBody>(r#""oops""#).is_err());
    }
}
