//! Certificates of insurance (reference §2.12) over HTTP: the multipart upload and
//! its checks, the simulated review on the sandbox clock, `expand[]`, paging, the
//! events and the served PDF.

mod common;

use common::*;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// A small PDF whose text names general liability: approved on review.
fn good_pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Length 60 >> stream\nBT (COMMERCIAL GENERAL LIABILITY  EACH OCCURRENCE $1,000,000) Tj ET\nendstream endobj\n%%EOF\n".to_vec()
}

/// A PDF without general liability: flagged on review.
fn workers_comp_pdf() -> Vec<u8> {
    b"%PDF-1.4\nBT (WORKERS COMPENSATION AND EMPLOYERS' LIABILITY) Tj ET\n%%EOF\n".to_vec()
}

fn file(bytes: Vec<u8>, name: &str, mime: &str) -> Part {
    Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(mime)
        .unwrap()
}

fn form(contractor: &str, certificate: Part) -> Form {
    Form::new()
        .text("contractor", contractor.to_owned())
        .part("certificate", certificate)
}

async fn upload_form(sandbox: &Sandbox, key: &str, form: Form) -> Reply {
    let response = reqwest::Client::new()
        .post(sandbox.url("/api/v1/files/certificates"))
        .bearer_auth(key)
        .multipart(form)
        .send()
        .await
        .expect("sandbox answers");
    let status = response.status();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:?}"));
    Reply {
        status,
        headers,
        body,
    }
}

/// Uploads `pdf` as `coi.pdf` for `contractor`; fails the test on anything but 201.
async fn upload(sandbox: &Sandbox, contractor: &str, pdf: Vec<u8>) -> Value {
    let reply = upload_form(
        sandbox,
        KEY,
        form(contractor, file(pdf, "coi.pdf", "application/pdf")),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    reply.body
}

async fn advance(sandbox: &Sandbox, seconds: i64) {
    let reply = sandbox
        .post(KEY, "/_sandbox/clock/advance", &json!({"seconds": seconds}))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
}

async fn get_certificate(sandbox: &Sandbox, id: &str, query: &str) -> Value {
    let reply = sandbox
        .get(KEY, &format!("/api/v1/files/certificates/{id}{query}"))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body
}

async fn events_of(sandbox: &Sandbox, type_: &str) -> Vec<Value> {
    let reply = sandbox
        .get(KEY, &format!("/api/v1/events?type={type_}"))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.body.as_array().unwrap().clone()
}

#[tokio::test]
async fn upload_answers_a_pending_certificate_and_serves_the_pdf() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let certificate = upload(&sandbox, &joe, good_pdf()).await;
    let id = certificate["id"].as_str().unwrap();
    assert!(id.starts_with("ci_"), "{id}");
    assert_eq!(certificate["contractor"], joe.as_str());
    assert_eq!(certificate["filename"], "coi.pdf");
    assert_eq!(certificate["status"], "pending");
    assert!(certificate["review_results"].is_null());
    assert!(certificate["created"].is_i64());
    assert_eq!(certificate["updated"], certificate["created"]);
    let pdf_url = certificate["pdf_url"].as_str().unwrap();
    assert_eq!(pdf_url, format!("/files/certificates/{id}.pdf"));

    // No key needed, like the policy documents.
    let served = reqwest::get(sandbox.url(pdf_url)).await.unwrap();
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.headers()["content-type"], "application/pdf");
    assert_eq!(
        served.bytes().await.unwrap().as_ref(),
        good_pdf().as_slice()
    );
    // Another key's request does not see it.
    let foreign = reqwest::Client::new()
        .get(sandbox.url(pdf_url))
        .bearer_auth(OTHER_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), StatusCode::NOT_FOUND);
    let unknown = reqwest::get(sandbox.url("/files/certificates/ci_nope.pdf"))
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);

    assert_eq!(get_certificate(&sandbox, id, "").await, certificate);
    sandbox.running.stop().await;
}

#[tokio::test]
async fn the_file_is_checked() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let cases = [
        (
            "no certificate part",
            Form::new().text("contractor", joe.clone()),
            "missing_certificate",
        ),
        (
            "an empty file",
            form(&joe, file(Vec::new(), "coi.pdf", "application/pdf")),
            "missing_certificate",
        ),
        (
            "a .png name",
            form(&joe, file(good_pdf(), "coi.png", "application/pdf")),
            "invalid_file_type",
        ),
        (
            "an image content type",
            form(&joe, file(good_pdf(), "coi.pdf", "image/png")),
            "invalid_mime_type",
        ),
        (
            "bytes that are not a PDF",
            form(
                &joe,
                file(b"GIF89a not a pdf".to_vec(), "coi.pdf", "application/pdf"),
            ),
            "invalid_file_type",
        ),
        (
            "more than 15 MB",
            form(
                &joe,
                file(
                    [b"%PDF-1.4\n".as_slice(), &vec![b' '; 15 * 1024 * 1024]].concat(),
                    "coi.pdf",
                    "application/pdf",
                ),
            ),
            "invalid_file_size",
        ),
    ];
    for (case, form, code) in cases {
        let reply = upload_form(&sandbox, KEY, form).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{case}: {}",
            reply.body
        );
        assert_eq!(reply.code(), code, "{case}: {}", reply.body);
    }
    // Exactly 15 MB is still accepted.
    let limit = [b"%PDF-1.4\n".as_slice(), &vec![b' '; 15 * 1024 * 1024 - 9]].concat();
    let reply = upload_form(
        &sandbox,
        KEY,
        form(&joe, file(limit, "COI.PDF", "application/pdf")),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
    let listed = sandbox.get(KEY, "/api/v1/files/certificates").await;
    assert_eq!(ids(&listed.body).len(), 1, "only the good upload is stored");
    sandbox.running.stop().await;
}

#[tokio::test]
async fn the_contractor_is_checked() {
    let sandbox = start().await;
    let theirs = sandbox.create(OTHER_KEY, "ann@example.com").await;
    let pdf = || file(good_pdf(), "coi.pdf", "application/pdf");

    let missing = upload_form(&sandbox, KEY, Form::new().part("certificate", pdf())).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST, "{}", missing.body);
    assert_eq!(missing.code(), "missing_contractor_id");
    let blank = upload_form(&sandbox, KEY, form("  ", pdf())).await;
    assert_eq!(blank.code(), "missing_contractor_id", "{}", blank.body);

    for contractor in ["cn_doesnotexist", theirs.as_str()] {
        let reply = upload_form(&sandbox, KEY, form(contractor, pdf())).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
        assert_eq!(reply.code(), "invalid_contractor_id", "{}", reply.body);
    }
    sandbox.running.stop().await;
}

#[tokio::test]
async fn a_body_that_is_not_multipart_is_a_bad_request() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let reply = sandbox
        .post(
            KEY,
            "/api/v1/files/certificates",
            &json!({"contractor": joe, "certificate": "%PDF"}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(reply.code(), "bad_request");
    sandbox.running.stop().await;
}

#[tokio::test]
async fn review_approves_after_sixty_seconds_and_emits_once() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let certificate = upload(&sandbox, &joe, good_pdf()).await;
    let id = certificate["id"].as_str().unwrap();
    let created = certificate["created"].as_i64().unwrap();

    advance(&sandbox, 59).await;
    let early = get_certificate(&sandbox, id, "?expand[]=review_results.full").await;
    assert_eq!(early["status"], "pending");
    assert!(early["review_results"].is_null());
    assert!(events_of(&sandbox, "certificate.approved").await.is_empty());

    advance(&sandbox, 1).await;
    // Without expand[] the status moves but review_results stays null.
    let plain = get_certificate(&sandbox, id, "").await;
    assert_eq!(plain["status"], "approved");
    assert!(plain["review_results"].is_null(), "{plain}");
    assert_eq!(plain["updated"], created + 60);

    let summary = get_certificate(&sandbox, id, "?expand[]=review_results").await;
    let review = &summary["review_results"];
    assert!(
        review["id"].as_str().unwrap().starts_with("ca_"),
        "{review}"
    );
    assert_eq!(review["status"], "approved");
    assert_eq!(
        review["summary"],
        json!({"passed": 2, "failed": 0, "total_rules": 2})
    );
    assert_eq!(review["created"], created + 60);
    assert_eq!(review["updated"], created + 60);
    assert!(review.get("audit_results").is_none());
    assert!(review.get("parsed_certificate_json").is_none());

    let full = get_certificate(&sandbox, id, "?expand%5B%5D=review_results.full").await;
    let review = &full["review_results"];
    assert_eq!(review["id"], summary["review_results"]["id"]);
    assert!(review["parsed_certificate_json"].is_object(), "{review}");
    let rows = review["audit_results"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    for row in rows {
        assert!(row["id"].as_str().unwrap().starts_with("car_"), "{row}");
        for key in ["rule_name", "rule_path", "message"] {
            assert!(row[key].is_string(), "{key}: {row}");
        }
        assert_eq!(row["result"], "pass");
        assert_eq!(row["manually_approved"], false);
        assert_eq!(row["created"], created + 60);
    }

    // The ten99 client's model reads every shape.
    for shape in [&plain, &summary, &full] {
        let typed: ten99::Certificate = serde_json::from_value(shape.clone()).unwrap();
        assert_eq!(typed.status, ten99::CertificateStatus::Approved);
    }
    let typed: ten99::Certificate = serde_json::from_value(full.clone()).unwrap();
    assert_eq!(typed.review_results.unwrap().audit_results.len(), 2);

    // Read again (and listed): still one event.
    sandbox.get(KEY, "/api/v1/files/certificates").await;
    let events = events_of(&sandbox, "certificate.approved").await;
    assert_eq!(events.len(), 1, "{events:?}");
    let data = &events[0]["data"];
    assert_eq!(data["object"], "certificate");
    assert_eq!(data["id"], id);
    assert_eq!(data["status"], "approved");
    assert_eq!(data["review_results"]["summary"]["passed"], 2);
    assert!(events_of(&sandbox, "certificate.flagged").await.is_empty());
    sandbox.running.stop().await;
}

#[tokio::test]
async fn a_certificate_without_general_liability_is_flagged() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let certificate = upload(&sandbox, &joe, workers_comp_pdf()).await;
    let id = certificate["id"].as_str().unwrap();
    advance(&sandbox, 120).await;
    let full = get_certificate(&sandbox, id, "?expand[]=review_results.full").await;
    assert_eq!(full["status"], "flagged");
    let review = &full["review_results"];
    assert_eq!(review["status"], "flagged");
    assert_eq!(
        review["summary"],
        json!({"passed": 1, "failed": 1, "total_rules": 2})
    );
    let failed: Vec<&Value> = review["audit_results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["result"] != "pass")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0]["rule_path"],
        "coverages.commercial_general_liability"
    );
    let events = events_of(&sandbox, "certificate.flagged").await;
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["data"]["id"], id);
    assert!(events_of(&sandbox, "certificate.approved").await.is_empty());
    sandbox.running.stop().await;
}

#[tokio::test]
async fn list_pages_newest_first_and_expands() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(
            upload(&sandbox, &joe, good_pdf()).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    made.reverse(); // newest first

    let path = "/api/v1/files/certificates";
    let all = sandbox.get(KEY, path).await;
    assert_eq!(all.status, StatusCode::OK, "{}", all.body);
    assert_eq!(ids(&all.body), made);
    let first = sandbox.get(KEY, &format!("{path}?limit=2")).await;
    assert_eq!(ids(&first.body), made[..2]);
    let next = sandbox
        .get(KEY, &format!("{path}?limit=2&starting_after={}", made[1]))
        .await;
    assert_eq!(ids(&next.body), made[2..]);
    let back = sandbox
        .get(KEY, &format!("{path}?ending_before={}", made[2]))
        .await;
    assert_eq!(ids(&back.body), made[..2]);
    let bad_limit = sandbox.get(KEY, &format!("{path}?limit=0")).await;
    assert_eq!(bad_limit.status, StatusCode::BAD_REQUEST);

    advance(&sandbox, 60).await;
    let expanded = sandbox
        .get(KEY, &format!("{path}?expand[]=review_results"))
        .await;
    for certificate in expanded.body.as_array().unwrap() {
        assert_eq!(certificate["status"], "approved");
        assert_eq!(certificate["review_results"]["summary"]["total_rules"], 2);
    }
    assert_eq!(
        events_of(&sandbox, "certificate.approved").await.len(),
        3,
        "one per certificate"
    );
    // Another key sees none of them.
    let theirs = sandbox.get(OTHER_KEY, path).await;
    assert_eq!(theirs.body, json!([]));
    sandbox.running.stop().await;
}

#[tokio::test]
async fn unknown_ids_and_expansions_are_refused() {
    let sandbox = start().await;
    let joe = sandbox.create(KEY, "joe@example.com").await;
    let id = upload(&sandbox, &joe, good_pdf()).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = format!("/api/v1/files/certificates/{id}");
    let missing = sandbox
        .get(KEY, "/api/v1/files/certificates/ci_doesnotexist")
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.code(), "resource_not_found");
    let foreign = sandbox.get(OTHER_KEY, &path).await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let bad = sandbox
        .get(KEY, &format!("{path}?expand[]=contractor"))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
    assert_eq!(bad.code(), "invalid_input");
    sandbox.running.stop().await;
}
