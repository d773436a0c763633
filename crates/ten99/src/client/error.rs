use crate::error_body::ErrorMessage;

/// What can go wrong with a call.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The API answered with an error body (reference §4.2).
    #[error("{message} ({code}, HTTP {status})")]
    Api {
        status: u16,
        code: String,
        message: ErrorMessage,
        request_id: Option<String>,
    },
    /// The API could not be reached, or the connection broke.
    #[error("could not reach the API: {0}")]
    Transport(String),
    #[error("the API did not answer in time")]
    Timeout,
    /// A success response whose body is not what the reference describes.
    #[error("unexpected response at {path}: {message}")]
    Decode { path: String, message: String },
}

impl Error {
    pub(crate) fn from_reqwest(e: reqwest::Error) -> Error {
        if e.is_timeout() {
            Error::Timeout
        } else {
            // reqwest's message names the URL but never the headers, so no key leaks here.
            Error::Transport(e.to_string())
        }
    }

    /// The API's `error_code`, if the API answered.
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { code, .. } => Some(code),
            _ => None,
        }
    }
}
