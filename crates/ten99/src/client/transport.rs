//! One logical call: its attempts, the retry waits between them, and reading the
//! final answer.

use super::{Client, Error, IDEMPOTENCY_HEADER};
use crate::environment::ENVIRONMENT_HEADER;
use crate::resources::certificates::CertificateUpload;
use crate::resources::deleted::Deleted;
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::multipart::{Form, Part};
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// What a request carries. Built once per call, sent again on every attempt.
pub(crate) enum Payload<'a> {
    Empty,
    Json(Vec<u8>),
    /// `multipart/form-data` with parts `certificate` and `contractor` (§2.12).
    Certificate(&'a CertificateUpload),
}

impl Payload<'_> {
    pub(crate) fn json<B: Serialize + ?Sized>(body: &B) -> Result<Payload<'static>, Error> {
        serde_json::to_vec(body)
            .map(Payload::Json)
            .map_err(|e| Error::Transport(format!("could not encode the request body: {e}")))
    }
}

/// A complete answer, of any status.
struct Answer {
    status: u16,
    headers: HeaderMap,
    bytes: Vec<u8>,
}

impl Client {
    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &[&str],
        query: &[(&str, String)],
    ) -> Result<T, Error> {
        self.call(Method::GET, path, query, Payload::Empty).await
    }

    pub(crate) async fn post<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &[&str],
        body: &B,
    ) -> Result<T, Error> {
        self.call(Method::POST, path, &[], Payload::json(body)?)
            .await
    }

    /// A POST under the caller's idempotency key instead of a fresh one, for a write
    /// the caller may send again after losing track of it (a crash mid-import).
    pub(crate) async fn post_keyed<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &[&str],
        body: &B,
        idempotency_key: &str,
    ) -> Result<T, Error> {
        let payload = Payload::json(body)?;
        self.call_keyed(
            Method::POST,
            path,
            &[],
            payload,
            Some(idempotency_key.to_owned()),
        )
        .await
    }

    pub(crate) async fn put<B: Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        path: &[&str],
        body: &B,
    ) -> Result<T, Error> {
        self.call(Method::PUT, path, &[], Payload::json(body)?)
            .await
    }

    pub(crate) async fn delete(&self, path: &[&str]) -> Result<Deleted, Error> {
        self.call(Method::DELETE, path, &[], Payload::Empty).await
    }

    /// Sends until the answer is final under the retry policy. A POST gets one fresh
    /// idempotency key here, so all its attempts are one request to the API.
    pub(crate) async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &[&str],
        query: &[(&str, String)],
        payload: Payload<'_>,
    ) -> Result<T, Error> {
        let key = (method == Method::POST).then(|| uuid::Uuid::new_v4().to_string());
        self.call_keyed(method, path, query, payload, key).await
    }

    async fn call_keyed<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &[&str],
        query: &[(&str, String)],
        payload: Payload<'_>,
        key: Option<String>,
    ) -> Result<T, Error> {
        let url = self.url(path)?;
        let mut retry = 1;
        loop {
            let outcome = self
                .attempt(&method, &url, query, &payload, key.as_deref())
                .await;
            let policy = &self.inner.retry;
            let delay = match &outcome {
                Ok(answer) if (200..300).contains(&answer.status) => None,
                Ok(answer) => {
                    let code = Error::from_response(answer.status, &answer.bytes, None).api_code();
                    policy.delay(
                        retry,
                        Some(answer.status),
                        Some(&answer.headers),
                        code.as_ref(),
                    )
                }
                // A request that could not even be built will not build next time.
                Err(e) if e.is_builder() => None,
                Err(_) => policy.delay(retry, None, None, None),
            };
            match delay {
                Some(delay) => tokio::time::sleep(delay).await,
                None => return finish(&method, outcome),
            }
            retry += 1;
        }
    }

    async fn attempt(
        &self,
        method: &Method,
        url: &Url,
        query: &[(&str, String)],
        payload: &Payload<'_>,
        idempotency_key: Option<&str>,
    ) -> Result<Answer, reqwest::Error> {
        let inner = &self.inner;
        let mut request = inner
            .http
            .request(method.clone(), url.clone())
            .bearer_auth(inner.key.expose())
            .header(ENVIRONMENT_HEADER, inner.environment.as_str());
        if !query.is_empty() {
            request = request.query(query);
        }
        if let Some(key) = idempotency_key {
            request = request.header(IDEMPOTENCY_HEADER, key);
        }
        request = match payload {
            Payload::Empty => request,
            Payload::Json(bytes) => request
                .header(CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Payload::Certificate(upload) => request.multipart(certificate_form(upload)?),
        };
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await?.to_vec();
        Ok(Answer {
            status,
            headers,
            bytes,
        })
    }

    /// `base/api/v1/<segments>`, each segment percent-encoded (ids are caller input).
    fn url(&self, segments: &[&str]) -> Result<Url, Error> {
        let mut url = self.inner.url.clone();
        url.path_segments_mut()
            .map_err(|()| Error::Transport(format!("{} cannot take a path", self.inner.base)))?
            .pop_if_empty()
            .extend(["api", "v1"])
            .extend(segments);
        Ok(url)
    }
}

fn certificate_form(upload: &CertificateUpload) -> Result<Form, reqwest::Error> {
    let file = Part::bytes(upload.content.clone())
        .file_name(upload.filename.clone())
        .mime_str("application/pdf")?;
    Ok(Form::new()
        .text("contractor", upload.contractor.clone())
        .part("certificate", file))
}

fn finish<T: DeserializeOwned>(
    method: &Method,
    outcome: Result<Answer, reqwest::Error>,
) -> Result<T, Error> {
    let answer = outcome.map_err(Error::from_reqwest)?;
    if (200..300).contains(&answer.status) {
        return match decode(&answer.bytes) {
            Err(Error::Decode { path, message }) if method == Method::POST => {
                Err(Error::CreatedUnreadable {
                    id: created_id(&answer.bytes),
                    path,
                    message,
                })
            }
            other => other,
        };
    }
    let request_id = answer
        .headers
        .get("request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Err(Error::from_response(
        answer.status,
        &answer.bytes,
        request_id,
    ))
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let first = serde_path_to_error::deserialize(&mut de);
    match first {
        // Read straight from the bytes; only a body carrying a key under its old and
        // new name at once (a "duplicate field" to serde) takes the slower second read.
        Err(e) if e.inner().to_string().starts_with("duplicate field") => {
            let mut value: serde_json::Value = match serde_json::from_slice(bytes) {
                Ok(value) => value,
                Err(_) => return Err(decode_error(e)),
            };
            if !crate::decode::drop_old_names(&mut value) {
                return Err(decode_error(e));
            }
            serde_path_to_error::deserialize(value).map_err(decode_error)
        }
        other => other.map_err(decode_error),
    }
}

fn decode_error<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> Error {
    Error::Decode {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    }
}

/// The `id` of an object in a body that did not decode as its type, if it has one.
fn created_id(bytes: &[u8]) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    match body.get("id")? {
        serde_json::Value::String(id) if !id.is_empty() => Some(id.clone()),
        _ => None,
    }
}
