//! The API's error body: `{"error_code": "…", "message": …}` (reference §4.2).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `message` is a sentence, or for `invalid_input` a map of field → problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ErrorMessage {
    Text(String),
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub error_code: String,
    pub message: ErrorMessage,
}

impl ErrorBody {
    pub fn new(error_code: &str, message: impl Into<String>) -> Self {
        ErrorBody {
            error_code: error_code.to_owned(),
            message: ErrorMessage::Text(message.into()),
        }
    }

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
}
