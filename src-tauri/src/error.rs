//! The one error type of the backend. It crosses the IPC boundary as
//! `coverdesk_ipc::ErrorView { code, message, fields }`.

use coverdesk_ipc::{AppEnvironment, ErrorView};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use ten99::client::Error as ApiError;
use ten99::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that fails `ten99` validation; nothing was sent.
    #[error("Some fields need attention.")]
    Invalid(FieldErrors),
    #[error(transparent)]
    Api(#[from] ApiError),
    /// No keychain service answered (none installed or running, no D-Bus session).
    #[error(
        "Coverdesk could not reach the system keychain ({0}). Start a keyring service \
         (GNOME Keyring or KWallet) in your desktop session and restart Coverdesk. Until \
         then it works on the local stand-in, and keys cannot be saved."
    )]
    KeychainUnavailable(String),
    /// The keychain answered but is locked, or refused Coverdesk.
    #[error(
        "The system keychain is locked or refused access ({0}). Unlock your login keyring \
         (for example in Passwords and Keys) and allow Coverdesk when asked, then try \
         again. Until then Coverdesk works on the local stand-in."
    )]
    KeychainLocked(String),
    #[error("No API key is saved for {}. Add one in Settings.", .0.label())]
    NoKey(AppEnvironment),
    #[error("This key cannot be used: {0}")]
    KeyRejected(String),
    #[error("The local cache failed: {0}")]
    Cache(#[from] rusqlite::Error),
    #[error("The local stand-in could not start: {0}")]
    StandIn(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("This draft is too large to keep; it was not saved.")]
    DraftTooLarge,
    /// The clipboard or the system browser failed.
    #[error("{0}")]
    Desktop(String),
    /// A document link to a host other than the API's: never fetched.
    #[error(
        "Coverdesk only downloads documents from the API's own host; this link points to {0}."
    )]
    DocumentRefused(String),
    #[error("{0}")]
    DocumentMissing(String),
    #[error("This PDF could not be read ({0}). Try Open in system viewer, or ask 1099Policy for a new copy.")]
    DocumentBroken(String),
    /// A write in production without the person's confirmation; nothing was sent.
    #[error(
        "Nothing was sent: changes in Production need your confirmation first. Try again \
         and confirm when Coverdesk asks."
    )]
    ProductionUnconfirmed,
    /// A compliance report for an entity the cache does not hold.
    #[error(
        "No entity {0} is in this environment's records. Refresh the entities and choose it again."
    )]
    UnknownEntity(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn code(&self) -> String {
        match self {
            Error::Invalid(_) => "invalid_input".into(),
            Error::Api(ApiError::Api { code, .. }) if !code.is_empty() => code.clone(),
            Error::Api(ApiError::Api { .. }) => "api_error".into(),
            Error::Api(ApiError::Transport(_)) => "network".into(),
            Error::Api(ApiError::Timeout) => "timeout".into(),
            Error::Api(ApiError::Decode { .. }) => "unexpected_response".into(),
            Error::Api(ApiError::CreatedUnreadable { .. }) => "created_unreadable".into(),
            Error::KeychainUnavailable(_) => "keychain_unavailable".into(),
            Error::KeychainLocked(_) => "keychain_locked".into(),
            Error::NoKey(_) => "no_key".into(),
            Error::KeyRejected(_) => "key_rejected".into(),
            Error::Cache(_) => "cache".into(),
            Error::StandIn(_) => "standin".into(),
            Error::Io(_) => "io".into(),
            Error::UnknownEntity(_) => "unknown_entity".into(),
            Error::DraftTooLarge => "draft_too_large".into(),
            Error::Desktop(_) => "desktop".into(),
            Error::DocumentRefused(_) => "document_refused".into(),
            Error::DocumentMissing(_) => "document_missing".into(),
            Error::DocumentBroken(_) => "document_broken".into(),
            Error::ProductionUnconfirmed => "production_unconfirmed".into(),
        }
    }

    /// What the ops person reads: what happened and what to do.
    fn user_message(&self) -> String {
        match self {
            Error::Api(ApiError::Api { code, message, .. }) if code == "duplicate_email" => {
                format!("{message} Use another email, or find the existing contractor in the list.")
            }
            Error::Api(ApiError::Api { code, .. }) if code == "invalid_input" => {
                "The API rejected some fields; see the messages next to them.".into()
            }
            Error::Api(ApiError::Api { code, message, status, .. }) if *status == 401 || code == "invalid_api_key" => {
                format!("The API did not accept the key ({message}). Check or replace it in Settings.")
            }
            Error::Api(ApiError::Api { message, status, .. }) if *status >= 500 => {
                format!("The API had a problem ({message}). Nothing was lost; try again in a moment.")
            }
            Error::Api(ApiError::Api { message, .. }) => message.to_string(),
            Error::Api(ApiError::Transport(_)) => {
                "Could not reach the API. Check the network connection; your input is kept, try again.".into()
            }
            Error::Api(ApiError::Timeout) => "The API did not answer in time. Your input is kept; try again.".into(),
            Error::Api(ApiError::Decode { path, .. }) => {
                format!("The API sent a response Coverdesk does not understand (at {path}). Please report this.")
            }
            Error::Api(ApiError::CreatedUnreadable { id, path, .. }) => {
                let what = id.as_deref().map(|id| format!(" ({id})")).unwrap_or_default();
                format!("Created{what}, but Coverdesk could not read the API's reply (at {path}). Do not create it again: refresh the list to find it, and please report this.")
            }
            other => other.to_string(),
        }
    }

    /// Field path → message, for errors that belong next to a form field.
    fn fields(&self) -> BTreeMap<String, String> {
        match self {
            Error::Invalid(fields) => fields.clone().into_map(),
            Error::KeyRejected(_) => BTreeMap::from([("key".to_owned(), self.to_string())]),
            Error::Api(ApiError::Api { code, message, .. }) => match (code.as_str(), message) {
                (_, ten99::error_body::ErrorMessage::Fields(fields)) => fields.clone(),
                ("duplicate_email", _) => BTreeMap::from([(
                    "email".to_owned(),
                    "A contractor with this email already exists".to_owned(),
                )]),
                // The API names the field only in its code; put the sentence next to that field.
                ("invalid_entity_id", message) => {
                    BTreeMap::from([("entity".to_owned(), message.to_string())])
                }
                ("invalid_job_category_code" | "missing_job_category_code", message) => {
                    BTreeMap::from([("category_code".to_owned(), message.to_string())])
                }
                ("invalid_contractor_id", message) => {
                    BTreeMap::from([("contractor".to_owned(), message.to_string())])
                }
                ("invalid_job_id", message) => {
                    BTreeMap::from([("job".to_owned(), message.to_string())])
                }
                ("effective_date_invalid", message) => {
                    BTreeMap::from([("effective_date".to_owned(), message.to_string())])
                }
                ("end_date_invalid", message) => {
                    BTreeMap::from([("end_date".to_owned(), message.to_string())])
                }
                _ => BTreeMap::new(),
            },
            _ => BTreeMap::new(),
        }
    }

    pub fn view(&self) -> ErrorView {
        ErrorView {
            code: self.code(),
            message: self.user_message(),
            fields: self.fields(),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.view().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ten99::error_body::ErrorMessage;

    fn api(status: u16, code: &str, message: ErrorMessage) -> Error {
        Error::Api(ApiError::Api {
            status,
            code: code.into(),
            message,
            request_id: None,
        })
    }

    #[test]
    fn duplicate_email_lands_on_the_email_field() {
        let view = api(
            409,
            "duplicate_email",
            ErrorMessage::Text("Email taken.".into()),
        )
        .view();
        assert_eq!(view.code, "duplicate_email");
        assert!(view.fields.contains_key("email"));
        assert!(view.message.contains("Use another email"));
    }

    #[test]
    fn invalid_input_maps_every_field() {
        let fields = BTreeMap::from([("address.region".to_owned(), "bad".to_owned())]);
        let view = api(400, "invalid_input", ErrorMessage::Fields(fields.clone())).view();
        assert_eq!(view.fields, fields);
    }

    #[test]
    fn unknown_references_land_on_their_fields() {
        let view = api(
            400,
            "invalid_entity_id",
            ErrorMessage::Text("No such entity: en_x".into()),
        )
        .view();
        assert_eq!(
            view.fields.get("entity").map(String::as_str),
            Some("No such entity: en_x")
        );
        let view = api(
            400,
            "invalid_job_category_code",
            ErrorMessage::Text("Not approved".into()),
        )
        .view();
        assert!(view.fields.contains_key("category_code"));
    }

    #[test]
    fn network_failures_say_what_to_do() {
        let view = Error::Api(ApiError::Transport("refused".into())).view();
        assert_eq!(view.code, "network");
        assert!(view.message.contains("try again"));
    }

    #[test]
    fn an_unreadable_create_says_it_was_created_and_not_to_retry() {
        let view = Error::Api(ApiError::CreatedUnreadable {
            id: Some("cn_9".into()),
            path: "created".into(),
            message: "expected an integer".into(),
        })
        .view();
        assert_eq!(view.code, "created_unreadable");
        assert!(
            view.message.starts_with("Created (cn_9), but")
                && view.message.contains("Do not create it again"),
            "{}",
            view.message
        );
    }
}
