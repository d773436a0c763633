//! `/api/v1/invoices` over HTTP (reference §2.9): premium per pay period.

mod common;

use common::world::id;
use common::{ids, start, KEY};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn invoice(contractor: &str, job: &str, gross: i64) -> Value {
    json!({"contractor": contractor, "job": job, "gross_pay": gross,
           "paycycle_startdate": 1_700_000_000, "paycycle_enddate": 1_700_600_000})
}

fn premium(gross: i64, rate: i64) -> i64 {
    ((gross * rate + 5_000) / 10_000).max(100)
}

#[tokio::test]
async fn premium_is_gross_pay_times_the_latest_rate() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let no_rate = sandbox
        .post(
            KEY,
            "/api/v1/invoices",
            &invoice(&contractor, &job, 250_000),
        )
        .await;
    assert_eq!(
        no_rate.status,
        StatusCode::BAD_REQUEST,
        "nothing to price with yet"
    );
    let quote = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let rate = quote["net_rate"].as_i64().unwrap();
    let i = sandbox
        .made(
            KEY,
            "/api/v1/invoices",
            &invoice(&contractor, &job, 250_000),
        )
        .await;
    assert!(id(&i).starts_with("in_"));
    assert_eq!(i["premium_due"], premium(250_000, rate));
    assert_eq!(i["gross_pay"], 250_000);
    assert_eq!(i["paycycle_startdate"], 1_700_000_000);
    assert_eq!(i["purchase_order_number"], Value::Null);
    let typed: ten99::Invoice = serde_json::from_value(i.clone()).unwrap();
    assert_eq!(typed.premium_due.0, premium(250_000, rate));
    // A bound policy's rate wins over a later quote's.
    let policy = sandbox.bound(KEY, &contractor, &job).await;
    let bound_quote = sandbox
        .get(
            KEY,
            &format!("/api/v1/quotes/{}", policy["quote"].as_str().unwrap()),
        )
        .await;
    let bound_rate = bound_quote.body["net_rate"].as_i64().unwrap();
    let i = sandbox
        .made(
            KEY,
            "/api/v1/invoices",
            &invoice(&contractor, &job, 250_000),
        )
        .await;
    assert_eq!(i["premium_due"], premium(250_000, bound_rate));
    // Small pay: the 100-cent minimum.
    let i = sandbox
        .made(KEY, "/api/v1/invoices", &invoice(&contractor, &job, 100))
        .await;
    assert_eq!(i["premium_due"], 100);
}

#[tokio::test]
async fn checks_references_and_fields() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let post = |body: Value| {
        let sandbox = &sandbox;
        async move { sandbox.post(KEY, "/api/v1/invoices", &body).await }
    };
    assert_eq!(
        post(invoice("cn_nope123456", &job, 1000)).await.code(),
        "invalid_contractor_id"
    );
    assert_eq!(
        post(invoice(&contractor, "jb_nope123456", 1000))
            .await
            .code(),
        "invalid_job_id"
    );
    let reply = post(invoice(&contractor, &job, 50)).await;
    assert_eq!(reply.code(), "invalid_input");
    assert!(reply.body["message"]["gross_pay"].is_string());
    let mut backwards = invoice(&contractor, &job, 1000);
    backwards["paycycle_enddate"] = json!(1_600_000_000);
    assert!(post(backwards).await.body["message"]["paycycle_enddate"].is_string());
}

#[tokio::test]
async fn purchase_order_numbers_inherit_override_and_clear() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    sandbox
        .put(
            KEY,
            &format!("/api/v1/jobs/{job}"),
            &json!({"custom_metadata": {"purchase_order_number": "PO-7"}}),
        )
        .await;
    let inherited = sandbox
        .made(KEY, "/api/v1/invoices", &invoice(&contractor, &job, 1000))
        .await;
    assert_eq!(inherited["purchase_order_number"], "PO-7");
    let mut body = invoice(&contractor, &job, 1000);
    body["purchase_order_number"] = json!("PO-9");
    assert_eq!(
        sandbox.made(KEY, "/api/v1/invoices", &body).await["purchase_order_number"],
        "PO-9"
    );
    body["purchase_order_number"] = json!("");
    assert_eq!(
        sandbox.made(KEY, "/api/v1/invoices", &body).await["purchase_order_number"],
        Value::Null
    );
}

#[tokio::test]
async fn update_reprices_by_replacement_list_filters_and_delete() {
    let sandbox = start().await;
    let (contractor, job) = sandbox.parties(KEY, "joe@example.com").await;
    let quote = sandbox.quote(KEY, &contractor, &job, &["general"]).await;
    let rate = quote["net_rate"].as_i64().unwrap();
    let mut body = invoice(&contractor, &job, 100_000);
    body["purchase_order_number"] = json!("PO-1");
    let first = sandbox.made(KEY, "/api/v1/invoices", &body).await;
    let path = format!("/api/v1/invoices/{}", id(&first));
    let edited = sandbox
        .put(KEY, &path, &json!({"paycycle_enddate": 1_700_700_000}))
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);
    assert_eq!(edited.body["id"], first["id"], "edited in place");
    assert_eq!(edited.body["paycycle_enddate"], 1_700_700_000);
    let repriced = sandbox
        .put(KEY, &path, &json!({"gross_pay": 300_000}))
        .await;
    assert_ne!(repriced.body["id"], first["id"], "a replacement invoice");
    assert_eq!(repriced.body["premium_due"], premium(300_000, rate));
    assert_eq!(repriced.body["purchase_order_number"], "PO-1");
    assert_eq!(sandbox.get(KEY, &path).await.status, StatusCode::NOT_FOUND);

    let other = sandbox.create(KEY, "ann@example.com").await;
    sandbox.quote(KEY, &other, &job, &["general"]).await;
    let theirs = sandbox
        .made(KEY, "/api/v1/invoices", &invoice(&other, &job, 1000))
        .await;
    let all = sandbox.get(KEY, "/api/v1/invoices").await;
    assert_eq!(ids(&all.body), vec![id(&theirs), id(&repriced.body)]);
    let mine = sandbox
        .get(KEY, &format!("/api/v1/invoices?contractor={contractor}"))
        .await;
    assert_eq!(ids(&mine.body), vec![id(&repriced.body)]);
    let gone = sandbox
        .delete(KEY, &format!("/api/v1/invoices/{}", id(&theirs)))
        .await;
    assert_eq!(gone.body["object"], "invoice");
}
