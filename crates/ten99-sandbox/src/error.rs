//! The one error type: API failures (each with its status and `error_code`, reference
//! §4.2–4.3) and the few things that can stop the server from starting.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use ten99::{ErrorBody, FieldErrors};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The body or a header could not be read at all (not JSON, wrong header value).
    #[error("{0}")]
    BadRequest(String),
    /// Readable, but some fields are wrong; the body's `message` is the field map.
    #[error("invalid input: {0:?}")]
    InvalidInput(FieldErrors),
    #[error("{0}")]
    InvalidApiKey(String),
    #[error("{0}")]
    InsufficientPermissions(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    DuplicateEmail(String),
    /// Another request with the same idempotency key is still running.
    #[error("{0}")]
    IdempotencyKeyInUse(String),
    #[error("{0}")]
    MethodNotAllowed(String),
    /// A rule of the API turned the request down with one of its own codes
    /// (`invalid_job_id`, `policy_already_exists`, … reference §4.3).
    #[error("{message}")]
    Rule {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A step of seeding the demo data was turned down (see `demo`).
    #[error("demo data: {0}")]
    Demo(String),
}

/// Marks a response whose request was turned away before the endpoint did anything,
/// so the idempotency layer does not store it (reference §1.5: such requests may be
/// retried with the same key).
#[derive(Debug, Clone, Copy)]
pub struct NotExecuted;

impl Error {
    /// A 400 with the API's own `code`.
    pub fn rule(code: &'static str, message: impl Into<String>) -> Error {
        Error::Rule {
            status: StatusCode::BAD_REQUEST,
            code,
            message: message.into(),
        }
    }

    /// A 409 with the API's own `code` (a duplicate, like `policy_already_exists`).
    pub fn conflict(code: &'static str, message: impl Into<String>) -> Error {
        Error::Rule {
            status: StatusCode::CONFLICT,
            code,
            message: message.into(),
        }
    }

    /// An `invalid_input` error about one field.
    pub fn invalid(field: &str, message: impl Into<String>) -> Error {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        Error::InvalidInput(errors)
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Error::BadRequest(_) | Error::InvalidInput(_) => StatusCode::BAD_REQUEST,
            Error::InvalidApiKey(_) => StatusCode::UNAUTHORIZED,
            Error::InsufficientPermissions(_) => StatusCode::FORBIDDEN,
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::DuplicateEmail(_) | Error::IdempotencyKeyInUse(_) => StatusCode::CONFLICT,
            Error::MethodNotAllowed(_) => StatusCode::METHOD_NOT_ALLOWED,
            Error::Rule { status, .. } => *status,
            Error::Database(_) | Error::Io(_) | Error::Demo(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The API's `error_code`. Codes the reference does not name are ours and say so
    /// plainly (`idempotency_key_in_use`, `method_not_allowed`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::BadRequest(_) => "bad_request",
            Error::InvalidInput(_) => "invalid_input",
            Error::InvalidApiKey(_) => "invalid_api_key",
            Error::InsufficientPermissions(_) => "insufficient_permissions",
            Error::NotFound(_) => "resource_not_found",
            Error::DuplicateEmail(_) => "duplicate_email",
            Error::IdempotencyKeyInUse(_) => "idempotency_key_in_use",
            Error::MethodNotAllowed(_) => "method_not_allowed",
            Error::Rule { code, .. } => code,
            Error::Database(_) | Error::Io(_) | Error::Demo(_) => "general_error",
        }
    }

    pub fn body(&self) -> ErrorBody {
        match self {
            Error::InvalidInput(fields) => ErrorBody::invalid_input(fields.clone().into_map()),
            other => ErrorBody::new(other.code(), other.to_string()),
        }
    }

    fn executed(&self) -> bool {
        !matches!(
            self,
            Error::BadRequest(_)
                | Error::InvalidInput(_)
                | Error::InvalidApiKey(_)
                | Error::InsufficientPermissions(_)
                | Error::IdempotencyKeyInUse(_)
                | Error::MethodNotAllowed(_)
        )
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(self.body())).into_response();
        if !self.executed() {
            response.extensions_mut().insert(NotExecuted);
        }
        response
    }
}
