//! Certificates of insurance (`/api/v1/files/certificates`, reference §2.12): a
//! contractor's own COI uploaded as a PDF for automated review.
//!
//! * Upload is `multipart/form-data` with parts `certificate` (the file) and
//!   `contractor` (`cn_…`). The file is checked in this order: present and not
//!   empty (`missing_certificate`), name ends in `.pdf` (`invalid_file_type`), part
//!   content type `application/pdf` (`invalid_mime_type`), bytes begin with `%PDF`
//!   (`invalid_file_type`), at most 15 MB (`invalid_file_size`); then the contractor:
//!   sent (`missing_contractor_id`) and one of the key's (`invalid_contractor_id`,
//!   400 like every id named in a body). All are 400.
//! * The answer is `pending` with `review_results: null`. The review "finishes" 60
//!   seconds after upload on the key's sandbox clock (move it with
//!   `POST /_sandbox/clock/advance`); it is settled lazily when certificates are
//!   read, and `certificate.approved` / `certificate.flagged` is emitted once then.
//! * The review is deterministic: the uploaded bytes are searched for the text
//!   `GENERAL LIABILITY` (ASCII, any case, as in an uncompressed PDF content
//!   stream). Found → `approved`; missing → `flagged`.
//! * `review_results` is `null` unless `expand[]=review_results` (id, status,
//!   summary, created, updated) or `expand[]=review_results.full` (also
//!   `parsed_certificate_json` and `audit_results`) is asked for, and stays `null`
//!   while pending. Without `expand[]` it is `null` rather than the review's id,
//!   because the `ten99` client reads the field as an object.
//! * `pdf_url` is `/files/certificates/<ci_id>.pdf` on this host, serving the
//!   uploaded bytes; no key needed (if one is sent it must be the holder's).

use super::shared::{found, param, query, referenced, QueryMap};
use super::{bridge, events, page};
use crate::auth::Tenant;
use crate::error::Error;
use crate::ids;
use crate::server::AppState;
use crate::store::table::text;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use rusqlite::types::Value as Sql;
use serde_json::{json, Value};
use std::collections::HashMap;
use ten99::resources::certificates::{ID_PREFIX, MAX_UPLOAD_BYTES};

/// Seconds of sandbox time a review takes.
pub const REVIEW_SECONDS: i64 = 60;

/// What a request body may hold: a file just over the limit still reaches the
/// handler, so it gets `invalid_file_size` rather than a bare 413.
const BODY_LIMIT: usize = 2 * MAX_UPLOAD_BYTES;

/// Routes under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/files/certificates", get(list).post(upload))
        .route("/files/certificates/{id}", get(retrieve))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// The uploaded files (outside `/api/v1`, like the policy documents).
pub fn file_routes() -> Router<AppState> {
    Router::new().route("/files/certificates/{file}", get(serve))
}

async fn upload(
    State(state): State<AppState>,
    tenant: Tenant,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), Error> {
    let parts = multipart(&headers, &body)?;
    let file = parts
        .iter()
        .find(|p| p.name == "certificate" && !p.body.is_empty())
        .ok_or_else(|| {
            Error::rule(
                "missing_certificate",
                "Attach the certificate PDF as the `certificate` part.",
            )
        })?;
    let filename = file.filename.clone().unwrap_or_default();
    if !filename.to_ascii_lowercase().ends_with(".pdf") {
        return Err(Error::rule(
            "invalid_file_type",
            format!("The certificate must be a PDF file ending in .pdf, not {filename:?}."),
        ));
    }
    let mime = file.content_type.as_deref().unwrap_or_default();
    if !mime
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .eq_ignore_ascii_case("application/pdf")
    {
        return Err(Error::rule(
            "invalid_mime_type",
            format!("The certificate's content type must be application/pdf, not {mime:?}."),
        ));
    }
    if !file.body.starts_with(b"%PDF") {
        return Err(Error::rule(
            "invalid_file_type",
            "The certificate is not a PDF (it does not begin with %PDF).",
        ));
    }
    if file.body.len() > MAX_UPLOAD_BYTES {
        return Err(Error::rule(
            "invalid_file_size",
            format!(
                "The certificate is {} bytes; the largest accepted is 15 MB ({MAX_UPLOAD_BYTES} bytes).",
                file.body.len()
            ),
        ));
    }
    let contractor = parts
        .iter()
        .find(|p| p.name == "contractor")
        .map(|p| String::from_utf8_lossy(p.body).trim().to_owned())
        .filter(|c| !c.is_empty())
        .ok_or_else(|| {
            Error::rule(
                "missing_contractor_id",
                "Name the contractor (`cn_…`) in the `contractor` part.",
            )
        })?;
    referenced(
        state.store.contractors_table(),
        &tenant,
        &contractor,
        "invalid_contractor_id",
        "contractor",
    )?;
    let id = ids::object(ID_PREFIX);
    let created = bridge::now(&state, &tenant);
    let object = json!({
        "id": id,
        "contractor": contractor,
        "filename": filename,
        "pdf_url": format!("/files/certificates/{id}.pdf"),
        "status": "pending",
        "review_results": null,
        "created": created,
        "updated": created,
    });
    state.store.certificates().insert(
        &tenant,
        &id,
        created,
        &[
            ("contractor", text(&contractor)),
            ("status", text("pending")),
            ("pdf", Sql::Blob(file.body.to_vec())),
        ],
        &object,
    )?;
    Ok((StatusCode::CREATED, Json(object)))
}

async fn retrieve(
    State(state): State<AppState>,
    tenant: Tenant,
    Path(id): Path<String>,
    query_map: QueryMap,
) -> Result<Json<Value>, Error> {
    let expand = Expand::from_query(&query(query_map)?)?;
    settle(&state, &tenant)?;
    let stored = found(state.store.certificates(), &tenant, &id, "certificate")?;
    Ok(Json(expand.render(stored)))
}

async fn list(
    State(state): State<AppState>,
    tenant: Tenant,
    query_map: QueryMap,
) -> Result<Json<Vec<Value>>, Error> {
    let query = query(query_map)?;
    let expand = Expand::from_query(&query)?;
    let page = page(&query)?;
    settle(&state, &tenant)?;
    let stored = state.store.certificates().list(&tenant, &[], &page)?;
    Ok(Json(stored.into_iter().map(|c| expand.render(c)).collect()))
}

/// `GET /files/certificates/<ci_id>.pdf`: the bytes as uploaded.
async fn serve(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Result<Response, Error> {
    let missing = || Error::NotFound(format!("No such file: /files/certificates/{file}"));
    let id = file.strip_suffix(".pdf").ok_or_else(missing)?;
    let (holder, object, pdf) = state.store.certificate_pdf(id)?.ok_or_else(missing)?;
    if headers.contains_key(AUTHORIZATION) && Tenant::from_headers(&headers)? != holder {
        return Err(missing());
    }
    let mut response = pdf.into_response();
    let response_headers = response.headers_mut();
    response_headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
    response_headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    let name = object["filename"]
        .as_str()
        .unwrap_or_default()
        .replace(['"', '\\'], "");
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
        response_headers.insert(CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Finishes every review of the tenant that is due by its sandbox clock, emitting
/// one event per certificate (the store's conditional update decides who emits).
fn settle(state: &AppState, tenant: &Tenant) -> Result<(), Error> {
    let now = bridge::now(state, tenant);
    let table = state.store.certificates();
    for object in table.find(tenant, &[("status", text("pending"))])? {
        let due = object["created"].as_i64().unwrap_or_default() + REVIEW_SECONDS;
        if due > now {
            continue;
        }
        let id = object["id"].as_str().unwrap_or_default().to_owned();
        let Some((_, _, pdf)) = state.store.certificate_pdf(&id)? else {
            continue;
        };
        let finished = review(object, &pdf, due);
        let status = finished["status"].as_str().unwrap_or_default().to_owned();
        if state
            .store
            .finish_certificate_review(tenant, &id, &status, &finished)?
        {
            let data = Expand::Summary.render(finished);
            events::emit(
                state,
                tenant,
                &format!("certificate.{status}"),
                "certificate",
                &data,
            )?;
        }
    }
    Ok(())
}

/// The certificate with its review done at `at`: the stored object keeps the full
/// review; [`Expand::render`] cuts it down per request.
fn review(mut object: Value, pdf: &[u8], at: i64) -> Value {
    let general_liability = contains_text(pdf, b"GENERAL LIABILITY");
    let rules = [
        (
            "Certificate is a readable PDF",
            "document.format",
            true,
            "The file is a PDF.",
            "The file is not a PDF.",
        ),
        (
            "General liability coverage is listed",
            "coverages.commercial_general_liability",
            general_liability,
            "General liability coverage found on the certificate.",
            "No general liability coverage found on the certificate.",
        ),
    ];
    let audit_results: Vec<Value> = rules
        .iter()
        .map(|(name, path, passed, ok, bad)| {
            json!({
                "id": ids::object("car_"),
                "rule_name": name,
                "rule_path": path,
                "result": if *passed { "pass" } else { "fail" },
                "message": if *passed { ok } else { bad },
                "manually_approved": false,
                "created": at,
            })
        })
        .collect();
    let passed = rules.iter().filter(|r| r.2).count();
    let status = if passed == rules.len() {
        "approved"
    } else {
        "flagged"
    };
    object["status"] = json!(status);
    object["updated"] = json!(at);
    object["review_results"] = json!({
        "id": ids::object("ca_"),
        "status": status,
        "summary": {
            "passed": passed,
            "failed": rules.len() - passed,
            "total_rules": rules.len(),
        },
        "created": at,
        "updated": at,
        "parsed_certificate_json": {
            "filename": object["filename"],
            "size_bytes": pdf.len(),
            "coverages": {
                "commercial_general_liability": {"found": general_liability},
            },
        },
        "audit_results": audit_results,
    });
    object
}

/// Whether `needle` (upper-case ASCII) occurs in `haystack`, ignoring ASCII case.
fn contains_text(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// How much of `review_results` a response carries (`expand[]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expand {
    Nothing,
    Summary,
    Full,
}

impl Expand {
    /// `expand[]` (or `expand`): `review_results` or `review_results.full`.
    fn from_query(query: &HashMap<String, String>) -> Result<Expand, Error> {
        let value = param(query, "expand[]").or_else(|| param(query, "expand"));
        match value {
            None => Ok(Expand::Nothing),
            Some("review_results") => Ok(Expand::Summary),
            Some("review_results.full") => Ok(Expand::Full),
            Some(other) => Err(Error::invalid(
                "expand[]",
                format!("Cannot expand {other:?}; use review_results or review_results.full"),
            )),
        }
    }

    fn render(self, mut object: Value) -> Value {
        let review = object["review_results"].take();
        object["review_results"] = match (self, review) {
            (_, Value::Null) | (Expand::Nothing, _) => Value::Null,
            (Expand::Full, review) => review,
            (Expand::Summary, mut review) => {
                if let Some(fields) = review.as_object_mut() {
                    fields.remove("parsed_certificate_json");
                    fields.remove("audit_results");
                }
                review
            }
        };
        object
    }
}

/// One part of a `multipart/form-data` body.
struct Part<'a> {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    body: &'a [u8],
}

/// The parts of a `multipart/form-data` body (RFC 7578), read by hand: the form has
/// two parts and no nesting.
fn multipart<'a>(headers: &HeaderMap, body: &'a [u8]) -> Result<Vec<Part<'a>>, Error> {
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let not_multipart = || {
        Error::BadRequest(
            "Send the certificate as multipart/form-data with parts `certificate` and `contractor`."
                .into(),
        )
    };
    if !content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return Err(not_multipart());
    }
    let boundary = parameter(content_type, "boundary").ok_or_else(not_multipart)?;
    let delimiter = format!("--{boundary}").into_bytes();
    let unreadable = || Error::BadRequest("The multipart/form-data body cannot be read.".into());
    let mut rest = match find(body, &delimiter) {
        Some(at) => &body[at + delimiter.len()..],
        None => return Err(unreadable()),
    };
    let mut parts = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            break;
        }
        rest = rest.strip_prefix(b"\r\n").ok_or_else(unreadable)?;
        let end = find(rest, &delimiter).ok_or_else(unreadable)?;
        let section = &rest[..end];
        let section = section.strip_suffix(b"\r\n").unwrap_or(section);
        rest = &rest[end + delimiter.len()..];
        let split = find(section, b"\r\n\r\n").ok_or_else(unreadable)?;
        let head = String::from_utf8_lossy(&section[..split]);
        let mut part = Part {
            name: String::new(),
            filename: None,
            content_type: None,
            body: &section[split + 4..],
        };
        for line in head.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    part.name = parameter(value, "name").unwrap_or_default();
                    part.filename = parameter(value, "filename");
                }
                "content-type" => part.content_type = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        parts.push(part);
    }
    Ok(parts)
}

/// `key=value` or `key="value"` out of a header value's `;`-separated parameters.
fn parameter(header: &str, key: &str) -> Option<String> {
    header.split(';').skip(1).find_map(|item| {
        let (k, v) = item.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case(key) {
            return None;
        }
        let v = v.trim();
        let v = v
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(v);
        Some(v.to_owned())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_two_part_form() {
        let mut headers = HeaderMap::new();
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("multipart/form-data; boundary=XyZ"),
        );
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"contractor\"\r\n\r\ncn_1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"certificate\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n\r\nx\r\n--XyZ--\r\n";
        let parts = multipart(&headers, body).unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "contractor");
        assert_eq!(parts[0].body, b"cn_1");
        assert_eq!(parts[1].filename.as_deref(), Some("a.pdf"));
        assert_eq!(parts[1].content_type.as_deref(), Some("application/pdf"));
        assert_eq!(parts[1].body, b"%PDF-1.4\r\n\r\nx");
    }

    #[test]
    fn review_flags_a_certificate_without_general_liability() {
        let object = json!({"id": "ci_1", "filename": "a.pdf", "review_results": null});
        let approved = review(object.clone(), b"%PDF (Commercial General Liability)", 5);
        assert_eq!(approved["status"], "approved");
        assert_eq!(approved["review_results"]["summary"]["failed"], 0);
        let flagged = review(object, b"%PDF nothing", 5);
        assert_eq!(flagged["status"], "flagged");
        assert_eq!(flagged["review_results"]["summary"]["failed"], 1);
        let summary = Expand::Summary.render(flagged.clone());
        assert!(summary["review_results"].get("audit_results").is_none());
        assert!(Expand::Nothing.render(flagged)["review_results"].is_null());
    }
}
