use super::error_code::ErrorCode;
use crate::error_body::{ErrorBody, ErrorMessage};

/// What can go wrong with a call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with an error (reference §4.2): after any retries, the last
    /// answer. `code` is the raw `error_code` (empty if the body had none); see
    /// [`Error::api_code`] for the typed form.
    #[error("{message} ({code}, HTTP {status})")]
    Api {
        /// The HTTP status of the last answer.
        status: u16,
        /// The raw `error_code` as sent; empty if the body had none.
        code: String,
        /// A sentence, or for `invalid_input` a field → problem map.
        message: ErrorMessage,
        /// The `request-id` response header, for support requests.
        request_id: Option<String>,
    },
    /// The API could not be reached, or the connection broke (after any retries).
    #[error("could not reach the API: {0}")]
    Transport(String),
    /// No complete answer within the client's timeouts (after any retries).
    #[error("the API did not answer in time")]
    Timeout,
    /// A success response whose body is not what the reference describes; `path` is
    /// where in the body (`[3].created`).
    #[error("unexpected response at {path}: {message}")]
    Decode {
        /// Where in the body reading failed (`[3].created`).
        path: String,
        /// What was wrong there, from the decoder.
        message: String,
    },
    /// A 2xx answer to a create (a POST) whose body could not be read: the API did the
    /// write, so the object most likely exists and sending the call again could make a
    /// duplicate. `id` is the object's ID when the body showed one.
    #[error("created{}, but the reply could not be read (at {path}: {message})", id_note(.id))]
    CreatedUnreadable {
        /// The new object's ID (`cn_…`), if the body showed one.
        id: Option<String>,
        /// Where in the body reading failed (`address.region`).
        path: String,
        /// What was wrong there, from the decoder.
        message: String,
    },
}

fn id_note(id: &Option<String>) -> String {
    id.as_deref()
        .map(|id| format!(" ({id})"))
        .unwrap_or_default()
}

impl Error {
    pub(crate) fn from_reqwest(mut e: reqwest::Error) -> Error {
        if e.is_timeout() {
            return Error::Timeout;
        }
        // The message names the URL; its query may hold an email filter, which has no
        // place in an error shown or logged.
        if let Some(url) = e.url_mut() {
            url.set_query(None);
        }
        // reqwest's top line is only "error sending request"; the cause (refused,
        // reset, DNS) is further down. None of it names headers, so no key leaks.
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(cause) = source {
            let cause_text = cause.to_string();
            if !text.contains(&cause_text) {
                text.push_str(": ");
                text.push_str(&cause_text);
            }
            source = cause.source();
        }
        Error::Transport(text)
    }

    /// The error of a non-2xx answer: the API's body, or a stand-in for one when the
    /// body is not the documented JSON (a proxy's HTML page, say).
    pub(crate) fn from_response(status: u16, bytes: &[u8], request_id: Option<String>) -> Error {
        let body = serde_json::from_slice::<ErrorBody>(bytes).unwrap_or_else(|_| ErrorBody {
            error_code: String::new(),
            message: ErrorMessage::Text(format!(
                "HTTP {status}: {}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            )),
        });
        Error::Api {
            status,
            code: body.error_code,
            message: body.message,
            request_id,
        }
    }

    /// The API's `error_code` as sent, if the API answered.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    /// The API's `error_code`, typed; `None` unless the API answered with one.
    pub fn api_code(&self) -> Option<ErrorCode> {
        self.code()
            .filter(|code| !code.is_empty())
            .map(ErrorCode::parse)
    }

    /// The HTTP status, if the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The `request-id` of the failed answer, if any.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// `invalid_input`'s field → problem map, if that is what the API sent.
    pub fn field_errors(&self) -> Option<&std::collections::BTreeMap<String, String>> {
        match self {
            Error::Api {
                message: ErrorMessage::Fields(fields),
                ..
            } => Some(fields),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_read_the_body_or_describe_it() {
        let e = Error::from_response(
            409,
            br#"{"error_code":"duplicate_email","message":"taken"}"#,
            Some("req_1".into()),
        );
        assert_eq!(e.api_code(), Some(ErrorCode::DuplicateEmail));
        assert_eq!((e.status(), e.request_id()), (Some(409), Some("req_1")));
        assert_eq!(e.to_string(), "taken (duplicate_email, HTTP 409)");
        let html = Error::from_response(502, b"<html>Bad gateway</html>", None);
        assert_eq!(html.api_code(), None);
        assert!(html.to_string().contains("HTTP 502: <html>"), "{html}");
        let fields = Error::from_response(
            400,
            br#"{"error_code":"invalid_input","message":{"email":"bad"}}"#,
            None,
        );
        assert_eq!(fields.field_errors().unwrap()["email"], "bad");
        assert_eq!(Error::Timeout.api_code(), None);
    }
}
